package build

import (
	"github.com/fazhi-dev/fazhi/internal/outputs"
	"github.com/fazhi-dev/fazhi/internal/site"
)

// outputs writes feeds, the sitemap, robots.txt, policy catalogues and
// hearing calendars.
func (b *builder) outputs() error {
	if err := b.siteOutputs(); err != nil {
		return err
	}
	for _, p := range sortedKeys(b.site.SectionByPath) {
		if err := b.sectionOutputs(b.site.SectionByPath[p]); err != nil {
			return err
		}
	}
	return nil
}

// siteOutputs writes the site feed, sitemap and robots.txt (owner
// "outputs:site").
func (b *builder) siteOutputs() error {
	s := b.site
	u := outputs.URLs{Base: b.cfg.BaseURL}
	sink := b.to("outputs:site")
	if err := sink.WriteFile("feed.xml", outputs.Atom(s, u, s.Config.Title, "/feed.xml", "/", s.Pages)); err != nil {
		return err
	}
	if err := sink.WriteFile("sitemap.xml", outputs.Sitemap(s, u)); err != nil {
		return err
	}
	return sink.WriteFile("robots.txt", outputs.Robots(u))
}

// sectionOutputs writes a column's feed, catalogue and calendar (owner
// "outputs:<column path>").
func (b *builder) sectionOutputs(sec *site.Section) error {
	s := b.site
	u := outputs.URLs{Base: b.cfg.BaseURL}
	sink := b.to("outputs:" + sec.Path)
	base := sec.URL()
	name := sec.Title() + " - " + s.Config.Title
	if err := sink.WriteFile(trim(base)+"feed.xml", outputs.Atom(s, u, name, base+"feed.xml", base, sec.Pages)); err != nil {
		return err
	}
	if cat := outputs.PolicyCatalogue(s, sec, u); cat != nil {
		if err := sink.WriteFile(trim(base)+"index.json", cat); err != nil {
			return err
		}
	}
	if _, _, hearings, ok := s.Notices(sec); ok {
		if err := sink.WriteFile(trim(base)+"hearings.ics", outputs.Hearings(s, hearings, u, sec.Title()+"开庭排期")); err != nil {
			return err
		}
	}
	return nil
}

func trim(u string) string {
	if len(u) > 0 && u[0] == '/' {
		return u[1:]
	}
	return u
}
