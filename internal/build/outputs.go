package build

import (
	"github.com/fazhi-dev/fazhi/internal/outputs"
)

// outputs writes feeds, the sitemap, robots.txt, policy catalogues and
// hearing calendars.
func (b *builder) outputs() error {
	s := b.site
	u := outputs.URLs{Base: b.absBase()}
	write := func(name string, data []byte) error {
		if data == nil {
			return nil
		}
		return b.to("outputs").WriteFile(name, data)
	}
	if err := write("feed.xml", outputs.Atom(s, u, s.Config.Title, "/feed.xml", "/", s.Pages)); err != nil {
		return err
	}
	for _, sec := range s.SectionByPath {
		base := sec.URL()
		name := sec.Title() + " - " + s.Config.Title
		if err := write(trim(base)+"feed.xml", outputs.Atom(s, u, name, base+"feed.xml", base, sec.Pages)); err != nil {
			return err
		}
		if err := write(trim(base)+"index.json", outputs.PolicyCatalogue(s, sec, u)); err != nil {
			return err
		}
		if _, _, hearings, ok := s.Notices(sec); ok {
			if err := write(trim(base)+"hearings.ics", outputs.Hearings(s, hearings, u, sec.Title()+"开庭排期")); err != nil {
				return err
			}
		}
	}
	if err := write("sitemap.xml", outputs.Sitemap(s, u)); err != nil {
		return err
	}
	return write("robots.txt", outputs.Robots(u))
}

func trim(u string) string {
	if len(u) > 0 && u[0] == '/' {
		return u[1:]
	}
	return u
}

// absBase is the base URL used for absolute links in feeds and sitemaps.
func (b *builder) absBase() string { return b.cfg.BaseURL }
