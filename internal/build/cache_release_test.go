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
