package build

import (
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"

	"github.com/fazhi-dev/fazhi/internal/buildcache"
	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/markup"
	"github.com/fazhi-dev/fazhi/internal/markup/statute"
	"github.com/fazhi-dev/fazhi/internal/publish"
	"github.com/fazhi-dev/fazhi/internal/qrcode"
	"github.com/fazhi-dev/fazhi/internal/render"
	"github.com/fazhi-dev/fazhi/internal/scss"
	"github.com/fazhi-dev/fazhi/internal/site"
	"github.com/fazhi-dev/fazhi/internal/tmpl"
)

// prepare sets up Markdown, loads the templates and makes the renderer.
func (b *builder) prepare() error {
	base := site.ParseBase(b.cfg.BaseURL)
	b.conv = b.converter(base)
	set, err := tmpl.Load(b.fsys, b.funcs(base))
	if err != nil {
		return err
	}
	b.tmpl = set
	b.renderer = &render.Renderer{Site: b.site, Data: b.siteData(), Tmpl: set, Markup: b.conv, QR: qrcode.SVG, Abs: base.Abs, Facts: b.o.Collect,
		ValidUTF8: true} // body() repairs invalid UTF-8 and warns
	return nil
}

// converter returns the Markdown converter for page bodies.
func (b *builder) converter(base site.Base) *markup.Converter {
	cfg := b.cfg
	return markup.New(markup.Options{
		UnsafeHTML:  cfg.Markup.UnsafeHTML,
		TrustHTML:   cfg.Markup.TrustHTML,
		IframeHosts: cfg.Markup.IframeHosts,
		BasePath:    base.Path(),
		// The resolver reads b.site at render time, so that an incremental
		// rebuild's new graph is used.
		Statute: []goldmark.Extender{statute.New(statute.WithResolver(statute.ResolverFunc(func(t string) (string, bool) {
			return b.site.ResolveTitle(t)
		})))},
	})
}

// funcs returns the template functions, with markdownify on a converter
// of its own (safe settings, no statute extension) and asset reading the
// table the assets step fills before any page is rendered.
func (b *builder) funcs(base site.Base) template.FuncMap {
	inline := markup.New(markup.Options{BasePath: base.Path()})
	b.assetURLs = map[string]string{}
	return tmpl.Funcs(tmpl.FuncOptions{
		BaseURL: b.cfg.BaseURL,
		Now:     b.o.Now,
		QR:      qrcode.SVG,
		Markdownify: func(s string) (template.HTML, error) {
			r, err := inline.Render(markup.Doc{Body: []byte(s)})
			if err != nil {
				return "", err
			}
			return template.HTML(r.HTML), nil
		},
		Asset: func(p string) (string, bool) {
			u, ok := b.assetURLs[p]
			return u, ok
		},
	})
}

// siteData returns what every template sees as .Site.
func (b *builder) siteData() *render.SiteData {
	cfg := b.cfg
	sd := &render.SiteData{
		Title: cfg.Title, BaseURL: cfg.BaseURL, LanguageCode: cfg.LanguageCode, Identity: cfg.Identity,
		Menu: menu(cfg.Menu.Main), Params: cfg.Params, Sections: render.SiteColumns(b.site.Sections), Tags: b.site.Tags,
		Series: b.site.Series, Search: cfg.SearchEnabled() && b.o.Search != nil, Now: b.o.Now, Serve: b.o.Serve,
		Home: b.site.Home, Graph: b.site, Mourning: site.MourningAt(cfg, b.o.Now),
	}
	if cfg.Security.ContentSecurityPolicy {
		sd.CSP = cfg.CSP()
	}
	return sd
}

// assets compiles the stylesheet and fingerprints the script.
func (b *builder) assets() error {
	sd := b.renderer.Data
	if _, err := fs.Stat(b.fsys, scss.Entry); err == nil {
		css := b.o.ThemeCSS
		if css == nil || scss.HasOwnStyles(b.o.Source, b.o.Theme) {
			if b.o.Sass == nil {
				return &diag.Error{File: scss.Entry, Msg: scss.ErrNotFound.Error()}
			}
			var err error
			if css, err = b.o.Sass.Compile(b.fsys, scss.Entry); err != nil {
				return err
			}
		}
		name := fmt.Sprintf("css/main.%s.css", publish.Hash(css)[:10])
		if err := b.to("assets").WriteFile(name, css); err != nil {
			return err
		}
		sd.CSS = "/" + name
	}
	// Scripts under static/js/ are written with a content hash in their
	// names, so that browsers never keep an old copy; templates find them
	// with {{ asset "js/search.js" }}.
	ents, _ := fs.ReadDir(b.fsys, "static/js")
	for _, e := range ents {
		if e.IsDir() || path.Ext(e.Name()) != ".js" || e.Type()&fs.ModeSymlink != 0 {
			continue
		}
		src := "js/" + e.Name()
		js, err := fs.ReadFile(b.fsys, "static/"+src)
		if err != nil {
			return err
		}
		name := fmt.Sprintf("js/%s.%s.js", strings.TrimSuffix(e.Name(), ".js"), publish.Hash(js)[:10])
		if err := b.to("assets").WriteFile(name, js); err != nil {
			return err
		}
		b.assetURLs[src] = "/" + name
	}
	sd.JS = b.assetURLs["js/fazhi.js"]
	return nil
}

