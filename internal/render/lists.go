package render

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/fazhi-dev/fazhi/internal/legal"
	"github.com/fazhi-dev/fazhi/internal/site"
)

// BodyReader returns the Markdown body of a column index or home page
// (nil when the page has no file).
type BodyReader func(p *site.Page) ([]byte, error)

// ListJob renders one group of list pages that share their inputs: the
// home page, a column with its pagers (and, for notice and policy
// columns, its archive, hearing schedule and browse pages), a taxonomy or
// one of its terms, the 404 page or the alias pages. Members are the pages
// whose metadata the job shows, so that a preview server can tell which
// jobs an edit touches.
type ListJob struct {
	Key     string
	Index   *site.Page
	Members []*site.Page
	run     func(Sink, Only) error
}

// Only selects the pager pages to render by the pages they list; nil
// renders all. Pages that are not paginated are always rendered.
type Only func(chunk []*site.Page) bool

// Run renders the job's pages into sink.
func (j ListJob) Run(sink Sink) error { return j.run(sink, nil) }

// RunOnly renders the job's pages, skipping pager pages for which only
// returns false.
func (j ListJob) RunOnly(sink Sink, only Only) error { return j.run(sink, only) }

// ListJobs returns the list jobs of the site in a fixed order.
func (r *Renderer) ListJobs(read BodyReader) []ListJob {
	s := r.Site
	per := s.Config.Paginate
	content := func(p *site.Page) (template.HTML, error) {
		if p == nil || p.Meta == nil || p.File.Path == "" || read == nil {
			return "", nil
		}
		src, err := read(p)
		if err != nil || len(strings.TrimSpace(string(src))) == 0 {
			return "", err
		}
		out, err := r.body(p, src)
		if err != nil {
			return "", err
		}
		return template.HTML(out.HTML), nil
	}
	var jobs []ListJob
	home := s.Home
	jobs = append(jobs, ListJob{Key: "home", Index: home, Members: s.Pages, run: func(sink Sink, _ Only) error {
		hc, err := content(home)
		if err != nil {
			return err
		}
		hd := &Data{Site: r.Data, Kind: "home", Page: home, Title: r.Data.Title, URL: site.HomeURL, Permalink: r.Abs(site.HomeURL),
			Content: hc, Pages: s.Pages, Breadcrumbs: []Crumb{{"首页", site.HomeURL}}}
		hd.Meta = append(siteMeta(r.Data), MetaTag{"ColumnName", "首页"}, MetaTag{"ColumnType", string(legal.ColumnHome)})
		return r.execute(sink, "", "home", site.HomeURL, hd)
	}})
	for _, sec := range sortedSections(s) {
		sec := sec
		jobs = append(jobs, ListJob{Key: "section:" + sec.Path, Index: sec.Index, Members: sec.Pages, run: func(sink Sink, only Only) error {
			return r.section(sink, sec, per, content, only)
		}})
		if sec.Enforcement != nil {
			jobs = append(jobs, ListJob{Key: "decisions:" + sec.Path, Index: sec.Index, run: func(sink Sink, _ Only) error {
				return r.decisionPages(sink, sec)
			}})
		}
	}
	jobs = append(jobs, r.taxonomyJobs(site.TaxTags, "标签", "term", s.Tags, per)...)
	jobs = append(jobs, r.taxonomyJobs(site.TaxSeries, "专题", "series", s.Series, per)...)
	if r.Data.Search && r.Tmpl.Has("", "search") {
		jobs = append(jobs, ListJob{Key: "search", run: func(sink Sink, _ Only) error {
			d := &Data{Site: r.Data, Kind: "search", Title: "站内搜索", URL: site.SearchURL, Permalink: r.Abs(site.SearchURL),
				Breadcrumbs: []Crumb{{"首页", site.HomeURL}, {"站内搜索", site.SearchURL}}, Meta: siteMeta(r.Data)}
			return r.execute(sink, "", "search", site.SearchURL, d)
		}})
	}
	if r.Tmpl.Has("", "sitemap") {
		jobs = append(jobs, ListJob{Key: "sitemap", Members: s.Pages, run: func(sink Sink, _ Only) error {
			d := &Data{Site: r.Data, Kind: "sitemap", Title: "网站地图", URL: site.SitemapPageURL, Permalink: r.Abs(site.SitemapPageURL),
				SiteMap: s.SiteMap(), Breadcrumbs: []Crumb{{"首页", site.HomeURL}, {"网站地图", site.SitemapPageURL}}, Meta: siteMeta(r.Data)}
			return r.execute(sink, "", "sitemap", site.SitemapPageURL, d)
		}})
	}
	jobs = append(jobs, ListJob{Key: "404", run: func(sink Sink, _ Only) error {
		nd := &Data{Site: r.Data, Kind: "404", Title: "页面未找到", URL: site.NotFoundURL, Permalink: r.Abs(site.NotFoundURL),
			Breadcrumbs: []Crumb{{"首页", site.HomeURL}}, Meta: siteMeta(r.Data)}
		return r.execute(sink, "", "404", site.NotFoundURL, nd)
	}})
	var aliased []*site.Page
	for _, p := range s.Pages {
		if len(p.Aliases) > 0 {
			aliased = append(aliased, p)
		}
	}
	jobs = append(jobs, ListJob{Key: "aliases", Members: aliased, run: func(sink Sink, _ Only) error { return r.Aliases(sink) }})
	return jobs
}

