package outputs

import (
	"encoding/json"
	"time"

	"github.com/fazhi-dev/fazhi/internal/site"
)

// CatalogueEntry is one policy in the machine-readable 信息公开目录.
type CatalogueEntry struct {
	Title        string              `json:"title"`
	URL          string              `json:"url"`
	IndexNumber  string              `json:"indexNumber,omitempty"`
	RegNumber    string              `json:"regNumber,omitempty"`
	Issuer       []string            `json:"issuer"`
	DocNumber    string              `json:"docNumber,omitempty"`
	Written      string              `json:"written,omitempty"`
	Published    string              `json:"published"`
	Topic        string              `json:"topic,omitempty"`
	Genre        string              `json:"genre,omitempty"`
	Keywords     []string            `json:"keywords,omitempty"`
	Effective    string              `json:"effective,omitempty"`
	Expires      string              `json:"expires,omitempty"`
	ValidUntil   string              `json:"validUntil,omitempty"`
	Status       string              `json:"status,omitempty"`
	Validity     string              `json:"validity"`
	StatusLine   string              `json:"statusLine"`
	Amends       []string            `json:"amends,omitempty"`
	Revises      string              `json:"revises,omitempty"`
	SupersededBy string              `json:"supersededBy,omitempty"`
	Interpreted  []string            `json:"interpretations"`
	Attachments  []CatalogueAttached `json:"attachments"`
}

// CatalogueAttached is an attachment in the catalogue.
type CatalogueAttached struct {
	Name string `json:"name"`
	URL  string `json:"url"`
	Type string `json:"type"`
	Size int64  `json:"size"`
}

// Catalogue is the document written to /<column>/index.json.
type Catalogue struct {
	Column string `json:"column"`
	// Generated is the day the catalogue's content last changed, not the
	// build time (see changed), so that a rebuild of an unchanged site
	// writes the same bytes (issue 16 point 1).
	Generated string           `json:"generated"`
	Count     int              `json:"count"`
	Facets    CatalogueFacets  `json:"facets"`
	Policies  []CatalogueEntry `json:"policies"`
}

// CatalogueFacets are the column's status/ and genre/ lists, with counts.
type CatalogueFacets struct {
	Status []CatalogueFacet `json:"status"`
	Genre  []CatalogueFacet `json:"genre"`
}

// CatalogueFacet is one list: its name, how many policies and its URL.
type CatalogueFacet struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
	URL   string `json:"url"`
}

func facets(terms []*site.Term, u site.Base) []CatalogueFacet {
	out := []CatalogueFacet{}
	for _, t := range terms {
		out = append(out, CatalogueFacet{Name: t.Name, Count: len(t.Pages), URL: u.Abs(t.URL)})
	}
	return out
}

// PolicyCatalogue returns the catalogue of a column's policies, newest
// first, or nil when the column holds none.
func PolicyCatalogue(s *site.Site, sec *site.Section, u site.Base) []byte {
	c := Catalogue{Column: sec.Title(), Policies: []CatalogueEntry{}}
	var last time.Time
	day := func(t interface{ IsZero() bool }, f func() string) string {
		if t.IsZero() {
			return ""
		}
		return f()
	}
	for _, p := range newestFirst(sec.Pages) {
		pol := p.Policy
		if pol == nil {
			continue
		}
		e := CatalogueEntry{
			Title: p.Title, URL: u.Abs(p.URL), IndexNumber: pol.IndexNumber, Issuer: append([]string{}, pol.Issuer...),
			DocNumber: pol.DocNumber, Published: p.Date.Format("2006-01-02"), Topic: pol.Topic, Genre: string(pol.Genre),
			Keywords: pol.Keywords, Status: string(pol.Status), Validity: string(pol.Validity),
			StatusLine:  pol.Line.String(),
			Written:     day(pol.Written, func() string { return pol.Written.Format("2006-01-02") }),
			Effective:   day(pol.Effective, func() string { return pol.Effective.Format("2006-01-02") }),
			Expires:     day(pol.Expires, func() string { return pol.Expires.Format("2006-01-02") }),
			ValidUntil:  day(pol.ValidUntil, func() string { return pol.ValidUntil.Format("2006-01-02") }),
			RegNumber:   pol.RegNumber,
			Interpreted: []string{},
			Attachments: []CatalogueAttached{},
		}
		for _, a := range p.Amends {
			e.Amends = append(e.Amends, u.Abs(a.URL))
		}
		if p.Revises != nil {
			e.Revises = u.Abs(p.Revises.URL)
		}
		if p.SupersededBy != nil {
			e.SupersededBy = u.Abs(p.SupersededBy.URL)
		}
		for _, ip := range p.Interpretations {
			e.Interpreted = append(e.Interpreted, u.Abs(ip.URL))
		}
		for _, f := range pol.Files {
			e.Attachments = append(e.Attachments, CatalogueAttached{Name: f.Name, URL: u.Abs(f.URL), Type: f.Ext, Size: f.Size})
		}
		c.Policies = append(c.Policies, e)
		if t := changed(p, s.Now); t.After(last) {
			last = t
		}
	}
	if len(c.Policies) == 0 {
		return nil
	}
	c.Generated = last.Format("2006-01-02T15:04:05Z07:00")
	c.Count = len(c.Policies)
	if b := s.PolicyBrowse(sec); b != nil {
		c.Facets = CatalogueFacets{Status: facets(b.Statuses, u), Genre: facets(b.Genres, u)}
	}
	b, _ := json.MarshalIndent(c, "", "  ")
	return append(b, '\n')
}

// changed is the last day a policy's entry changed by the build time now:
// its publication or update date (lastmod), or the day its present state
// began (it took effect, expired, was repealed or amended) when that day
// has come. A state that begins later is not counted: until then the
// entry says 尚未施行, as it did when it was published.
func changed(p *site.Page, now time.Time) time.Time {
	t := p.Updated()
	line := p.Policy.Line
	if d := line.Since; !d.IsZero() && !d.After(now) && d.After(t) {
		t = d
	}
	if !line.Until.IsZero() {
		if d := line.Until.AddDate(0, 0, 1); !d.After(now) && d.After(t) {
			t = d
		}
	}
	return t
}
