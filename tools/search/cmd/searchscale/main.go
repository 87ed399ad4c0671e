// Command searchscale measures the site search of a large statute library
// (issue 16 point 5), as part of make bench. For each size it generates a
// site of that many statute pages (../shared/corpus/laws, cycled) and runs
// `fazhi build` as a child process three times, sampling the resident
// memory of the whole process tree (fazhi and the Pagefind runs it
// starts) every 20 ms: a fresh build (empty build cache), an unchanged
// rebuild (every search batch from the cache) and a rebuild after one
// statute was edited (that statute's batch indexed again). On the largest
// site it then measures, in headless Chromium, recall@10 over distinct
// statutes on the statute queries of tools/search/recall/testdata/recall.txt
// and the bytes a reader's first query transfers; on the bundled portal,
// recall@10 on the portal queries. Sites and outputs go to a folder below
// -work (default /dev/shm), removed at the end. Without the corpus it
// writes nothing.
//
//	go -C tools run ./search/cmd/searchscale [-sizes 1000,10000] [-out ../docs/benchmarks.md]
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/scss"
	"github.com/fazhi-dev/fazhi/internal/search"
	"github.com/fazhi-dev/fazhi/tools/bench"
	"github.com/fazhi-dev/fazhi/tools/search/browser"
	"github.com/fazhi-dev/fazhi/tools/search/proctree"
	"github.com/fazhi-dev/fazhi/tools/search/recall"
)

// Targets of issue 16 point 5.
const (
	maxTreeRSS      = 2 << 30
	minLawsRecall   = 0.93
	minPortalRecall = 1.0
	maxFirstQuery   = 400 << 10
	firstQuery      = "行政复议"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "searchscale:", err)
		os.Exit(1)
	}
}

// buildRow is one measured `fazhi build`.
type buildRow struct {
	size, pages              int
	kind                     string
	wall, cpu                time.Duration
	peak                     int64
	batches, indexed, reused int
}

var statsLine = regexp.MustCompile(`搜索索引 (\d+) 页，分 (\d+) 批：重新建立 (\d+) 批，沿用缓存 (\d+) 批`)

