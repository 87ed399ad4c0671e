// Command cache-bench measures fazhi's build cache (issue 16): fresh,
// unchanged, one-edit and --now-step builds with wall, CPU and the peak
// memory of the process tree, and writes a section of docs/benchmarks.md.
//
//	cache-bench [-sites synthetic:1000,synthetic:10000,synthetic:50000,statutes:10000] [-search] [-out ../docs/benchmarks.md] [-out-root /dev/shm/fazhi-cache-bench]
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"

	"github.com/fazhi-dev/fazhi/tools/bench"
)

func main() {
	var (
		sites   = flag.String("sites", "synthetic:1000,synthetic:10000,synthetic:50000,statutes:10000", "站点与页数 (sites: synthetic:N or statutes:N)")
		search  = flag.Bool("search", false, "每个站点再测一遍打开搜索的构建 (also measure with search on)")
		only    = flag.Bool("search-only", false, "只测打开搜索的构建 (measure with search on only)")
		part    = flag.String("part", "", "写入文档的分节名，分别测量的几组各占一节 (report part: separately measured runs get sections of their own)")
		out     = flag.String("out", "", "写入的 Markdown 文件，如 ../docs/benchmarks.md (report file)")
		work    = flag.String("work", "", "生成站点的文件夹，默认系统临时文件夹下的 fazhi-bench (work folder)")
		outRoot = flag.String("out-root", "/dev/shm/fazhi-cache-bench", "输出和缓存写到这里（tmpfs）(output and cache folder)")
		corpus  = flag.String("corpus", "", "法规语料文件夹，默认 "+bench.DefaultCorpus+" (statute corpus)")
		seed    = flag.Uint64("seed", 20261127, "合成站点的随机种子 (generator seed)")
	)
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	cfg := bench.CacheConfig{Config: bench.Config{Work: *work, OutRoot: *outRoot, Corpus: *corpus, Seed: *seed, Runs: 1}, Sites: strings.Split(*sites, ","), Search: *search, SearchOnly: *only}
	cfg.Log = func(format string, args ...any) { fmt.Fprintf(os.Stderr, format+"\n", args...) }
	root, err := bench.RepoRoot()
	if err != nil {
		fmt.Fprintln(os.Stderr, "cache-bench:", err)
		os.Exit(1)
	}
	cfg.Root = root
	rows, machine, err := bench.RunCache(ctx, cfg)
	fmt.Print(bench.CacheRatios(rows))
	if err != nil {
		fmt.Fprintln(os.Stderr, "cache-bench:", err)
		os.Exit(1)
	}
	if *out != "" {
		cmd := "go -C tools run ./bench/cmd/cache-bench -sites " + *sites
		if *search {
			cmd += " -search"
		}
		if *only {
			cmd += " -search-only"
		}
		if *part != "" {
			cmd += " -part " + *part
		}
		cmd += " -out ../docs/benchmarks.md"
		if err := bench.WriteCacheSection(*out, *part, bench.CacheReport(rows, machine, cmd, *part)); err != nil {
			fmt.Fprintln(os.Stderr, "cache-bench:", err)
			os.Exit(1)
		}
	}
}
