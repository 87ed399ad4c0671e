package statute

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// extender is the goldmark.Extender returned by New.
type extender struct {
	cfg config
}

// New returns the statute extension configured by opts.
func New(opts ...Option) goldmark.Extender {
	return &extender{cfg: newConfig(opts)}
}

// Extend implements goldmark.Extender.
func (e *extender) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(
		util.Prioritized(&transformer{cfg: e.cfg}, 100),
	))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(&tocRenderer{}, 500),
		util.Prioritized(&articleRenderer{}, 500),
		util.Prioritized(&xrefRenderer{}, 500),
	))
}
