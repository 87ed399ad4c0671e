package main

// The -node comparison: the same built site indexed four ways — the CLI
// over the HTML, the npm package's Node API fed the HTML files, the Node
// API fed custom records (title, body text, meta and filters taken from
// the data-pagefind-* markup), and records whose text is cut to -cap
// characters. Each way's index is then asked a few queries in headless
// Chromium, to show it answers Chinese and what the cut costs.
//
// Memory: the Node API runs two processes, node and the pagefind_extended
// service it spawns, at the same time. /usr/bin/time -v (or wait4) gives
// the largest single process of the reaped tree, not their sum, and the
// service is only counted if node reaps it. So the tree is sampled
// instead: every 20 ms the resident set of the started process and all
// its descendants (from /proc) is summed, and the peak sum is reported.
// The CLI is sampled the same way, so the ways compare like for like
// (sampling can miss a spike shorter than 20 ms; on runs of seconds the
// error is small, and the CLI's sampled peak can be checked against its
// rusage peak in the existing table).

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/fazhi-dev/fazhi/internal/search"
	"github.com/fazhi-dev/fazhi/tools/search/browser"
	"github.com/fazhi-dev/fazhi/tools/search/proctree"
)

// nodeScript is the Node indexer, relative to the repository root.
const nodeScript = "tools/search/node/index-records.mjs"

// checkQueries are asked of every way's index. The last is a phrase that
// statutes mostly carry late in the text (the liability chapter), where a
// cut body loses it.
var checkQueries = []string{"行政复议", "送达公告", "法律责任"}

// way is one way of indexing a built site.
type way struct {
	name string
	cmd  func(out string) *exec.Cmd
}

// nodeRow holds one way's figures on one site.
type nodeRow struct {
	site, way string
	pages     int     // pages in the index
	chars     float64 // mean characters of text per record ("" for HTML)
	dur       time.Duration
	rss       int64 // peak summed RSS of the process tree
	files     int
	bytes     int64
	totals    []int // results per checkQueries
}

// record is a Pagefind custom record.
type record struct {
	URL      string              `json:"url"`
	Content  string              `json:"content"`
	Language string              `json:"language"`
	Meta     map[string]string   `json:"meta,omitempty"`
	Filters  map[string][]string `json:"filters,omitempty"`
}

// measureNode indexes the built site dst each way, runs times each, and
// queries each way's last index through the site's search page.
func measureNode(ctx context.Context, b *browser.Browser, root, bin, site, dst, work string, runs, capChars int) ([]nodeRow, error) {
	t0 := time.Now()
	recs, err := records(dst)
	if err != nil {
		return nil, err
	}
	full := filepath.Join(work, "records.jsonl")
	short := filepath.Join(work, "records-cap.jsonl")
	fullChars, err := writeRecords(full, recs, 0)
	if err != nil {
		return nil, err
	}
	shortChars, err := writeRecords(short, recs, capChars)
	if err != nil {
		return nil, err
	}
	logf("%s: %d records from the HTML in %v (Go, not counted)", site, len(recs), time.Since(t0).Round(time.Millisecond))
	script := filepath.Join(root, filepath.FromSlash(nodeScript))
	node := func(args ...string) *exec.Cmd {
		c := exec.CommandContext(ctx, "node", append([]string{script}, args...)...)
		c.Dir = root
		return c
	}
	ways := []way{
		{"CLI, HTML", func(out string) *exec.Cmd {
			return exec.CommandContext(ctx, bin, "--site", dst, "--output-path", out, "--quiet", "--force-language", search.DefaultLanguage)
		}},
		{"Node API, addHTMLFile", func(out string) *exec.Cmd { return node("html", dst, out) }},
		{"Node API, addCustomRecord", func(out string) *exec.Cmd { return node("records", full, out) }},
		{fmt.Sprintf("Node API, records cut to %d chars", capChars), func(out string) *exec.Cmd { return node("records", short, out) }},
	}
	var rows []nodeRow
	for i, w := range ways {
		r := nodeRow{site: site, way: w.name}
		switch i {
		case 2:
			r.chars = fullChars
		case 3:
			r.chars = shortChars
		}
		out := filepath.Join(work, fmt.Sprintf("index-%d", i))
		var durs []time.Duration
		var rsses []int64
		for j := 0; j < runs; j++ {
			os.RemoveAll(out)
			cmd := w.cmd(out)
			d, peak, log, err := proctree.Run(cmd)
			if err != nil {
				return nil, fmt.Errorf("%s, %s: %w\n%s", site, w.name, err, log)
			}
			durs = append(durs, d)
			rsses = append(rsses, peak)
			logf("%s, %s, run %d: %v, %d MB", site, w.name, j+1, d.Round(10*time.Millisecond), peak>>20)
		}
		r.dur, r.rss = median(durs), median(rsses)
		if r.files, r.bytes, err = indexSize(out); err != nil {
			return nil, err
		}
		data, err := os.ReadFile(filepath.Join(out, "pagefind-entry.json"))
		if err != nil {
			return nil, fmt.Errorf("%s, %s: no index: %w", site, w.name, err)
		}
		e, err := search.ParseEntry(data)
		if err != nil {
			return nil, err
		}
		r.pages = e.Pages()
		if r.totals, err = askIndex(b, dst, out); err != nil {
			return nil, fmt.Errorf("%s, %s: %w", site, w.name, err)
		}
		logf("%s, %s: %d pages, %d files, %.1f MB, results %v", site, w.name, r.pages, r.files, float64(r.bytes)/(1<<20), r.totals)
		rows = append(rows, r)
	}
	return rows, nil
}

