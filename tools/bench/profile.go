package bench

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/fazhi-dev/fazhi"
	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/publish"
	"github.com/fazhi-dev/fazhi/internal/scss"
	fzsource "github.com/fazhi-dev/fazhi/internal/source"
)

// ProfileResult is an in-process build of one site under the CPU profiler.
type ProfileResult struct {
	Site       string // "statutes 10000"
	Variant    string // fazhi tree built: minimal or theme
	Pages      int
	Wall       time.Duration
	Steps      []build.Step
	HeapInuse  uint64 // at the end of the build
	TotalAlloc uint64
	NumGC      uint32
	CPUFile    string
	// Flat and Cum are the top lines of go tool pprof -top (flat) and of
	// -top -cum restricted to fazhi's own functions.
	Flat, Cum []string
}

// Profile builds one generated site in this process with build.Build, as
// `fazhi build` does, and writes a CPU profile and an allocation profile
// (taken after the build) into dir (default: under the work folder). name
// is "synthetic" or "statutes"; c.ProfileVariant picks the fazhi tree
// (minimal layouts by default).
func Profile(ctx context.Context, c Config, name string, pages int, dir string) (*ProfileResult, error) {
	if err := c.defaults(); err != nil {
		return nil, err
	}
	site, _, err := c.siteDir(name, pages)
	if err != nil {
		return nil, err
	}
	sassBin, err := FindSass(c.Root)
	if err != nil {
		return nil, err
	}
	sass, err := scss.Start(sassBin)
	if err != nil {
		return nil, err
	}
	defer sass.Close()
	if dir == "" {
		dir = filepath.Join(c.Work, "profile", fmt.Sprintf("%s-%d-%s", name, pages, c.ProfileVariant))
	}
	dir, err = filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	out := filepath.Join(c.Work, "out", fmt.Sprintf("profile-%s-%d", name, pages))
	if err := removeOutput(out); err != nil {
		return nil, err
	}
	defer removeOutput(out)
	pub, err := publish.OpenDir(out)
	if err != nil {
		return nil, err
	}
	pr := &ProfileResult{Site: fmt.Sprintf("%s %d", name, pages), Variant: c.ProfileVariant, CPUFile: filepath.Join(dir, "cpu.pprof")}
	cpuFile, err := os.Create(pr.CPUFile)
	if err != nil {
		return nil, err
	}
	defer cpuFile.Close()
	if err := pprof.StartCPUProfile(cpuFile); err != nil {
		return nil, err
	}
	if os.Getenv("GOGC") == "" {
		// As cmd/fazhi does.
		defer debug.SetGCPercent(debug.SetGCPercent(250))
	}
	// Allocation and GC counts are the build's own: the benchmark process
	// has done other work before.
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	res, err := build.Build(ctx, build.Options{
		Source: fzsource.NewDir(filepath.Join(site, variantDir(c.ProfileVariant))), Theme: fazhi.Theme, Out: pub, Now: BuildNow, Sass: sass,
	})
	pprof.StopCPUProfile()
	if err != nil {
		return nil, err
	}
	pr.Wall = time.Since(start)
	pr.Pages = res.Pages["page"]
	pr.Steps = res.Steps
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	pr.HeapInuse, pr.TotalAlloc, pr.NumGC = ms.HeapInuse, ms.TotalAlloc-before.TotalAlloc, ms.NumGC-before.NumGC
	if heap, err := os.Create(filepath.Join(dir, "allocs.pprof")); err == nil {
		pprof.Lookup("allocs").WriteTo(heap, 0)
		heap.Close()
	}
	c.logf("built %d pages in %.2fs; heap in use %d MiB, total allocated %d MiB, GC cycles %d",
		pr.Pages, pr.Wall.Seconds(), pr.HeapInuse>>20, pr.TotalAlloc>>20, pr.NumGC)
	for _, s := range res.Steps {
		c.logf("  step %-9s %.2fs", s.Name, s.Duration.Seconds())
	}
	pr.Flat = pprofTop(ctx, pr.CPUFile, false, 15)
	pr.Cum = pprofTop(ctx, pr.CPUFile, true, 20)
	c.logf("profiles in %s (go tool pprof -top %s)", dir, pr.CPUFile)
	return pr, nil
}

// pprofTop returns the header and the first n rows of go tool pprof -top;
// with cum, rows sorted by cumulative time, fazhi's own functions only.
func pprofTop(ctx context.Context, file string, cum bool, n int) []string {
	args := []string{"tool", "pprof", "-top", "-nodecount=400"}
	if cum {
		args = append(args, "-cum")
	}
	out, err := exec.CommandContext(ctx, goTool(), append(args, file)...).Output()
	if err != nil {
		return nil
	}
	var rows []string
	inTable := false
	for _, l := range strings.Split(string(out), "\n") {
		if strings.Contains(l, "flat%") {
			inTable = true
			rows = append(rows, l)
			continue
		}
		if !inTable || strings.TrimSpace(l) == "" {
			continue
		}
		if cum && (!strings.Contains(l, "fazhi-dev/fazhi/internal/") || strings.Contains(l, "fazhi/tools/bench.")) {
			continue
		}
		rows = append(rows, l)
		if len(rows) > n {
			break
		}
	}
	return rows
}