func sortedSections(s *site.Site) []*site.Section {
	var out []*site.Section
	var walk func([]*site.Section)
	walk = func(secs []*site.Section) {
		for _, sec := range secs {
			out = append(out, sec)
			walk(sec.Children)
		}
	}
	walk(s.Sections)
	return out
}

func (r *Renderer) taxonomyJobs(name, label, kind string, terms []*site.Term, per int) []ListJob {
	if len(terms) == 0 {
		return nil
	}
	base := site.TaxonomyURL(name)
	crumbs := []Crumb{{"首页", site.HomeURL}, {label, base}}
	var all []*site.Page
	for _, t := range terms {
		all = append(all, t.Pages...)
	}
	jobs := []ListJob{{Key: name, Members: all, run: func(sink Sink, _ Only) error {
		td := &Data{Site: r.Data, Kind: "taxonomy", Title: label, URL: base, Permalink: r.Abs(base), Terms: terms,
			Breadcrumbs: crumbs, Meta: columnMeta(r.Data, nil, label)}
		return r.execute(sink, name, "taxonomy", base, td)
	}}}
	for _, t := range terms {
		t := t
		jobs = append(jobs, ListJob{Key: name + ":" + t.Name, Members: t.Pages, run: func(sink Sink, only Only) error {
			return paginate(t.URL, t.Pages, per, only, func(url string, chunk []*site.Page, pg *Paginator) error {
				d := &Data{Site: r.Data, Kind: kind, Title: label + "：" + t.Name, URL: url, Permalink: r.Abs(url),
					Term: t, Pages: chunk, Paginator: pg, Breadcrumbs: append(crumbs, Crumb{t.Name, t.URL}),
					Meta: columnMeta(r.Data, nil, label+"："+t.Name)}
				return r.execute(sink, name, kind, url, d)
			})
		}})
	}
	return jobs
}

// Aliases writes a small redirect page at each alias URL.
func (r *Renderer) Aliases(sink Sink) error {
	for _, p := range r.Site.Pages {
		for _, a := range p.Aliases {
			u, ok := site.CleanURL(a)
			if !ok {
				continue
			}
			target := r.Abs(p.URL)
			if r.Tmpl.Has("", "alias") {
				d := &Data{Site: r.Data, Kind: "alias", Page: p, Title: p.Title, URL: u, Target: target}
				if err := r.execute(sink, "", "alias", u, d); err != nil {
					return err
				}
				continue
			}
			html := fmt.Sprintf("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>%s</title><link rel=\"canonical\" href=\"%s\"><meta name=\"robots\" content=\"noindex\"><meta http-equiv=\"refresh\" content=\"0; url=%s\"></head><body><p>本页已迁移至 <a href=\"%s\">%s</a>。</p></body></html>\n",
				template.HTMLEscapeString(p.Title), template.HTMLEscapeString(target), template.HTMLEscapeString(target), template.HTMLEscapeString(target), template.HTMLEscapeString(p.Title))
			if err := sink.WriteFile(site.OutputPath(u), []byte(html)); err != nil {
				return err
			}
		}
	}
	return nil
}
