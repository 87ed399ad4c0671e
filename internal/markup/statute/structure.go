package statute

import (
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// itoa formats n in decimal.
func itoa(n int) string {
	return strconv.Itoa(n)
}

// structure gives ids to the structural headings and the article
// paragraphs that are direct children of doc, links every article label
// to its anchor and collects the table of contents.
func (p *pass) structure(doc *ast.Document) {
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		switch n := c.(type) {
		case *ast.Heading:
			p.heading(n)
		case *ast.Paragraph:
			p.article(n)
		}
	}
}

// heading handles a heading that starts with 第X编/分编/章/节.
func (p *pass) heading(h *ast.Heading) {
	raw := inlineText(h, p.src, nil)
	l, ok := parseStructLabel(raw)
	if !ok {
		return
	}
	var id string
	switch l.kind {
	case kindPart:
		p.part = l.num
		p.hasPart = true
		p.hasChap = false
		id = p.unique("part-" + itoa(l.num))
		p.partID = id
	case kindSubPart:
		p.hasChap = false
		if p.hasPart {
			id = p.unique(p.partID + "-sub-" + itoa(l.num))
		} else {
			id = p.unique("sub-" + itoa(l.num))
		}
	case kindChapter:
		id = "chap-" + itoa(l.num)
		if p.taken(id) && p.hasPart {
			id = "part-" + itoa(p.part) + "-" + id
		}
		id = p.unique(id)
		p.chapterID = id
		p.hasChap = true
	case kindSection:
		if p.hasChap {
			id = p.unique(p.chapterID + "-sec-" + itoa(l.num))
		} else {
			id = p.unique("sec-" + itoa(l.num))
		}
	}
	h.SetAttributeString("id", []byte(id))
	p.structs = append(p.structs, h)
	p.toc = append(p.toc, tocEntry{
		depth: int(l.kind),
		id:    id,
		text:  tocText(raw, l.size),
	})
}

// inlineText appends the text of the inline children of n to dst.
func inlineText(n ast.Node, src, dst []byte) []byte {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch t := c.(type) {
		case *ast.Text:
			dst = append(dst, t.Segment.Value(src)...)
			if t.SoftLineBreak() || t.HardLineBreak() {
				dst = append(dst, ' ')
			}
		case *ast.String:
			dst = append(dst, t.Value...)
		case *ast.RawHTML:
			// markup is not text
		default:
			dst = inlineText(c, src, dst)
		}
	}
	return dst
}

// tocText is the heading text for the table of contents: the label, one
// space, and the title with its whitespace collapsed. Spaces between two
// Chinese characters, used in print to spread short titles (「总 则」), are
// dropped.
func tocText(raw []byte, labelSize int) string {
	out := make([]byte, 0, len(raw))
	out = append(out, raw[:labelSize]...)
	title := raw[labelSize:]
	var prev rune // last rune written from the title, 0 before the first
	pendingSpace := false
	for i := 0; i < len(title); {
		r, size := utf8.DecodeRune(title[i:])
		i += size
		if unicode.IsSpace(r) {
			pendingSpace = true
			continue
		}
		if prev == 0 {
			out = append(out, ' ')
		} else if pendingSpace && !(isHan(prev) && isHan(r)) {
			out = append(out, ' ')
		}
		pendingSpace = false
		out = utf8.AppendRune(out, r)
		prev = r
	}
	return string(out)
}

// isHan reports whether r is a Chinese character.
func isHan(r rune) bool {
	return r >= 0x2E80 && unicode.Is(unicode.Han, r)
}

// isLabelSpace reports whether r may separate an article label from the
// article text.
func isLabelSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\u3000' || r == '\u00a0'
}

// startsWithSpace reports whether the text node t starts with a label
// separator.
func startsWithSpace(t *ast.Text, src []byte) bool {
	v := t.Segment.Value(src)
	r, _ := utf8.DecodeRune(v)
	return len(v) > 0 && isLabelSpace(r)
}

