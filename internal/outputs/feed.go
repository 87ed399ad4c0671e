package outputs

import (
	"bytes"
	"encoding/xml"
	"time"

	"github.com/fazhi-dev/fazhi/internal/site"
)

// FeedSize is the number of entries in a feed.
const FeedSize = 20

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr,omitempty"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  *atomPerson `xml:"author,omitempty"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title     string     `xml:"title"`
	ID        string     `xml:"id"`
	Link      atomLink   `xml:"link"`
	Published string     `xml:"published,omitempty"`
	Updated   string     `xml:"updated"`
	Summary   string     `xml:"summary,omitempty"`
	Category  []atomCat  `xml:"category,omitempty"`
	Author    atomPerson `xml:"author"`
}

type atomCat struct {
	Term string `xml:"term,attr"`
}

// Atom returns an Atom feed of the newest pages. self is the feed's own
// site-relative URL, alt the page it describes.
func Atom(s *site.Site, u site.Base, title, self, alt string, pages []*site.Page) []byte {
	author := s.Config.Identity.Sponsor
	if author == "" {
		author = s.Config.Title
	}
	f := atomFeed{
		Lang:   s.Config.LanguageCode,
		Title:  title,
		ID:     u.Abs(self),
		Links:  []atomLink{{Href: u.Abs(self), Rel: "self", Type: "application/atom+xml"}, {Href: u.Abs(alt), Rel: "alternate", Type: "text/html"}},
		Author: &atomPerson{Name: author},
	}
	var newest time.Time
	sorted := newestFirst(pages)
	if len(sorted) > FeedSize {
		sorted = sorted[:FeedSize]
	}
	for _, p := range sorted {
		up := p.Updated()
		if up.After(newest) {
			newest = up
		}
		e := atomEntry{
			Title:     p.Title,
			ID:        u.Abs(p.URL),
			Link:      atomLink{Href: u.Abs(p.URL), Rel: "alternate", Type: "text/html"},
			Published: p.Date.Format(time.RFC3339),
			Updated:   up.Format(time.RFC3339),
			Summary:   p.Summary(),
			Author:    atomPerson{Name: source(s, p)},
		}
		for _, t := range p.Tags {
			e.Category = append(e.Category, atomCat{Term: t})
		}
		f.Entries = append(f.Entries, e)
	}
	if newest.IsZero() {
		newest = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	f.Updated = newest.Format(time.RFC3339)
	var b bytes.Buffer
	b.WriteString(xml.Header)
	// A browser shows the feed with the theme's stylesheet instead of as
	// raw XML (CSS rather than XSLT, which browsers are removing).
	b.WriteString(`<?xml-stylesheet type="text/css" href="` + u.Rel(site.FeedStyleURL) + `"?>` + "\n")
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	_ = enc.Encode(f)
	b.WriteByte('\n')
	return b.Bytes()
}

func source(s *site.Site, p *site.Page) string {
	switch {
	case p.Article != nil && p.Article.Author != "":
		return p.Article.Author
	case p.Article != nil && p.Article.Source != "":
		return p.Article.Source
	case p.Policy != nil && len(p.Policy.Issuer) > 0:
		return p.Policy.Issuer[0]
	case p.Notice != nil && p.Notice.Court != "":
		return p.Notice.Court
	}
	if s.Config.Identity.Operator != "" {
		return s.Config.Identity.Operator
	}
	return s.Config.Title
}

// newestFirst returns pages by date, newest first, ignoring weights.
func newestFirst(ps []*site.Page) []*site.Page {
	out := make([]*site.Page, 0, len(ps))
	for _, p := range ps {
		if !p.Date.IsZero() {
			out = append(out, p)
		}
	}
	sortByDate(out)
	return out
}
