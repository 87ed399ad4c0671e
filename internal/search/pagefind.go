package search

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/fazhi-dev/fazhi/internal/publish"
)

// Dir is the output folder that receives the index.
const Dir = "pagefind"

// DefaultLanguage is the language the whole site is indexed as. Pagefind
// segments Chinese only when the language starts with "zh"; forcing it
// makes one index even when a page has another or no lang attribute. The
// browser falls back from "zh-cn" (the search page's lang) to "zh".
const DefaultLanguage = "zh"

// Pagefind runs the Pagefind binary over a build's written HTML. It
// implements build.Indexer.
//
// The pages are split into batches by a hash of their path (batchOf), as
// many as keep each batch's HTML under the batch size, and Pagefind runs
// once per batch, one run at a time, so its memory is bounded by the batch,
// not the site. The first batch's bundle is written to pagefind/ with
// pagefind.js; the others to pagefind/b<i>/, listed in
// pagefind/fazhi-bundles.json, which the theme's search script merges
// into the first with Pagefind's mergeIndex. With a cache folder, a batch
// whose pages are unchanged is copied from the cache instead of indexed.
type Pagefind struct {
	bin        string
	lang       string
	keepUI     bool
	args       []string
	batchBytes int64
	cache      batchCache

	mu   sync.Mutex
	last Stats
}

// Option changes how Pagefind runs.
type Option func(*Pagefind)

// Language indexes the site as the given ISO 639-1 code instead of
// DefaultLanguage; "" lets Pagefind read each page's lang attribute.
func Language(code string) Option { return func(p *Pagefind) { p.lang = code } }

// KeepUI keeps Pagefind's own UI bundles (pagefind-ui.js and friends) in
// the output, for a theme that uses PagefindUI. The default theme has its
// own small script and leaves them out.
func KeepUI() Option { return func(p *Pagefind) { p.keepUI = true } }

// Args passes extra command-line arguments to Pagefind (for benchmarks).
func Args(a ...string) Option { return func(p *Pagefind) { p.args = append(p.args, a...) } }

// BatchBytes sets the most HTML one Pagefind run indexes (default
// DefaultBatchBytes); 0 or less indexes the whole site in one run.
func BatchBytes(n int64) Option { return func(p *Pagefind) { p.batchBytes = n } }

// CacheDir keeps each batch's index in dir between builds; "" keeps
// nothing (every batch is indexed).
func CacheDir(dir string) Option { return func(p *Pagefind) { p.cache = batchCache{dir} } }

// New returns an indexer that runs the Pagefind binary at binary.
func New(binary string, opts ...Option) *Pagefind {
	p := &Pagefind{bin: binary, lang: DefaultLanguage, batchBytes: DefaultBatchBytes}
	for _, o := range opts {
		o(p)
	}
	return p
}

// Stats describes the last run of Pagefind.
type Stats struct {
	// Pages is the number of pages in the index.
	Pages int
	// Files and Bytes count what was written under pagefind/.
	Files int
	Bytes int64
	// Duration is the wall time of the Pagefind runs; MaxRSS the largest
	// peak resident memory of one run (runs do not overlap).
	Duration time.Duration
	MaxRSS   int64
	// Batches is the number of batches the pages were split into;
	// Indexed of them were indexed by Pagefind, Reused copied from the
	// cache (empty batches are neither).
	Batches, Indexed, Reused int
	// Warnings say why a cached batch was not used.
	Warnings []string
}

// Last returns the figures of the last successful Index call.
func (p *Pagefind) Last() Stats {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.last
}

// ident describes the settings that shape an index, for batch keys.
func (p *Pagefind) ident() string {
	id := p.bin
	if st, err := os.Stat(p.bin); err == nil {
		id += "|" + strconv.FormatInt(st.Size(), 10) + "|" + st.ModTime().UTC().String()
	}
	return fmt.Sprintf("%s|lang=%s|ui=%v|args=%q", id, p.lang, p.keepUI, p.args)
}

