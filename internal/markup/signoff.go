package markup

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// signoffDate is the date line of a 落款: 二〇二六年三月十六日 or 2026年3月16日.
var signoffDate = regexp.MustCompile(`^(?:[0-9０-９]{4}|[〇○零一二三四五六七八九]{4})年(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})日$`)

// signoff marks the 落款 at the end of a document — the issuing body on
// one line and the date on the next — with class="signoff", and keeps
// the line break between them, which the CJK line-break rule would
// otherwise drop (「某市东城区人民法院二〇二六年三月十六日」 on one line).
// The theme sets both lines right-aligned. Both spellings count: one
// paragraph of two lines, or two one-line paragraphs.
type signoff struct{}

// Extend implements goldmark.Extender.
func (signoff) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(signoff{}, 900)))
}

// maxIssuer is the longest issuer line taken for a 落款, in characters.
const maxIssuer = 40

// Transform implements parser.ASTTransformer.
func (signoff) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	last, ok := doc.LastChild().(*ast.Paragraph)
	if !ok {
		return
	}
	lines := last.Lines()
	switch lines.Len() {
	case 2:
		if !isIssuer(lineOf(lines, 0, src)) || !signoffDate.Match(lineOf(lines, 1, src)) {
			return
		}
		if t := lineEnd(last); t != nil {
			t.SetHardLineBreak(true)
			t.SetSoftLineBreak(false)
			last.SetAttributeString("class", []byte("signoff"))
		}
	case 1:
		prev, ok := last.PreviousSibling().(*ast.Paragraph)
		if !ok || prev.Lines().Len() != 1 || !signoffDate.Match(lineOf(lines, 0, src)) || !isIssuer(lineOf(prev.Lines(), 0, src)) {
			return
		}
		prev.SetAttributeString("class", []byte("signoff"))
		last.SetAttributeString("class", []byte("signoff"))
	}
}

// lineOf returns line i of a block without surrounding white space and a
// trailing hard-break backslash or spaces.
func lineOf(lines *text.Segments, i int, src []byte) []byte {
	seg := lines.At(i)
	return bytes.TrimRight(bytes.TrimSpace(seg.Value(src)), `\`)
}

// issuerEnds are the last characters of the names of issuing bodies:
// 人民法院, 人民政府, 司法局, 委员会, 办公室, 办公厅, 检察院, 中心, ….
const issuerEnds = "院府局会室厅部处所站心队组署委办社司馆校"

// isIssuer reports whether line can be the issuer of a 落款: short, not a
// sentence, and ending like the name of a body.
func isIssuer(line []byte) bool {
	n := utf8.RuneCount(line)
	if n < 2 || n > maxIssuer || bytes.ContainsAny(line, "。，；：！？,;:!?") {
		return false
	}
	r, _ := utf8.DecodeLastRune(line)
	return strings.ContainsRune(issuerEnds, r)
}

// lineEnd returns the text node that ends the first line of para: the
// first one followed by a line break.
func lineEnd(para *ast.Paragraph) *ast.Text {
	var found *ast.Text
	_ = ast.Walk(para, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*ast.Text); ok && entering && (t.SoftLineBreak() || t.HardLineBreak()) {
			found = t
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}
