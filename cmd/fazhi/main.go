// Command fazhi builds, previews and checks Chinese public legal-information
// portals. See `fazhi help`.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	_ "time/tzdata" // Asia/Shanghai on machines without a zone database

	"github.com/fazhi-dev/fazhi/internal/cli"
)

func main() {
	// A build keeps little live data (metadata, not HTML) but allocates a
	// lot while rendering; collecting less often saves about a third of
	// the wall time for a few tens of megabytes. GOGC still overrides it.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
