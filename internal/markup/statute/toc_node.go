package statute

import "github.com/yuin/goldmark/ast"

// KindTOC is the node kind of TOC.
var KindTOC = ast.NewNodeKind("StatuteTOC")

// TOC is the block that holds the chapter table of contents. Its children
// are ordinary goldmark nodes (an ordered ast.List of ast.ListItem with
// ast.Link entries), so code that walks the tree for links finds them; the
// TOC node itself only adds the surrounding <nav> element.
type TOC struct {
	ast.BaseBlock
}

// NewTOC returns an empty TOC node.
func NewTOC() *TOC {
	return &TOC{}
}

// Kind implements ast.Node.Kind.
func (n *TOC) Kind() ast.NodeKind {
	return KindTOC
}

// Dump implements ast.Node.Dump.
func (n *TOC) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, nil, nil)
}
