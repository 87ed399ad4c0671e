// Command fazhi-bench measures fazhi against Hugo and against a
// goldmark-only floor on generated sites and on the real statute corpus,
// and writes the results to docs/benchmarks.md (make bench).
//
//	fazhi-bench [-sizes 1000,10000,50000] [-corpus-sizes 1000,10000] [-runs 3]
//	            [-big-runs N] [-out docs/benchmarks.md] [-quick] [-work DIR]
//	fazhi-bench -floor DIR [-floor-out OUT] [-floor-workers 2]
//	fazhi-bench -profile 10000 [-profile-site synthetic|statutes] [-profile-variant minimal|theme] [-profile-dir DIR]
//
// -floor is the floor's own process, started by the benchmark so that its
// peak memory is its own. -profile builds one site in-process with a CPU
// profile for go tool pprof.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"strings"

	"github.com/fazhi-dev/fazhi/tools/bench"
)

func main() {
	if code, ok := bench.ChildMain(os.Args[1:]); ok {
		os.Exit(code)
	}
	var (
		sizes       = flag.String("sizes", "1000,10000,50000", "合成站点的页数 (synthetic site sizes)")
		corpusSizes = flag.String("corpus-sizes", "1000,10000", "真实法规站点的页数，语料存在时 (statute site sizes, when the corpus exists)")
		runs        = flag.Int("runs", 3, "每个工具每个规模运行次数 (runs per tool and size)")
		bigRuns     = flag.Int("big-runs", 0, "50,000 页及以上的运行次数，0 表示同 -runs (runs for 50,000+ pages)")
		extraRuns   = flag.Int("extra-runs", 1, "minify 和 precompress 构建的次数 (runs of the minify and precompress builds)")
		out         = flag.String("out", "", "写入的 Markdown 文件，如 docs/benchmarks.md (report file)")
		quick       = flag.Bool("quick", false, "只测 1,000 页、1 次 (smoke test)")
		work        = flag.String("work", "", "生成站点和输出的文件夹，默认系统临时文件夹下的 fazhi-bench (work folder)")
		outRoot     = flag.String("out-root", "", "构建输出写到这里，默认工作文件夹下的 out/；放在 tmpfs 上可以不计磁盘文件系统的开销 (output folder; on a tmpfs, file-system costs of the disk drop out)")
		corpus      = flag.String("corpus", "", "法规语料文件夹，默认 "+bench.DefaultCorpus+" (statute corpus)")
		seed        = flag.Uint64("seed", 20261127, "合成站点的随机种子 (generator seed)")
		noHugo      = flag.Bool("no-hugo", false, "不测 Hugo (skip Hugo)")
		noExtras    = flag.Bool("no-extras", false, "不测增量构建和 minify/precompress (skip extra builds)")
		fromJSON    = flag.String("from-json", "", "不测量，用以前运行留下的 report.json 重写报告 (rewrite the report from an earlier report.json)")
		addProfile  = flag.Bool("add-profile", false, "与 -from-json 一起用：先重新剖析目标构建 (with -from-json: profile the target build again)")
		noProfile   = flag.Bool("no-profile", false, "不做进程内 CPU 剖析 (skip the in-process CPU profile)")
		profile     = flag.Int("profile", 0, "在本进程内构建该页数的站点并写 CPU 剖析 (profile an in-process build of N pages)")
		profSite    = flag.String("profile-site", "synthetic", "剖析用的站点：synthetic 或 statutes")
		profVariant = flag.String("profile-variant", bench.VariantMinimal, "剖析用的 fazhi 版本：minimal（与 Hugo 对等的最小模板）或 theme（默认主题）")
		profDir     = flag.String("profile-dir", "", "剖析文件写到这里，默认工作文件夹下的 profile/ (profile folder)")
		deletedWait = flag.Duration("deleted-wait", bench.DefaultDeletedWait, "删除一组输出后、测下一组前的等待 (pause after deleting outputs; see docs/benchmarks.md)")
		_           = flag.String("floor", "", "下限模式：只用 goldmark 渲染该文件夹 (floor mode; must be the first flag)")
	)
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	cfg := bench.Config{
		Runs: *runs, BigRuns: *bigRuns, ExtraRuns: *extraRuns, Out: *out, Quick: *quick, Work: *work, OutRoot: *outRoot, Corpus: *corpus, Seed: *seed,
		NoHugo: *noHugo, NoExtras: *noExtras, NoProfile: *noProfile, ProfileVariant: *profVariant,
		DeletedWait: *deletedWait,
		Log:         func(format string, args ...any) { fmt.Fprintf(os.Stderr, format+"\n", args...) },
	}
	var err error
	if cfg.Sizes, err = parseSizes(*sizes); err == nil {
		cfg.CorpusSizes, err = parseSizes(*corpusSizes)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "fazhi-bench:", err)
		os.Exit(2)
	}
	switch {
	case *fromJSON != "":
		if *out == "" {
			fmt.Fprintln(os.Stderr, "fazhi-bench: -from-json needs -out")
			os.Exit(2)
		}
		err = bench.Rewrite(ctx, cfg, *fromJSON, *out, *addProfile)
	case *profile > 0:
		_, err = bench.Profile(ctx, cfg, *profSite, *profile, *profDir)
	default:
		err = bench.Run(ctx, cfg)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "fazhi-bench:", err)
		os.Exit(1)
	}
	if *out != "" && *profile == 0 {
		fmt.Fprintln(os.Stderr, "wrote", *out)
	}
}

func parseSizes(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(strings.ReplaceAll(f, "_", ""))
		if f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 {
			return nil, fmt.Errorf("bad size %q", f)
		}
		out = append(out, n)
	}
	return out, nil
}