// Index runs Pagefind on the HTML written to out and writes the index to
// out under pagefind/. The pages of a *publish.Dir are linked from where
// they stand; a publisher that keeps files in memory has its pages
// written to a temporary folder.
func (p *Pagefind) Index(ctx context.Context, out publish.Publisher) error {
	tmp, err := os.MkdirTemp("", "fazhi-pagefind-")
	if err != nil {
		return fmt.Errorf("无法创建临时文件夹 (cannot create a temporary folder): %w", err)
	}
	defer os.RemoveAll(tmp)
	src, err := sourceOf(out)
	if err != nil {
		return err
	}
	pages, err := collect(src)
	if err != nil {
		return err
	}
	var total int64
	for _, pg := range pages {
		total += pg.size
	}
	n := batchCount(total, p.batchBytes)
	batches := partition(pages, n)
	st := Stats{Batches: n}
	if err := p.cache.clean(n); err != nil {
		st.Warnings = append(st.Warnings, "搜索索引缓存无法清理 (cannot clean the search cache): "+err.Error())
	}
	ident := p.ident()
	var bundles []string
	first := true
	// Index files pass one at a time through buf, from the cache or from
	// Pagefind's output to the publisher and the cache: the stage never
	// holds more than one file of the index.
	buf := make([]byte, 0, 256<<10)
	for i, b := range batches {
		if len(b) == 0 && !(first && i == n-1) {
			continue // an empty batch has no bundle (unless the site has no page at all)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		prefix := bundlePath(i, first)
		emit := func(name string, data []byte) error {
			if !first && !bundleFile(name) || !p.keepUI && uiFile(name) {
				return nil
			}
			if name == "pagefind-entry.json" {
				pages, err := entryPages(data)
				if err != nil {
					return err
				}
				st.Pages += pages
			}
			if err := out.WriteFile(joinBundle(prefix, name), data); err != nil {
				return fmt.Errorf("写入搜索索引失败 (cannot write the index): %w", err)
			}
			st.Files++
			st.Bytes += int64(len(data))
			return nil
		}
		key := batchKey(ident, i, n, b)
		cached, err := p.cache.load(i, n, key, &buf)
		if err != nil {
			st.Warnings = append(st.Warnings, "忽略搜索索引缓存 (search cache ignored): "+err.Error())
			cached = nil
		}
		if cached != nil {
			// Checked by load; a file changed since fails the build.
			if err := cached.each(&buf, emit); err != nil {
				return err
			}
			st.Reused++
		} else {
			w := p.cache.begin()
			err := p.run(ctx, src, b, filepath.Join(tmp, strconv.Itoa(i)), &st, &buf, func(name string, data []byte) error {
				w.add(name, data)
				return emit(name, data)
			})
			if err != nil {
				w.abort()
				return err
			}
			st.Indexed++
			if err := w.commit(i, n, key); err != nil {
				st.Warnings = append(st.Warnings, "搜索索引缓存无法写入 (cannot write the search cache): "+err.Error())
			}
		}
		if !first {
			bundles = append(bundles, prefix)
		}
		first = false
	}
	list, _ := json.Marshal(struct {
		Bundles []string `json:"bundles"`
	}{append([]string{}, bundles...)})
	if err := out.WriteFile(path.Join(Dir, BundlesFile), list); err != nil {
		return fmt.Errorf("写入搜索索引失败 (cannot write the index): %w", err)
	}
	st.Files++
	st.Bytes += int64(len(list))
	p.mu.Lock()
	p.last = st
	p.mu.Unlock()
	return nil
}

// run indexes the pages of one batch with Pagefind in the folder work and
// calls fn with each of its output files, sorted by name, read through
// buf (data is valid only until fn returns).
func (p *Pagefind) run(ctx context.Context, src htmlSource, pages []page, work string, st *Stats, buf *[]byte, fn func(name string, data []byte) error) error {
	site, idx := filepath.Join(work, "site"), filepath.Join(work, "index")
	if err := os.MkdirAll(site, 0o755); err != nil {
		return err
	}
	for _, pg := range pages {
		if err := src.place(pg.name, site); err != nil {
			return fmt.Errorf("无法准备搜索索引的网页 %s (cannot stage a page): %w", pg.name, err)
		}
	}
	args := []string{"--site", site, "--output-path", idx, "--quiet"}
	if p.lang != "" {
		args = append(args, "--force-language", p.lang)
	}
	args = append(args, p.args...)
	var log bytes.Buffer
	cmd := exec.CommandContext(ctx, p.bin, args...)
	cmd.Stdout, cmd.Stderr = &log, &log
	start := time.Now()
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("Pagefind 建立搜索索引失败（%s）：%w\n%s", p.bin, err, lastLines(log.String(), 8))
	}
	st.Duration += time.Since(start)
	st.MaxRSS = max(st.MaxRSS, maxRSS(cmd.ProcessState))
	if _, err := os.Stat(filepath.Join(idx, "pagefind-entry.json")); err != nil {
		return errors.New("Pagefind 运行结束但没有生成索引（缺少 pagefind-entry.json）(Pagefind wrote no index)")
	}
	names, err := indexNames(idx, p.keepUI)
	if err != nil {
		return err
	}
	for _, name := range names {
		data, err := readInto(filepath.Join(idx, filepath.FromSlash(name)), buf)
		if err != nil {
			return fmt.Errorf("读取 Pagefind 输出失败 (cannot read the index): %w", err)
		}
		if err := fn(name, data); err != nil {
			return err
		}
	}
	os.RemoveAll(work) // free the disk before the next batch
	return nil
}