// askIndex serves the built site dst with its pagefind/ folder taken from
// index, and returns the number of results of each check query, asked
// through the theme's search function in a fresh browser context.
func askIndex(b *browser.Browser, dst, index string) ([]int, error) {
	mux := http.NewServeMux()
	mux.Handle("/", http.FileServer(http.Dir(dst)))
	mux.Handle("/"+search.Dir+"/", http.StripPrefix("/"+search.Dir+"/", http.FileServer(http.Dir(index))))
	srv := browser.ServeHandler(mux)
	defer srv.Close()
	tab, err := b.Open(srv.URL, "/search/")
	if err != nil {
		return nil, err
	}
	defer tab.Close()
	var totals []int
	for _, q := range checkQueries {
		a, err := tab.Query(q, 1)
		if err != nil {
			return nil, err
		}
		totals = append(totals, a.Total)
	}
	return totals, nil
}

// indexSize counts the files and bytes of an index folder, leaving out
// Pagefind's UI bundles as fazhi's build does.
func indexSize(dir string) (files int, bytes int64, err error) {
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if uiFile(filepath.ToSlash(rel)) {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		files++
		bytes += info.Size()
		return nil
	})
	return files, bytes, err
}

// uiFile mirrors the UI bundles that search.Pagefind leaves out.
func uiFile(name string) bool {
	for _, pre := range []string{"pagefind-ui.", "pagefind-modular-ui.", "pagefind-component-ui.", "pagefind-highlight.", "playground/"} {
		if strings.HasPrefix(name, pre) {
			return true
		}
	}
	return false
}

