package buildcache

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/publish"
)

func TestSaveLoad(t *testing.T) {
	dir := t.TempDir()
	c := New("/site", "/site/public")
	c.Pages["a.md"] = &Page{Key: Sum{1}, Titles: []string{"某市甲办法"}, Summary: "摘要", Files: []publish.Entry{{Path: "a/index.html", Size: 3, Hash: "x"}}}
	c.Made["a/index.html"] = Made{From: "minify:y", Entry: publish.Entry{Path: "a/index.html", Size: 3, Hash: "x"}}
	// What a save killed half-way leaves behind does not matter.
	os.WriteFile(filepath.Join(dir, FileName+".tmp123"), []byte("half"), 0o644)
	if err := c.Save(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, FileName+".tmp123")); err == nil {
		t.Errorf("the leftover of a killed save is still there")
	}
	got, err := Load(dir, "/site", "/site/public")
	if err != nil {
		t.Fatal(err)
	}
	if r := got.Pages["a.md"]; r == nil || r.Key != (Sum{1}) || r.Titles[0] != "某市甲办法" || r.Files[0].Hash != "x" || got.Made["a/index.html"].From != "minify:y" {
		t.Errorf("loaded %+v", got)
	}
	if _, err := Load(dir, "/site", "/elsewhere"); err == nil {
		t.Errorf("a cache for another output folder was used")
	}
	if c, err := Load(t.TempDir(), "/site", "/site/public"); err != nil || len(c.Pages) != 0 {
		t.Errorf("no cache: %v, %d pages", err, len(c.Pages))
	}
}
