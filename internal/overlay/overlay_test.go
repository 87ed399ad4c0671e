package overlay

import (
	"io/fs"
	"testing"
	"testing/fstest"
)

func TestOverlay(t *testing.T) {
	upper := fstest.MapFS{
		"layouts/page.html":      {Data: []byte("site")},
		"layouts/zhengce/x.html": {Data: []byte("only site")},
		"static/logo.png":        {Data: []byte("png")},
	}
	lower := fstest.MapFS{
		"layouts/page.html":            {Data: []byte("theme")},
		"layouts/_default/baseof.html": {Data: []byte("base")},
		"assets/scss/main.scss":        {Data: []byte("a{}")},
	}
	o := New(upper, lower)
	if err := fstest.TestFS(o, "layouts/page.html", "layouts/zhengce/x.html", "layouts/_default/baseof.html", "assets/scss/main.scss", "static/logo.png"); err != nil {
		t.Fatal(err)
	}
	b, _ := fs.ReadFile(o, "layouts/page.html")
	if string(b) != "site" {
		t.Errorf("upper should win, got %q", b)
	}
	ents, _ := fs.ReadDir(o, "layouts")
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	if len(names) != 3 || names[0] != "_default" || names[1] != "page.html" || names[2] != "zhengce" {
		t.Errorf("merged dir = %v", names)
	}
}
