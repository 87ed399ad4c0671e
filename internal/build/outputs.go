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
	u := site.ParseBase(b.cfg.BaseURL)
	sink := b.to("outputs:site")
	if err := sink.WriteFile(site.OutputPath(site.FeedURL), outputs.Atom(s, u, s.Config.Title, site.FeedURL, site.HomeURL, s.Pages)); err != nil {
		return err
	}
	if err := sink.WriteFile(site.OutputPath(site.SitemapURL), outputs.Sitemap(s, u)); err != nil {
		return err
	}
	return sink.WriteFile("robots.txt", outputs.Robots(u))
}

// sectionOutputs writes a column's feed, catalogue, calendar and open
// data (owner "outputs:<column path>").
func (b *builder) sectionOutputs(sec *site.Section) error {
	s := b.site
	u := site.ParseBase(b.cfg.BaseURL)
	sink := b.to("outputs:" + sec.Path)
	base := sec.URL()
	name := sec.Title() + " - " + s.Config.Title
	if feed := sec.FeedURL(); feed != "" {
		if err := sink.WriteFile(site.OutputPath(feed), outputs.Atom(s, u, name, feed, base, sec.Pages)); err != nil {
			return err
		}
	}
	if cat := outputs.PolicyCatalogue(s, sec, u); cat != nil {
		if err := sink.WriteFile(site.OutputPath(site.FileIndex.In(base)), cat); err != nil {
			return err
		}
	}
	if csv, json := outputs.OpenData(sec, b.o.Now, b.cfg.Location); csv != nil {
		if err := sink.WriteFile(site.OutputPath(site.FileDataCSV.In(base)), csv); err != nil {
			return err
		}
		if err := sink.WriteFile(site.OutputPath(site.FileDataJSON.In(base)), json); err != nil {
			return err
		}
	}
	if _, _, hearings, ok := s.Notices(sec); ok {
		if err := sink.WriteFile(site.OutputPath(site.FileCalendar.In(base)), outputs.Hearings(s, hearings, u, sec.Title()+"开庭排期")); err != nil {
			return err
		}
	}
	return nil
}
