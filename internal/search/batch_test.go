package search

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/publish"
)

// batchPagefind writes a shell script standing in for Pagefind that
// indexes "in batches": each run appends the pages it was given (one
// line, sorted, space-separated) to the returned runs file and writes an
// index whose chunk is the concatenation of those pages, so the output
// changes exactly when a page of the batch does.
func batchPagefind(t *testing.T) (bin, runs string) {
	t.Helper()
	dir := t.TempDir()
	runs = filepath.Join(dir, "runs")
	script := `#!/bin/sh
while [ $# -gt 0 ]; do
  case "$1" in
    --site) site=$2; shift;;
    --output-path) out=$2; shift;;
  esac
  shift
done
cd "$site" || exit 3
pages=$(find . -name '*.html' | sed 's|^\./||' | sort)
echo $pages >> "` + runs + `"
n=$(echo "$pages" | grep -c .)
mkdir -p "$out/index" "$out/fragment"
echo '{"version":"1.6.0","languages":{"zh":{"hash":"zh_1","page_count":'$n'}}}' > "$out/pagefind-entry.json"
echo js > "$out/pagefind.js"
echo wasm > "$out/wasm.unknown.pagefind"
echo ui > "$out/pagefind-ui.js"
echo meta > "$out/pagefind.zh_1.pf_meta"
for p in $pages; do cat "$p"; done > "$out/index/zh_1.pf_index"
echo frag > "$out/fragment/zh_2.pf_fragment"
`
	bin = filepath.Join(dir, "pagefind_extended")
	if err := os.WriteFile(bin, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return bin, runs
}

// readRuns returns the page lists of the runs since the last call and
// empties the runs file.
func readRuns(t *testing.T, runs string) []string {
	t.Helper()
	data, err := os.ReadFile(runs)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	os.Remove(runs)
	var out []string
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// batchSite is n content pages of about 100 bytes (with
// data-pagefind-body) and two list pages without it.
func batchSite(n int) map[string]string {
	files := map[string]string{
		"index.html":         "<html><body>首页</body></html>",
		"zhengce/index.html": "<html><body>栏目</body></html>",
	}
	for i := range n {
		files[fmt.Sprintf("zhengce/p%02d/index.html", i)] = fmt.Sprintf(`<html lang="zh-CN"><body><article data-pagefind-body><h1>第%d号文件</h1><p>行政复议申请。</p></article></body></html>`, i)
	}
	return files
}

// indexSite writes files to a fresh in-memory publisher, indexes it and
// returns what was written under pagefind/.
func indexSite(t *testing.T, p *Pagefind, files map[string]string) map[string]string {
	t.Helper()
	mem := publish.NewMem(nil)
	for name, data := range files {
		if err := mem.WriteFile(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.Index(context.Background(), mem); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for name, data := range mem.Files() {
		if strings.HasPrefix(name, Dir+"/") {
			out[name] = string(data)
		}
	}
	return out
}

// bodyBytes is the size of the pages of files that Pagefind indexes.
func bodyBytes(files map[string]string) int64 {
	var n int64
	for _, data := range files {
		if bodyAttr.MatchString(data) {
			n += int64(len(data))
		}
	}
	return n
}

func TestBatchCount(t *testing.T) {
	for _, tt := range []struct {
		total, max int64
		want       int
	}{
		{0, 100, 1}, {100, 100, 1}, {101, 100, 2}, {200, 100, 2}, {201, 100, 4}, {1000, 100, 16},
		{1000, 0, 1}, {328 << 20, DefaultBatchBytes, 16},
	} {
		if got := batchCount(tt.total, tt.max); got != tt.want {
			t.Errorf("batchCount(%d, %d) = %d, want %d", tt.total, tt.max, got, tt.want)
		}
	}
}

// TestBatchStable: a page's batch depends on its path alone, so adding or
// removing other pages never moves it; doubling the count splits each
// batch in two.
func TestBatchStable(t *testing.T) {
	var names []string
	for i := range 200 {
		names = append(names, fmt.Sprintf("fagui/%d/index.html", i))
	}
	count := map[int]int{}
	for _, n := range names {
		b := batchOf(n, 8)
		count[b]++
		if b2 := batchOf(n, 16); b2%8 != b {
			t.Errorf("%s: batch %d of 8 but %d of 16", n, b, b2)
		}
	}
	for b := range 8 {
		if count[b] < 10 {
			t.Errorf("batch %d of 8 holds %d of 200 pages: the hash does not spread", b, count[b])
		}
	}
	few := partition([]page{{name: names[3]}, {name: names[7]}}, 8)
	for b, ps := range few {
		for _, p := range ps {
			if b != batchOf(p.name, 8) {
				t.Errorf("%s in batch %d alone, %d among all", p.name, b, batchOf(p.name, 8))
			}
		}
	}
}

// TestIndexInBatches: with a batch size below the site's HTML, Pagefind
// runs once per batch over that batch's content pages only; the first
// bundle is pagefind/ with the scripts, the others pagefind/b<i>/ with
// only their index, listed in fazhi-bundles.json.
func TestIndexInBatches(t *testing.T) {
	bin, runs := batchPagefind(t)
	site := batchSite(20)
	p := New(bin, BatchBytes(bodyBytes(site)/3)) // 4 batches
	got := indexSite(t, p, site)
	st := p.Last()
	if st.Batches != 4 || st.Pages != 20 || st.Reused != 0 {
		t.Fatalf("stats %+v, want 4 batches, 20 pages", st)
	}
	seen := map[string]int{}
	lists := readRuns(t, runs)
	if len(lists) != st.Indexed || len(lists) < 3 {
		t.Fatalf("Pagefind ran %d times (%q), stats say %d", len(lists), lists, st.Indexed)
	}
	var batchOfRun []int
	for _, l := range lists {
		b := -1
		for _, name := range strings.Fields(l) {
			seen[name]++
			if !strings.HasPrefix(name, "zhengce/p") {
				t.Errorf("run indexed %s, a page without data-pagefind-body", name)
			}
			if b >= 0 && batchOf(name, 4) != b {
				t.Errorf("run %q mixes batches", l)
			}
			b = batchOf(name, 4)
		}
		batchOfRun = append(batchOfRun, b)
	}
	if len(seen) != 20 {
		t.Errorf("%d pages indexed, want 20", len(seen))
	}
	for name, n := range seen {
		if n != 1 {
			t.Errorf("%s indexed %d times", name, n)
		}
	}
	var want []string
	for _, b := range batchOfRun[1:] {
		want = append(want, fmt.Sprintf("b%d/", b))
	}
	var bundles struct{ Bundles []string }
	if err := json.Unmarshal([]byte(got["pagefind/"+BundlesFile]), &bundles); err != nil || !slices.Equal(bundles.Bundles, want) {
		t.Errorf("%s = %s (%v), want bundles %q", BundlesFile, got["pagefind/"+BundlesFile], err, want)
	}
	for _, name := range []string{"pagefind/pagefind.js", "pagefind/wasm.unknown.pagefind", "pagefind/pagefind-entry.json", "pagefind/index/zh_1.pf_index"} {
		if _, ok := got[name]; !ok {
			t.Errorf("%s not written", name)
		}
	}
	for _, b := range want {
		for _, name := range []string{"pagefind-entry.json", "pagefind.zh_1.pf_meta", "index/zh_1.pf_index", "fragment/zh_2.pf_fragment"} {
			if _, ok := got["pagefind/"+b+name]; !ok {
				t.Errorf("pagefind/%s%s not written", b, name)
			}
		}
		for _, name := range []string{"pagefind.js", "wasm.unknown.pagefind", "pagefind-ui.js"} {
			if _, ok := got["pagefind/"+b+name]; ok {
				t.Errorf("pagefind/%s%s written: merged bundles use the first bundle's scripts", b, name)
			}
		}
	}
	if _, ok := got["pagefind/pagefind-ui.js"]; ok {
		t.Error("UI bundle written")
	}

	// One batch (the default size): today's layout, no merged bundles.
	one := indexSite(t, New(bin), site)
	if l := readRuns(t, runs); len(l) != 1 || len(strings.Fields(l[0])) != 20 {
		t.Errorf("one batch: runs %q", l)
	}
	if one["pagefind/"+BundlesFile] != `{"bundles":[]}` || one["pagefind/pagefind.js"] == "" {
		t.Errorf("one batch: %s = %q", BundlesFile, one["pagefind/"+BundlesFile])
	}
}

// TestIndexCache: with a cache folder, a second build over the same pages
// runs Pagefind not at all, and an edit re-indexes only the edited page's
// batch; every output equals an uncached build of the same pages. A
// cache entry that was tampered with is not used.
func TestIndexCache(t *testing.T) {
	bin, runs := batchPagefind(t)
	cache := filepath.Join(t.TempDir(), "search")
	site := batchSite(20)
	size := BatchBytes(bodyBytes(site) / 3) // 4 batches
	cached := func() *Pagefind { return New(bin, size, CacheDir(cache)) }
	fresh := func(site map[string]string) map[string]string {
		t.Helper()
		out := indexSite(t, New(bin, size), site)
		readRuns(t, runs)
		return out
	}
	first := indexSite(t, cached(), site)
	n := len(readRuns(t, runs))

	p := cached()
	again := indexSite(t, p, site)
	if l := readRuns(t, runs); len(l) != 0 {
		t.Errorf("unchanged pages: Pagefind ran over %q", l)
	}
	if st := p.Last(); st.Reused != n || st.Indexed != 0 || len(st.Warnings) != 0 {
		t.Errorf("unchanged pages: stats %+v, want %d reused", st, n)
	}
	if !maps.Equal(again, first) {
		t.Error("a cached build's index differs from the first build's")
	}

	edited := "zhengce/p07/index.html"
	site[edited] = strings.Replace(site[edited], "行政复议", "行政诉讼", 1)
	p = cached()
	got := indexSite(t, p, site)
	l := readRuns(t, runs)
	if len(l) != 1 || !slices.Contains(strings.Fields(l[0]), edited) {
		t.Fatalf("one edited page: runs %q, want one run over its batch", l)
	}
	for _, name := range strings.Fields(l[0]) {
		if batchOf(name, 4) != batchOf(edited, 4) {
			t.Errorf("re-indexed %s, not in the edited page's batch", name)
		}
	}
	if !maps.Equal(got, fresh(site)) {
		t.Error("after an edit the cached build differs from an uncached one")
	}

	// A tampered file and a symlink in the cache are not trusted.
	entry := filepath.Join(cache, entryName(batchOf(edited, 4), 4), "files", "index", "zh_1.pf_index")
	if err := os.WriteFile(entry, []byte("<script>defaced</script>"), 0o644); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(cache, entryName(batchOf("zhengce/p00/index.html", 4), 4), "files", "pagefind.js")
	secret := filepath.Join(t.TempDir(), "secret")
	os.WriteFile(secret, []byte("secret"), 0o644)
	os.Remove(other)
	if err := os.Symlink(secret, other); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(cache, tmpPrefix+"killed"), 0o755)
	p = cached()
	got = indexSite(t, p, site)
	want := 2
	if batchOf(edited, 4) == batchOf("zhengce/p00/index.html", 4) {
		want = 1
	}
	if l := readRuns(t, runs); len(l) != want {
		t.Errorf("tampered cache: %d runs (%q), want %d", len(l), l, want)
	}
	if w := p.Last().Warnings; len(w) != want || !strings.Contains(strings.Join(w, "\n"), "忽略搜索索引缓存") {
		t.Errorf("warnings %q", w)
	}
	if !maps.Equal(got, fresh(site)) {
		t.Error("with a tampered cache the build differs from an uncached one")
	}
	if _, err := os.Stat(filepath.Join(cache, tmpPrefix+"killed")); !os.IsNotExist(err) {
		t.Error("a killed build's temporary folder was left in the cache")
	}

	// A new batch count re-indexes everything and drops the old entries.
	p = New(bin, BatchBytes(bodyBytes(site)/7), CacheDir(cache))
	indexSite(t, p, site)
	if st := p.Last(); st.Batches != 8 || st.Reused != 0 {
		t.Errorf("8 batches: stats %+v", st)
	}
	readRuns(t, runs)
	ents, _ := os.ReadDir(cache)
	for _, e := range ents {
		if !strings.HasSuffix(e.Name(), "-of-8") {
			t.Errorf("cache keeps %s after the split changed to 8 batches", e.Name())
		}
	}
}
