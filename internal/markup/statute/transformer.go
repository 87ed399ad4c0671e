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
func (t *transformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	p := passes.Get().(*pass)
	p.cfg, p.src = &t.cfg, reader.Source()
	defer p.release()
	p.structure(doc)
	if t.cfg.crossRefs {
		p.linkInlines(doc)
	}
	if t.cfg.toc && len(p.toc) > 0 && doc.FirstChild() != nil {
		doc.InsertBefore(doc, doc.FirstChild(), buildTOC(p.toc))
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
	*p = pass{
		ids: p.ids, articles: p.articles, titles: p.titles,
		toc: p.toc[:0], buf: p.buf[:0], offs: p.offs[:0], run: p.run[:0], matches: p.matches[:0],
	}
	passes.Put(p)
}

// pass is the state of transforming one document.
type pass struct {
	cfg *config
	src []byte

	ids      map[string]struct{} // every id handed out
	articles map[string]struct{} // art-N / art-N-M of every article label
	toc      []tocEntry

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
