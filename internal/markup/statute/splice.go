package statute

import (
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

// linkInlines links the cross-references in the text below n.
func (p *pass) linkInlines(n ast.Node) {
	for c := n.FirstChild(); c != nil; {
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
