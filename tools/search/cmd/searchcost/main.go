// Command searchcost measures what the site search costs: Pagefind's
// indexing time and peak memory on generated sites of 1,000 and 10,000
// pages (synthetic portal pages, and statutes from ../shared/corpus/laws
// when present), the index size, and the bytes and time of a reader's
// first query in headless Chromium. It writes the table into
// docs/benchmarks.md.
//
// With -node it builds each site once and instead compares ways of
// indexing it (see node.go): the CLI, the npm package's Node API fed the
// HTML files, fed records, and fed records cut to -cap characters. Its
// table goes into its own part of the search-cost section, so either run
// keeps the other's figures.
//
//	go -C tools run ./search/cmd/searchcost [-out docs/benchmarks.md] [-sizes 1000,10000] [-runs 3]
//	go -C tools run ./search/cmd/searchcost -node [-cap 1000] [-large-runs 1]
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/fazhi-dev/fazhi/internal/search"
	"github.com/fazhi-dev/fazhi/tools/bench"
	"github.com/fazhi-dev/fazhi/tools/search/browser"
	"github.com/fazhi-dev/fazhi/tools/search/recall"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "searchcost:", err)
		os.Exit(1)
	}
}

type row struct {
	site            string
	pages           int
	build, index    time.Duration // medians
	rss             int64         // median peak RSS of Pagefind
	files           int
	bytes           int64
	firstBytes      int64
	firstReqs       int64
	firstMs, nextMs float64
}

