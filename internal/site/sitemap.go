package site

// SitemapColumnPages is the most pages the 网站地图 lists under one
// column: a column with more ends its list with a link to the column,
// so that the page stays light on a phone however large the site.
const SitemapColumnPages = 50

// SiteMap is the content of the HTML 网站地图 (SitemapPageURL): every
// column with its sub-columns and its own pages, then the pages outside
// any column.
type SiteMap struct {
	Columns []MapColumn
	Pages   []*Page
}

// MapColumn is one column on the 网站地图: its own pages (those of its
// sub-columns are listed under them) in list order, up to
// SitemapColumnPages, and how many more it has.
type MapColumn struct {
	Section  *Section
	Pages    []*Page
	More     int
	Children []MapColumn
}

// SiteMap returns the 网站地图 of the site.
func (s *Site) SiteMap() *SiteMap {
	m := &SiteMap{Columns: mapColumns(s.Sections)}
	for _, p := range s.Pages {
		if p.Section == nil {
			m.Pages = append(m.Pages, p)
		}
	}
	return m
}

func mapColumns(secs []*Section) []MapColumn {
	out := make([]MapColumn, 0, len(secs))
	for _, sec := range secs {
		c := MapColumn{Section: sec, Children: mapColumns(sec.Children)}
		for _, p := range sec.Pages {
			if p.Section != sec {
				continue
			}
			if len(c.Pages) == SitemapColumnPages {
				c.More++
				continue
			}
			c.Pages = append(c.Pages, p)
		}
		out = append(out, c)
	}
	return out
}