// renderPages renders content pages in parallel, each read, rendered,
// written and dropped before the next.
func (b *builder) renderPages() error {
	return b.renderPageList(b.site.Pages)
}

// renderPageList renders the given content pages (templates still see
// the whole site).
func (b *builder) renderPageList(pages []*site.Page) error {
	all := len(pages)
	if b.cache != nil {
		pages = b.reuse(pages)
	}
	errs := make([]error, len(pages))
	var rendered []*markup.Rendered
	if b.o.Collect {
		rendered = make([]*markup.Rendered, len(pages))
	}
	perr := parallel(b.ctx, len(pages), b.workers(), func(i int) {
		p := pages[i]
		src, bad, release, err := b.bodyOf(p)
		defer release()
		if err != nil {
			errs[i] = err
			return
		}
		sink := b.to("page:" + p.Path)
		var rec *recorder
		var pc parser.Context
		if b.cache != nil || b.lookups != nil {
			rec = &recorder{}
			pc = rec.context(b.site)
		}
		if b.cache != nil {
			sink = cachedSink{b: b, rec: rec}
		}
		out, err := b.renderer.PageIn(p, src, sink, pc)
		if err != nil {
			errs[i] = fmt.Errorf("%s: %w", p.SourcePath(), err)
			var de *diag.Error
			if asDiag(err, &de) {
				if de != nil && de.File == "" {
					de.File = p.SourcePath() // markup's limits know no file
				}
				errs[i] = err
			}
			return
		}
		if rendered != nil {
			rendered[i] = out
		}
		if p.Revises != nil {
			if rec != nil {
				rec.bodies = append(rec.bodies, p.Revises.Path)
			}
			old, err := b.ownBody(p.Revises)
			if err == nil {
				err = b.renderer.Compare(p, old, src, sink)
			}
			if err != nil {
				errs[i] = fmt.Errorf("%s: %w", p.SourcePath(), err)
				return
			}
		}
		if err := b.copyResources(p, sink); err != nil {
			errs[i] = err
			return
		}
		if b.lookups != nil {
			b.lookups(p.Path, rec.reads())
		}
		if b.cache != nil {
			b.record(p, rec, bad)
		}
	}, func(i int) string { return pages[i].SourcePath() })
	if b.cache != nil {
		b.cache.keys.afterPages(b.site)
	}
	if err := b.ctx.Err(); err != nil {
		return err
	}
	var list diag.List
	list.Add(perr)
	for _, err := range errs {
		list.Add(err)
	}
	if len(list) > 0 {
		return list
	}
	if rendered != nil {
		b.res.Rendered = make(map[string]*markup.Rendered, len(pages))
		for i, p := range pages {
			b.res.Rendered[p.Path] = rendered[i]
		}
	}
	b.res.Pages["page"] = all
	b.res.Reused = all - len(pages)
	return nil
}

// copyResources copies a bundle's files beside its page.
func (b *builder) copyResources(p *site.Page, sink render.Sink) error {
	dir := path.Dir(p.File.Path)
	for _, r := range p.File.Resources {
		data, err := fs.ReadFile(b.o.Source, "content/"+r)
		if err != nil {
			return diag.New("content/"+r, 0, "无法读取附件：%v", err)
		}
		rel := strings.TrimPrefix(r, dir+"/")
		name := strings.TrimPrefix(p.Folder(), "/") + rel
		if err := sink.WriteFile(name, data); err != nil {
			return err
		}
	}
	return nil
}

// renderLists renders the list jobs in parallel; they only read the site
// graph. The first error in job order is returned.
func (b *builder) renderLists() error {
	jobs := b.renderer.ListJobs(b.ownBody)
	errs := make([]error, len(jobs))
	counts := make([]int, len(jobs))
	reused := make([]int, len(jobs))
	perr := parallel(b.ctx, len(jobs), b.workers(), func(i int) {
		var sink render.Sink = b.to("list:" + jobs[i].Key)
		var rec *recorder
		var key buildcache.Sum
		var cached bool
		if b.cache != nil {
			var n int
			if n, rec, key, cached = b.reuseList(jobs[i]); n >= 0 {
				counts[i], reused[i] = n, n
				return
			}
			sink = cachedSink{b: b, rec: rec}
		}
		c := &countSink{next: sink}
		errs[i] = jobs[i].Run(c)
		counts[i] = c.n
		if errs[i] == nil && cached {
			b.recordList(jobs[i], key, rec)
		}
	}, func(i int) string { return jobs[i].Key })
	if b.cache != nil {
		// Nothing after the lists looks at the previous lists' records or
		// at the keys (see reuse).
		b.cache.prev.Lists, b.cache.keys = nil, nil
	}
	if err := b.ctx.Err(); err != nil {
		return err
	}
	if perr != nil {
		return perr
	}
	n := 0
	for i, err := range errs {
		if err != nil {
			return err
		}
		n += counts[i]
		b.res.ReusedLists += reused[i]
		if b.cache != nil && reused[i] == 0 && counts[i] > 0 {
			b.res.RenderedLists = append(b.res.RenderedLists, jobs[i].Key)
		}
	}
	b.res.Pages["list"] = n
	return nil
}

type countSink struct {
	next render.Sink
	n    int
}

func (c *countSink) WriteFile(name string, data []byte) error {
	c.n++
	return c.next.WriteFile(name, data)
}
