package overlay

import (
	"errors"
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

// refusing fails to open one file with an error other than "not found",
// as the site folder does for a symbolic link out of its input folder.
type refusing struct {
	fstest.MapFS
	bad string
}

var errRefused = errors.New("refused")

func (r refusing) Open(name string) (fs.File, error) {
	if name == r.bad {
		return nil, errRefused
	}
	return r.MapFS.Open(name)
}

func (r refusing) ReadDir(name string) ([]fs.DirEntry, error) {
	if name == r.bad {
		return nil, errRefused
	}
	return r.MapFS.ReadDir(name)
}

func (r refusing) ReadFile(name string) ([]byte, error) {
	if name == r.bad {
		return nil, errRefused
	}
	return r.MapFS.ReadFile(name)
}

// A site file that exists but may not be read is an error, not replaced
// by the theme's file of the same name.
func TestUpperErrorIsNotHidden(t *testing.T) {
	upper := refusing{fstest.MapFS{"layouts/page.html": {Data: []byte("site")}}, "layouts/page.html"}
	lower := fstest.MapFS{"layouts/page.html": {Data: []byte("theme")}}
	o := New(upper, lower)
	if b, err := fs.ReadFile(o, "layouts/page.html"); !errors.Is(err, errRefused) {
		t.Errorf("ReadFile = %q, %v; want the upper layer's error", b, err)
	}
	upper.bad = "layouts"
	o = New(upper, lower)
	if ents, err := fs.ReadDir(o, "layouts"); !errors.Is(err, errRefused) {
		t.Errorf("ReadDir = %v, %v; want the upper layer's error", ents, err)
	}
}
