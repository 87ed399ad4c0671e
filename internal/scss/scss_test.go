package scss

import (
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func dartSass(t *testing.T) *DartSass {
	t.Helper()
	if testing.Short() {
		t.Skip("needs Dart Sass (run make test)")
	}
	root, _ := filepath.Abs(filepath.Join("..", ".."))
	bin, err := Program.InRepo(root)
	if err != nil {
		t.Fatalf("Dart Sass not installed: %v (make test installs it)", err)
	}
	d, err := Start(bin)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

func TestCompileWithPartials(t *testing.T) {
	d := dartSass(t)
	fsys := fstest.MapFS{
		"assets/scss/main.scss":       {Data: []byte("@use \"base\";\n@use \"parts/nav\";\nbody { color: base.$c; }\n")},
		"assets/scss/_base.scss":      {Data: []byte("$c: #b31b1b;\n")},
		"assets/scss/parts/_nav.scss": {Data: []byte("nav { a { margin: 0 } }\n")},
	}
	css, err := d.Compile(fsys, Entry)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(css); !strings.Contains(got, "body{color:#b31b1b}") || !strings.Contains(got, "nav a{margin:0}") {
		t.Errorf("css = %q", got)
	}
}

func TestCompileErrorNamesFileAndLine(t *testing.T) {
	d := dartSass(t)
	fsys := fstest.MapFS{
		"assets/scss/main.scss":  {Data: []byte("@use \"base\";\n")},
		"assets/scss/_base.scss": {Data: []byte("a { color: red; }\n\nb { color: ; }\n")},
	}
	_, err := d.Compile(fsys, Entry)
	if err == nil || !strings.HasPrefix(err.Error(), "assets/scss/_base.scss:3:") {
		t.Fatalf("err = %v", err)
	}
}
