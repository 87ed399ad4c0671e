// Package markup renders a page's Markdown body to HTML with goldmark and
// fazhi's extensions, and returns what later stages need to know about the
// body: its table of contents, summary, element ids, links and FAQ items.
// Rendering is a pure function of the body and the options.
package markup

import (
	"bytes"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Options configures a Converter.
type Options struct {
	// UnsafeHTML lets raw HTML in Markdown through.
	UnsafeHTML bool
	// TrustHTML skips the sanitizer when UnsafeHTML is on.
	TrustHTML bool
	// IframeHosts are the hosts whose iframes the sanitizer keeps.
	IframeHosts []string
	// Statute holds the extra extensions used for statute-like documents
	// (article anchors, cross-references).
	Statute []goldmark.Extender
	// BasePath is the path part of the site's base URL ("/sub/"); links in
	// the body that start with "/" are rewritten below it.
	BasePath string
}

// Converter renders Markdown. It is safe for concurrent use.
type Converter struct {
	base    string
	plain   goldmark.Markdown
	statute goldmark.Markdown
	raw     bool               // raw HTML is let in
	policy  *bluemonday.Policy // sanitizes raw HTML; nil when it is trusted or off
}

// Doc is one document to render.
type Doc struct {
	// Body is the Markdown text without front matter.
	Body []byte
	// Line is the file line on which Body starts, for link positions.
	Line int
	// Statute turns on article anchors and cross-references.
	Statute bool
	// FAQ collects each level-2 or level-3 heading as a question.
	FAQ bool
	// Facts collects the element ids and the links with their positions
	// (Rendered.IDs and Rendered.Links), which only checks need.
	Facts bool
	// ValidUTF8 says that Body is known to be valid UTF-8, which Render
	// otherwise checks (and repairs) first.
	ValidUTF8 bool
	// Folder, when set, is the folder URL ("/zhengce/a/") against which
	// relative link and image destinations are made site-absolute: set it
	// for a page published as a file ("/zhengce/a.html"), whose relative
	// links a browser would otherwise resolve from its parent folder.
	Folder string
	// Context carries per-document values for extensions (may be nil).
	Context parser.Context
}

// New returns a Converter.
func New(o Options) *Converter {
	c := &Converter{
		base:    o.BasePath,
		plain:   newMarkdown(o, nil),
		statute: newMarkdown(o, o.Statute),
		raw:     o.UnsafeHTML,
	}
	if o.UnsafeHTML && !o.TrustHTML {
		c.policy = sanitizer(o.IframeHosts)
	}
	return c
}

func newMarkdown(o Options, extra []goldmark.Extender) goldmark.Markdown {
	exts := []goldmark.Extender{
		extension.GFM,
		extension.Footnote,
		extension.DefinitionList,
		extension.CJK,
		taskLabels{},
		rawHTMLExt{},
		signoff{},
	}
	exts = append(exts, extra...)
	rOpts := []goldmark.Option{
		newParser(),
		goldmark.WithExtensions(exts...),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	}
	return goldmark.New(rOpts...)
}

// Render converts one document.
func (c *Converter) Render(d Doc) (*Rendered, error) {
	var w htmlWriter
	w.Grow(len(d.Body) + len(d.Body)/2 + 512)
	r, err := c.render(d, &w)
	if err != nil {
		return nil, err
	}
	r.HTML = w.String()
	return r, nil
}

// RenderTransient is Render with the HTML held in a buffer that is
// reused for a later document once release is called: Rendered.HTML is
// valid only until then. A page that is rendered, written and dropped
// (as the build does) so allocates nothing for its HTML. release must be
// called exactly once.
func (c *Converter) RenderTransient(d Doc) (*Rendered, func(), error) {
	bp := htmlBufs.Get().(*[]byte)
	w := bufWriter{b: (*bp)[:0]}
	release := func() {
		if cap(w.b) <= maxPooledHTML {
			*bp = w.b[:0]
			htmlBufs.Put(bp)
		}
	}
	r, err := c.render(d, &w)
	if err != nil {
		release()
		return nil, func() {}, err
	}
	if len(w.b) > 0 {
		r.HTML = unsafe.String(&w.b[0], len(w.b))
	}
	return r, release, nil
}

// htmlBufs are the buffers of RenderTransient; one larger than
// maxPooledHTML (a huge page) is left to the garbage collector.
var htmlBufs = sync.Pool{New: func() any { return new([]byte) }}

const maxPooledHTML = 4 << 20

// render converts d into w; the caller takes the HTML from w and sets
// r.HTML.
func (c *Converter) render(d Doc, w util.BufWriter) (*Rendered, error) {
	md := c.plain
	if d.Statute {
		md = c.statute
	}
	if !d.ValidUTF8 && !utf8.Valid(d.Body) {
		// goldmark's CJK line-break handling can panic on invalid UTF-8.
		d.Body = bytes.ToValidUTF8(d.Body, []byte("\uFFFD"))
	}
	if err := checkLimits(d.Body, d.Line); err != nil {
		return nil, err
	}
	pc := d.Context
	if pc == nil {
		pc = parser.NewContext(parser.WithIDs(newIDs()))
	}
	doc := md.Parser().Parse(text.NewReader(d.Body), parser.WithContext(pc))
	r := &Rendered{}
	collect(doc, d, r)
	rebase(doc, c.base, d.Folder)
	if c.raw {
		takeRawHTML(doc, d.Body, c.policy, c.base, d.Folder)
	}
	if err := md.Renderer().Render(w, d.Body, doc); err != nil {
		return nil, err
	}
	return r, nil
}

// bufWriter is a util.BufWriter over a byte slice.
type bufWriter struct{ b []byte }

func (w *bufWriter) Write(p []byte) (int, error) { w.b = append(w.b, p...); return len(p), nil }

func (w *bufWriter) WriteString(s string) (int, error) {
	w.b = append(w.b, s...)
	return len(s), nil
}

func (w *bufWriter) WriteByte(c byte) error { w.b = append(w.b, c); return nil }

func (w *bufWriter) WriteRune(r rune) (int, error) {
	n := len(w.b)
	w.b = utf8.AppendRune(w.b, r)
	return len(w.b) - n, nil
}

// Available, Buffered and Flush implement util.BufWriter: nothing is held
// back.
func (w *bufWriter) Available() int { return cap(w.b) - len(w.b) }
func (w *bufWriter) Buffered() int  { return 0 }
func (w *bufWriter) Flush() error   { return nil }

// htmlWriter collects rendered HTML in a strings.Builder. It implements
// goldmark's util.BufWriter, so the renderer writes straight into it (no
// bufio.Writer in between), and String returns the HTML without a copy.
type htmlWriter struct {
	strings.Builder
}

// Available implements util.BufWriter.
func (w *htmlWriter) Available() int { return w.Cap() - w.Len() }

// Buffered implements util.BufWriter: nothing is held back.
func (w *htmlWriter) Buffered() int { return 0 }

// Flush implements util.BufWriter.
func (w *htmlWriter) Flush() error { return nil }

// NewContext returns a fresh parser context with fazhi's Chinese-aware id
// generator, for callers that add their own values to it.
func NewContext() parser.Context {
	return parser.NewContext(parser.WithIDs(newIDs()))
}
