package source

import (
	"reflect"
	"strings"
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

// TestWalkRejects: only allow-listed types are published from content/;
// pages, scripts, SVG, server configuration and hidden files are listed
// with a reason, housekeeping files are skipped without one.
func TestWalkRejects(t *testing.T) {
	fsys := fstest.MapFS{
		"content/gongzuo/_index.md":                {},
		"content/gongzuo/notice.html":              {},
		"content/gongzuo/a/index.md":               {},
		"content/gongzuo/a/tu.svg":                 {},
		"content/gongzuo/a/fujian.PDF":             {},
		"content/gongzuo/a/~$fujian.docx":          {},
		"content/gongzuo/a/Thumbs.db":              {},
		"content/gongzuo/b.XHTML":                  {},
		"content/gongzuo/x.js":                     {},
		"content/gongzuo/x.mjs":                    {},
		"content/gongzuo/x.css":                    {},
		"content/gongzuo/feed.xml":                 {},
		"content/.htaccess":                        {},
		"content/zhengce/web.config":               {},
		"content/_headers":                         {},
		"content/.well-known/security.txt":         {},
		"content/.git/config":                      {},
		"content/zhengce/.gitkeep":                 {},
		"content/zhengce/README":                   {},
		"content/zhengce/setup.exe":                {},
		"content/zhengce/表格.xlsx":                  {},
		"content/zhengce/公文.ofd":                   {},
		"content/zhengce/wps.wps":                  {},
		"content/zhengce/staticwebapp.config.json": {},
		"content/zhengce/data.json":                {},
	}
	tr, err := Walk(fsys, "content")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range tr.Rejected {
		if r.Reason == "" {
			t.Errorf("%s rejected without a reason", r.Path)
		}
		got = append(got, r.Path)
	}
	want := []string{
		".htaccess", ".well-known", "_headers",
		"gongzuo/a/tu.svg", "gongzuo/b.XHTML", "gongzuo/feed.xml", "gongzuo/notice.html",
		"gongzuo/x.css", "gongzuo/x.js", "gongzuo/x.mjs",
		"zhengce/README", "zhengce/setup.exe", "zhengce/staticwebapp.config.json", "zhengce/web.config",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rejected:\n got %q\nwant %q", got, want)
	}
	if want := []string{"zhengce/data.json", "zhengce/wps.wps", "zhengce/公文.ofd", "zhengce/表格.xlsx"}; !reflect.DeepEqual(tr.Assets, want) {
		t.Errorf("assets = %q, want %q", tr.Assets, want)
	}
	if want := []string{"gongzuo/a/fujian.PDF"}; !reflect.DeepEqual(tr.Files[1].Resources, want) {
		t.Errorf("resources = %q, want %q", tr.Files[1].Resources, want)
	}
}

func TestCheckReasons(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"a/notice.html", "「.html」是网页、脚本或样式文件"},
		{"a/tu.svg", "SVG 图片可以带脚本"},
		{".htaccess", "「.htaccess」是网站服务器的配置文件"},
		{"a/.env", "以「.」开头的文件或文件夹不会发布"},
		{"a/LICENSE", "「LICENSE」没有扩展名"},
		{"a/b.exe", "不支持「.exe」文件"},
		{"a/b.Pdf", ""},
		{"a/b.md", ""},
	} {
		got := Check(c.name)
		if (c.want == "") != (got == "") || !strings.HasPrefix(got, c.want) {
			t.Errorf("Check(%q) = %q, want prefix %q", c.name, got, c.want)
		}
	}
}

// The walk records the size of each bundle resource, Markdown ones too, so
// that attachment sizes come from the stage that lists the files.
func TestWalkResourceSizes(t *testing.T) {
	fsys := fstest.MapFS{
		"content/zhengce/b/index.md":   {Data: []byte("+++\n+++\n")},
		"content/zhengce/b/fujian.pdf": {Data: []byte("%PDF-1.4 tiny")},
		"content/zhengce/b/img/x.png":  {Data: make([]byte, 2048)},
		"content/zhengce/b/notes.md":   {Data: []byte("abc")},
		"content/zhengce/loose.pdf":    {Data: []byte("x")},
		"content/zhengce/c/index.md":   {},
		"content/zhengce/c/empty.docx": {},
	}
	tr, err := Walk(fsys, "content")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]map[string]int64{}
	for _, f := range tr.Files {
		got[f.Path] = f.Sizes
	}
	want := map[string]map[string]int64{
		"zhengce/b/index.md": {"zhengce/b/fujian.pdf": 13, "zhengce/b/img/x.png": 2048, "zhengce/b/notes.md": 3},
		"zhengce/c/index.md": {"zhengce/c/empty.docx": 0},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sizes = %v, want %v", got, want)
	}
}
