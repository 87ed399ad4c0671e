package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/fazhi-dev/fazhi"
	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/publish"
	"github.com/fazhi-dev/fazhi/internal/scss"
)

// Profile builds one generated site in this process with build.Build, as
// `fazhi build` does, and writes a CPU profile and an allocation profile
// (taken after the build) into dir. name is "synthetic" or "statutes".
func Profile(ctx context.Context, c Config, name string, pages int, dir string) error {
	if err := c.defaults(); err != nil {
		return err
	}
	site, _, err := c.siteDir(name, pages)
	if err != nil {
		return err
	}
	sassBin, err := FindSass(c.Root)
	if err != nil {
		return err
	}
	sass, err := scss.Start(sassBin)
	if err != nil {
		return err
	}
	defer sass.Close()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	out := filepath.Join(c.Work, "out", fmt.Sprintf("profile-%s-%d", name, pages))
	if err := removeOutput(out); err != nil {
		return err
	}
	pub, err := publish.OpenDir(out)
	if err != nil {
		return err
	}
	cpuFile, err := os.Create(filepath.Join(dir, "cpu.pprof"))
	if err != nil {
		return err
	}
	defer cpuFile.Close()
	if err := pprof.StartCPUProfile(cpuFile); err != nil {
		return err
	}
	start := time.Now()
	res, err := build.Build(ctx, build.Options{
		Source: os.DirFS(filepath.Join(site, FazhiDir)), Theme: fazhi.Theme, Out: pub, Now: BuildNow, Sass: sass,
	})
	pprof.StopCPUProfile()
	if err != nil {
		return err
	}
	wall := time.Since(start)
	heap, err := os.Create(filepath.Join(dir, "heap.pprof"))
	if err != nil {
		return err
	}
	defer heap.Close()
	if err := pprof.Lookup("allocs").WriteTo(heap, 0); err != nil {
		return err
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	c.logf("built %d pages in %.2fs; heap in use %d MiB, total allocated %d MiB, GC cycles %d",
		res.Pages["page"], wall.Seconds(), ms.HeapInuse>>20, ms.TotalAlloc>>20, ms.NumGC)
	for _, s := range res.Steps {
		c.logf("  step %-9s %.2fs", s.Name, s.Duration.Seconds())
	}
	c.logf("profiles: %s, %s (go tool pprof -top %s)", cpuFile.Name(), heap.Name(), cpuFile.Name())
	removeOutput(out)
	return nil
}
