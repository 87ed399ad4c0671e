package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// DefaultBatchBytes is the most HTML one Pagefind run indexes. Pagefind
// keeps its whole index in memory, about 45 times the HTML it reads for
// statutes (1,000 statutes of 33 KB took 1.45 GB), so 24 MiB of pages
// keep one run near 1.1 GB whatever the size of the site.
const DefaultBatchBytes = 24 << 20

// BundlesFile lists, below Dir, the bundles the theme's search script
// merges into the first one (Pagefind's mergeIndex): {"bundles":["b1/",…]}.
const BundlesFile = "fazhi-bundles.json"

// page is one HTML file to index: its output path and the SHA-256 of
// its bytes.
type page struct {
	name string
	size int64
	sum  [32]byte
}

// bodyAttr finds a data-pagefind-body attribute. When any page has one,
// Pagefind indexes only such pages; fazhi applies the same rule before it
// splits the site, so that every batch sees the same choice.
var bodyAttr = regexp.MustCompile(`\sdata-pagefind-body[\s=>/]`)

// htmlSource is the written output the pages are read from.
type htmlSource interface {
	names() ([]string, error)
	// open returns the page's bytes as a stream, so that a page is
	// never held whole just to be hashed.
	open(name string) (io.ReadCloser, error)
	// place puts the page name into the folder dir (a hard link where
	// the source is on disk, else a copy).
	place(name, dir string) error
}

// collect reads every HTML page of src and returns those Pagefind would
// index, sorted by name. Each page is streamed through one buffer: the
// stage keeps a page's size and hash, never its HTML, so the memory it
// needs does not grow with the site (the pages of a cached build are
// not in memory and would otherwise all be read in again).
func collect(src htmlSource) ([]page, error) {
	names, err := src.names()
	if err != nil {
		return nil, err
	}
	buf := make([]byte, scanBufSize)
	var all, body []page
	for _, n := range names {
		p, hasBody, err := scanPage(src, n, buf)
		if err != nil {
			return nil, fmt.Errorf("读取网页 %s 失败 (cannot read a written page): %w", n, err)
		}
		all = append(all, p)
		if hasBody {
			body = append(body, p)
		}
	}
	if len(body) > 0 {
		all = body
	}
	sort.Slice(all, func(i, j int) bool { return all[i].name < all[j].name })
	return all, nil
}

// scanBufSize is the size of the buffer pages are read through.
const scanBufSize = 64 << 10

// bodyAttrMax is the length of the longest text bodyAttr matches: one
// space, "data-pagefind-body" and one more byte. A chunk is searched
// together with the last bodyAttrMax-1 bytes of the one before, so a match
// across two reads is found.
const bodyAttrMax = 1 + len("data-pagefind-body") + 1

// scanPage reads the page name of src through buf and returns its size
// and SHA-256, and whether it has a data-pagefind-body attribute.
func scanPage(src htmlSource, name string, buf []byte) (page, bool, error) {
	r, err := src.open(name)
	if err != nil {
		return page{}, false, err
	}
	defer r.Close()
	h := sha256.New()
	var size int64
	found := false
	keep := 0 // bytes at the start of buf carried over from the last read
	for {
		n, err := io.ReadFull(r, buf[keep:])
		if n > 0 {
			h.Write(buf[keep : keep+n])
			size += int64(n)
			if !found && bodyAttr.Match(buf[:keep+n]) {
				found = true
			}
			tail := min(keep+n, bodyAttrMax-1)
			copy(buf, buf[keep+n-tail:keep+n])
			keep = tail
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return page{}, false, err
		}
	}
	p := page{name: name, size: size}
	h.Sum(p.sum[:0])
	return p, found, nil
}

// batchCount is the number of batches for pages of total bytes: the
// smallest power of two that keeps the mean batch at or below max. A
// power of two keeps the partition stable: a page's batch changes only
// when the count doubles or halves, and then each batch splits in two or
// two merge.
func batchCount(total, max int64) int {
	if max <= 0 {
		return 1
	}
	n := 1
	for int64(n)*max < total && n < 1<<16 {
		n *= 2
	}
	return n
}

// batchOf is the batch of the page at name among n: a hash of its path,
// so it does not depend on the other pages.
func batchOf(name string, n int) int {
	h := fnv.New64a()
	h.Write([]byte(name))
	return int(h.Sum64() % uint64(n))
}

// partition splits pages (sorted) into n batches, each sorted.
func partition(pages []page, n int) [][]page {
	out := make([][]page, n)
	for _, p := range pages {
		b := batchOf(p.name, n)
		out[b] = append(out[b], p)
	}
	return out
}

// batchKey identifies what one batch's index is made from: the
// indexer's settings (ident), the batch's place and every page's path and
// content.
func batchKey(ident string, i, n int, pages []page) string {
	h := sha256.New()
	fmt.Fprintf(h, "fazhi-search-batch-1\x00%s\x00%d/%d\x00", ident, i, n)
	var l [8]byte
	for _, p := range pages {
		binary.LittleEndian.PutUint64(l[:], uint64(len(p.name)))
		h.Write(l[:])
		h.Write([]byte(p.name))
		h.Write(p.sum[:])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// bundlePath is the folder below Dir of batch i's bundle: the first
// non-empty batch is at Dir itself, with pagefind.js and the
// WebAssembly; the others in "b<i>/".
func bundlePath(i int, first bool) string {
	if first {
		return ""
	}
	return "b" + strconv.Itoa(i) + "/"
}

// bundleFile reports whether a file of Pagefind's output belongs in a
// merged bundle: its own entry, metadata and chunks, not the scripts and
// WebAssembly the first bundle carries.
func bundleFile(name string) bool {
	return name == "pagefind-entry.json" || strings.HasSuffix(name, ".pf_meta") ||
		strings.HasPrefix(name, "index/") || strings.HasPrefix(name, "fragment/") || strings.HasPrefix(name, "filter/")
}

// dirSource reads pages from a folder on disk (a publish.Dir's staging
// tree).
type dirSource struct{ root string }

func (d dirSource) names() ([]string, error) {
	var out []string
	err := filepath.WalkDir(d.root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.Type().IsRegular() || !strings.HasSuffix(e.Name(), ".html") {
			return nil
		}
		rel, err := filepath.Rel(d.root, p)
		if err != nil {
			return err
		}
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	return out, err
}

func (d dirSource) open(name string) (io.ReadCloser, error) {
	return os.Open(filepath.Join(d.root, filepath.FromSlash(name)))
}

func (d dirSource) place(name, dir string) error {
	from := filepath.Join(d.root, filepath.FromSlash(name))
	to := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	if os.Link(from, to) == nil {
		return nil
	}
	// Another file system: copy the page as a stream.
	r, err := os.Open(from)
	if err != nil {
		return err
	}
	defer r.Close()
	w, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(w, r); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

// memSource reads pages from a publisher that keeps files in memory.
type memSource struct{ files map[string][]byte }

func (m memSource) names() ([]string, error) {
	var out []string
	for n := range m.files {
		if strings.HasSuffix(n, ".html") {
			out = append(out, n)
		}
	}
	return out, nil
}

func (m memSource) open(name string) (io.ReadCloser, error) {
	return io.NopCloser(bytes.NewReader(m.files[name])), nil
}

func (m memSource) place(name, dir string) error {
	to := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	return os.WriteFile(to, m.files[name], 0o644)
}
