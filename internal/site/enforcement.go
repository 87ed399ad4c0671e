package site

import (
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/enforcement"
	"github.com/fazhi-dev/fazhi/internal/frontmatter"
	"github.com/fazhi-dev/fazhi/internal/legal"
)

// TypeEnforcement is the kind of a 行政执法公示 column (_index.md): its
// decisions come from the spreadsheet named in its [enforcement] table.
const TypeEnforcement = "enforcement"

// DataDir is the site folder that holds data files.
const DataDir = "data"

// EnforcementTable checks the [enforcement] table of a column index with
// kind = "enforcement" and returns it with Data made the path of the data
// file in the site folder ("data/chufa.xlsx"). file is the index's path
// in the site folder, for messages.
func EnforcementTable(file string, m *frontmatter.Meta) (frontmatter.Enforcement, error) {
	e := m.Enforcement
	if e == nil {
		return frontmatter.Enforcement{}, diag.New(file, m.Lines("kind"),
			"执法公示栏目缺少 [enforcement] 表：请写明 type = \"行政处罚\"（或 \"行政许可\"）和 data = \"chufa.xlsx\"（data 文件夹里的表格文件） (missing [enforcement])")
	}
	out := *e
	var errs diag.List
	if out.Type != enforcement.Penalty && out.Type != enforcement.Permit {
		errs = append(errs, diag.New(file, m.Lines("enforcement.type"),
			"[enforcement] type = \"%s\" 无效，应为 \"%s\" 或 \"%s\" (unknown enforcement type)", out.Type, enforcement.Penalty, enforcement.Permit))
	}
	name := strings.TrimPrefix(strings.TrimSpace(strings.ReplaceAll(out.Data, "\\", "/")), DataDir+"/")
	if name == "" || !fs.ValidPath(name) || name == "." {
		errs = append(errs, diag.New(file, m.Lines("enforcement.data"),
			"[enforcement] data = \"%s\" 无效：请写 data 文件夹里的表格文件名，如 data = \"chufa.xlsx\"，不能含有「..」 (data file outside data/)", out.Data))
	}
	out.Data = DataDir + "/" + name
	return out, errs.Err()
}

// EnforcementInfo is a 行政执法公示 column: its decisions as they stand at
// the build time. Only published records are kept (enforcement.Published:
// no identity numbers, names masked).
type EnforcementInfo struct {
	frontmatter.Enforcement
	// Pages are the decisions that have a page, newest first: those
	// listed and the tombstones of those taken down. Decisions not yet
	// online and rows of minors have none.
	Pages []*DecisionPage
	// Listed are the pages shown in lists and search.
	Listed []*DecisionPage
	// Years, Categories and Authorities are the filter pages.
	Years, Categories, Authorities []*DecisionTerm
}

// Penalty reports whether the column holds 行政处罚 decisions.
func (e *EnforcementInfo) Penalty() bool { return e.Type == enforcement.Penalty }

// CategoryLabel is the header of the 类别 column: 处罚类别 or 许可类别.
func (e *EnforcementInfo) CategoryLabel() string {
	if e.Penalty() {
		return "处罚类别"
	}
	return "许可类别"
}

// AuthorityLabel is 处罚机关 or 许可机关.
func (e *EnforcementInfo) AuthorityLabel() string {
	if e.Penalty() {
		return "处罚机关"
	}
	return "许可机关"
}

// DecisionPage is one decision's page: the published record and its URL.
type DecisionPage struct {
	*enforcement.Published
	URL string
	// Line is the row of the data file, for messages.
	Line int
	// updated is Updated.
	updated time.Time
}

// Gone reports whether the page is a tombstone: the decision was taken
// down (公示期 ended, 撤销, 撤回) and the page says so without the
// party's data.
func (d *DecisionPage) Gone() bool { return !d.Listed() }

// GoneNotice is what a tombstone says.
func (d *DecisionPage) GoneNotice() string {
	what := "该处罚决定"
	if d.Type == enforcement.Permit {
		what = "该行政许可"
	}
	switch d.StateValue() {
	case legal.StateRevoked:
		return what + "已撤销"
	case legal.StateWithdrawn:
		return what + "已撤回"
	}
	return "该信息公示期已满，已停止公示"
}

// RevokeLabel names the reason on a tombstone: 撤回说明 for a decision
// 撤回, otherwise 撤销说明 (the column 撤销说明 holds both).
func (d *DecisionPage) RevokeLabel() string {
	if d.StateValue() == legal.StateWithdrawn {
		return "撤回说明"
	}
	return "撤销说明"
}

// StateClass is the state's class, shared with the validity of
// policies (legal.Validity.Class) so that the theme shows it the same
// way: in-force while 公示中 or 有效, expired once 已过期 or past its
// 公示期, repealed when 撤销 or 撤回.
func (d *DecisionPage) StateClass() string {
	switch d.StateValue() {
	case legal.StatePublic, legal.StateValid:
		return "in-force"
	case legal.StateRevoked, legal.StateWithdrawn:
		return "repealed"
	}
	return "expired"
}

// DecisionTerm is one filter page of an enforcement column: a year, a
// 类别 or an authority, with its decisions.
type DecisionTerm struct {
	Name  string
	URL   string
	Pages []*DecisionPage
	// Months are set on a year's page: each month from the latest one
	// (December, or the build's month in the current year) back to
	// January, with its decisions.
	Months []DecisionMonth
}

// DecisionMonth is one month of a year page.
type DecisionMonth struct {
	Month int
	Pages []*DecisionPage
	// Gone counts the month's decisions that were taken down (公示期
	// ended, 撤销, 撤回): such a month had cases, and must not say it
	// had none.
	Gone int
}