// article handles a paragraph that starts with an article label.
func (p *pass) article(para *ast.Paragraph) {
	switch first := para.FirstChild().(type) {
	case *ast.Text:
		if first.IsRaw() || first.Segment.Padding != 0 {
			return
		}
		v := first.Segment.Value(p.src)
		l, ok := parseArticleLabel(v)
		if !ok {
			return
		}
		rest := v[l.size:]
		if len(rest) == 0 {
			next, isText := first.NextSibling().(*ast.Text)
			lineEnd := first.SoftLineBreak() || first.HardLineBreak() || first.NextSibling() == nil
			if !lineEnd && !(isText && startsWithSpace(next, p.src)) {
				return
			}
		} else if r, _ := utf8.DecodeRune(rest); !isLabelSpace(r) {
			return
		}
		id := p.articleID(l)
		var label *Label
		if len(rest) > 0 {
			label = cutLabel(para, first, l.size, id)
		} else {
			label = wrapLabel(para, first, id)
		}
		toArticle(para, label, id)
	case *ast.Emphasis:
		// **第一条** text
		t, ok := first.FirstChild().(*ast.Text)
		if !ok || t.NextSibling() != nil || t.IsRaw() {
			return
		}
		v := t.Segment.Value(p.src)
		l, ok := parseArticleLabel(v)
		if !ok || l.size != len(v) {
			return
		}
		if next := first.NextSibling(); next != nil {
			nt, isText := next.(*ast.Text)
			if !isText || !startsWithSpace(nt, p.src) {
				return
			}
		}
		id := p.articleID(l)
		toArticle(para, wrapLabel(para, first, id), id)
	}
}

// articleID records an article label and returns the article's id,
// unique in the document.
func (p *pass) articleID(l articleLabel) string {
	base := l.id()
	p.articles[base] = struct{}{}
	return p.unique(base)
}

// toArticle makes para the article with id. Its first child is the
// article's label, which already links to id. A paragraph that some other
// extension gave attributes keeps them, and gets the id and class as
// attributes too; any other paragraph takes its id from the label.
func toArticle(para *ast.Paragraph, label *Label, id string) {
	if para.Attributes() == nil {
		label.Opens = true
		return
	}
	para.SetAttributeString("id", []byte(id))
	class := []byte("article")
	if old, ok := para.AttributeString("class"); ok {
		if b, isBytes := old.([]byte); isBytes && len(b) > 0 {
			class = append(append(append([]byte(nil), b...), ' '), class...)
		}
	}
	para.SetAttributeString("class", class)
}

// wrapLabel replaces n by a Label linking to #id that holds n, and
// returns the label.
func wrapLabel(parent, n ast.Node, id string) *Label {
	label := NewLabel(id)
	parent.ReplaceChild(parent, n, label)
	label.AppendChild(label, n)
	return label
}

// cutLabel puts a leaf Label linking to #id before t and moves the first
// k bytes of t into it. It returns the label.
func cutLabel(parent ast.Node, t *ast.Text, k int, id string) *Label {
	label := NewLabel(id)
	label.Segment = t.Segment.WithStop(t.Segment.Start + k)
	t.Segment = t.Segment.WithStart(t.Segment.Start + k)
	parent.InsertBefore(parent, t, label)
	return label
}

// splitText cuts t after k bytes. The tail becomes a new sibling right
// after t and takes over t's line-break flags; it is returned.
func splitText(parent ast.Node, t *ast.Text, k int) *ast.Text {
	seg := t.Segment
	tail := ast.NewTextSegment(text.NewSegment(seg.Start+k, seg.Stop))
	tail.SetSoftLineBreak(t.SoftLineBreak())
	tail.SetHardLineBreak(t.HardLineBreak())
	t.Segment = seg.WithStop(seg.Start + k)
	t.SetSoftLineBreak(false)
	t.SetHardLineBreak(false)
	parent.InsertAfter(parent, t, tail)
	return tail
}
