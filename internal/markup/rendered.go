package markup

import (
	"bytes"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"github.com/fazhi-dev/fazhi/internal/markup/statute"
)

// Rendered is a rendered body and what was learnt from it.
type Rendered struct {
	HTML string
	// TOC lists the level-2 and level-3 headings.
	TOC []Heading
	// Summary is the first paragraph's text cut at a sentence end.
	Summary string
	// IDs are all element ids in the body (headings, articles, footnotes).
	IDs []string
	// Links are the link and image destinations in the body.
	Links []Link
	// FAQ holds question and answer pairs when Doc.FAQ is set.
	FAQ []QA
}

// Heading is a table-of-contents entry.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Link is a link or image destination with its position in the file.
type Link struct {
	Dest  string
	Line  int
	Col   int
	Image bool
	// Alt is an image's alternative text.
	Alt string
	// Class is the link's class attribute ("xref" for a statute's cross-references).
	Class string
}

// QA is one question of a FAQ page.
type QA struct {
	Question string
	Answer   string
}

// SummaryLimit is the most characters a derived summary has.
const SummaryLimit = 120

// scratchPool holds the buffers collect reads paragraph text into.
var scratchPool = sync.Pool{New: func() any { return new([]byte) }}

// collector gathers what a rendered document tells about itself in one
// walk: table of contents, summary and FAQ, and with Doc.Facts the ids and
// links (with their lines) that checks need.
type collector struct {
	doc     ast.Node
	d       Doc
	src     []byte
	r       *Rendered
	lines   []int // line starts, computed for the first link
	faq     *QA   // the question being answered
	answer  strings.Builder
	scratch []byte // text of the current paragraph
	salute  string // a leading salutation: the summary when nothing follows
}

func collect(doc ast.Node, d Doc, r *Rendered) {
	sp := scratchPool.Get().(*[]byte)
	c := &collector{doc: doc, d: d, src: d.Body, r: r, scratch: (*sp)[:0]}
	defer func() {
		*sp = c.scratch[:0]
		scratchPool.Put(sp)
	}()
	_ = ast.Walk(doc, c.visit)
	c.flush()
	if r.Summary == "" {
		r.Summary = c.salute
	}
}

// maxSalutation is the most characters a salutation has
// (「各区人民政府，市政府各部门、各直属机构：」 has 20).
const maxSalutation = 30

// salutation reports whether a paragraph is only a salutation (同志们：,
// 赵某：, 各区人民政府，市政府各部门：): short and ending in a colon. It
// says nothing about the page, so the summary (and with it the meta
// description, the feeds and JSON-LD) is taken from the next paragraph.
func salutation(t []byte) bool {
	return (bytes.HasSuffix(t, []byte("：")) || bytes.HasSuffix(t, []byte(":"))) && runeCount(t) <= maxSalutation
}

func (c *collector) visit(n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	if c.d.Facts {
		if id, ok := statute.ID(n); ok {
			c.r.IDs = append(c.r.IDs, id)
		}
	}
	switch n := n.(type) {
	case *ast.Heading:
		c.heading(n)
		return ast.WalkSkipChildren, nil
	case *ast.Paragraph:
		c.paragraph(n)
		if !c.d.Facts {
			// Only links and ids inside a paragraph matter past this
			// point, and only for checks.
			return ast.WalkSkipChildren, nil
		}
	case *ast.Link, *statute.XRef, *ast.Image, *ast.AutoLink:
		if c.d.Facts {
			c.r.Links = append(c.r.Links, c.link(n))
		}
	}
	return ast.WalkContinue, nil
}

// heading adds an h2 or h3 to the table of contents and, on a FAQ page,
// starts a new question (a higher heading ends the last one). Headings
// below h3 are ignored, except on a FAQ page.
func (c *collector) heading(n *ast.Heading) {
	if n.Level > 3 && !c.d.FAQ {
		return
	}
	t := plainText(n, c.src)
	if n.Level == 2 || n.Level == 3 {
		id, _ := statute.ID(n)
		c.r.TOC = append(c.r.TOC, Heading{Level: n.Level, ID: id, Text: t})
	}
	if c.d.FAQ {
		if n.Level == 2 || n.Level == 3 {
			c.flush()
			c.faq = &QA{Question: t}
		} else if n.Level < 2 {
			c.flush()
		}
	}
}

