package statute

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// KindArticle is the node kind of Article.
var KindArticle = ast.NewNodeKind("StatuteArticle")

// Article is a top-level paragraph that starts with an article label
// (第X条). It takes the paragraph's place and children and renders as
// <p id="ID" class="article">. A statute has tens of articles per page and
// a portal tens of thousands of statutes, so the id is a field rather than
// a goldmark attribute (which costs an attribute table per node).
type Article struct {
	ast.BaseBlock
	// ID is the article's anchor, such as art-12 or art-12-1.
	ID string
}

// NewArticle returns an empty Article with the given id.
func NewArticle(id string) *Article {
	return &Article{ID: id}
}

// Kind implements ast.Node.Kind.
func (n *Article) Kind() ast.NodeKind {
	return KindArticle
}

// Dump implements ast.Node.Dump.
func (n *Article) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"ID": n.ID}, nil)
}

// KindLabel is the node kind of Label.
var KindLabel = ast.NewNodeKind("StatuteLabel")

// Label holds an article's label (第X条) and renders it as a link to the
// article's own anchor: <a href="#ID" class="art-label">.
type Label struct {
	ast.BaseInline
	// ID is the anchor of the article the label starts.
	ID string
}

// NewLabel returns an empty Label pointing at id.
func NewLabel(id string) *Label {
	return &Label{ID: id}
}

// Kind implements ast.Node.Kind.
func (n *Label) Kind() ast.NodeKind {
	return KindLabel
}

// Dump implements ast.Node.Dump.
func (n *Label) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"ID": n.ID}, nil)
}

// articleRenderer renders Article and Label nodes.
type articleRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (r *articleRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindArticle, r.article)
	reg.Register(KindLabel, r.label)
}

// Ids are made by this package from ASCII letters, digits and hyphens, so
// they need no escaping.

func (r *articleRenderer) article(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<p id="`)
		_, _ = w.WriteString(n.(*Article).ID)
		_, _ = w.WriteString(`" class="article">`)
	} else {
		_, _ = w.WriteString("</p>\n")
	}
	return ast.WalkContinue, nil
}

func (r *articleRenderer) label(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<a href="#`)
		_, _ = w.WriteString(n.(*Label).ID)
		_, _ = w.WriteString(`" class="art-label">`)
	} else {
		_, _ = w.WriteString("</a>")
	}
	return ast.WalkContinue, nil
}

// ID returns the id a node renders with: an Article's ID, or the "id"
// attribute that goldmark or another extension gave any other node.
func ID(n ast.Node) (string, bool) {
	if a, ok := n.(*Article); ok {
		return a.ID, true
	}
	v, ok := n.AttributeString("id")
	if !ok {
		return "", false
	}
	switch v := v.(type) {
	case []byte:
		return string(v), true
	case string:
		return v, true
	}
	return "", false
}
