package statute

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

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

// xrefRenderer renders XRef nodes.
type xrefRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (r *xrefRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindXRef, r.xref)
}

// xref writes the destination escaped the way goldmark writes a link's.
// Destinations are made by the extension from ids and site URLs, never
// from a scheme an author wrote, so there is no dangerous URL to drop.
func (r *xrefRenderer) xref(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<a href="`)
		_, _ = w.Write(util.EscapeHTML(util.URLEscape(n.(*XRef).Destination, true)))
		_, _ = w.WriteString(`" class="xref">`)
	} else {
		_, _ = w.WriteString("</a>")
	}
	return ast.WalkContinue, nil
}
