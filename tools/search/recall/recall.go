// Package recall measures how well the site search finds what readers
// look for: a list of queries, each with the pages it must find, is run
// through Pagefind in headless Chromium, and recall@k (the share of the
// wanted pages among the first k results) is reported per query and in
// total. The test in this package and `go -C tools run ./search/cmd/recall`
// use it.
package recall

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/fazhi-dev/fazhi/tools/search/browser"
)

// K is the number of results a reader looks at.
const K = 10

// Case is one query with the titles of the pages it must find.
type Case struct {
	Site  string
	Query string
	Want  []string
	Line  int
}

// Parse reads a query list: lines "site | query | title；title", blank
// lines and lines starting with # skipped.
func Parse(r io.Reader) ([]Case, error) {
	var out []Case
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Split(l, "|")
		if len(f) != 3 {
			return nil, fmt.Errorf("第 %d 行应为「站点 | 查询 | 标题；标题」(line %d: want 3 fields)", n, n)
		}
		c := Case{Site: strings.TrimSpace(f[0]), Query: strings.TrimSpace(f[1]), Line: n}
		for _, w := range strings.Split(f[2], "；") {
			if w = strings.TrimSpace(w); w != "" {
				c.Want = append(c.Want, w)
			}
		}
		if c.Site == "" || c.Query == "" || len(c.Want) == 0 {
			return nil, fmt.Errorf("第 %d 行缺少站点、查询或标题 (line %d: empty field)", n, n)
		}
		out = append(out, c)
	}
	return out, sc.Err()
}

// Row is the result of one case.
type Row struct {
	Case
	// Found and Missing split Want by whether a result among the first K
	// had that title.
	Found, Missing []string
	// Total is the number of pages that matched the query at all.
	Total int
	// Millis is the query's time to loaded results in the browser.
	Millis float64
}

// Recall returns |Found| / |Want|.
func (r Row) Recall() float64 { return float64(len(r.Found)) / float64(len(r.Want)) }

// Matches reports whether a result title is the wanted title or a copy of
// it ("title（2）").
func Matches(got, want string) bool {
	return got == want || strings.HasPrefix(got, want+"（") && strings.HasSuffix(got, "）") && isCopyNo(got[len(want):])
}

// isCopyNo reports whether s is "（N）" with N a decimal number.
func isCopyNo(s string) bool {
	s = strings.TrimSuffix(strings.TrimPrefix(s, "（"), "）")
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// Run runs the cases in tab, which must be open on the site.
func Run(tab *browser.Tab, cases []Case) ([]Row, error) { return run(tab, cases, tab.Query) }

// RunDistinct is Run over distinct pages: copies of a page ("title（N）",
// as a corpus cycled to a larger site has) count once among the first K
// results, so that recall is measured over distinct statutes.
func RunDistinct(tab *browser.Tab, cases []Case) ([]Row, error) {
	return run(tab, cases, tab.QueryDistinct)
}

// RunFunc is Run with another search: query returns the first n results
// of q (tools/search/cmd/searchalt measures a prototype index with it).
func RunFunc(cases []Case, query func(q string, n int) (*browser.Answer, error)) ([]Row, error) {
	return run(nil, cases, query)
}

func run(_ *browser.Tab, cases []Case, query func(string, int) (*browser.Answer, error)) ([]Row, error) {
	var rows []Row
	for _, c := range cases {
		a, err := query(c.Query, K)
		if err != nil {
			return nil, err
		}
		r := Row{Case: c, Total: a.Total, Millis: a.Millis}
		for _, w := range c.Want {
			hit := false
			for _, h := range a.Hits {
				if Matches(h.Title, w) {
					hit = true
					break
				}
			}
			if hit {
				r.Found = append(r.Found, w)
			} else {
				r.Missing = append(r.Missing, w)
			}
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// Summary is the total over the rows of one site.
type Summary struct {
	Site    string
	Queries int
	// Mean is the mean of the per-query recall; Micro the share of all
	// wanted pages found; Perfect the queries that found every page.
	Mean, Micro float64
	Perfect     int
}

// Summarise totals rows per site, in order of first appearance.
func Summarise(rows []Row) []Summary {
	var order []string
	type acc struct {
		n, perfect, found, want int
		sum                     float64
	}
	m := map[string]*acc{}
	for _, r := range rows {
		a := m[r.Site]
		if a == nil {
			a = &acc{}
			m[r.Site] = a
			order = append(order, r.Site)
		}
		a.n++
		a.sum += r.Recall()
		a.found += len(r.Found)
		a.want += len(r.Want)
		if len(r.Missing) == 0 {
			a.perfect++
		}
	}
	var out []Summary
	for _, s := range order {
		a := m[s]
		out = append(out, Summary{Site: s, Queries: a.n, Mean: a.sum / float64(a.n), Micro: float64(a.found) / float64(a.want), Perfect: a.perfect})
	}
	return out
}

// Markdown renders the rows and totals as Markdown tables.
func Markdown(rows []Row) string {
	var b strings.Builder
	b.WriteString("| 站点 site | 查询 query | 应找到 wanted | 前 10 条找到 found@10 | 匹配总数 matches | recall@10 | 未找到 missing |\n")
	b.WriteString("|---|---|--:|--:|--:|--:|---|\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | %s | %d | %d | %d | %.2f | %s |\n", r.Site, esc(r.Query), len(r.Want), len(r.Found), r.Total, r.Recall(), esc(strings.Join(r.Missing, "；")))
	}
	b.WriteString("\n")
	b.WriteString(SummaryMarkdown(rows))
	return b.String()
}

// SummaryMarkdown renders the per-site totals of rows as a Markdown table.
func SummaryMarkdown(rows []Row) string {
	var b strings.Builder
	b.WriteString("| 站点 site | 查询数 queries | 平均 recall@10 (mean) | 页面召回 (micro) | 全部找到的查询 perfect |\n|---|--:|--:|--:|--:|\n")
	for _, s := range Summarise(rows) {
		fmt.Fprintf(&b, "| %s | %d | %.3f | %.3f | %d / %d |\n", s.Site, s.Queries, s.Mean, s.Micro, s.Perfect, s.Queries)
	}
	return b.String()
}

func esc(s string) string { return strings.ReplaceAll(s, "|", "\\|") }

// Sites returns the site names used by cases, sorted.
func Sites(cases []Case) []string {
	seen := map[string]bool{}
	var out []string
	for _, c := range cases {
		if !seen[c.Site] {
			seen[c.Site] = true
			out = append(out, c.Site)
		}
	}
	sort.Strings(out)
	return out
}
