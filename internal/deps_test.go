// Package internal_test checks that imports between fazhi's packages flow
// one way, from configuration through the pipeline stages to the command
// line, as the architecture requires.
package internal_test

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/legal"
	"github.com/fazhi-dev/fazhi/internal/site"
)

// layer gives each package its place in the pipeline; a package may
// import only packages of a lower layer (or its own subpackages). A stage
// between two others takes a fraction (search runs on the published
// files, for build to call).
var layer = map[string]float64{
	"diag": 0, "tomlpos": 0, "toolbin": 0, "legal": 0, "overlay": 0, "qrcode": 0, "rawfs": 0,
	"config": 1, "lint": 1,
	"source": 2, "frontmatter": 2, "tabular": 2,
	"markup": 3, "markup/statute": 3, "markup/compare": 3.5, "enforcement": 3,
	"site": 4, "cms": 4.5,
	"tmpl": 5, "scss": 5, "render": 6,
	"outputs": 6, "search": 7.5,
	"publish": 7, "buildcache": 7.2,
	"build": 8, "archetype": 8,
	"check": 9, "serve": 9.5, "deploy": 9, "sign": 0, "initsite": 8,
	"cli":       10,
	"fazhitest": 11, "robust": 11, "docscheck": 11, "release": 11,
}

func TestImportsFlowOneWay(t *testing.T) {
	out, err := exec.Command("go", "list", "-json", "github.com/fazhi-dev/fazhi/internal/...").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	const prefix = "github.com/fazhi-dev/fazhi/internal/"
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for dec.More() {
		var p struct {
			ImportPath string
			Imports    []string
		}
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		name, ok := strings.CutPrefix(p.ImportPath, prefix)
		if !ok {
			continue
		}
		l, ok := layer[name]
		if strings.Contains(name, "cmd/") {
			l, ok = 99, true // commands sit on top of everything
		}
		if !ok {
			t.Errorf("package %s has no layer: add it to the table", name)
			continue
		}
		for _, imp := range p.Imports {
			dep, ok := strings.CutPrefix(imp, prefix)
			if !ok {
				continue
			}
			if strings.HasPrefix(dep, name+"/") {
				continue
			}
			if dl, ok := layer[dep]; ok && dl >= l {
				t.Errorf("%s (layer %v) imports %s (layer %v): imports must flow from config towards cli", name, l, dep, dl)
			}
		}
	}
}

// urlHome is the one package that builds URLs; config owns the baseURL
// setting and checks its form, markup resolves the links an author wrote
// (it lies below site, which hands it the base path).
const urlHome = "site"

// notProduct lists packages under internal/ that are not part of the
// product, for which the rules below do not hold. The measurement
// programs and browser tests live in the tools module (tools/go.mod).
var notProduct = []string{}

// TestOnlySiteBuildsURLs rejects, outside package site, what building a
// URL by hand looks like: percent-encoding or joining paths with net/url,
// arithmetic on a baseURL other than handing it to site.ParseBase, the
// URL segments of the generated column lists (site.ColumnLists), and a
// second copy of the URL-scheme regexp (its home is markup/dest.go).
func TestOnlySiteBuildsURLs(t *testing.T) {
	var segs []string
	for _, l := range site.ColumnLists {
		segs = append(segs, string(l))
	}
	walkProduct(t, func(pkg, file string, f *ast.File) {
		if pkg == urlHome || pkg == "config" {
			return
		}
		bad := func(n ast.Node, what string) {
			t.Errorf("%s: %s outside package site: use site.ParseBase, site.Base, site.ColumnLists or markup.IsExternal", pos(file, n), what)
		}
		isBaseURL := func(e ast.Expr) bool {
			sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
			return ok && sel.Sel.Name == "BaseURL"
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ImportSpec:
				return false // an import path such as "archive/zip" is no URL
			case *ast.SelectorExpr:
				switch n.Sel.Name {
				case "EscapedPath", "PathEscape", "JoinPath", "ResolveReference":
					bad(n, n.Sel.Name)
				}
			case *ast.CompositeLit:
				if sel, ok := n.Type.(*ast.SelectorExpr); ok && sel.Sel.Name == "URL" {
					if x, ok := sel.X.(*ast.Ident); ok && x.Name == "url" {
						bad(n, "url.URL{…}")
					}
				}
			case *ast.CallExpr:
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok && (sel.Sel.Name == "ParseBase" || sel.Sel.Name == "SetBaseURL") {
					return true
				}
				for _, a := range n.Args {
					if isBaseURL(a) {
						bad(n, "a baseURL taken apart")
					}
				}
			case *ast.BinaryExpr:
				if n.Op == token.ADD && (isBaseURL(n.X) || isBaseURL(n.Y)) {
					bad(n, "a baseURL joined by hand")
				}
			case *ast.BasicLit:
				if n.Kind != token.STRING {
					return true
				}
				v, err := strconv.Unquote(n.Value)
				if err != nil {
					return true
				}
				if strings.Contains(v, "[A-Za-z][A-Za-z0-9+.-]*:") && !(pkg == "markup" && filepath.Base(file) == "dest.go") {
					bad(n, "a second URL-scheme regexp")
				}
				for _, seg := range segs {
					if strings.ContainsAny(v, ": ") {
						break // not a URL path
					}
					if strings.HasPrefix(v, seg+"/") || strings.Contains(v, "/"+seg+"/") || strings.HasSuffix(v, "/"+seg) || v == seg && strings.Contains(seg, ".") {
						bad(n, strconv.Quote(v)+", a generated list URL,")
					}
				}
			}
			return true
		})
	})
}

