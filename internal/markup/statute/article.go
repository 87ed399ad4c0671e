package statute

import (
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// openingLabel returns the label of an article paragraph: the Label that
// is the first child of n and opens it.
func openingLabel(n ast.Node) (*Label, bool) {
	if n.Kind() != ast.KindParagraph {
		return nil, false
	}
	l, ok := n.FirstChild().(*Label)
	if !ok || !l.Opens {
		return nil, false
	}
	return l, true
}

// articleRenderer renders article paragraphs and Label nodes.
type articleRenderer struct {
	// eastAsian is the soft line break style of goldmark's HTML renderer
	// (set by the CJK extension).
	eastAsian html.EastAsianLineBreaks
}

// SetOption implements renderer.SetOptioner: the label needs the line
// break style that goldmark's text renderer uses.
func (r *articleRenderer) SetOption(name renderer.OptionName, value any) {
	if name == "EastAsianLineBreaks" {
		if v, ok := value.(html.EastAsianLineBreaks); ok {
			r.eastAsian = v
		}
	}
}

// RegisterFuncs implements renderer.NodeRenderer. It takes over the
// rendering of paragraphs, which stays goldmark's own for every paragraph
// that is not an article.
func (r *articleRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindParagraph, r.paragraph)
	reg.Register(KindLabel, r.label)
}

// Ids are made by this package from ASCII letters, digits and hyphens, so
// they need no escaping.

func (r *articleRenderer) paragraph(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</p>\n")
		return ast.WalkContinue, nil
	}
	switch l, ok := openingLabel(n); {
	case ok:
		_, _ = w.WriteString(`<p id="`)
		_, _ = w.WriteString(l.ID)
		if t := SearchToken(l.ID); strings.Contains(t, "zhi") {
			_, _ = w.WriteString(`" class="article" data-pagefind-index-attrs="data-art" data-art="`)
			_, _ = w.WriteString(t)
			_, _ = w.WriteString(`">`)
		} else {
			_, _ = w.WriteString(`" class="article">`)
		}
	case n.Attributes() != nil: // as goldmark's html renderer does
		_, _ = w.WriteString("<p")
		html.RenderAttributes(w, n, html.ParagraphAttributeFilter)
		_ = w.WriteByte('>')
	default:
		_, _ = w.WriteString("<p>")
	}
	return ast.WalkContinue, nil
}

// label writes a leaf label's text as it is: a label is 第, a numeral,
// 条 and maybe 之 and a numeral, none of which HTML escapes.
func (r *articleRenderer) label(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		l := n.(*Label)
		_, _ = w.WriteString(`<a href="#`)
		_, _ = w.WriteString(l.ID)
		_, _ = w.WriteString(`" class="art-label">`)
		_, _ = w.Write(l.Segment.Value(source))
	} else {
		_, _ = w.WriteString("</a>")
		if r.softBreakAfter(n, source) {
			_ = w.WriteByte('\n')
		}
	}
	return ast.WalkContinue, nil
}

// softBreakAfter reports whether the soft line break that ends a label
// alone on its line (第二条⏎正文) is written after the label. goldmark
// writes a text's soft line break only when the text has a text sibling
// to judge it by, and the label's text has none inside the label: the
// break is judged here against the text after the label, the way
// goldmark's simple style judges it (dropped between two wide
// characters; the CSS3 draft style is judged the same way here).
func (r *articleRenderer) softBreakAfter(n ast.Node, source []byte) bool {
	t, ok := n.LastChild().(*ast.Text)
	if !ok || !t.SoftLineBreak() || t.HardLineBreak() {
		return false
	}
	if r.eastAsian == html.EastAsianLineBreaksNone {
		return false // goldmark wrote it, inside the label
	}
	next, ok := n.NextSibling().(*ast.Text)
	if !ok {
		return false
	}
	v, nv := t.Segment.Value(source), next.Value(source)
	if len(v) == 0 || len(nv) == 0 {
		return false
	}
	last, _ := utf8.DecodeLastRune(v)
	first, _ := utf8.DecodeRune(nv)
	return !(util.IsEastAsianWideRune(last) && util.IsEastAsianWideRune(first))
}

// ID returns the id a node renders with: an article paragraph's id (see
// Label), or the "id" attribute that goldmark or another extension gave
// any other node.
func ID(n ast.Node) (string, bool) {
	if l, ok := openingLabel(n); ok {
		return l.ID, true
	}
	v, ok := n.AttributeString("id")
	if !ok {
		return "", false
	}
	switch v := v.(type) {
	case []byte:
		return string(v), true
	case string:
		return v, true
	}
	return "", false
}

// SearchToken returns the word under which site search indexes an
// article, from its id: art-12 gives tiao12, art-12-1 gives tiao12zhi1.
// Pagefind cuts Chinese text into words one way when it indexes and the
// browser another way when it reads a query, so a query for 第十二条之一
// does not meet the label's own words (第十二条 does); the search page
// turns such a query into this one ASCII word (static/js/search.js),
// which both read alike. Only inserted articles (之一) carry it: a word
// per article would lengthen every statute in the index and lower its
// ranking.
func SearchToken(id string) string {
	rest, ok := strings.CutPrefix(id, "art-")
	if !ok {
		return ""
	}
	num, sub, _ := strings.Cut(rest, "-")
	if sub != "" {
		return "tiao" + num + "zhi" + sub
	}
	return "tiao" + num
}
