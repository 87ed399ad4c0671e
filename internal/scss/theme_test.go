package scss

import (
	"testing"
	"testing/fstest"
)

func TestLazyStartsOnFirstCompile(t *testing.T) {
	starts := 0
	l := &Lazy{Start: func() (Compiler, error) { starts++; return Fake{}, nil }}
	if err := l.Close(); err != nil || starts != 0 {
		t.Fatalf("Close of an unused Lazy: %v, %d starts", err, starts)
	}
	fsys := fstest.MapFS{Entry: {Data: []byte("a{}")}}
	for i := 0; i < 2; i++ {
		if css, err := l.Compile(fsys, Entry); err != nil || string(css) != "a{}" {
			t.Fatalf("Compile = %q, %v", css, err)
		}
	}
	if starts != 1 {
		t.Errorf("started %d times, want 1", starts)
	}
}

func TestHasOwnStylesAndSourceHash(t *testing.T) {
	theme := fstest.MapFS{"assets/scss/main.scss": {Data: []byte("@use 'v';")}, "assets/scss/_v.scss": {Data: []byte("$a: 1;")}}
	for _, c := range []struct {
		src  fstest.MapFS
		want bool
	}{
		{fstest.MapFS{"content/a.md": {}}, false},
		{fstest.MapFS{"assets/scss/_v.scss": {Data: []byte("$a: 1;")}}, false},
		{fstest.MapFS{"assets/scss/_v.scss": {Data: []byte("$a: 2;")}}, true},
		{fstest.MapFS{"assets/scss/_extra.scss": {}}, true},
		{fstest.MapFS{"assets/img/x.png": {}}, false},
	} {
		if got := HasOwnStyles(c.src, theme); got != c.want {
			t.Errorf("HasOwnStyles(%v) = %v, want %v", c.src, got, c.want)
		}
	}
	h1, _ := SourceHash(theme)
	theme["assets/scss/_v.scss"] = &fstest.MapFile{Data: []byte("$a: 2;")}
	h2, _ := SourceHash(theme)
	if h1 == h2 || len(h1) != 64 {
		t.Errorf("SourceHash did not change with the SCSS: %s %s", h1, h2)
	}
}
