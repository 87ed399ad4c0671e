package statute

import (
	"sync"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// transformer is the parser.ASTTransformer of the extension. It holds only
// the read-only configuration; everything that belongs to one document
// lives in a pass.
type transformer struct {
	cfg config
}

// Transform implements parser.ASTTransformer.
func (t *transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	p := passes.Get().(*pass)
	p.cfg, p.src = &t.cfg, reader.Source()
	p.resolver = t.cfg.resolver
	if r, ok := pc.Get(ResolverKey).(Resolver); ok && r != nil {
		p.resolver = r
	}
	defer p.release()
	p.structure(doc)
	if t.cfg.crossRefs {
		p.linkInlines(doc)
	}
	p.yieldHeadingIDs(doc, pc)
	head := p.head(doc)
	if t.cfg.toc && len(p.toc) > 0 && doc.FirstChild() != nil {
		if head != nil {
			doc.InsertAfter(doc, head, buildTOC(p.toc))
		} else {
			doc.InsertBefore(doc, doc.FirstChild(), buildTOC(p.toc))
		}
	}
}

// passes are reused between documents: a statute of a few hundred
// articles grows its id sets to a few hundred entries, and building those
// maps anew for every document of a large site costs more than the rest
// of the pass.
var passes = sync.Pool{New: func() any { return newPass() }}

// release empties p, keeping the capacity of its maps and buffers, and
// puts it back in the pool. Nothing of a pass outlives its document: ids
// and destinations are copied into the nodes.
func (p *pass) release() {
	clear(p.ids)
	clear(p.articles)
	clear(p.titles)
	clear(p.run[:cap(p.run)]) // text nodes of the document
	clear(p.matches[:cap(p.matches)])
	clear(p.structs[:cap(p.structs)])
	*p = pass{
		ids: p.ids, articles: p.articles, titles: p.titles,
		toc: p.toc[:0], buf: p.buf[:0], offs: p.offs[:0], run: p.run[:0], matches: p.matches[:0],
		structs: p.structs[:0],
	}
	passes.Put(p)
}

// pass is the state of transforming one document.
type pass struct {
	cfg *config
	src []byte
	// resolver answers this document's 《title》 lookups.
	resolver Resolver

	ids      map[string]struct{} // every id handed out
	articles map[string]struct{} // art-N / art-N-M of every article label
	toc      []tocEntry
	structs  []*ast.Heading // the headings that got a structural id

	// rawLinks counts the raw HTML <a> elements open at the text being
	// linked: nothing inside an author's own link is linked again.
	rawLinks int

	// current structure while walking the headings
	part             int
	chapterID        string
	partID           string
	hasPart, hasChap bool

	// scratch buffers reused between runs of text
	buf     []byte
	offs    []int
	run     []*ast.Text
	matches []match
	titles  map[string]titleTarget
}

// newPass returns an empty pass; Transform sets its configuration and
// source.
func newPass() *pass {
	return &pass{
		ids:      make(map[string]struct{}),
		articles: make(map[string]struct{}),
	}
}

// unique returns id, or id-2, id-3, … whichever is free first, and marks
// it as taken.
func (p *pass) unique(id string) string {
	if _, taken := p.ids[id]; !taken {
		p.ids[id] = struct{}{}
		return id
	}
	for n := 2; ; n++ {
		c := id + "-" + itoa(n)
		if _, taken := p.ids[c]; !taken {
			p.ids[c] = struct{}{}
			return c
		}
	}
}

// taken reports whether id has been handed out.
func (p *pass) taken(id string) bool {
	_, ok := p.ids[id]
	return ok
}

// yieldHeadingIDs renames the headings whose automatic id (made by the
// parser from their text: "## Art 1" gives art-1) is also a statute
// anchor. The anchors stay as they are, since links from other pages name
// them; a heading takes the next free id instead (art-1-1), so that every
// id of the document is unique.
func (p *pass) yieldHeadingIDs(doc *ast.Document, pc parser.Context) {
	if len(p.ids) == 0 {
		return
	}
	var gen parser.IDs
	if pc != nil {
		gen = pc.IDs()
	}
	next := 0 // index in p.structs of the next structural heading
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		h, ok := n.(*ast.Heading)
		if !ok {
			if n.Type() == ast.TypeInline || n.Kind() == ast.KindParagraph {
				return ast.WalkSkipChildren, nil
			}
			return ast.WalkContinue, nil
		}
		if next < len(p.structs) && p.structs[next] == h {
			next++ // the walk meets them in document order
			return ast.WalkSkipChildren, nil
		}
		id, ok := ID(h)
		if !ok || !p.taken(id) {
			return ast.WalkSkipChildren, nil
		}
		h.SetAttributeString("id", []byte(p.freeID(id, gen)))
		return ast.WalkSkipChildren, nil
	})
}

// freeID returns an id made from id that neither the parser's id
// generator nor this pass has handed out, and marks it as taken.
func (p *pass) freeID(id string, gen parser.IDs) string {
	for n := 1; ; n++ {
		var c string
		if gen != nil {
			c = string(gen.Generate([]byte(id), ast.KindHeading))
		} else {
			c = id + "-" + itoa(n)
		}
		if !p.taken(c) {
			p.ids[c] = struct{}{}
			return c
		}
	}
}
