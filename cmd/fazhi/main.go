// Command fazhi builds, previews and checks Chinese public legal-information
// portals. See `fazhi help`.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/pprof"
	"syscall"
	_ "time/tzdata" // Asia/Shanghai on machines without a zone database

	"github.com/fazhi-dev/fazhi/internal/cli"
)

func main() {
	// A build keeps little live data (metadata, not HTML) but allocates a
	// lot while rendering; collecting less often than the default saves
	// much of the collector's work. Each collection marks all the site's
	// metadata, while a higher setting makes the process touch more fresh
	// memory, which costs time on virtual machines; 250 measured best
	// between 150 and 400 on 10,000 statutes (docs/benchmarks.md). GOGC
	// still overrides it.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(250)
	}
	if f := os.Getenv("FAZHI_CPUPROFILE"); f != "" {
		// A hidden switch for measuring where a build's time goes.
		if out, err := os.Create(f); err == nil {
			pprof.StartCPUProfile(out) // stopped by exit
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	exit(code)
}

// exit ends the process after deferred work (the profile) ran.
func exit(code int) {
	pprof.StopCPUProfile()
	os.Exit(code)
}
