package search

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/publish"
)

// allocated returns the bytes the Go runtime allocated while f ran.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// bigSite writes n pages of about size bytes each below a new folder and
// returns it; every page has a data-pagefind-body attribute near its end,
// so collect must read it to the end.
func bigSite(t *testing.T, n, size int) string {
	t.Helper()
	root := t.TempDir()
	clause := "第一条 为了规范行政行为，制定本办法。"
	filler := strings.Repeat(clause, size/len(clause)+1)[:size]
	for i := range n {
		html := fmt.Sprintf("<html><body><p>%s</p><main data-pagefind-body>页面 %d</main></body></html>", filler, i)
		p := filepath.Join(root, "p", fmt.Sprintf("%03d", i), "index.html")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(html), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// TestCollectDoesNotHoldPages: collecting the pages to index (their
// hashes, for the batch keys) allocates a bounded amount, not the site's
// HTML: a cached build has no page in memory, and reading each one whole
// made the search stage's heap grow with the site (issue 16.5).
func TestCollectDoesNotHoldPages(t *testing.T) {
	const n, size = 64, 256 << 10 // 16 MiB of HTML
	root := bigSite(t, n, size)
	var pages []page
	var err error
	got := allocated(func() { pages, err = collect(dirSource{root}) })
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != n {
		t.Fatalf("collect found %d pages, want %d", len(pages), n)
	}
	// The buffer, the names and the page records: far below one page
	// per page (16 MiB).
	if limit := uint64(1 << 20); got > limit {
		t.Errorf("collect allocated %d bytes for %d pages of %d bytes; want at most %d (pages must be streamed, not read whole)", got, n, size, limit)
	}
	for _, p := range pages {
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(p.name)))
		if err != nil {
			t.Fatal(err)
		}
		if p.size != int64(len(data)) || p.sum != sha256.Sum256(data) {
			t.Errorf("%s: size %d sum %x, want %d %x", p.name, p.size, p.sum, len(data), sha256.Sum256(data))
		}
	}
}

// TestScanPageAgreesWithWholeRead: streaming a page through a small
// buffer finds data-pagefind-body exactly when matching the whole page
// does, wherever the reads split it, and hashes the same bytes.
func TestScanPageAgreesWithWholeRead(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 5))
	pieces := []string{"<main", " ", "\n", "data-pagefind-body", "data-pagefind-bod", ">", "=", "/", "x", "条", "data-pagefind-", "body "}
	for i := range 3000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		data := []byte(b.String())
		for _, bufSize := range []int{bodyAttrMax, bodyAttrMax + 1, bodyAttrMax + 7, 64} {
			src := memSource{map[string][]byte{"a.html": data}}
			p, body, err := scanPage(src, "a.html", make([]byte, bufSize))
			if err != nil {
				t.Fatal(err)
			}
			if want := bodyAttr.Match(data); body != want {
				t.Fatalf("case %d, buffer %d: %q: body %v, want %v", i, bufSize, data, body, want)
			}
			if p.size != int64(len(data)) || p.sum != sha256.Sum256(data) {
				t.Fatalf("case %d, buffer %d: %q: wrong size or hash", i, bufSize, data)
			}
		}
	}
}

// TestIndexBoundedMemory: indexing a site on disk, fresh and again with
// every batch in the cache, allocates about one index file at a time: the
// pages are streamed and placed by hard link, and each file of a batch's
// index passes through one buffer from Pagefind's output or the cache to
// the output. The old code read every page whole and held each batch's
// whole index (the fake indexer's index is its batch's HTML), so the
// search stage's allocation grew with the site.
func TestIndexBoundedMemory(t *testing.T) {
	bin, runs := batchPagefind(t)
	const n, size = 64, 256<<10 - 256 // 16 MiB of HTML, 16 batches of 1 MiB
	site := bigSite(t, n, size)
	pages, err := collect(dirSource{site})
	if err != nil {
		t.Fatal(err)
	}
	var biggest int64 // the HTML of the largest batch
	for _, b := range partition(pages, 16) {
		var sum int64
		for _, p := range b {
			sum += p.size
		}
		biggest = max(biggest, sum)
	}
	cache := filepath.Join(t.TempDir(), "search")
	dest := filepath.Join(t.TempDir(), "public")
	index := func() (Stats, uint64) {
		t.Helper()
		out, err := publish.OpenDir(dest)
		if err != nil {
			t.Fatal(err)
		}
		// The pages of the build, linked from the site written above.
		err = filepath.WalkDir(site, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(site, p)
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return out.WriteFile(filepath.ToSlash(rel), data)
		})
		if err != nil {
			t.Fatal(err)
		}
		p := New(bin, BatchBytes(1<<20), CacheDir(cache))
		got := allocated(func() { err = p.Index(context.Background(), out) })
		if err != nil {
			t.Fatal(err)
		}
		if _, err := out.Commit(); err != nil {
			t.Fatal(err)
		}
		return p.Last(), got
	}
	// The fake index file of a batch is the batch's HTML: the buffer
	// holds the largest, growing to it once; the site is 16 MiB.
	limit := uint64(2*biggest + 1<<20)
	st, got := index()
	t.Logf("fresh: %d bytes allocated, bound %d", got, limit)
	if st.Indexed != 16 || st.Pages != n {
		t.Fatalf("fresh: stats %+v, want 16 batches indexed, %d pages", st, n)
	}
	if got > limit {
		t.Errorf("fresh index of %d MiB of pages allocated %d bytes, want at most %d", n*size>>20, got, limit)
	}
	readRuns(t, runs)
	st, got = index()
	t.Logf("cached: %d bytes allocated", got)
	if st.Reused != 16 || st.Indexed != 0 {
		t.Fatalf("cached: stats %+v, want 16 batches reused", st)
	}
	if l := readRuns(t, runs); len(l) != 0 {
		t.Fatalf("cached: Pagefind ran over %q", l)
	}
	if got > limit {
		t.Errorf("cached index of %d MiB of pages allocated %d bytes, want at most %d", n*size>>20, got, limit)
	}
}
