package markup

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// linkRefs is goldmark's link reference definition transformer
// ("[label]: /url") behind a one-byte test. A definition can only start a
// paragraph, and only with "[" after spaces; goldmark's transformer sets up
// a block reader for every paragraph before it looks. A statute has a
// paragraph per clause and almost never a definition, so most paragraphs
// now cost one byte comparison. The output is the same.
type linkRefs struct{}

// Transform implements parser.ParagraphTransformer.
func (linkRefs) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := node.Lines()
	if lines.Len() == 0 {
		return
	}
	first := lines.At(0)
	for _, c := range first.Value(reader.Source()) {
		if util.IsSpace(c) {
			continue
		}
		if c != '[' {
			return
		}
		break
	}
	parser.LinkReferenceParagraphTransformer.Transform(node, reader, pc)
}

// newParser returns goldmark's default parser with linkRefs in place of
// its link reference transformer.
func newParser() goldmark.Option {
	return goldmark.WithParser(parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(util.Prioritized(linkRefs{}, 100)),
	))
}