// enforcementColumns publishes the decisions of every enforcement column
// at s.Now. decisions holds each column's rows by its folder.
func (s *Site) enforcementColumns(decisions map[string][]*enforcement.Decision) error {
	var errs diag.List
	for _, sec := range s.SectionByPath {
		m := sec.Index.Meta
		if sec.Index.Meta.Kind != TypeEnforcement {
			if m.Enforcement != nil {
				errs = append(errs, diag.New(sec.Index.SourcePath(), sec.Index.Line("enforcement"),
					"[enforcement] 表只用于执法公示栏目：请在 _index.md 中加上 kind = \"enforcement\"，或删去 [enforcement] 表"))
			}
			continue
		}
		t, err := EnforcementTable(sec.Index.SourcePath(), m)
		if err != nil {
			errs.Add(err)
			continue
		}
		sec.Enforcement = s.publishDecisions(sec, t, decisions[sec.Path])
	}
	return errs.Err()
}

func (s *Site) publishDecisions(sec *Section, t frontmatter.Enforcement, rows []*enforcement.Decision) *EnforcementInfo {
	info := &EnforcementInfo{Enforcement: t}
	privacy := enforcement.Privacy{NameMask: s.Config.Legal.NameMask}
	loc := s.Config.Location
	byRecord := map[*enforcement.Published]*DecisionPage{}
	var records []*enforcement.Published
	for _, d := range rows {
		r, ok := enforcement.Publish(d, privacy, s.Now, loc)
		if !ok || r.StateValue() == legal.StatePending {
			continue
		}
		p := &DecisionPage{Published: r, URL: PageURL(sec.Path, r.Number, s.Config.URLStyle), Line: d.Line}
		day := d.Published
		if day.IsZero() {
			day = d.Decided
		}
		p.updated = time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, loc)
		byRecord[r] = p
		records = append(records, r)
	}
	enforcement.SortRecords(records)
	for _, r := range records {
		p := byRecord[r]
		info.Pages = append(info.Pages, p)
		if p.Listed() {
			info.Listed = append(info.Listed, p)
		}
	}
	base := "/" + urlPath(sec.Path) + "/" // sec.Index.URL, which assignURLs sets later
	f := enforcement.Group(records)
	terms := func(list ColumnList, fs []enforcement.Facet) []*DecisionTerm {
		out := make([]*DecisionTerm, 0, len(fs))
		for _, f := range fs {
			t := &DecisionTerm{Name: f.Name, URL: list.Term(base, f.Name)}
			for _, r := range f.Records {
				t.Pages = append(t.Pages, byRecord[r])
			}
			out = append(out, t)
		}
		return out
	}
	info.Years = terms(ListYear, f.Years)
	if y := strconv.Itoa(s.Now.Year()); !slices.ContainsFunc(info.Years, func(t *DecisionTerm) bool { return t.Name == y }) {
		info.Years = append([]*DecisionTerm{{Name: y, URL: ListYear.Term(base, y)}}, info.Years...)
	}
	for _, y := range info.Years {
		y.Months = months(y, info.Pages, s.Now)
	}
	info.Categories = terms(ListCategory, f.Categories)
	info.Authorities = terms(ListAuthority, f.Authorities)
	return info
}

// months lists the months of a year page, latest first: every month of a
// past year, the months up to now's in the current one. A month counts
// the decisions of all that were taken down too (all holds every page of
// the column), so that it does not say it had no cases.
func months(y *DecisionTerm, all []*DecisionPage, now time.Time) []DecisionMonth {
	year, _ := strconv.Atoi(y.Name)
	last := 12
	if year == now.Year() {
		last = int(now.Month())
	}
	out := make([]DecisionMonth, 0, last)
	for m := last; m >= 1; m-- {
		prefix := y.Name + "-" + twoDigits(m) + "-"
		dm := DecisionMonth{Month: m}
		for _, p := range y.Pages {
			if strings.HasPrefix(p.Decided, prefix) {
				dm.Pages = append(dm.Pages, p)
			}
		}
		for _, p := range all {
			if p.Gone() && strings.HasPrefix(p.Decided, prefix) {
				dm.Gone++
			}
		}
		out = append(out, dm)
	}
	return out
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// Categories are the items of the record's 类别 (罚款、没收违法所得 is
// two), for filters.
func (d *DecisionPage) Categories() []string { return enforcement.Categories(d.Category) }

// FineText is the 罚款金额 in 万元 as written ("0.5"), "" when none.
func (d *DecisionPage) FineText() string { return amountText(d.Fine) }

// ConfiscatedText is the 没收金额 in 万元, "" when none.
func (d *DecisionPage) ConfiscatedText() string { return amountText(d.Confiscated) }

func amountText(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

// Year is the year of the decision ("2024").
func (d *DecisionPage) Year() string {
	if len(d.Decided) < 4 {
		return ""
	}
	return d.Decided[:4]
}

// Notice is what a month without decisions says
// (enforcement.EmptyMonthNotice).
func (m DecisionMonth) Notice() string { return enforcement.EmptyMonthNotice }

// RepLabel is the header of the record's LegalRep: 经营者 for a 个体工商户,
// 法定代表人 otherwise.
func (d *DecisionPage) RepLabel() string {
	if d.PartyKind == legal.PartyKinds[2] {
		return "经营者"
	}
	return "法定代表人"
}

// ColumnKinds are the values of kind in a column's _index.md: a content
// type for its pages, or enforcement.
var ColumnKinds = append(append([]string(nil), ContentTypes...), TypeEnforcement)

// Updated is the start of the day the decision went online (公示日期),
// or of its decision date when the data has none, in the site's zone:
// the sitemap's lastmod.
func (d *DecisionPage) Updated() time.Time { return d.updated }
