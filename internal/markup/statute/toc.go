package statute

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// tocRenderer renders TOC nodes.
type tocRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (r *tocRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindTOC, r.render)
}

func (r *tocRenderer) render(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<nav class="statute-toc" aria-label="目录">` + "\n")
	} else {
		_, _ = w.WriteString("</nav>\n")
	}
	return ast.WalkContinue, nil
}

// tocEntry is one heading that goes into the table of contents.
type tocEntry struct {
	depth int // 0 编, 1 分编, 2 章, 3 节
	id    string
	text  string
}

// buildTOC turns entries into a TOC node. An entry is nested under the
// nearest preceding entry of smaller depth.
func buildTOC(entries []tocEntry) *TOC {
	toc := NewTOC()
	root := newTOCList()
	toc.AppendChild(toc, root)
	type frame struct {
		depth int
		item  *ast.ListItem
		list  *ast.List // child list of item, created on demand
	}
	stack := make([]frame, 0, 4)
	for _, e := range entries {
		for len(stack) > 0 && stack[len(stack)-1].depth >= e.depth {
			stack = stack[:len(stack)-1]
		}
		parent := root
		if len(stack) > 0 {
			top := &stack[len(stack)-1]
			if top.list == nil {
				top.list = newTOCList()
				top.item.AppendChild(top.item, top.list)
			}
			parent = top.list
		}
		item := ast.NewListItem(0)
		tb := ast.NewTextBlock()
		link := ast.NewLink()
		link.Destination = []byte("#" + e.id)
		link.AppendChild(link, ast.NewString([]byte(e.text)))
		tb.AppendChild(tb, link)
		item.AppendChild(item, tb)
		parent.AppendChild(parent, item)
		stack = append(stack, frame{depth: e.depth, item: item})
	}
	return toc
}

// newTOCList returns an ordered list starting at 1.
func newTOCList() *ast.List {
	l := ast.NewList('.')
	l.Start = 1
	return l
}
