package markup

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// rebase prefixes root-relative link and image destinations ("/zhengce/a/")
// with the site's base path, so that a site served from a sub-path keeps
// working links.
func rebase(doc ast.Node, base string) {
	if base == "" || base == "/" {
		return
	}
	fix := func(dest []byte) []byte {
		s := string(dest)
		if strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//") {
			return []byte(strings.TrimSuffix(base, "/") + s)
		}
		return dest
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			n.Destination = fix(n.Destination)
		case *ast.Image:
			n.Destination = fix(n.Destination)
		}
		return ast.WalkContinue, nil
	})
}
