package site

import (
	"slices"
	"sort"

	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/frontmatter"
	"github.com/fazhi-dev/fazhi/internal/legal"
)

// Report returns the [report] table of an annual report page, or nil.
func (p *Page) Report() *frontmatter.Report {
	if p.Meta == nil {
		return nil
	}
	return p.Meta.Report
}

// checkReport checks the [report] table: its type, its year and the shape
// of the tables of a 政府信息公开工作年度报告 (known row names, the right
// count of numbers). The arithmetic is fazhi check's (legal.CheckTable3).
func checkReport(p *Page) error {
	r := p.Report()
	var errs diag.List
	file := p.SourcePath()
	bad := func(key, format string, args ...any) {
		errs = append(errs, diag.New(file, p.Line("report."+key), format, args...))
	}
	if !legal.IsReportType(string(r.Type)) {
		bad("type", "年度报告类型 type = \"%s\" 无效，应为%s (unknown report type)", r.Type, legal.OneOf(legal.ReportTypes))
	}
	if r.Year < 2000 || r.Year > 2999 {
		bad("year", "请在 [report] 中写报告所属年度，如 year = 2025（2026年发布的是2025年度的报告） (missing report year)")
	}
	if r.Type != legal.ReportXxgk {
		if r.Type == legal.ReportFazhi && (r.Table2 != nil || r.Table3 != nil || r.Table4 != nil) {
			bad("type", "只有政府信息公开工作年度报告才有 [report.table2]…[report.table4] 统计表：请删去这些表，或把 type 改为 \"%s\"", legal.ReportXxgk)
		}
		return errs.Err()
	}
	for _, k := range sortedKeys(r.Table2) {
		want := legal.Table2Width(k)
		switch {
		case want == 0:
			bad("table2."+k, "表二没有「%s」这一项，可写%s (unknown row)", k, legal.OneOf(legal.Table2Rows))
		case len(r.Table2[k]) != want && want == 3:
			bad("table2."+k, "表二「%s」应写 3 个数：[本年制发件数, 本年废止件数, 现行有效件数]，如 \"%s\" = [5, 2, 48]", k, k)
		case len(r.Table2[k]) != want:
			bad("table2."+k, "表二「%s」只写一个数，如 \"%s\" = 12", k, k)
		}
	}
	var t3 []string
	for _, row := range legal.Table3Rows {
		t3 = append(t3, row.Key)
	}
	checkRows(bad, "table3", "表三", r.Table3, t3, legal.Table3Columns)
	checkRows(bad, "table4", "表四", r.Table4, legal.Table4Groups, legal.Table4Columns)
	return errs.Err()
}

// checkRows checks that a table has exactly the rows keys, each with one
// number per column.
func checkRows(bad func(key, format string, args ...any), key, name string, t map[string][]int, keys, cols []string) {
	if t == nil {
		return
	}
	for _, k := range sortedKeys(t) {
		if !slices.Contains(keys, k) {
			bad(key+"."+k, "%s没有「%s」这一行，可写%s (unknown row)", name, k, legal.OneOf(keys))
		} else if len(t[k]) != len(cols) {
			bad(key+"."+k, "%s「%s」应写 %d 个数，依次是%s；这里写了 %d 个 (wrong number of columns)", name, k, len(cols), legal.OneOf(cols), len(t[k]))
		}
	}
	for _, k := range keys {
		if _, ok := t[k]; !ok {
			bad(key, "%s缺少「%s」这一行：请写 \"%s\" = [%s]，没有的写 0 (missing row)", name, k, k, zeros(len(cols)))
		}
	}
}

func zeros(n int) string {
	s := "0"
	for i := 1; i < n; i++ {
		s += ", 0"
	}
	return s
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
