package statute

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// KindLabel is the node kind of Label.
var KindLabel = ast.NewNodeKind("StatuteLabel")

// Label holds an article's label (第X条) and renders it as a link to the
// article's own anchor: <a href="#ID" class="art-label">.
//
// An article is the top-level paragraph that starts with a label. When
// Opens is set, that paragraph renders as <p id="ID" class="article">.
// The paragraph node itself stays as goldmark made it: a statute has tens
// of articles per page and a portal tens of thousands of statutes, so an
// article costs no node of its own and no attribute table.
//
// A label written as plain text at the start of a longer text (第一条　…)
// is a leaf: Segment holds its bytes, cut from the front of the text that
// follows. Otherwise (**第一条**, or a label alone on its line) the label
// holds the nodes it was written as.
type Label struct {
	ast.BaseInline
	// ID is the anchor of the article the label starts.
	ID string
	// Opens says that the paragraph holding the label is the article and
	// takes ID as its id.
	Opens bool
	// Segment is the label's text in the source when the label is a leaf;
	// it is empty otherwise.
	Segment text.Segment
}

// LabelText appends the text of label l to dst.
func LabelText(dst []byte, l *Label, source []byte) []byte {
	if l.Segment.Len() > 0 {
		return append(dst, l.Segment.Value(source)...)
	}
	return dst
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
	kv := map[string]string{"ID": n.ID}
	if n.Opens {
		kv["Opens"] = "true"
	}
	if n.Segment.Len() > 0 {
		kv["Text"] = string(n.Segment.Value(source))
	}
	ast.DumpHelper(n, source, level, kv, nil)
}
