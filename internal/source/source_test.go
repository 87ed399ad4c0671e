package source

import (
	"reflect"
	"testing"
	"testing/fstest"
)

func TestWalk(t *testing.T) {
	fsys := fstest.MapFS{
		"content/_index.md":                  {},
		"content/about.md":                   {},
		"content/zhengce/_index.md":          {},
		"content/zhengce/a.md":               {},
		"content/zhengce/b/index.md":         {},
		"content/zhengce/b/fujian.pdf":       {},
		"content/zhengce/b/img/x.png":        {},
		"content/zhengce/logo.png":           {},
		"content/pufa/宪法 宣传周.md":             {},
		"content/.hidden/x.md":               {},
		"content/zhengce/.DS_Store":          {},
		"content/sifa/2024/_index.md":        {},
		"content/sifa/2024/kaiting/index.md": {},
		"content/sifa/2024/kaiting/notes.md": {},
		"layouts/x.html":                     {},
	}
	tr, err := Walk(fsys, "content")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range tr.Files {
		got = append(got, f.Path+"|"+f.Dir+"|"+f.Name())
	}
	want := []string{
		"_index.md||_index",
		"about.md||about",
		"pufa/宪法 宣传周.md|pufa|宪法 宣传周",
		"sifa/2024/_index.md|sifa/2024|_index",
		"sifa/2024/kaiting/index.md|sifa/2024|kaiting",
		"zhengce/_index.md|zhengce|_index",
		"zhengce/a.md|zhengce|a",
		"zhengce/b/index.md|zhengce|b",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("files:\n got %q\nwant %q", got, want)
	}
	b := tr.Files[7]
	if !b.Bundle || !reflect.DeepEqual(b.Resources, []string{"zhengce/b/fujian.pdf", "zhengce/b/img/x.png"}) {
		t.Errorf("bundle resources = %v", b.Resources)
	}
	if !reflect.DeepEqual(tr.Files[4].Resources, []string{"sifa/2024/kaiting/notes.md"}) {
		t.Errorf("md in bundle should be a resource: %v", tr.Files[4].Resources)
	}
	if !reflect.DeepEqual(tr.Assets, []string{"zhengce/logo.png"}) {
		t.Errorf("assets = %v", tr.Assets)
	}
}

func TestWalkMissing(t *testing.T) {
	tr, err := Walk(fstest.MapFS{}, "content")
	if err != nil || len(tr.Files) != 0 {
		t.Fatalf("got %v, %v", tr, err)
	}
}