// uiFile reports whether name is one of Pagefind's UI bundles, which the
// default theme does not load.
func uiFile(name string) bool {
	for _, pre := range []string{"pagefind-ui.", "pagefind-modular-ui.", "pagefind-component-ui.", "pagefind-highlight.", "playground/"} {
		if strings.HasPrefix(name, pre) {
			return true
		}
	}
	return false
}

// indexNames lists every index file below dir, sorted by name, leaving
// out the UI bundles unless keepUI.
func indexNames(dir string, keepUI bool) ([]string, error) {
	var names []string
	err := filepath.WalkDir(dir, func(fp string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, fp)
		if err != nil {
			return err
		}
		name := filepath.ToSlash(rel)
		if !keepUI && uiFile(name) {
			return nil
		}
		names = append(names, name)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("读取 Pagefind 输出失败 (cannot read the index): %w", err)
	}
	sort.Strings(names)
	return names, nil
}

// sourceOf returns where the written HTML of out is read from.
func sourceOf(out publish.Publisher) (htmlSource, error) {
	if d, ok := out.(interface{ Root() string }); ok {
		return dirSource{d.Root()}, nil
	}
	if m, ok := out.(interface{ Files() map[string][]byte }); ok {
		return memSource{m.Files()}, nil
	}
	return nil, fmt.Errorf("无法建立搜索索引：这种输出方式（%T）不能读回已写的网页 (publisher cannot be read back)", out)
}

// Entry is the part of pagefind-entry.json that fazhi reads.
type Entry struct {
	Version   string `json:"version"`
	Languages map[string]struct {
		Hash      string `json:"hash"`
		PageCount int    `json:"page_count"`
	} `json:"languages"`
}

// Pages returns the number of indexed pages over all languages.
func (e *Entry) Pages() int {
	n := 0
	for _, l := range e.Languages {
		n += l.PageCount
	}
	return n
}

// ParseEntry decodes pagefind-entry.json.
func ParseEntry(data []byte) (*Entry, error) {
	var e Entry
	if err := json.Unmarshal(data, &e); err != nil {
		return nil, fmt.Errorf("Pagefind 的 pagefind-entry.json 无法解析 (bad entry file): %w", err)
	}
	return &e, nil
}

func entryPages(data []byte) (int, error) {
	e, err := ParseEntry(data)
	if err != nil {
		return 0, err
	}
	return e.Pages(), nil
}

// lastLines returns the last n non-empty lines of s.
func lastLines(s string, n int) string {
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
