package check

import (
	"fmt"
	"sort"
	"strings"

	"github.com/fazhi-dev/fazhi/internal/config"
	"github.com/fazhi-dev/fazhi/internal/legal"
	"github.com/fazhi-dev/fazhi/internal/site"
)

// checkReports runs the rules of the two statutory annual reports:
// report-arithmetic (the 勾稽关系 of 表三 and 表四), report-sections (a
// required section heading is missing) and report-late / report-due (the
// report on last year is not online after its deadline).
func (c *checker) checkReports() {
	has := map[legal.ReportType]map[int]bool{}
	for _, p := range c.site.Pages {
		r := p.Report()
		if r == nil {
			continue
		}
		if has[r.Type] == nil {
			has[r.Type] = map[int]bool{}
		}
		has[r.Type][r.Year] = true
		c.reportSections(p, r.Type)
		if r.Type == legal.ReportXxgk {
			c.reportCatalogue(p, r.Year, r.Table2[string(legal.GenreNormative)])
			for _, m := range legal.CheckTable3(r.Table3) {
				c.find(p.SourcePath(), p.Line("report.table3."+m.Row), 0, RuleReportArithmetic, m.Error())
			}
			for _, m := range legal.CheckTable4(r.Table4) {
				c.find(p.SourcePath(), p.Line("report.table4."+m.Row), 0, RuleReportArithmetic, m.Error())
			}
		}
	}
	c.reportDeadlines(has)
}

// reportCatalogue compares 表二's 本年制发件数 of 行政规范性文件 with the
// site's own policy catalogue: the 行政规范性文件 pages dated in the report
// year. A site whose catalogue holds no 行政规范性文件 at all is not
// compared (its documents are published elsewhere).
func (c *checker) reportCatalogue(p *site.Page, year int, row []float64) {
	if len(row) == 0 {
		return
	}
	var any bool
	var files []string
	for _, q := range c.site.Pages {
		if q.Policy == nil || q.Policy.Genre != legal.GenreNormative {
			continue
		}
		any = true
		if q.Date.In(c.cfg.Location).Year() == year {
			files = append(files, q.SourcePath())
		}
	}
	if !any || int(row[0]) == len(files) {
		return
	}
	sort.Strings(files)
	list := "没有"
	if len(files) > 0 {
		list = strings.Join(files, "、")
	}
	c.find(p.SourcePath(), p.Line("report.table2."+string(legal.GenreNormative)), 0, RuleReportCatalogue, fmt.Sprintf(
		"表二「行政规范性文件」本年制发件数写的是 %d，本站政策文件目录中发布日期在%d年的行政规范性文件有 %d 件（%s）：请核对，补发漏登的文件或改正表中的数字 (表二 and the policy catalogue disagree)",
		int(row[0]), year, len(files), list))
}

// reportSections warns about each required section whose heading is not
// among the report's level-2 and level-3 headings.
func (c *checker) reportSections(p *site.Page, t legal.ReportType) {
	r, ok := c.rendered[p.Path]
	if !ok {
		return
	}
	for _, s := range t.Sections() {
		found := false
		for _, h := range r.TOC {
			if strings.Contains(h.Text, s.Words) {
				found = true
				break
			}
		}
		if !found {
			c.find(p.SourcePath(), p.BodyLine, 0, RuleReportSections, fmt.Sprintf(
				"%s《%s》缺少「%s」部分：请加一个标题 ## %s，写明这部分内容；没有内容的写「无」 (missing report section)",
				t, p.Title, s.Heading, s.Heading))
		}
	}
}

// reportDeadlines reports a missing report on last year once its deadline
// has passed. The rules apply to a site that publishes annual reports: one
// that sets [legal] reportLevel, or has a report of that kind, or (for the
// 政府信息公开 report) a column of type 信息公开年报.
func (c *checker) reportDeadlines(has map[legal.ReportType]map[int]bool) {
	level := c.cfg.Legal.ReportLevel
	now := c.o.Now.In(c.cfg.Location)
	year := now.Year() - 1
	yearly := c.siteTOML.Line("legal.reportLevel")
	for _, t := range []legal.ReportType{legal.ReportXxgk, legal.ReportFazhi} {
		applies := level != "" || len(has[t]) > 0 || (t == legal.ReportXxgk && c.hasColumnType("信息公开年报"))
		if !applies || has[t][year] {
			continue
		}
		due := legal.ReportDue(t, level, year, c.cfg.Location)
		who := "政府部门"
		if t == legal.ReportXxgk && level == legal.LevelGovernment {
			who = "县级以上人民政府"
		}
		basis := "《政府信息公开条例》第四十九条"
		if t == legal.ReportFazhi {
			who, basis = "地方各级政府和县级以上政府部门", "《法治政府建设与责任落实督察工作规定》"
		}
		switch {
		case legal.Overdue(now, due):
			c.find(config.FileName, yearly, 0, RuleReportLate, fmt.Sprintf(
				"网站上没有%d年度的%s：按%s，%s应在%d年%d月%d日前公开，已经逾期。请发布报告，在前言中写 [report] type = \"%s\"、year = %d (annual report overdue)",
				year, t, basis, who, due.Year(), due.Month(), due.Day(), t, year))
		case t == legal.ReportFazhi && legal.Overdue(now, legal.FazhiReportedDue(year, c.cfg.Location)):
			c.find(config.FileName, yearly, 0, RuleReportDue, fmt.Sprintf(
				"网站上还没有%d年度的%s：应在%d年4月1日前（含当日）向社会公开，请尽快发布 (annual report due)",
				year, t, due.Year()))
		}
	}
}

// hasColumnType reports whether a column has the given columnType.
func (c *checker) hasColumnType(ct string) bool {
	for _, sec := range c.site.SectionByPath {
		if sec.ColumnType == ct {
			return true
		}
	}
	return false
}
