// Command searchalt measures a prototype alternative to Pagefind for the
// first query of a large statute library (issue 16 point 5): the bigram
// index of tools/search/alt, built from the same pages (the
// data-pagefind-body region of each built page) of the same site that
// searchscale measures (../shared/corpus/laws cycled to -n pages), and
// queried in headless Chromium by its own small client. It reports the
// bytes and requests of the first query, index size and files, indexing
// time and peak memory (the indexer runs as a child process, sampled like
// searchscale's builds), and recall@10 over distinct statutes and on the
// bundled portal, next to Pagefind's figures from the search:scale block
// of the same file. The site is built once without Pagefind and reused
// for every variant. Without the corpus it writes nothing.
//
//	go -C tools run ./search/cmd/searchalt [-n 10000] [-chunks 4096,1024] [-out ../docs/benchmarks.md]
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/fazhi-dev/fazhi/tools/bench"
	"github.com/fazhi-dev/fazhi/tools/search/alt"
	"github.com/fazhi-dev/fazhi/tools/search/proctree"
	"github.com/fazhi-dev/fazhi/tools/search/recall"
)

const firstQuery = "行政复议"

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "searchalt:", err)
		os.Exit(1)
	}
}

// variant is one measured index.
type variant struct {
	chunks int
	st     alt.Stats
	wall   time.Duration
	cpu    time.Duration
	peak   int64
	m      measured
}

func run() error {
	root, err := bench.RepoRoot()
	if err != nil {
		return err
	}
	out := flag.String("out", filepath.Join(root, "docs", "benchmarks.md"), "写入的 Markdown 文件；空则只打印 (file to update; empty: print only)")
	n := flag.Int("n", 10000, "法规站点的页数 (statute pages)")
	chunkList := flag.String("chunks", "4096,1024", "每种索引的分块数，第一个是主方案 (chunk files per variant; the first is the main one)")
	workRoot := flag.String("work", "/dev/shm", "工作文件夹放在这里 (work folder's parent)")
	keep := flag.String("keep", "", "用这个文件夹做工作文件夹并保留，再次运行时沿用已构建的站点 (work folder kept, its built sites reused)")
	corpus := flag.String("corpus", recall.CorpusDir(root), "法规语料文件夹 (statute corpus)")
	indexOnly := flag.String("index-site", "", "内部：只给这个已构建的站点建索引 (internal: index this built site and print its stats)")
	flag.Parse()
	var chunks []int
	for _, f := range strings.Split(*chunkList, ",") {
		if c, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && c > 0 {
			chunks = append(chunks, c)
		}
	}
	if len(chunks) == 0 {
		return fmt.Errorf("no chunk counts in %q", *chunkList)
	}
	if *indexOnly != "" {
		st, err := alt.BuildSite(*indexOnly, alt.DefaultParams, chunks[0])
		if err != nil {
			return err
		}
		j, _ := json.Marshal(st)
		fmt.Printf("\n%s\n", j)
		return nil
	}
	if *corpus == "" {
		fmt.Fprintln(os.Stderr, "searchalt: 没有法规语料，跳过 (no statute corpus: nothing measured)")
		return nil
	}
	work := *keep
	if work == "" {
		if st, err := os.Stat(*workRoot); err != nil || !st.IsDir() {
			*workRoot = ""
		}
		if work, err = os.MkdirTemp(*workRoot, "fazhi-searchalt-"); err != nil {
			return err
		}
		defer os.RemoveAll(work)
	}
	lawsDir := filepath.Join(work, fmt.Sprintf("laws-%d", *n))
	laws, lawsBuild, err := builtSite(lawsDir, func() (string, error) {
		return recall.GenLaws(*corpus, filepath.Join(lawsDir, "src"), *n)
	})
	if err != nil {
		return err
	}
	portal, _, err := builtSite(filepath.Join(work, "portal"), func() (string, error) { return root, nil })
	if err != nil {
		return err
	}
	cases, err := recall.ReadCases(filepath.Join(root, "tools", "search", "recall", "testdata", "recall.txt"))
	if err != nil {
		return err
	}
	var lawCases, portalCases []recall.Case
	for _, c := range cases {
		if c.Site == "laws" {
			lawCases = append(lawCases, c)
		} else {
			portalCases = append(portalCases, c)
		}
	}

	// The portal's index is small: 64 chunks. Ranking does not depend on
	// the number of chunks.
	if _, err := alt.BuildSite(portal, alt.DefaultParams, 64); err != nil {
		return err
	}
	b, err := startBrowser(filepath.Join(work, "profile"))
	if err != nil {
		return err
	}
	defer b.Close()
	portalM, err := measure(b, portal, portalCases, false, true)
	if err != nil {
		return err
	}

	var vs []variant
	for i, c := range chunks {
		v := variant{chunks: c}
		cmd := exec.Command(os.Args[0], "-index-site", laws, "-chunks", strconv.Itoa(c))
		wall, peak, log, err := proctree.Run(cmd)
		if err != nil {
			return fmt.Errorf("indexing %s: %v\n%s", laws, err, log)
		}
		v.wall, v.peak = wall, peak
		v.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		lines := strings.Split(strings.TrimSpace(log), "\n")
		if err := json.Unmarshal([]byte(lines[len(lines)-1]), &v.st); err != nil {
			return fmt.Errorf("indexer printed no stats: %v\n%s", err, log)
		}
		logf("%d chunks: indexed %d pages in %v, peak %d MiB, %d files, %.1f MB", c, v.st.Pages, wall.Round(time.Millisecond), peak>>20, v.st.Files, float64(v.st.Bytes)/(1<<20))
		// Recall does not depend on the chunks: measured with the first.
		if v.m, err = measure(b, laws, lawCases, true, i == 0); err != nil {
			return err
		}
		vs = append(vs, v)
	}
	pf := readPagefind(*out, *n)
	text := report(*n, lawsBuild, vs, portalM, pf)
	fmt.Print(text)
	if *out == "" {
		return nil
	}
	return recall.WriteBlock(*out, "alt", text)
}
