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

func collect(doc ast.Node, d Doc, r *Rendered) {
	src := d.Body
	var lines []int // line starts, computed for the first link
	var faq *QA
	var answer strings.Builder
	sp := scratchPool.Get().(*[]byte)
	scratch := (*sp)[:0] // text of the current paragraph
	defer func() {
		*sp = scratch[:0]
		scratchPool.Put(sp)
	}()
	flush := func() {
		if faq != nil {
			faq.Answer = strings.TrimSpace(answer.String())
			r.FAQ = append(r.FAQ, *faq)
			faq = nil
		}
		answer.Reset()
	}
	pos := func(n ast.Node) (int, int) {
		if lines == nil {
			lines = lineStarts(src)
		}
		l, c := position(n, src, lines)
		return l + d.Line - 1, c
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if d.Facts {
			if id, ok := statute.ID(n); ok {
				r.IDs = append(r.IDs, id)
			}
		}
		switch n := n.(type) {
		case *ast.Heading:
			if n.Level > 3 && !d.FAQ {
				return ast.WalkSkipChildren, nil
			}
			t := plainText(n, src)
			if n.Level == 2 || n.Level == 3 {
				id, _ := statute.ID(n)
				r.TOC = append(r.TOC, Heading{Level: n.Level, ID: id, Text: t})
			}
			if d.FAQ {
				if n.Level == 2 || n.Level == 3 {
					flush()
					faq = &QA{Question: t}
				} else if n.Level < 2 {
					flush()
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph:
			summary := r.Summary == "" && n.Parent() == doc
			if summary || faq != nil {
				scratch = appendText(scratch[:0], n, src)
				t := bytes.TrimSpace(scratch)
				if summary {
					r.Summary = Summarize(string(t), SummaryLimit)
				}
				if faq != nil && n.Parent() != nil {
					if answer.Len() > 0 {
						answer.WriteString("\n")
					}
					answer.Write(t)
				}
			}
			if !d.Facts {
				// Only links and ids inside a paragraph matter past
				// this point, and only for checks.
				return ast.WalkSkipChildren, nil
			}
		case *ast.Link:
			if !d.Facts {
				break
			}
			l := Link{Dest: string(n.Destination), Image: false}
			if c, ok := n.AttributeString("class"); ok {
				if b, ok := c.([]byte); ok {
					l.Class = string(b)
				} else if s, ok := c.(string); ok {
					l.Class = s
				}
			}
			l.Line, l.Col = pos(n)
			r.Links = append(r.Links, l)
		case *statute.XRef:
			if !d.Facts {
				break
			}
			l := Link{Dest: string(n.Destination), Class: "xref"}
			l.Line, l.Col = pos(n)
			r.Links = append(r.Links, l)
		case *ast.Image:
			if !d.Facts {
				break
			}
			l := Link{Dest: string(n.Destination), Image: true, Alt: plainText(n, src)}
			l.Line, l.Col = pos(n)
			r.Links = append(r.Links, l)
		case *ast.AutoLink:
			if !d.Facts {
				break
			}
			l := Link{Dest: string(n.URL(src))}
			r.Links = append(r.Links, l)
		}
		return ast.WalkContinue, nil
	})
	flush()
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