// writeRecords writes recs as JSON lines, each text cut to capChars
// characters when capChars > 0, and returns the mean text length.
func writeRecords(name string, recs []record, capChars int) (float64, error) {
	f, err := os.Create(name)
	if err != nil {
		return 0, err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	total := 0
	for _, r := range recs {
		if capChars > 0 {
			r.Content = cut(r.Content, capChars)
		}
		total += utf8.RuneCountInString(r.Content)
		if err := enc.Encode(r); err != nil {
			f.Close()
			return 0, err
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return 0, err
	}
	if len(recs) == 0 {
		return 0, f.Close()
	}
	return float64(total) / float64(len(recs)), f.Close()
}

// cut returns the first n characters of s.
func cut(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

// records reads every page of the built site dst that has a
// data-pagefind-body element and turns it into a custom record: the
// element's text (without data-pagefind-ignore parts, scripts and
// forms), and the data-pagefind-meta and data-pagefind-filter values of
// the page, as Pagefind would read them from the HTML.
func records(dst string) ([]record, error) {
	var recs []record
	err := filepath.WalkDir(dst, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == search.Dir && filepath.Dir(p) == dst {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".html") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if !strings.Contains(string(data), "data-pagefind-body") {
			return nil
		}
		doc, err := html.Parse(strings.NewReader(string(data)))
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		rel, _ := filepath.Rel(dst, p)
		u := "/" + filepath.ToSlash(rel)
		u = strings.TrimSuffix(u, "index.html")
		r := record{URL: u, Language: search.DefaultLanguage, Meta: map[string]string{}, Filters: map[string][]string{}}
		var body *html.Node
		walk(doc, func(n *html.Node) {
			if has(n, "data-pagefind-body") && body == nil {
				body = n
			}
			if v, ok := attr(n, "data-pagefind-meta"); ok {
				for k, val := range pairs(v, n) {
					r.Meta[k] = val
				}
			}
			if v, ok := attr(n, "data-pagefind-filter"); ok {
				for k, val := range pairs(v, n) {
					r.Filters[k] = append(r.Filters[k], val)
				}
			}
		})
		if body == nil {
			return nil
		}
		var sb strings.Builder
		text(body, &sb)
		r.Content = strings.Join(strings.Fields(sb.String()), " ")
		recs = append(recs, r)
		return nil
	})
	return recs, err
}

func walk(n *html.Node, f func(*html.Node)) {
	if n.Type == html.ElementNode {
		f(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func has(n *html.Node, key string) bool { _, ok := attr(n, key); return ok }

// pairs reads a data-pagefind-meta or -filter value: comma-separated
// "key:value" items, or a bare "key" that takes the element's text.
func pairs(v string, n *html.Node) map[string]string {
	out := map[string]string{}
	for _, item := range strings.Split(v, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		if k, val, ok := strings.Cut(item, ":"); ok {
			out[strings.TrimSpace(k)] = strings.TrimSpace(val)
			continue
		}
		var sb strings.Builder
		text(n, &sb)
		out[item] = strings.Join(strings.Fields(sb.String()), " ")
	}
	return out
}

// skipped are elements whose text Pagefind does not index.
var skipped = map[string]bool{"script": true, "style": true, "noscript": true, "template": true, "svg": true, "form": true, "iframe": true}

// inline elements do not separate words; every other element does.
var inline = map[string]bool{"a": true, "span": true, "em": true, "strong": true, "b": true, "i": true, "time": true, "code": true, "sup": true, "sub": true, "small": true, "mark": true, "abbr": true}

// text writes the indexable text below n.
func text(n *html.Node, sb *strings.Builder) {
	switch n.Type {
	case html.TextNode:
		sb.WriteString(n.Data)
		return
	case html.ElementNode:
		if skipped[n.Data] || has(n, "data-pagefind-ignore") {
			return
		}
	}
	sep := n.Type == html.ElementNode && !inline[n.Data]
	if sep {
		sb.WriteByte(' ')
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		text(c, sb)
	}
	if sep {
		sb.WriteByte(' ')
	}
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

func logf(format string, args ...any) { fmt.Fprintf(os.Stderr, format+"\n", args...) }

// nodeMarkdown renders the -node comparison.
func nodeMarkdown(rows []nodeRow, runs, largeRuns int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "由 `go -C tools run ./search/cmd/searchcost -node` 生成 (generated): 同一构建结果的内容页用四种方式建立索引，中位数，1,000 页各 %d 次、10,000 页 %d 次 (medians of %d runs; %d at 10,000 pages). ", runs, largeRuns, runs, largeRuns)
	b.WriteString("峰值内存是进程树（node 与它启动的 pagefind_extended 服务）每 20 ms 采样的常驻内存之和 (peak RSS: summed over the process tree, sampled every 20 ms). ")
	fmt.Fprintf(&b, "「结果数」是主题的搜索函数对 %s 返回的页数 (results: pages each index returns for these queries).\n\n", "「"+strings.Join(checkQueries, "」「")+"」")
	b.WriteString("| 站点 site | 方式 way | 索引页数 pages | 每页字数 chars/page | 用时 time | 峰值内存 peak RSS | 索引文件 files | 索引大小 size | 结果数 results |\n")
	b.WriteString("|---|---|--:|--:|--:|--:|--:|--:|--:|\n")
	for _, r := range rows {
		chars := "—"
		if r.chars > 0 {
			chars = fmt.Sprintf("%.0f", r.chars)
		}
		var ts []string
		for _, t := range r.totals {
			ts = append(ts, strconv.Itoa(t))
		}
		fmt.Fprintf(&b, "| %s | %s | %d | %s | %.1f s | %d MB | %d | %.1f MB | %s |\n",
			r.site, r.way, r.pages, chars, r.dur.Seconds(), r.rss>>20, r.files, float64(r.bytes)/(1<<20), strings.Join(ts, " / "))
	}
	return b.String()
}
