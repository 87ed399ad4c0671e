package scss

import (
	"os"
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
	wd, _ := os.Getwd()
	bin, err := Find("", wd)
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

func TestFindOrder(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, NPMPath)
	os.MkdirAll(filepath.Dir(bin), 0o755)
	os.WriteFile(bin, []byte("#!/bin/sh\n"), 0o755)
	t.Setenv("PATH", "")
	t.Setenv(EnvVar, "")
	got, err := Find("", filepath.Join(dir, "site"))
	if err != nil || got != bin {
		t.Errorf("Find npm = %q, %v", got, err)
	}
	t.Setenv(EnvVar, bin)
	if got, _ := Find("", "/nonexistent"); got != bin {
		t.Errorf("Find env = %q", got)
	}
	if _, err := Find(filepath.Join(dir, "nope"), dir); err == nil || !strings.Contains(err.Error(), "dartSass") {
		t.Errorf("configured missing: %v", err)
	}
	t.Setenv(EnvVar, "")
	if _, err := Find("", t.TempDir()); err != ErrNotFound {
		t.Errorf("want ErrNotFound, got %v", err)
	}
}