// paragraph takes the summary from the first top-level paragraph and adds
// the paragraph to the answer of the current FAQ question.
func (c *collector) paragraph(n *ast.Paragraph) {
	summary := c.r.Summary == "" && n.Parent() == c.doc
	if !summary && c.faq == nil {
		return
	}
	c.scratch = appendText(c.scratch[:0], n, c.src)
	t := bytes.TrimSpace(c.scratch)
	switch {
	case !summary:
	case salutation(t):
		if c.salute == "" {
			c.salute = Summarize(string(t), SummaryLimit)
		}
	default:
		c.r.Summary = Summarize(string(t), SummaryLimit)
	}
	if c.faq != nil && n.Parent() != nil {
		if c.answer.Len() > 0 {
			c.answer.WriteString("\n")
		}
		c.answer.Write(t)
	}
}

// flush ends the current FAQ question.
func (c *collector) flush() {
	if c.faq != nil {
		c.faq.Answer = strings.TrimSpace(c.answer.String())
		c.r.FAQ = append(c.r.FAQ, *c.faq)
		c.faq = nil
	}
	c.answer.Reset()
}

// link describes a link, cross-reference, image or autolink. Autolinks
// carry no position.
func (c *collector) link(n ast.Node) Link {
	var l Link
	switch n := n.(type) {
	case *ast.Link:
		l = Link{Dest: string(n.Destination)}
		if a, ok := n.AttributeString("class"); ok {
			if b, ok := a.([]byte); ok {
				l.Class = string(b)
			} else if s, ok := a.(string); ok {
				l.Class = s
			}
		}
	case *statute.XRef:
		l = Link{Dest: string(n.Destination), Class: "xref"}
	case *ast.Image:
		l = Link{Dest: string(n.Destination), Image: true, Alt: plainText(n, c.src)}
	case *ast.AutoLink:
		return Link{Dest: string(n.URL(c.src))}
	}
	l.Line, l.Col = c.pos(n)
	return l
}

// pos returns the line and column of n in the file.
func (c *collector) pos(n ast.Node) (int, int) {
	if c.lines == nil {
		c.lines = lineStarts(c.src)
	}
	l, col := position(n, c.src, c.lines)
	return l + c.d.Line - 1, col
}

// plainText returns the text of n's inline content.
func plainText(n ast.Node, src []byte) string {
	return string(bytes.TrimSpace(appendText(nil, n, src)))
}

// appendText appends the text of n's inline content to dst.
func appendText(dst []byte, n ast.Node, src []byte) []byte {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch t := c.(type) {
		case *ast.Text:
			dst = append(dst, t.Segment.Value(src)...)
			if t.HardLineBreak() {
				dst = append(dst, '\n')
			}
		case *ast.String:
			dst = append(dst, t.Value...)
		case *statute.Label:
			dst = appendText(statute.LabelText(dst, t, src), c, src)
		default:
			dst = appendText(dst, c, src)
		}
	}
	return dst
}

// runeCount counts the characters of b, which is valid UTF-8 (Render
// makes it so): every byte that does not continue a character starts one.
// (utf8.RuneCount copies its input to a string when it meets a non-ASCII
// byte, which for Chinese text is a copy of every paragraph.)
func runeCount(b []byte) int {
	n := 0
	for _, c := range b {
		if c&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// position finds the line and column of the first text inside n.
func position(n ast.Node, src []byte, starts []int) (int, int) {
	off := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			off = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if off < 0 {
		for p := n.Parent(); p != nil; p = p.Parent() {
			if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
				off = p.Lines().At(0).Start
				break
			}
		}
	}
	if off < 0 {
		return 0, 0
	}
	// binary search for the line
	lo, hi := 0, len(starts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if starts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	col := runeCount(src[starts[lo]:off]) + 1
	// step back over "[" or "![" of the link itself
	if col > 1 && off > 0 && src[off-1] == '[' {
		col--
		if off > 1 && src[off-2] == '!' {
			col--
		}
	}
	return lo + 1, col
}

// Summarize cuts s to at most limit characters, ending at the last sentence
// end (。！？；) within the limit; when there is none, it cuts at the limit
// and adds an ellipsis. It never cuts inside a character.
func Summarize(s string, limit int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	runes := []rune(s)[:limit]
	for i := len(runes) - 1; i >= 0; i-- {
		switch runes[i] {
		case '。', '！', '？', '；':
			return string(runes[:i+1])
		}
	}
	return string(runes[:limit-1]) + "…"
}
