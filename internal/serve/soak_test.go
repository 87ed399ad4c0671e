package serve_test

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestSoak drives many rebuilds through file edits with a browser-like
// event-stream client connected, and checks that goroutines and heap stay
// flat. FAZHI_SOAK sets the number of rebuilds (default 120; the docs
// report a run of 1,000).
func TestSoak(t *testing.T) {
	n := 120
	if v, err := strconv.Atoi(os.Getenv("FAZHI_SOAK")); err == nil && v > 0 {
		n = v
	}
	if testing.Short() {
		n = 30
	}
	h := start(t)
	target := filepath.Join(h.dir, "content/gongzuo/a.md")
	measure := func() (int, uint64) {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return runtime.NumGoroutine(), m.HeapAlloc
	}
	var g0 int
	var h0 uint64
	for i := 0; i < n; i++ {
		os.WriteFile(target, []byte(page("甲", "第"+strconv.Itoa(i)+"版。"+strings.Repeat("正文", i%50))), 0o644)
		h.wait("reload")
		if i%10 == 0 {
			// A page request like a reloading browser's.
			if code, body := h.get("/gongzuo/a/"); code != 200 || !strings.Contains(body, "第"+strconv.Itoa(i)+"版") {
				t.Fatalf("edit %d not served: %d", i, code)
			}
		}
		if i == 10 {
			g0, h0 = measure()
		}
	}
	time.Sleep(50 * time.Millisecond)
	g1, h1 := measure()
	t.Logf("after %d rebuilds: goroutines %d → %d, heap %d KB → %d KB", n, g0, g1, h0/1024, h1/1024)
	if g1 > g0+2 {
		t.Errorf("goroutines grew from %d to %d", g0, g1)
	}
	if h1 > h0*2+4<<20 {
		t.Errorf("heap grew from %d to %d bytes", h0, h1)
	}
}
