package outputs

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"sort"
	"time"

	"github.com/fazhi-dev/fazhi/internal/site"
)

// Sitemap returns sitemap.xml listing the home page, columns, content
// pages and the decisions in 公示 of enforcement columns with their last
// modification dates.
func Sitemap(s *site.Site, u site.Base) []byte {
	type entry struct {
		loc     string
		lastmod time.Time
	}
	var es []entry
	es = append(es, entry{u.Abs("/"), newestDate(s.Pages)})
	for _, sec := range s.SectionByPath {
		es = append(es, entry{u.Abs(sec.URL()), newestDate(sec.Pages)})
		if e := sec.Enforcement; e != nil {
			// Decisions in 公示 only: a tombstone is not for search engines.
			for _, d := range e.Listed {
				es = append(es, entry{u.Abs(d.URL), d.Updated()})
			}
		}
	}
	for _, p := range s.Pages {
		es = append(es, entry{u.Abs(p.URL), p.Updated()})
	}
	sort.Slice(es, func(i, j int) bool { return es[i].loc < es[j].loc })
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, e := range es {
		b.WriteString("  <url><loc>")
		_ = xml.EscapeText(&b, []byte(e.loc))
		b.WriteString("</loc>")
		if !e.lastmod.IsZero() {
			fmt.Fprintf(&b, "<lastmod>%s</lastmod>", e.lastmod.Format(time.RFC3339))
		}
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// Robots returns robots.txt pointing at the sitemap.
func Robots(u site.Base) []byte {
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + u.Abs(site.SitemapURL) + "\n")
}

func newestDate(ps []*site.Page) time.Time {
	var n time.Time
	for _, p := range ps {
		if t := p.Updated(); t.After(n) {
			n = t
		}
	}
	return n
}

func sortByDate(ps []*site.Page) {
	sort.SliceStable(ps, func(i, j int) bool {
		if !ps[i].Date.Equal(ps[j].Date) {
			return ps[i].Date.After(ps[j].Date)
		}
		return ps[i].Path < ps[j].Path
	})
}
