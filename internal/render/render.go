package render

import (
	"bytes"
	"fmt"
	"html/template"
	"sync"

	"github.com/yuin/goldmark/parser"

	"github.com/fazhi-dev/fazhi/internal/markup"
	"github.com/fazhi-dev/fazhi/internal/site"
	"github.com/fazhi-dev/fazhi/internal/tmpl"
)

// Sink receives rendered files; the publish stage implements it.
type Sink interface {
	// WriteFile stores data at name, a slash-separated path below the
	// output root ("zhengce/a/index.html"). It must not keep data after it
	// returns (the caller reuses the buffer): it writes or copies it.
	WriteFile(name string, data []byte) error
}

// Renderer renders pages of one site. It is safe for concurrent use.
type Renderer struct {
	Site   *site.Site
	Data   *SiteData
	Tmpl   *tmpl.Set
	Markup *markup.Converter
	// QR draws a QR code for a URL; nil leaves Data.QR empty.
	QR func(string) (template.HTML, error)
	// Abs turns a site-relative URL into an absolute one.
	Abs func(string) string
	// Facts makes Page collect each body's ids and links (for checks).
	Facts bool
	// ValidUTF8 says that every body handed to Page or returned by a
	// BodyReader is valid UTF-8 already (the build makes it so as it
	// reads), so Markdown rendering need not check it again.
	ValidUTF8 bool
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// execute runs the template for kind and writes the result.
func (r *Renderer) execute(sink Sink, section, kind, url string, d *Data) error {
	e, err := r.Tmpl.Get()
	if err != nil {
		return err
	}
	defer r.Tmpl.Put(e)
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	if err := e.Execute(buf, section, kind, d); err != nil {
		return err
	}
	return sink.WriteFile(site.OutputPath(url), buf.Bytes())
}

// body renders a page's Markdown.
func (r *Renderer) body(p *site.Page, src []byte) (*markup.Rendered, error) {
	out, err := r.Markup.Render(r.doc(p, src))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p.SourcePath(), err)
	}
	return out, nil
}

// doc is the markup input for a page's body.
func (r *Renderer) doc(p *site.Page, src []byte) markup.Doc {
	doc := markup.Doc{Body: src, Line: p.BodyLine, Statute: p.Statute(), FAQ: p.Meta != nil && p.Meta.FAQ, Facts: r.Facts, ValidUTF8: r.ValidUTF8}
	if b := p.LinkBase(); b != p.URL {
		doc.Folder = b
	}
	return doc
}

// Page renders one content page from its Markdown body and writes it. It
// records the summary and size on p.Derived and returns the rendered
// body's facts (links, ids) for checks; the HTML is not kept.
func (r *Renderer) Page(p *site.Page, src []byte, sink Sink) (*markup.Rendered, error) {
	return r.PageIn(p, src, sink, nil)
}

// PageIn is Page with the Markdown parsed in the context pc (nil: a new
// one), through which the caller hands extensions per-document values,
// such as a resolver that notes the 《titles》 the body looks up.
func (r *Renderer) PageIn(p *site.Page, src []byte, sink Sink, pc parser.Context) (*markup.Rendered, error) {
	// The body's HTML lives in a reused buffer until the page is written:
	// the template copies it into the page, and the sink is done with the
	// page when WriteFile returns.
	doc := r.doc(p, src)
	doc.Context = pc
	out, release, err := r.Markup.RenderTransient(doc)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p.SourcePath(), err)
	}
	defer release()
	p.Derived = site.Derived{Summary: withoutTableMarkers(p, out.Summary)}
	d := r.pageData(p, out)
	err = r.execute(sink, p.Column, "page", p.URL, d)
	out.HTML = ""
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (r *Renderer) pageData(p *site.Page, out *markup.Rendered) *Data {
	summary := p.Summary()
	d := &Data{
		Site:        r.Data,
		Kind:        "page",
		Page:        p,
		Title:       p.Title,
		URL:         p.URL,
		Permalink:   r.Abs(p.URL),
		Content:     template.HTML(withReportTables(p, out.HTML)),
		TOC:         out.TOC,
		FAQ:         out.FAQ,
		Summary:     summary,
		Section:     p.Section,
		Breadcrumbs: r.crumbs(p.Section, p),
		Meta:        articleMeta(r.Data, p, summary),
	}
	d.jsonLD = func() template.JS { return jsonLD(r.Data, p, r.Abs, summary, out.FAQ) }
	if r.QR != nil {
		d.qr = func() template.HTML {
			q, _ := r.QR(d.Permalink)
			return q
		}
	}
	return d
}

// crumbs returns 首页 → columns → page.
func (r *Renderer) crumbs(sec *site.Section, p *site.Page) []Crumb {
	var chain []Crumb
	for s := sec; s != nil; s = s.Parent {
		chain = append([]Crumb{{s.Title(), s.URL()}}, chain...)
	}
	out := append([]Crumb{{"首页", site.HomeURL}}, chain...)
	if p != nil && p.Kind == site.KindPage {
		out = append(out, Crumb{p.Title, p.URL})
	}
	return out
}
