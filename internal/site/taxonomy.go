package site

import (
	"iter"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/fazhi-dev/fazhi/internal/legal"
)

func (s *Site) buildTaxonomies() {
	tags := map[string]*Term{}
	series := map[string]*Term{}
	for _, p := range s.Pages {
		seen := map[string]bool{}
		p.TagTerms = nil
		for _, t := range p.Tags {
			t = strings.TrimSpace(t)
			if t == "" || seen[t] {
				continue
			}
			seen[t] = true
			term := tags[t]
			if term == nil {
				term = &Term{Name: t, URL: TermURL(TaxTags, t)}
				tags[t] = term
			}
			term.Pages = append(term.Pages, p)
			p.TagTerms = append(p.TagTerms, term)
		}
		sort.Slice(p.TagTerms, func(i, j int) bool { return p.TagTerms[i].Name < p.TagTerms[j].Name })
		if p.Article != nil && p.Article.Series != "" {
			name := p.Article.Series
			term := series[name]
			if term == nil {
				term = &Term{Name: name, URL: TermURL(TaxSeries, name)}
				series[name] = term
			}
			term.Pages = append(term.Pages, p)
			p.Series = term
		}
	}
	s.Tags = sortedTerms(tags)
	s.Series = sortedTerms(series)
}

func sortedTerms(m map[string]*Term) []*Term {
	out := make([]*Term, 0, len(m))
	for _, t := range m {
		sortPages(t.Pages)
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Browse groups the policies of a column for the 信息公开目录 browse
// pages: by issuer, by year of publication, by topic, by validity state
// (有效性, in the order of legal.Validities) and by genre (体裁, in the
// order of legal.PolicyGenres).
type Browse struct {
	Issuers  []*Term
	Years    []*Term
	Topics   []*Term
	Statuses []*Term
	Genres   []*Term
	// InForce is the term of the policies in force (status/有效/), nil
	// when there are none: the column links it as 「只看现行有效」.
	InForce *Term
}

// BrowseGroup is one group of a column's 信息公开目录: its heading and
// its terms.
type BrowseGroup struct {
	Label string
	Terms []*Term
}

// Groups returns the browse groups with their headings, in the order the
// 信息公开目录 shows them.
func (b *Browse) Groups() []BrowseGroup {
	return []BrowseGroup{{"按发文机关", b.Issuers}, {"按年份", b.Years}, {"按主题分类", b.Topics}, {"按有效性", b.Statuses}, {"按体裁", b.Genres}}
}

// PolicyBrowse returns the browse groups of a column's policies, or nil
// when the column holds none.
func (s *Site) PolicyBrowse(sec *Section) *Browse {
	issuers, years, topics := map[string]*Term{}, map[string]*Term{}, map[string]*Term{}
	statuses, genres := map[string]*Term{}, map[string]*Term{}
	base := sec.URL()
	add := func(m map[string]*Term, list ColumnList, name string, p *Page) {
		t := m[name]
		if t == nil {
			t = &Term{Name: name, URL: list.Term(base, name)}
			m[name] = t
		}
		t.Pages = append(t.Pages, p)
	}
	n := 0
	for _, p := range sec.Pages {
		if p.Policy == nil {
			continue
		}
		n++
		for _, is := range p.Policy.Issuer {
			add(issuers, ListIssuer, is, p)
		}
		add(years, ListYear, strconv.Itoa(p.Date.Year()), p)
		if p.Policy.Topic != "" {
			add(topics, ListTopic, p.Policy.Topic, p)
		}
		add(statuses, ListStatus, string(p.Policy.Validity), p)
		if p.Policy.Genre != "" {
			add(genres, ListGenre, string(p.Policy.Genre), p)
		}
	}
	if n == 0 {
		return nil
	}
	b := &Browse{Issuers: sortedTerms(issuers), Years: sortedTerms(years), Topics: sortedTerms(topics)}
	sort.Slice(b.Years, func(i, j int) bool { return b.Years[i].Name > b.Years[j].Name })
	b.Statuses = inOrder(statuses, func(yield func(string) bool) {
		for _, v := range legal.Validities {
			if !yield(string(v)) {
				return
			}
		}
	})
	b.Genres = inOrder(genres, slices.Values(legal.PolicyGenres))
	b.InForce = statuses[string(legal.InForce)]
	return b
}

// inOrder returns the terms of m in the order of names, with their pages
// newest first.
func inOrder(m map[string]*Term, names iter.Seq[string]) []*Term {
	var out []*Term
	for name := range names {
		if t := m[name]; t != nil {
			sortPages(t.Pages)
			out = append(out, t)
		}
	}
	return out
}

// Notices splits a column's notices into current and ended ones, and lists
// upcoming hearings by time. ok is false when the column holds no notice.
func (s *Site) Notices(sec *Section) (current, ended, hearings []*Page, ok bool) {
	for _, p := range sec.Pages {
		if p.Notice == nil {
			continue
		}
		ok = true
		if p.Notice.Current() {
			current = append(current, p)
		} else {
			ended = append(ended, p)
		}
		if p.Notice.Upcoming {
			hearings = append(hearings, p)
		}
	}
	sort.SliceStable(hearings, func(i, j int) bool {
		a, b := hearings[i].Notice.Hearing.Time, hearings[j].Notice.Hearing.Time
		if !a.Equal(b) {
			return a.Before(b)
		}
		return hearings[i].Path < hearings[j].Path
	})
	return current, ended, hearings, ok
}