func run() error {
	root, err := bench.RepoRoot()
	if err != nil {
		return err
	}
	out := flag.String("out", filepath.Join(root, "docs", "benchmarks.md"), "写入的 Markdown 文件；空则只打印 (file to update; empty: print only)")
	sizes := flag.String("sizes", "1000,10000", "法规站点的页数 (statute site sizes)")
	workRoot := flag.String("work", "/dev/shm", "工作文件夹放在这里 (work folder's parent)")
	corpus := flag.String("corpus", recall.CorpusDir(root), "法规语料文件夹 (statute corpus)")
	compare := flag.Int("compare", 0, "只比较：该页数的法规站点分别建一个索引和分批索引，测召回率和首次查询 (only compare one index with batches at N pages)")
	flag.Parse()
	if *corpus == "" {
		fmt.Fprintln(os.Stderr, "searchscale: 没有法规语料，跳过 (no statute corpus: nothing measured)")
		return nil
	}
	var ns []int
	for _, f := range strings.Split(*sizes, ",") {
		if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n > 0 {
			ns = append(ns, n)
		}
	}
	sort.Ints(ns)
	if len(ns) == 0 {
		return fmt.Errorf("no sizes in %q", *sizes)
	}
	pagefind, err := search.Program.InRepo(root)
	if err != nil {
		return err
	}
	sass, err := bench.FindSass(root)
	if err != nil {
		return err
	}
	if st, err := os.Stat(*workRoot); err != nil || !st.IsDir() {
		*workRoot = ""
	}
	work, err := os.MkdirTemp(*workRoot, "fazhi-searchscale-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	logf("work folder %s", work)
	bin := filepath.Join(work, "bin", "fazhi")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/fazhi")
	cmd.Dir = root
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build ./cmd/fazhi: %v\n%s", err, b)
	}
	tmp := filepath.Join(work, "tmp")
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		return err
	}
	env := append(os.Environ(), search.EnvVar+"="+pagefind, scss.EnvVar+"="+sass,
		scss.CacheEnv+"="+filepath.Join(work, "cache"), "TMPDIR="+tmp)

	if *compare > 0 {
		return compareBatches(root, *corpus, work, pagefind, *compare, *out)
	}
	var rows []buildRow
	var largest, src string
	for _, n := range ns {
		src, err = recall.GenLaws(*corpus, filepath.Join(work, fmt.Sprintf("laws-%d", n)), n)
		if err != nil {
			return err
		}
		dst := filepath.Join(work, fmt.Sprintf("public-%d", n))
		for _, kind := range []string{"fresh", "unchanged", "one edit"} {
			if kind == "one edit" {
				if err := editOne(src); err != nil {
					return err
				}
			}
			r, err := fazhiBuild(bin, env, src, dst)
			if err != nil {
				return err
			}
			r.kind, r.size = kind, n
			logf("%d statutes, %s: wall %v, peak tree RSS %d MiB, %d batches, %d indexed, %d reused", n, kind, r.wall.Round(time.Millisecond), r.peak>>20, r.batches, r.indexed, r.reused)
			rows = append(rows, r)
		}
		if n != ns[len(ns)-1] {
			os.RemoveAll(filepath.Dir(src))
			os.RemoveAll(dst)
		}
		largest = dst
	}
	files, size, bundles, err := indexSize(largest)
	if err != nil {
		return err
	}

	cases, err := recall.ReadCases(filepath.Join(root, "tools", "search", "recall", "testdata", "recall.txt"))
	if err != nil {
		return err
	}
	var laws, portal []recall.Case
	for _, c := range cases {
		if c.Site == "laws" {
			laws = append(laws, c)
		} else {
			portal = append(portal, c)
		}
	}
	ctx := context.Background()
	b, err := browser.Start(ctx, filepath.Join(work, "profile"))
	if err != nil {
		return err
	}
	defer b.Close()
	srv := browser.ServeDir(largest)
	defer srv.Close()

	// The first query, as a reader makes it: the search page is open, the
	// query is typed and submitted; everything the server sends until the
	// first ten results are shown is counted.
	tab, err := b.Open(srv.URL, "/search/")
	if err != nil {
		return err
	}
	time.Sleep(time.Second)
	srv.Reset()
	start := time.Now()
	status, listed, err := tab.Submit(firstQuery)
	if err != nil {
		return err
	}
	firstMs := time.Since(start)
	sent := srv.Sent()
	firstBytes, firstReqs := srv.Reset()
	tab.Close()
	logf("first query %s: %s, %d listed, %d KB in %d requests, %v", firstQuery, status, listed, firstBytes>>10, firstReqs, firstMs)

	tab, err = b.Open(srv.URL, "/search/")
	if err != nil {
		return err
	}
	lawRows, err := recall.RunDistinct(tab, laws)
	tab.Close()
	if err != nil {
		return err
	}
	portalRows, _, err := recall.Measure(ctx, recall.Setup{
		Root: root, Work: filepath.Join(work, "portal"),
		Index: func() build.Indexer { return search.New(pagefind) },
		Log:   logf,
	}, portal)
	if err != nil {
		return err
	}
	all := append(lawRows, portalRows...)
	fmt.Fprint(os.Stderr, recall.Missed(all))

	text := report(rows, all, ns[len(ns)-1], files, size, bundles, firstBytes, firstReqs, firstMs, listed) + breakdown(sent)
	fmt.Print(text)
	if *out == "" {
		return nil
	}
	return recall.WriteBlock(*out, "scale", text)
}

// compareBatches builds a site of n statutes twice in this process, with
// one index and with the default batches, and measures recall over
// distinct statutes and the first query of each, side by side.
func compareBatches(root, corpus, work, pagefind string, n int, out string) error {
	src, err := recall.GenLaws(corpus, filepath.Join(work, "laws"), n)
	if err != nil {
		return err
	}
	cases, err := recall.ReadCases(filepath.Join(root, "tools", "search", "recall", "testdata", "recall.txt"))
	if err != nil {
		return err
	}
	var laws []recall.Case
	for _, c := range cases {
		if c.Site == "laws" {
			laws = append(laws, c)
		}
	}
	ctx := context.Background()
	b, err := browser.Start(ctx, filepath.Join(work, "profile"))
	if err != nil {
		return err
	}
	defer b.Close()
	var text strings.Builder
	fmt.Fprintf(&text, "由 `go -C tools run ./search/cmd/searchscale -compare %d` 生成 (generated)，%s，负载 load %s。同一个 %d 部法规的站点（语料循环），一个索引与分批索引对照 (one index against batches, the same site):\n\n", n, time.Now().UTC().Format("2006-01-02 15:04 UTC"), bench.LoadAvg(), n)
	text.WriteString("| 索引 index | bundle 数 | Pagefind 用时 time | Pagefind 峰值内存（单次运行中最大）peak RSS of one run | 索引大小 size | 法规 recall@10（不同法规）| 首次查询 first query | 请求数 requests |\n|---|--:|--:|--:|--:|--:|--:|--:|\n")
	for _, v := range []struct {
		name  string
		bytes int64
	}{{"一个索引 one index", 0}, {"分批 batches (默认 default)", search.DefaultBatchBytes}} {
		dst := filepath.Join(work, fmt.Sprintf("public-%d", v.bytes))
		idx := search.New(pagefind, search.BatchBytes(v.bytes))
		if _, err := recall.Build(ctx, src, dst, idx); err != nil {
			return err
		}
		st := idx.Last()
		files, size, bundles, err := indexSize(dst)
		if err != nil {
			return err
		}
		_ = files
		srv := browser.ServeDir(dst)
		tab, err := b.Open(srv.URL, "/search/")
		if err != nil {
			return err
		}
		time.Sleep(time.Second)
		srv.Reset()
		if _, _, err := tab.Submit(firstQuery); err != nil {
			return err
		}
		fb, fr := srv.Reset()
		tab.Close()
		if tab, err = b.Open(srv.URL, "/search/"); err != nil {
			return err
		}
		rows, err := recall.RunDistinct(tab, laws)
		tab.Close()
		srv.Close()
		if err != nil {
			return err
		}
		fmt.Fprint(os.Stderr, v.name+"\n"+recall.Missed(rows))
		sum := recall.Summarise(rows)[0]
		fmt.Fprintf(&text, "| %s | %d | %.0f s | %d MiB | %.1f MB | %.3f | %d KB | %d |\n", v.name, bundles, st.Duration.Seconds(), st.MaxRSS>>20, float64(size)/(1<<20), sum.Mean, fb>>10, fr)
		os.RemoveAll(dst)
	}
	fmt.Print(text.String())
	if out == "" {
		return nil
	}
	return recall.WriteBlock(out, "compare", text.String())
}

