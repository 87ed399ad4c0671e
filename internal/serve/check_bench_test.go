package serve_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/fazhi-dev/fazhi"
	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/check"
	"github.com/fazhi-dev/fazhi/internal/fazhitest"
	"github.com/fazhi-dev/fazhi/internal/scss"
	"github.com/fazhi-dev/fazhi/internal/serve"
)

// BenchmarkCheckAfterRebuild measures, on a generated 2,000-page site,
// what the preview's background check costs: a whole check (ns/op), and
// how long a new edit waits for a running check to stop (stop-ms, the
// check cancelled 50 ms after it started), which is all a check can add
// to the next rebuild.
func BenchmarkCheckAfterRebuild(b *testing.B) {
	dir := b.TempDir()
	genSite(b, dir, 2000)
	session := build.NewSession(build.Options{Source: os.DirFS(dir), Theme: fazhi.Theme, Now: fazhitest.Now, Sass: scss.Fake{}})
	if _, err := session.Build(context.Background()); err != nil {
		b.Fatal(err)
	}
	srv := serve.New(session, nil)
	srv.EnableCheck(check.Options{Source: os.DirFS(dir), Theme: fazhi.Theme, Now: fazhitest.Now}, nil)
	srv.WaitCheck()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		srv.Rebuilt(&build.Update{}, nil)
		srv.WaitCheck()
	}
	b.StopTimer()
	var stop time.Duration
	for i := 0; i < b.N; i++ {
		srv.Rebuilt(&build.Update{}, nil)
		time.Sleep(50 * time.Millisecond)
		t := time.Now()
		srv.StopCheck()
		stop += time.Since(t)
	}
	b.ReportMetric(float64(stop.Milliseconds())/float64(b.N), "stop-ms")
}
