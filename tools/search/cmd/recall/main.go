// Command recall measures the recall@10 of the site search over the
// query list in tools/search/recall/testdata/recall.txt (the bundled portal,
// and the statute corpus when ../shared/corpus/laws exists) in headless
// Chromium, prints the table and writes it into docs/benchmarks.md.
//
//	go -C tools run ./search/cmd/recall [-out docs/benchmarks.md] [-queries file]
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/search"
	"github.com/fazhi-dev/fazhi/tools/bench"
	"github.com/fazhi-dev/fazhi/tools/search/recall"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "recall:", err)
		os.Exit(1)
	}
}

func run() error {
	root, err := bench.RepoRoot()
	if err != nil {
		return err
	}
	out := flag.String("out", filepath.Join(root, "docs", "benchmarks.md"), "写入的 Markdown 文件；空则只打印 (file to update; empty: print only)")
	queries := flag.String("queries", filepath.Join(root, "tools", "search", "recall", "testdata", "recall.txt"), "查询列表 (query list)")
	corpus := flag.String("corpus", recall.CorpusDir(root), "法规语料文件夹 (statute corpus)")
	flag.Parse()
	bin, err := search.Program.InRepo(root)
	if err != nil {
		return err
	}
	cases, err := recall.ReadCases(*queries)
	if err != nil {
		return err
	}
	work, err := os.MkdirTemp("", "fazhi-recall-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	rows, raw, err := recall.Measure(context.Background(), recall.Setup{
		Root: root, Corpus: *corpus, Work: work, Raw: true,
		Index: func() build.Indexer { return search.New(bin) },
		Log:   func(f string, a ...any) { fmt.Fprintf(os.Stderr, f+"\n", a...) },
	}, cases)
	if err != nil {
		return err
	}
	table := "由 `go -C tools run ./search/cmd/recall` 生成 (generated). 查询经过主题的查询预处理（static/js/search.js 的 fazhiSearch），与搜索页相同 (queries go through the theme's query preparation, as on the search page).\n\n" +
		recall.Markdown(rows) +
		"\n对照：同样的索引，查询词原样交给 pagefind.search（不做预处理）(for comparison: the same index, queries passed to pagefind.search as typed):\n\n" +
		recall.SummaryMarkdown(raw)
	fmt.Print(table)
	fmt.Fprint(os.Stderr, recall.Missed(rows))
	if *out == "" {
		return nil
	}
	return recall.WriteBlock(*out, "recall", table)
}
