package markup

import (
	"bytes"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"
)

// Raw HTML (HTML blocks and inline tags) is the only part of a document
// that the sanitizer sees. Everything else is rendered by goldmark with
// raw HTML off, so that its output with markup.unsafeHTML on is the same
// as with it off: task-list boxes, list starts, table alignment and link
// titles stay, links keep goldmark's own check for dangerous URLs, and
// the site's own links get no rel="nofollow".
//
// When a site lets raw HTML in, takeRawHTML replaces every raw HTML node
// by a node that holds the HTML to write: rebased like the Markdown links
// and, unless the site trusts its raw HTML, sanitized piece by piece.

// kindSafeHTML and kindSafeHTMLBlock are the kinds of the nodes that hold
// raw HTML ready to be written.
var (
	kindSafeHTML      = ast.NewNodeKind("SafeHTML")
	kindSafeHTMLBlock = ast.NewNodeKind("SafeHTMLBlock")
)

// safeHTML is inline raw HTML (one tag, comment or declaration), ready
// to be written as it is.
type safeHTML struct {
	ast.BaseInline
	html string
}

func (n *safeHTML) Kind() ast.NodeKind { return kindSafeHTML }

func (n *safeHTML) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"HTML": n.html}, nil)
}

// safeHTMLBlock is an HTML block, ready to be written as it is.
type safeHTMLBlock struct {
	ast.BaseBlock
	html string
}

func (n *safeHTMLBlock) Kind() ast.NodeKind { return kindSafeHTMLBlock }

func (n *safeHTMLBlock) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"HTML": n.html}, nil)
}

// rawHTMLExt registers the renderer of the two nodes.
type rawHTMLExt struct{}

// Extend implements goldmark.Extender.
func (rawHTMLExt) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(rawHTMLExt{}, 500)))
}

// RegisterFuncs implements renderer.NodeRenderer.
func (rawHTMLExt) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindSafeHTML, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(n.(*safeHTML).html)
		}
		return ast.WalkContinue, nil
	})
	reg.Register(kindSafeHTMLBlock, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(n.(*safeHTMLBlock).html)
		}
		return ast.WalkContinue, nil
	})
}

// rawPass is the state of takeRawHTML for one document.
type rawPass struct {
	src          []byte
	policy       *bluemonday.Policy // nil when the site trusts its HTML
	base, folder string
	blocks       []*ast.HTMLBlock
	inlines      []*ast.RawHTML
}

// takeRawHTML replaces the raw HTML nodes of doc by safe ones (see the
// comment at the top of this file).
func takeRawHTML(doc ast.Node, src []byte, policy *bluemonday.Policy, base, folder string) {
	if bytes.IndexByte(src, '<') < 0 {
		return // no raw HTML without a "<"
	}
	p := &rawPass{src: src, policy: policy, base: base, folder: folder}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock:
			p.blocks = append(p.blocks, n)
		case *ast.RawHTML:
			p.inlines = append(p.inlines, n)
		}
		return ast.WalkContinue, nil
	})
	for _, b := range p.blocks {
		var sb strings.Builder
		lines := b.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			sb.Write(seg.Value(src))
		}
		if b.HasClosure() {
			seg := b.ClosureLine
			sb.Write(seg.Value(src))
		}
		b.Parent().ReplaceChild(b.Parent(), b, &safeHTMLBlock{html: p.clean(sb.String())})
	}
	for _, r := range p.inlines {
		if r.Parent() == nil {
			continue // inside a dropped element, removed already
		}
		var sb strings.Builder
		for i := range r.Segments.Len() {
			seg := r.Segments.At(i)
			sb.Write(seg.Value(src))
		}
		raw := sb.String()
		if p.policy != nil {
			p.dropContent(r, raw)
		}
		r.Parent().ReplaceChild(r.Parent(), r, &safeHTML{html: p.clean(raw)})
	}
}

// clean rebases the links of a piece of raw HTML and sanitizes it.
func (p *rawPass) clean(s string) string {
	s = rebaseHTML(s, p.base, p.folder)
	if p.policy != nil {
		s = p.policy.Sanitize(s)
	}
	return s
}

// skipContent are the elements whose content the sanitizer drops along
// with the element (bluemonday's list): written inline, the text between
// the tags is a sibling of the tags and is dropped here.
var skipContent = map[string]bool{
	"frame": true, "frameset": true, "iframe": true, "noembed": true, "noframes": true,
	"noscript": true, "nostyle": true, "object": true, "script": true, "style": true, "title": true,
}

// dropContent removes the siblings after an inline start tag of a
// skipContent element up to its end tag (or the end of the parent), when
// the sanitizer removes the element. (An allowed iframe keeps its
// content.)
func (p *rawPass) dropContent(r *ast.RawHTML, raw string) {
	name, closing := tagName(raw)
	if closing || !skipContent[name] || strings.Contains(p.policy.Sanitize(raw), "<") {
		return
	}
	parent := r.Parent()
	for s := r.NextSibling(); s != nil; {
		if e, ok := s.(*ast.RawHTML); ok && e.Segments.Len() > 0 {
			seg := e.Segments.At(0)
			if n, c := tagName(string(seg.Value(p.src))); c && n == name {
				return
			}
		}
		next := s.NextSibling()
		parent.RemoveChild(parent, s)
		s = next
	}
}

// tagName returns the lower-case name of the tag that raw starts with and
// whether it is an end tag.
func tagName(raw string) (name string, closing bool) {
	if !strings.HasPrefix(raw, "<") {
		return "", false
	}
	raw = raw[1:]
	if strings.HasPrefix(raw, "/") {
		closing, raw = true, raw[1:]
	}
	end := strings.IndexFunc(raw, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-')
	})
	if end < 0 {
		end = len(raw)
	}
	return strings.ToLower(raw[:end]), closing
}

// linkAttrs are the attributes whose value is an address that rebase
// rewrites.
var linkAttrs = map[string]bool{"href": true, "src": true, "poster": true, "action": true}

// rebaseHTML rewrites the addresses in the start tags of raw HTML the way
// rebase rewrites Markdown links. A tag with nothing to rewrite is left
// exactly as written.
func rebaseHTML(s, base, folder string) string {
	if base == "/" {
		base = ""
	}
	if base == "" && folder == "" {
		return s
	}
	z := html.NewTokenizer(strings.NewReader(s))
	var out strings.Builder
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out.String() + string(z.Raw())
		}
		raw := z.Raw()
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			out.Write(raw)
			continue
		}
		tok := z.Token()
		changed := false
		for i, a := range tok.Attr {
			if !linkAttrs[a.Key] || a.Namespace != "" {
				continue
			}
			if v := rebaseDest(a.Val, base, folder); v != a.Val {
				tok.Attr[i].Val = v
				changed = true
			}
		}
		if changed {
			out.WriteString(tok.String())
		} else {
			out.Write(raw)
		}
	}
}
