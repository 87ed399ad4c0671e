package statute

import "github.com/yuin/goldmark/ast"

// KindXRef is the node kind of XRef.
var KindXRef = ast.NewNodeKind("StatuteXRef")

// XRef is a cross-reference the extension found in the text (第十条,
// 《某某法》第三条) and links: <a href="Destination" class="xref">. It is
// a node of its own rather than an ast.Link with a class attribute, which
// would cost an attribute table for each of the many references of a
// statute.
type XRef struct {
	ast.BaseInline
	// Destination is the link target: "#art-10" within the document, or
	// another document's URL and anchor.
	Destination []byte
}

// NewXRef returns an empty XRef linking to dest.
func NewXRef(dest []byte) *XRef {
	return &XRef{Destination: dest}
}

// Kind implements ast.Node.Kind.
func (n *XRef) Kind() ast.NodeKind {
	return KindXRef
}

// Dump implements ast.Node.Dump.
func (n *XRef) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Destination": string(n.Destination)}, nil)
}
