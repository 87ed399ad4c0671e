package enforcement

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// The pieces the list and filter pages of a 行政执法公示 column are made
// of, as pure functions of the published records.

// EmptyMonthNotice is shown for a month without decisions, as 公示
// columns customarily say.
const EmptyMonthNotice = "当月未公布信息，则表明当月无此类案件"

// SortRecords orders records newest decision first, then by 文号, so
// that lists are the same on every build.
func SortRecords(rs []*Published) {
	slices.SortStableFunc(rs, func(a, b *Published) int {
		if c := strings.Compare(b.Decided, a.Decided); c != 0 {
			return c
		}
		return strings.Compare(a.Number, b.Number)
	})
}

// Categories splits a 处罚类别 such as "罚款、没收违法所得" or
// "警告;罚款" into its items, in order and without repeats.
func Categories(s string) []string {
	var out []string
	for _, c := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("、，,；;/／ \u3000", r) }) {
		c = strings.TrimSpace(c)
		if c != "" && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// Facet is one value of a filter (a year, a 类别, an authority) with the
// records that have it.
type Facet struct {
	Name    string
	Records []*Published
}

// Facets are the filters of a column's records.
type Facets struct {
	// Years are the decision years, newest first.
	Years []Facet
	// Categories are the 处罚类别 items (or 许可类别), in name order; a
	// record with several items is under each.
	Categories []Facet
	// Authorities are the deciding authorities, in name order.
	Authorities []Facet
}

// Group builds the filters of the Listed records among rs; each facet's
// records keep the order of rs.
func Group(rs []*Published) Facets {
	years, cats, auths := map[string][]*Published{}, map[string][]*Published{}, map[string][]*Published{}
	for _, r := range rs {
		if !r.Listed() {
			continue
		}
		if len(r.Decided) >= 4 {
			years[r.Decided[:4]] = append(years[r.Decided[:4]], r)
		}
		for _, c := range Categories(r.Category) {
			cats[c] = append(cats[c], r)
		}
		if r.Authority != "" {
			auths[r.Authority] = append(auths[r.Authority], r)
		}
	}
	f := Facets{Years: facets(years), Categories: facets(cats), Authorities: facets(auths)}
	slices.Reverse(f.Years)
	return f
}

func facets(m map[string][]*Published) []Facet {
	out := make([]Facet, 0, len(m))
	for name, rs := range m {
		out = append(out, Facet{Name: name, Records: rs})
	}
	slices.SortFunc(out, func(a, b Facet) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// MonthCounts returns how many Listed records among rs were decided in
// each month of year (index 0 is January); a month with 0 shows
// EmptyMonthNotice.
func MonthCounts(rs []*Published, year int) [12]int {
	var n [12]int
	prefix := strconv.Itoa(year) + "-"
	for _, r := range rs {
		if !r.Listed() || !strings.HasPrefix(r.Decided, prefix) || len(r.Decided) < 7 {
			continue
		}
		if m, err := strconv.Atoi(r.Decided[5:7]); err == nil && m >= 1 && m <= 12 {
			n[m-1]++
		}
	}
	return n
}

// Citation is a statute article cited in a 处罚依据, such as
// 《中华人民共和国食品安全法》第一百二十四条.
type Citation struct {
	// Title is the statute's title without 《》.
	Title string
	// Article is the article label ("第一百二十四条", "第十二条之一"), ""
	// when the text names only the statute.
	Article string
	// Start and End are the byte offsets of the citation in the text:
	// the title for the first article of a statute, the article label
	// for the following ones (…第五十五条、第五十六条).
	Start, End int
}

var (
	citeTitle   = regexp.MustCompile(`《([^《》]{1,80})》`)
	citeArticle = regexp.MustCompile(`^(?:第[零〇一二三四五六七八九十百千0-9]+条(?:之[一二三四五六七八九十]+)?)`)
	citeTail    = regexp.MustCompile(`^(?:第[零〇一二三四五六七八九十百千0-9]+[款项])+`)
	citeSep     = regexp.MustCompile(`^(?:、|和|及|以及|，|,)`)
)

// Citations finds the statutes and articles cited in a 处罚依据, so that
// the page can link them to the site's statute pages: each 《title》,
// followed by its article labels, with 款 and 项 kept in the citation's
// span but not in Article.
func Citations(basis string) []Citation {
	var out []Citation
	for _, m := range citeTitle.FindAllStringSubmatchIndex(basis, -1) {
		title := basis[m[2]:m[3]]
		pos, first := m[1], true
		for {
			rest := basis[pos:]
			if !first {
				sep := citeSep.FindString(rest)
				if sep == "" || !citeArticle.MatchString(rest[len(sep):]) {
					break
				}
				pos += len(sep)
				rest = basis[pos:]
			}
			a := citeArticle.FindString(rest)
			if a == "" {
				break
			}
			end := pos + len(a)
			end += len(citeTail.FindString(basis[end:]))
			start := pos
			if first {
				start = m[0]
			}
			out = append(out, Citation{Title: title, Article: a, Start: start, End: end})
			pos, first = end, false
		}
		if first {
			out = append(out, Citation{Title: title, Start: m[0], End: m[1]})
		}
	}
	return out
}