// TestClosedListsInLegal rejects, outside package legal, a string literal
// that is a whole value of a closed list (a notice type, a policy status
// or genre, a validity or notice state): code names them by legal's
// constants. (Column types are left out: 首页 is also a breadcrumb.)
func TestClosedListsInLegal(t *testing.T) {
	words := map[string]bool{}
	for _, l := range [][]string{legal.NoticeTypes, legal.PolicyStatuses, legal.PolicyGenres} {
		for _, w := range l {
			words[w] = true
		}
	}
	for _, v := range []legal.Validity{legal.InForce, legal.NotYetInForce, legal.Amended, legal.Expired, legal.Repealed} {
		words[string(v)] = true
	}
	for _, v := range []legal.NoticeStatus{legal.NoticeCurrent, legal.NoticeEnded} {
		words[string(v)] = true
	}
	walkProduct(t, func(pkg, file string, f *ast.File) {
		if pkg == "legal" {
			return
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if v, err := strconv.Unquote(lit.Value); err == nil && words[v] {
					t.Errorf("%s: %q outside package legal: use legal's constant", pos(file, lit), v)
				}
			}
			return true
		})
	})
}

// compareHan matches a template comparison with a Chinese word.
var compareHan = regexp.MustCompile(`\{\{[^}]*\b(eq|ne)\b[^}]*"[^"}]*\p{Han}[^"}]*"`)

// TestLayoutsCompareNoChineseWords rejects a theme layout that tests a
// state by comparing Chinese words (layouts get .Validity.Class and the
// like instead) or that joins a generated list's URL by hand.
func TestLayoutsCompareNoChineseWords(t *testing.T) {
	err := filepath.WalkDir("../layouts", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(data), "\n") {
			if m := compareHan.FindString(line); m != "" {
				t.Errorf("%s:%d: %s compares a Chinese word: compare a class such as .Validity.Class", p, i+1, m)
			}
			for _, l := range site.ColumnLists {
				if strings.Contains(line, "%s"+string(l)) || strings.Contains(line, "}}"+string(l)) {
					t.Errorf("%s:%d: a layout joins the URL of %q by hand: use the section's URL method (.FeedURL, .HearingsURL …)", p, i+1, l)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestProductModuleNeedsNoBrowser keeps the measurement programs and the
// browser tests in the tools module: fazhi's own go.mod must not require
// chromedp.
func TestProductModuleNeedsNoBrowser(t *testing.T) {
	mod, err := os.ReadFile("../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	for _, dep := range []string{"github.com/chromedp/"} {
		if strings.Contains(string(mod), dep) {
			t.Errorf("go.mod requires %s: only the tools module (tools/go.mod) may", dep)
		}
	}
}

// TestToolsModuleTidy fails when a dependency added to fazhi is missing
// from tools/go.mod, which would stop `make test` in the tools module.
func TestToolsModuleTidy(t *testing.T) {
	cmd := exec.Command("go", "list", "-e", "-f", "{{with .Error}}{{.}}{{end}}", "./...")
	cmd.Dir = "../tools"
	out, err := cmd.CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != "" {
		t.Errorf("the tools module does not load (%v): run `cd tools && cat ../go.sum >> go.sum && go mod tidy` and commit tools/go.mod and tools/go.sum\n%s", err, out)
	}
}

// maxFuncLines bounds a function of the product: a longer one is split
// into named steps a reader can follow.
const maxFuncLines = 200

func TestFunctionsFitOnAScreenOrTwo(t *testing.T) {
	walkProduct(t, func(pkg, file string, f *ast.File) {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if n := fset.Position(fd.End()).Line - fset.Position(fd.Pos()).Line + 1; n > maxFuncLines {
					t.Errorf("%s: %s has %d lines: split it into named steps (at most %d lines)", pos(file, fd), fd.Name.Name, n, maxFuncLines)
				}
			}
		}
	})
}

// walkProduct parses every non-test Go file of the product's packages
// under internal/ and calls fn with the package's name relative to
// internal/.
func walkProduct(t *testing.T, fn func(pkg, file string, f *ast.File)) {
	t.Helper()
	fset = token.NewFileSet()
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == "testdata" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		pkg := filepath.ToSlash(filepath.Dir(p))
		for _, ex := range notProduct {
			if pkg == ex || strings.HasPrefix(pkg, ex+"/") {
				return nil
			}
		}
		if strings.Contains(pkg, "cmd/") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		fn(pkg, p, f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

var fset *token.FileSet

func pos(file string, n ast.Node) string {
	p := fset.Position(n.Pos())
	return file + ":" + strconv.Itoa(p.Line)
}
