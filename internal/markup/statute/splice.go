package statute

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// skipRefs reports whether the text inside n must never be linked.
func skipRefs(n ast.Node) bool {
	switch n.Kind() {
	case ast.KindHeading, ast.KindLink, ast.KindAutoLink, ast.KindImage,
		ast.KindCodeSpan, ast.KindRawHTML, ast.KindCodeBlock,
		ast.KindFencedCodeBlock, ast.KindHTMLBlock, KindTOC, KindLabel, KindXRef,
		extast.KindTaskCheckBox:
		return true
	}
	return false
}

// linkable reports whether t can take part in a run of text.
func linkable(t *ast.Text) bool {
	return !t.IsRaw() && t.Segment.Padding == 0
}

// linkInlines links the cross-references in the text below n. Text
// inside a link the author wrote in raw HTML (<a href="…">本法第一条</a>)
// is left alone: a link inside a link is not valid HTML.
func (p *pass) linkInlines(n ast.Node) {
	if n.Type() == ast.TypeBlock {
		// an <a> the author left open does not reach the next block
		saved := p.rawLinks
		p.rawLinks = 0
		defer func() { p.rawLinks = saved }()
	}
	for c := n.FirstChild(); c != nil; {
		if r, ok := c.(*ast.RawHTML); ok {
			p.rawLinks = max(0, p.rawLinks+rawLinkDepth(r, p.src))
		}
		if t, ok := c.(*ast.Text); ok && linkable(t) && p.rawLinks > 0 {
			c = c.NextSibling()
			continue
		}
		if t, ok := c.(*ast.Text); ok && linkable(t) {
			run := p.run[:0]
			for s := ast.Node(t); s != nil; s = s.NextSibling() {
				st, ok := s.(*ast.Text)
				if !ok || !linkable(st) {
					break
				}
				run = append(run, st)
				if st.HardLineBreak() {
					break
				}
			}
			next := run[len(run)-1].NextSibling()
			p.linkRun(n, run)
			p.run = run[:0]
			c = next
			continue
		}
		if !skipRefs(c) {
			p.linkInlines(c)
		}
		c = c.NextSibling()
	}
}

// linkRun finds the references in a run of sibling text nodes, read as
// one string (so that a reference split by goldmark across several nodes,
// or across a soft line break, is still found), and wraps them in links.
func (p *pass) linkRun(parent ast.Node, run []*ast.Text) {
	buf, offs := p.buf[:0], p.offs[:0]
	for _, t := range run {
		offs = append(offs, len(buf))
		buf = append(buf, p.src[t.Segment.Start:t.Segment.Stop]...)
	}
	offs = append(offs, len(buf))
	p.buf, p.offs = buf, offs
	matches := p.findRefs(buf, p.matches[:0])
	p.matches = matches[:0]
	if len(matches) == 0 {
		return
	}

	k := 0
	cur := run[0]
	curStart := 0
	for _, m := range matches {
		for offs[k+1] <= m.start {
			k++
			cur, curStart = run[k], offs[k]
		}
		if m.start > curStart {
			cur = splitText(parent, cur, m.start-curStart)
			curStart = m.start
		}
		link := NewXRef(m.dest)
		parent.InsertBefore(parent, cur, link)
		for {
			end := offs[k+1]
			if end > m.end {
				tail := splitText(parent, cur, m.end-curStart)
				moveInto(parent, link, cur)
				cur, curStart = tail, m.end
				break
			}
			moveInto(parent, link, cur)
			if k+1 == len(run) {
				break // the run is used up, and so are the matches
			}
			k++
			cur, curStart = run[k], offs[k]
			if end == m.end {
				break
			}
		}
	}
}

// moveInto moves n from parent to the end of link.
func moveInto(parent ast.Node, link *XRef, n ast.Node) {
	parent.RemoveChild(parent, n)
	link.AppendChild(link, n)
}

// rawLinkDepth returns +1 for inline raw HTML that opens an <a> element,
// -1 for one that closes it, and 0 for any other tag.
func rawLinkDepth(r *ast.RawHTML, src []byte) int {
	if r.Segments.Len() == 0 {
		return 0
	}
	seg := r.Segments.At(0)
	tag := seg.Value(src)
	closing := len(tag) > 1 && tag[1] == '/'
	name := tag[1:]
	if closing {
		name = tag[2:]
	}
	if len(name) == 0 || name[0]|0x20 != 'a' {
		return 0
	}
	if len(name) > 1 {
		switch name[1] {
		case ' ', '\t', '\n', '\r', '\f', '>', '/':
		default:
			return 0 // <abbr>, <address>, …
		}
	}
	if closing {
		return -1
	}
	if bytes.HasSuffix(bytes.TrimRight(tag, " \t\r\n"), []byte("/>")) {
		return 0
	}
	return 1
}
