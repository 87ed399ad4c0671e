package statute

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strings"
	"testing"
)

// TestOneConstructPerFile keeps the package goldmark-shaped: an AST node
// is declared in a file of its own, apart from the renderer that writes it
// and from any other node.
func TestOneConstructPerFile(t *testing.T) {
	ents, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, e := range ents {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		var nodes, renderers []string
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.GenDecl:
				for _, s := range d.Specs {
					ts, ok := s.(*ast.TypeSpec)
					if !ok {
						continue
					}
					if st, ok := ts.Type.(*ast.StructType); ok && embedsBaseNode(st) {
						nodes = append(nodes, ts.Name.Name)
					}
				}
			case *ast.FuncDecl:
				if d.Recv != nil && d.Name.Name == "RegisterFuncs" {
					renderers = append(renderers, name)
				}
			}
		}
		if len(nodes) > 1 || len(nodes) == 1 && len(renderers) > 0 {
			t.Errorf("%s declares nodes %v and %d renderers: give each node a file of its own", name, nodes, len(renderers))
		}
	}
}

func embedsBaseNode(st *ast.StructType) bool {
	for _, f := range st.Fields.List {
		if sel, ok := f.Type.(*ast.SelectorExpr); ok && len(f.Names) == 0 && strings.HasPrefix(sel.Sel.Name, "Base") {
			return true
		}
	}
	return false
}