// fazhiBuild runs fazhi build and samples its process tree.
func fazhiBuild(bin string, env []string, src, dst string) (buildRow, error) {
	cmd := exec.Command(bin, "build", "-s", src, "-d", dst, "--now", "2026-11-27")
	cmd.Env = env
	wall, peak, log, err := proctree.Run(cmd)
	if err != nil {
		return buildRow{}, fmt.Errorf("fazhi build: %v\n%s", err, log)
	}
	r := buildRow{wall: wall, peak: peak}
	r.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	m := statsLine.FindStringSubmatch(log)
	if m == nil {
		return r, fmt.Errorf("fazhi build printed no search figures:\n%s", log)
	}
	r.pages, _ = strconv.Atoi(m[1])
	r.batches, _ = strconv.Atoi(m[2])
	r.indexed, _ = strconv.Atoi(m[3])
	r.reused, _ = strconv.Atoi(m[4])
	return r, nil
}

// editOne adds a sentence to the body of the first statute (by path).
func editOne(src string) error {
	var first string
	err := filepath.WalkDir(filepath.Join(src, "content"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || first != "" {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".md") && d.Name() != "_index.md" {
			first = p
		}
		return nil
	})
	if err != nil || first == "" {
		return fmt.Errorf("no statute to edit below %s: %v", src, err)
	}
	data, err := os.ReadFile(first)
	if err != nil {
		return err
	}
	logf("editing %s", first)
	return os.WriteFile(first, append(data, []byte("\n\n本条为基准测试增加的一句话。\n")...), 0o644)
}

// indexSize counts the files and bytes under pagefind/ and the bundles.
func indexSize(dst string) (files int, size int64, bundles int, err error) {
	err = filepath.WalkDir(filepath.Join(dst, search.Dir), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		st, err := d.Info()
		if err != nil {
			return err
		}
		files++
		size += st.Size()
		return nil
	})
	if err != nil {
		return
	}
	data, err := os.ReadFile(filepath.Join(dst, search.Dir, search.BundlesFile))
	if err != nil {
		return
	}
	var list struct{ Bundles []string }
	err = json.Unmarshal(data, &list)
	return files, size, len(list.Bundles) + 1, err
}

