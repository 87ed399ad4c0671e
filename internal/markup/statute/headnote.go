package statute

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
)

// headNoteWords are the words of a 题注: how and when the text was adopted,
// approved, promulgated or amended.
var headNoteWords = [][]byte{
	[]byte("通过"), []byte("批准"), []byte("公布"), []byte("修正"), []byte("修订"), []byte("施行"),
}

// head returns the last of a statute's leading blocks — a level-1 title
// heading, then a 题注 — or nil when it has neither. It marks the 题注 with
// class="head-note", so that the theme can centre it under the title; the
// table of contents goes after both.
func (p *pass) head(doc *ast.Document) ast.Node {
	var last ast.Node
	n := doc.FirstChild()
	if h, ok := n.(*ast.Heading); ok && h.Level == 1 && !p.structural(h) {
		last, n = h, h.NextSibling()
	}
	if para, ok := n.(*ast.Paragraph); ok && p.isHeadNote(para) {
		para.SetAttributeString("class", []byte("head-note"))
		last = para
	}
	return last
}

// structural reports whether h is a 编, 章 or 节 heading (one in the table
// of contents), not the statute's title.
func (p *pass) structural(h *ast.Heading) bool {
	id, ok := ID(h)
	if !ok {
		return false
	}
	for _, e := range p.toc {
		if e.id == id {
			return true
		}
	}
	return false
}

// isHeadNote reports whether para is a 题注: a paragraph wholly inside one
// pair of parentheses that says how the text was adopted or amended, such
// as （2019年6月27日某市第十六届人民代表大会常务委员会第十四次会议通过）.
func (p *pass) isHeadNote(para *ast.Paragraph) bool {
	lines := para.Lines()
	if lines.Len() == 0 {
		return false
	}
	firstSeg, lastSeg := lines.At(0), lines.At(lines.Len()-1)
	first := bytes.TrimSpace(firstSeg.Value(p.src))
	last := bytes.TrimSpace(lastSeg.Value(p.src))
	open := bytes.HasPrefix(first, []byte("（")) || bytes.HasPrefix(first, []byte("("))
	closed := bytes.HasSuffix(last, []byte("）")) || bytes.HasSuffix(last, []byte(")"))
	if !open || !closed {
		return false
	}
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		line := seg.Value(p.src)
		for _, w := range headNoteWords {
			if bytes.Contains(line, w) {
				return true
			}
		}
	}
	return false
}
