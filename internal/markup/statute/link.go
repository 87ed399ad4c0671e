package statute

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

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