func report(rows []buildRow, recalls []recall.Row, big, files int, size int64, bundles int, firstBytes, firstReqs int64, firstMs time.Duration, listed int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "由 `go -C tools run ./search/cmd/searchscale` 生成（`make bench` 的一部分）(generated; part of make bench)，%s，负载 load %s。\n\n", time.Now().UTC().Format("2006-01-02 15:04 UTC"), bench.LoadAvg())
	b.WriteString("每行一次 `fazhi build`（默认主题，`search = true`，输出在 /dev/shm），单次测量。进程树峰值内存 = fazhi 与它启动的 pagefind_extended 的常驻内存之和，每 20 ms 从 /proc 采样一次取最大 (peak RSS of the whole process tree, sampled every 20 ms). CPU 含 fazhi 等待过的子进程 (includes waited-for children).\n\n")
	b.WriteString("| 法规页数 pages | 构建 build | 墙钟 wall | CPU | 进程树峰值内存 tree peak RSS | 索引页数 indexed pages | 批数 batches | 重新建立 indexed | 沿用缓存 reused |\n|--:|---|--:|--:|--:|--:|--:|--:|--:|\n")
	peak := map[int]int64{}
	for _, r := range rows {
		fmt.Fprintf(&b, "| %d | %s | %.1f s | %.1f s | %d MiB | %d | %d | %d | %d |\n", r.size, r.kind, r.wall.Seconds(), r.cpu.Seconds(), r.peak>>20, r.pages, r.batches, r.indexed, r.reused)
		peak[r.size] = max(peak[r.size], r.peak)
	}
	fmt.Fprintf(&b, "\n%d 页站点的索引 (index of the %d-page site)：%d 个 bundle，%d 个文件，%.1f MB。\n\n", big, big, bundles, files, float64(size)/(1<<20))
	fmt.Fprintf(&b, "首次查询 (first query)：在新的浏览器上下文里打开 /search/，在搜索框输入「%s」提交，到前 %d 条结果显示为止服务器发出 **%d KB**（%d 个请求，未压缩传输，含 pagefind.js、worker、WebAssembly、每个 bundle 的入口、元数据、筛选和索引分块、前 10 条结果的片段），用时 %.1f s。\n\n", firstQuery, listed, firstBytes>>10, firstReqs, firstMs.Seconds())
	b.WriteString(recall.SummaryMarkdown(recalls))
	b.WriteString("\n法规站点的 recall@10 按不同的法规计：循环语料产生的副本「标题（副本N）」「标题（N）」只算一次，取前 10 部不同的法规 (statute recall over distinct statutes). 示例门户照常计。\n\n")
	sum := map[string]recall.Summary{}
	for _, s := range recall.Summarise(recalls) {
		sum[s.Site] = s
	}
	yes := func(ok bool) string {
		if ok {
			return "是 yes"
		}
		return "否 no"
	}
	b.WriteString("| 目标 target (issue 16.5) | 要求 | 测得 | 达到 met |\n|---|--:|--:|---|\n")
	fmt.Fprintf(&b, "| 进程树峰值内存，%d 页 (tree peak RSS) | ≤ 2048 MiB | %d MiB | %s |\n", big, peak[big]>>20, yes(peak[big] <= maxTreeRSS))
	fmt.Fprintf(&b, "| 法规 recall@10（不同法规）(statutes) | ≥ %.2f | %.3f | %s |\n", minLawsRecall, sum["laws"].Mean, yes(sum["laws"].Mean >= minLawsRecall))
	fmt.Fprintf(&b, "| 示例门户 recall@10 (portal) | %.2f | %.3f | %s |\n", minPortalRecall, sum["portal"].Mean, yes(sum["portal"].Mean >= minPortalRecall))
	fmt.Fprintf(&b, "| 首次查询传输 (first query) | ≤ 400 KB | %d KB | %s |\n", firstBytes>>10, yes(firstBytes <= maxFirstQuery))
	return b.String()
}

// breakdown sums the bytes of the first query by kind of file.
func breakdown(sent map[string]int64) string {
	kinds := []struct{ name, test string }{
		{"pagefind.js、worker、WebAssembly", "script"}, {"入口 pagefind-entry.json、fazhi-bundles.json", "entry"},
		{"元数据 .pf_meta", ".pf_meta"}, {"筛选 .pf_filter", ".pf_filter"}, {"索引分块 .pf_index", ".pf_index"},
		{"结果片段 .pf_fragment", ".pf_fragment"}, {"其他 other", ""},
	}
	sum := make([]int64, len(kinds))
	count := make([]int, len(kinds))
	for p, n := range sent {
		i := len(kinds) - 1
		switch {
		case strings.HasSuffix(p, "pagefind.js") || strings.HasSuffix(p, "pagefind-worker.js") || strings.HasSuffix(p, ".pagefind"):
			i = 0
		case strings.HasSuffix(p, ".json"):
			i = 1
		default:
			for j, k := range kinds[2 : len(kinds)-1] {
				if strings.HasSuffix(p, k.test) {
					i = j + 2
				}
			}
		}
		sum[i] += n
		count[i]++
	}
	var b strings.Builder
	b.WriteString("\n首次查询的字节按文件种类 (first-query bytes by kind of file):\n\n| 种类 kind | 文件数 files | 字节 bytes |\n|---|--:|--:|\n")
	for i, k := range kinds {
		if count[i] > 0 {
			fmt.Fprintf(&b, "| %s | %d | %d KB |\n", k.name, count[i], sum[i]>>10)
		}
	}
	return b.String()
}

func logf(format string, args ...any) { fmt.Fprintf(os.Stderr, format+"\n", args...) }