func run() error {
	root, err := bench.RepoRoot()
	if err != nil {
		return err
	}
	out := flag.String("out", filepath.Join(root, "docs", "benchmarks.md"), "写入的 Markdown 文件；空则只打印 (file to update)")
	sizes := flag.String("sizes", "1000,10000", "页数 (page counts)")
	corpusSizes := flag.String("corpus-sizes", "1000", "法规站点的页数；空则不测 (statute site page counts)")
	runs := flag.Int("runs", 3, "每种规模重复次数，取中位数 (runs per size; medians)")
	nodeMode := flag.Bool("node", false, "比较 CLI 与 Node API 的索引方式 (compare the CLI with Pagefind's Node API)")
	capChars := flag.Int("cap", 1000, "-node：截短记录的字数 (characters kept per record in the cut-records way)")
	largeRuns := flag.Int("large-runs", 0, "-node：10,000 页以上站点的重复次数；0 同 -runs (runs for sites of 10,000 pages or more)")
	flag.Parse()
	if *largeRuns <= 0 {
		*largeRuns = *runs
	}
	bin, err := search.Program.InRepo(root)
	if err != nil {
		return err
	}
	work, err := os.MkdirTemp("", "fazhi-searchcost-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	b, err := browser.Start(context.Background(), filepath.Join(work, "profile"))
	if err != nil {
		return err
	}
	defer b.Close()
	var rows []row
	var nodeRows []nodeRow
	measure := func(name string, n int, gen func(string, int) (string, error)) error {
		src, err := gen(filepath.Join(work, fmt.Sprintf("%s-%d", name, n)), n)
		if err != nil {
			return err
		}
		if err := enableSearch(src); err != nil {
			return err
		}
		if *nodeMode {
			dst := filepath.Join(work, fmt.Sprintf("%s-%d-public", name, n))
			if _, err := recall.Build(context.Background(), src, dst, search.New(bin)); err != nil {
				return err
			}
			scratch := filepath.Join(work, fmt.Sprintf("%s-%d-node", name, n))
			if err := os.MkdirAll(scratch, 0o755); err != nil {
				return err
			}
			k := *runs
			if n >= 10000 {
				k = *largeRuns
			}
			nr, err := measureNode(context.Background(), b, root, bin, name, dst, scratch, k, *capChars)
			if err != nil {
				return err
			}
			nodeRows = append(nodeRows, nr...)
			// Free the disk before the next site.
			os.RemoveAll(scratch)
			os.RemoveAll(dst)
			return nil
		}
		r := row{site: name, pages: n}
		var builds, indexes []time.Duration
		var rsses []int64
		dst := filepath.Join(work, fmt.Sprintf("%s-%d-public", name, n))
		for i := 0; i < *runs; i++ {
			os.RemoveAll(dst)
			idx := search.New(bin)
			res, err := recall.Build(context.Background(), src, dst, idx)
			if err != nil {
				return err
			}
			st := idx.Last()
			builds = append(builds, res.Duration-st.Duration)
			indexes = append(indexes, st.Duration)
			rsses = append(rsses, st.MaxRSS)
			r.files, r.bytes = st.Files, st.Bytes
			fmt.Fprintf(os.Stderr, "%s %d run %d: build %v, pagefind %v, %d MB, %d pages indexed\n", name, n, i+1, res.Duration-st.Duration, st.Duration, st.MaxRSS>>20, st.Pages)
		}
		r.build, r.index, r.rss = median(builds), median(indexes), median(rsses)
		srv := browser.ServeDir(dst)
		defer srv.Close()
		tab, err := b.Open(srv.URL, "/search/")
		if err != nil {
			return err
		}
		defer tab.Close()
		time.Sleep(500 * time.Millisecond)
		srv.Reset()
		a, err := tab.Query("行政复议", 10)
		if err != nil {
			return err
		}
		r.firstBytes, r.firstReqs = srv.Reset()
		r.firstMs = a.Millis
		if a, err = tab.Query("送达公告", 10); err != nil {
			return err
		}
		r.nextMs = a.Millis
		rows = append(rows, r)
		return nil
	}
	for _, n := range ints(*sizes) {
		if err := measure("合成 synthetic", n, recall.GenSynthetic); err != nil {
			return err
		}
	}
	if corpus := recall.CorpusDir(root); corpus != "" {
		for _, n := range ints(*corpusSizes) {
			if err := measure("法规 statutes", n, func(dst string, n int) (string, error) { return recall.GenLaws(corpus, dst, n) }); err != nil {
				return err
			}
		}
	}
	if *nodeMode {
		table := nodeMarkdown(nodeRows, *runs, *largeRuns)
		fmt.Print(table)
		if *out == "" {
			return nil
		}
		return spliceCost(*out, "", table)
	}
	table := markdown(rows, *runs)
	fmt.Print(table)
	if *out == "" {
		return nil
	}
	return spliceCost(*out, table, "")
}

// The -node table lives inside the search-cost block between these
// markers; what follows them (notes) is kept by both kinds of run.
const (
	nodeBegin = "<!-- search:cost-node -->"
	nodeEnd   = "<!-- /search:cost-node -->"
)

// spliceCost rewrites the search-cost block of the file at path: cli
// replaces the part before the -node table, node the -node table; an
// empty argument keeps that part as it is.
func spliceCost(path, cli, node string) error {
	data, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	body := ""
	text := string(data)
	begin, end := "<!-- search:cost -->", "<!-- /search:cost -->"
	if i, j := strings.Index(text, begin), strings.Index(text, end); i >= 0 && j > i {
		body = strings.Trim(text[i+len(begin):j], "\n")
	}
	head, tail := body, ""
	if i := strings.Index(body, nodeBegin); i >= 0 {
		head, tail = body[:i], body[i:]
	}
	if node != "" {
		rest := ""
		if j := strings.Index(tail, nodeEnd); j >= 0 {
			rest = tail[j+len(nodeEnd):]
		}
		tail = nodeBegin + "\n" + strings.TrimRight(node, "\n") + "\n" + nodeEnd + rest
	}
	if cli != "" {
		head = cli
	}
	return recall.WriteBlock(path, "cost", strings.TrimRight(head, "\n")+"\n\n"+strings.TrimLeft(tail, "\n"))
}

// enableSearch turns search on in a generated site.toml, so that the
// search page is built.
func enableSearch(src string) error {
	p := filepath.Join(src, "site.toml")
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	return os.WriteFile(p, []byte(strings.Replace(string(data), "search = false", "search = true", 1)), 0o644)
}

func markdown(rows []row, runs int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "由 `go -C tools run ./search/cmd/searchcost` 生成；中位数，每种 %d 次 (generated; medians of %d runs). ", runs, runs)
	b.WriteString("「首次查询」在新的浏览器上下文里打开 /search/ 后查询「行政复议」并载入前 10 条结果：字节数是服务器发出的全部字节（未压缩传输），时间含载入 pagefind.js、WebAssembly 和索引分块 (first query: bytes the server sent, uncompressed; time includes loading pagefind.js, WebAssembly and index chunks).\n\n")
	b.WriteString("| 站点 site | 内容页 pages | fazhi 构建 build | Pagefind 索引 index | Pagefind 峰值内存 peak RSS | 索引文件 files | 索引大小 size | 首次查询字节 first-query bytes | 请求数 requests | 首次查询用时 first query | 再次查询 next query |\n")
	b.WriteString("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | %d | %.1f s | %.1f s | %d MB | %d | %.1f MB | %d KB | %d | %.0f ms | %.0f ms |\n",
			r.site, r.pages, r.build.Seconds(), r.index.Seconds(), r.rss>>20, r.files, float64(r.bytes)/(1<<20), r.firstBytes>>10, r.firstReqs, r.firstMs, r.nextMs)
	}
	return b.String()
}

func ints(s string) []int {
	var out []int
	for _, f := range strings.Split(s, ",") {
		if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n > 0 {
			out = append(out, n)
		}
	}
	return out
}

func median[T int64 | time.Duration](xs []T) T {
	if len(xs) == 0 {
		return 0
	}
	s := append([]T(nil), xs...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}
