package buildcache

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unsafe"

	"github.com/fazhi-dev/fazhi/internal/publish"
)

func TestSaveLoad(t *testing.T) {
	dir := t.TempDir()
	c := New("/site", "/site/public")
	x := publish.Hash([]byte("abc"))
	c.Pages["a.md"] = &Page{Key: Sum{1}, Titles: []string{"某市甲办法"}, Summary: "摘要", Files: []publish.Entry{{Path: "a/index.html", Size: 3, Hash: x}}}
	c.Made["a/index.html"] = Made{From: Sum{2}, Entry: publish.Entry{Path: "a/index.html", Size: 3, Hash: x}}
	// A file without a Made record (written as it came) is told in full;
	// a record naming a digest that is not publish.Hash's is left out.
	c.Pages["b.md"] = &Page{Key: Sum{3}, Files: []publish.Entry{{Path: "b/index.html", Size: 4, Hash: x, Stamp: publish.Stamp{Ino: 5}}}}
	c.Pages["c.md"] = &Page{Key: Sum{4}, Files: []publish.Entry{{Path: "c/index.html", Size: 4, Hash: "abc"}}}
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
	if r := got.Pages["a.md"]; r == nil || r.Key != (Sum{1}) || r.Titles[0] != "某市甲办法" || r.Files[0].Hash != x || got.Made["a/index.html"].From != (Sum{2}) {
		t.Errorf("loaded %+v", got)
	}
	if r := got.Pages["b.md"]; r == nil || len(r.Files) != 1 || r.Files[0] != c.Pages["b.md"].Files[0] || len(got.Made) != 1 {
		t.Errorf("loaded %+v, %d Made records", r, len(got.Made))
	}
	if r := got.Pages["c.md"]; r != nil {
		t.Errorf("a record with a file digest not publish.Hash's was kept: %+v", r)
	}
	if _, err := Load(dir, "/site", "/elsewhere"); err == nil {
		t.Errorf("a cache for another output folder was used")
	}
	if c, err := Load(t.TempDir(), "/site", "/site/public"); err != nil || len(c.Pages) != 0 {
		t.Errorf("no cache: %v, %d pages", err, len(c.Pages))
	}
}

// fakeSite returns a cache as a build of n pages writes it: each page an
// HTML file and its compressed copies, minified from its rendering.
func fakeSite(n int) *Cache {
	c := New("/site", "/site/public")
	for i := range n {
		path := fmt.Sprintf("zhengce/2026/page-%05d.md", i)
		var files []publish.Entry
		for _, name := range []string{fmt.Sprintf("zhengce/2026/page-%05d/index.html", i)} {
			for _, ext := range []string{"", ".gz", ".br"} {
				e := publish.Entry{Path: name + ext, Size: int64(1000 + i), Hash: publish.Hash([]byte(name + ext)),
					Stamp: publish.Stamp{Dev: 1, Ino: uint64(i), Size: int64(1000 + i), Mtime: 1764000000e9 + int64(i), Ctime: 1764000000e9 + int64(i)}}
				files = append(files, e)
				c.Made[e.Path] = Made{From: sha256.Sum256([]byte(e.Path)), Entry: e}
			}
		}
		c.Pages[path] = &Page{Key: Sum{byte(i)}, Titles: []string{"某市甲办法"}, Summary: "<p>为了规范行政执法。</p>", Files: files}
	}
	// A file without a Made record is written out in full.
	c.Lists["home"] = &Page{Key: Sum{9}, Files: []publish.Entry{{Path: "index.html", Size: 5, Hash: publish.Hash([]byte("home")), Stamp: publish.Stamp{Ino: 7}}}}
	return c
}

// The decoded cache holds each output file's name and digest once,
// shared by the page's record and the file's Made record, and the file
// says them once: the cache's records are what a cached build holds
// beyond a build without one (issue 16 point 4).
func TestCacheHoldsEachFileOnce(t *testing.T) {
	dir := t.TempDir()
	const n = 2000
	if err := fakeSite(n).Save(dir); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	// Each file's name (≈ 40 bytes) and hex digest (64) once, its size,
	// the digest it was made from (32), and the page's key and summary.
	if per := st.Size() / (3 * n); per > 200 {
		t.Errorf("the cache file takes %d bytes per output file, want at most 200", per)
	}
	got, err := Load(dir, "/site", "/site/public")
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Pages) != n || len(got.Made) != 3*n || len(got.Lists) != 1 {
		t.Fatalf("loaded %d pages, %d files, %d lists", len(got.Pages), len(got.Made), len(got.Lists))
	}
	for path, p := range got.Pages {
		for _, e := range p.Files {
			m := got.Made[e.Path]
			if m.Entry != e || e.Stamp.Dev != 1 {
				t.Fatalf("%s: file %+v, made %+v", path, e, m.Entry)
			}
			if unsafe.StringData(e.Path) != unsafe.StringData(m.Path) || unsafe.StringData(e.Hash) != unsafe.StringData(m.Hash) {
				t.Fatalf("%s: the record of %s holds its own copy of the name or digest", path, e.Path)
			}
		}
	}
	if h := got.Lists["home"]; h == nil || h.Files[0].Hash != publish.Hash([]byte("home")) || h.Files[0].Stamp.Ino != 7 {
		t.Errorf("list record %+v", h)
	}
}

// A cache cut short, with a byte changed, or with records after its end
// is ignored with a warning; one for another site says so.
func TestCacheCorruptIgnored(t *testing.T) {
	dir := t.TempDir()
	if err := fakeSite(50).Save(dir); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, FileName)
	good, _ := os.ReadFile(file)
	for name, data := range map[string][]byte{
		"cut short":      good[:len(good)-7],
		"byte changed":   append(append(append([]byte(nil), good[:len(good)/2]...), good[len(good)/2]^1), good[len(good)/2+1:]...),
		"not a cache":    []byte("hello"),
		"empty":          nil,
		"only the head":  good[:len(magic)+sha256.Size],
		"magic replaced": append([]byte("fazhi-build-cachX\n"), good[len(magic):]...),
	} {
		os.WriteFile(file, data, 0o644)
		c, err := Load(dir, "/site", "/site/public")
		if !errors.Is(err, ErrIgnored) || len(c.Pages) != 0 || len(c.Made) != 0 {
			t.Errorf("%s: err %v, %d pages", name, err, len(c.Pages))
		}
	}
	os.WriteFile(file, good, 0o644)
	if _, err := Load(dir, "/other", "/site/public"); err == nil || !strings.Contains(err.Error(), "another site") {
		t.Errorf("another site: %v", err)
	}
}
