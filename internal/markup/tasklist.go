package markup

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// taskLabels renders task-list check boxes with an accessible name
// (已完成 / 未完成), which GFM's own renderer leaves out, so that screen
// readers and accessibility checkers know what the box means.
type taskLabels struct{}

// Extend registers the renderer so that it replaces GFM's (goldmark lets
// the renderer with the lower priority value register last and win).
func (taskLabels) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(taskLabels{}, 1)))
}

// RegisterFuncs implements renderer.NodeRenderer.
func (taskLabels) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindTaskCheckBox, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if n.(*east.TaskCheckBox).IsChecked {
			w.WriteString(`<input checked="" disabled="" type="checkbox" aria-label="已完成"> `)
		} else {
			w.WriteString(`<input disabled="" type="checkbox" aria-label="未完成"> `)
		}
		return ast.WalkContinue, nil
	})
}
