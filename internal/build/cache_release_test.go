package build_test

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"weak"

	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/buildcache"
	"github.com/fazhi-dev/fazhi/internal/fazhitest"
)

// A cached build lets go of the previous cache's records once it has
// looked at them: a page's record after the content pages (the records
// carried forward are held by the new cache, the others are garbage), a
// list's after the lists, and the keys after the lists. Holding them to
// the end of the build put a cached build's peak memory above a fresh
// build's (issue 16 point 4).
func TestCacheReleasesPreviousRecords(t *testing.T) {
	site := writeTxtar(t, goldenSite)
	dir := t.TempDir()
	out, cache := filepath.Join(dir, "public"), filepath.Join(dir, "cache")
	diffBuild(t, site, out, cache, fazhitest.Now)
	// A new title: the page and the lists that show it are made again.
	file := filepath.Join(site, "content/pufa/anli.md")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(string(src), "装修预付款纠纷", "装修预付款纠纷（二）", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	var page weak.Pointer[buildcache.Page]
	var lists []weak.Pointer[buildcache.Page]
	freed := func(ps []weak.Pointer[buildcache.Page]) (n int) {
		runtime.GC()
		for _, p := range ps {
			if p.Value() == nil {
				n++
			}
		}
		return n
	}
	var steps []string
	defer build.OnCacheStep(func(step string, prev *buildcache.Cache, keys bool) {
		switch step {
		case "cache":
			rec := prev.Pages["pufa/anli.md"]
			if rec == nil || len(prev.Lists) == 0 {
				t.Fatalf("the previous cache has no record of the page or no lists")
			}
			page = weak.Make(rec)
			for _, r := range prev.Lists {
				lists = append(lists, weak.Make(r))
			}
		case "pages":
			if freed([]weak.Pointer[buildcache.Page]{page}) != 1 {
				t.Errorf("after the content pages, the edited page's previous record is still held")
			}
		case "lists":
			if n := freed(lists); n == 0 {
				t.Errorf("after the lists, all %d previous list records are still held", len(lists))
			}
			if keys {
				t.Errorf("after the lists, the build still holds the keys")
			}
		}
		steps = append(steps, step)
	})()
	res := diffBuild(t, site, out, cache, fazhitest.Now)
	if !strings.Contains(strings.Join(steps, " "), "cache read data assemble prepare assets pages lists") {
		t.Fatalf("steps %v", steps)
	}
	if res.Pages["page"]-res.Reused != 1 {
		t.Errorf("%d content pages rendered again, want 1", res.Pages["page"]-res.Reused)
	}
}

// A cached build keeps a Made record only for a file made from other
// bytes (minified or compressed), the only ones a later build looks up to
// skip that work; a file written as it came is told by its owner's record
// alone. Keeping one for every file held a record per output file through
// the build and in the next build's cache, above what a fresh build holds
// (issue 16 point 4). An unchanged rebuild still carries every page
// forward and writes nothing.
func TestCacheMadeOnlyForMadeFiles(t *testing.T) {
	for _, minify := range []bool{false, true} {
		src := goldenSite
		if minify {
			src = strings.Replace(goldenSite, `baseURL = "https://fzb.example.gov.cn/"`,
				"baseURL = \"https://fzb.example.gov.cn/\"\nminify = true\nprecompress = true", 1)
		}
		site := writeTxtar(t, src)
		dir := t.TempDir()
		out, cache := filepath.Join(dir, "public"), filepath.Join(dir, "cache")
		diffBuild(t, site, out, cache, fazhitest.Now)
		c, err := buildcache.Load(cache, site, out)
		if err != nil || len(c.Pages) == 0 {
			t.Fatalf("minify %v: %d page records, %v", minify, len(c.Pages), err)
		}
		made, files := 0, 0
		for _, m := range c.Made {
			if m.From == (buildcache.Sum{}) {
				t.Errorf("minify %v: a Made record of %s, written as it came", minify, m.Path)
			}
			made++
		}
		for path, p := range c.Pages {
			if len(p.Files) == 0 {
				t.Errorf("minify %v: the record of %s has no files", minify, path)
			}
			for _, e := range p.Files {
				if len(e.Hash) != 64 || e.Size == 0 {
					t.Errorf("minify %v: %s: file %+v", minify, path, e)
				}
				files++
			}
		}
		if minify && made < files/2 {
			t.Errorf("minify %v: %d Made records for %d page files", minify, made, files)
		}
		res := diffBuild(t, site, out, cache, fazhitest.Now)
		if res.Pages["page"] != res.Reused || len(res.Published.Written) != 0 {
			t.Errorf("minify %v: an unchanged rebuild rendered %d of %d pages and wrote %v", minify, res.Pages["page"]-res.Reused, res.Pages["page"], res.Published.Written)
		}
	}
}

// After the content pages a cached build's keys hold the sources of the
// list jobs' index pages only (the home page and the columns' indexes)
// and no page's references: the rest is read only by content pages' keys
// (issue 16 point 4). The lists are still carried forward.
func TestCacheKeysAfterPages(t *testing.T) {
	site := writeTxtar(t, goldenSite)
	dir := t.TempDir()
	out, cache := filepath.Join(dir, "public"), filepath.Join(dir, "cache")
	after := [2]int{-1, -1}
	defer build.OnCacheKeys(func(step string, srcs, refs int) {
		if step == "pages" {
			after = [2]int{srcs, refs}
		}
	})()
	res := diffBuild(t, site, out, cache, fazhitest.Now)
	// The golden site's nine content files: the home page, three
	// columns' indexes and five pages.
	if after != [2]int{4, 0} {
		t.Errorf("after the pages the keys hold %d sources and %d references, want 4 (the index pages') and none", after[0], after[1])
	}
	res = diffBuild(t, site, out, cache, fazhitest.Now)
	if len(res.RenderedLists) != 0 || len(res.Published.Written) != 0 {
		t.Errorf("an unchanged rebuild rendered lists %v and wrote %v", res.RenderedLists, res.Published.Written)
	}
}
