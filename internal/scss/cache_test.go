package scss

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// countingCompiler upper-cases nothing: it returns the entry with a
// prefix and counts compiles and starts.
type countingCompiler struct {
	compiles *int
	fail     bool
}

func (c countingCompiler) Compile(fsys fs.FS, entry string) ([]byte, error) {
	*c.compiles++
	if c.fail {
		return nil, errors.New("syntax error")
	}
	b, err := fs.ReadFile(fsys, entry)
	return append([]byte("/*css*/"), b...), err
}

func (countingCompiler) Close() error { return nil }

func TestCached(t *testing.T) {
	dir := t.TempDir()
	starts, compiles := 0, 0
	fail := false
	c := &Cached{Dir: dir, Ident: "sass 1", Start: func() (Compiler, error) {
		starts++
		return countingCompiler{compiles: &compiles, fail: fail}, nil
	}}
	fsys := fstest.MapFS{
		"assets/scss/main.scss":  {Data: []byte("@use 'base';")},
		"assets/scss/_base.scss": {Data: []byte("a{b:c}")},
	}
	for i := range 2 {
		css, err := c.Compile(fsys, Entry)
		if err != nil || string(css) != "/*css*/@use 'base';" {
			t.Fatalf("compile %d: %q, %v", i, css, err)
		}
	}
	if starts != 1 || compiles != 1 {
		t.Errorf("after two builds of the same styles: %d starts, %d compiles; want 1, 1", starts, compiles)
	}
	// A fresh Cached (a new fazhi process) finds the CSS without starting
	// the compiler.
	c2 := &Cached{Dir: dir, Ident: "sass 1", Start: func() (Compiler, error) {
		t.Error("compiler started on a cache hit")
		return nil, errors.New("no")
	}}
	if css, err := c2.Compile(fsys, Entry); err != nil || string(css) != "/*css*/@use 'base';" {
		t.Errorf("new process: %q, %v", css, err)
	}
	// A changed partial or a new compiler is a miss.
	fsys["assets/scss/_base.scss"] = &fstest.MapFile{Data: []byte("a{b:d}")}
	c.Compile(fsys, Entry)
	c3 := &Cached{Dir: dir, Ident: "sass 2", Start: c.Start}
	c3.Compile(fsys, Entry)
	if compiles != 3 {
		t.Errorf("compiles = %d, want 3 (changed partial, new compiler)", compiles)
	}
	// A failed compile is not kept.
	fail = true
	fsys["assets/scss/_base.scss"] = &fstest.MapFile{Data: []byte("a{")}
	c4 := &Cached{Dir: dir, Ident: "sass 1", Start: c.Start}
	for range 2 {
		if _, err := c4.Compile(fsys, Entry); err == nil {
			t.Error("failed compile returned no error")
		}
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 3 {
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		t.Errorf("cache holds %v, want 3 css files and no temporary file", names)
	}
}

func TestCacheDir(t *testing.T) {
	t.Setenv(CacheEnv, "off")
	if d := CacheDir(); d != "" {
		t.Errorf("off: %q", d)
	}
	t.Setenv(CacheEnv, "/x")
	if d := CacheDir(); d != filepath.Join("/x", "scss") {
		t.Errorf("CacheDir = %q", d)
	}
}
