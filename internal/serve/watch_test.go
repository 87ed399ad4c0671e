package serve

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/fazhitest"
)

// When the kernel's event queue overflows, changes were lost: the error
// is reported, every folder is watched again and the whole site is
// rebuilt, so an edit whose event was lost is still picked up.
func TestWatchOverflowRebuildsEverything(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"site.toml":                     "title = \"网\"\n",
		"layouts/_default/page.html":    "<h1>{{ .Title }}</h1>{{ .Content }}",
		"layouts/_default/section.html": "x",
		"layouts/_default/home.html":    "x",
		"layouts/_default/404.html":     "x",
		"content/a.md":                  "+++\ntitle = \"甲\"\ndate = 2026-01-01\n+++\n第一版。\n",
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	session := build.NewSession(build.Options{Source: os.DirFS(dir), Now: fazhitest.Now, Workers: 2})
	if _, err := session.Build(context.Background()); err != nil {
		t.Fatal(err)
	}
	// An edit whose event the kernel dropped.
	os.WriteFile(filepath.Join(dir, "content/a.md"), []byte("+++\ntitle = \"甲\"\ndate = 2026-01-01\n+++\n第二版。\n"), 0o644)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	events := make(chan fsnotify.Event)
	errs := make(chan error)
	rebuilt := make(chan []string, 1)
	var reported []error
	readded := 0
	done := make(chan error, 1)
	go func() {
		done <- watchLoop(ctx, dir, 0, events, errs, func(string) {}, func() { readded++ },
			func(changed []string) {
				u, err := session.Rebuild(ctx, changed)
				if err != nil {
					t.Error(err)
				} else if !u.Full {
					t.Errorf("rebuild of %v was not full: %+v", changed, u)
				}
				rebuilt <- changed
			},
			func(err error) { reported = append(reported, err) })
	}()
	errs <- fsnotify.ErrEventOverflow
	changed := <-rebuilt
	cancel()
	<-done
	if len(changed) != 1 || changed[0] != Everything {
		t.Errorf("rebuild got %v, want [%q]", changed, Everything)
	}
	if len(reported) != 1 || !errors.Is(reported[0], fsnotify.ErrEventOverflow) || !strings.Contains(reported[0].Error(), "重新构建整个网站") {
		t.Errorf("reported %v, want the overflow explained", reported)
	}
	if readded != 1 {
		t.Errorf("folders watched again %d times, want 1", readded)
	}
	if got := string(session.Files()["a/index.html"]); !strings.Contains(got, "第二版。") {
		t.Errorf("a/index.html after the overflow = %q, want the edit", got)
	}
}

// Other watcher errors are reported, not swallowed, and rebuild nothing.
func TestWatchReportsErrors(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	errs := make(chan error)
	reported := make(chan error, 1)
	done := make(chan error, 1)
	go func() {
		done <- watchLoop(ctx, t.TempDir(), 0, nil, errs, nil, func() { t.Error("addAll called") },
			func([]string) { t.Error("rebuild called") }, func(err error) { reported <- err })
	}()
	errs <- errors.New("inotify broke")
	err := <-reported
	cancel()
	<-done
	if !strings.Contains(err.Error(), "监视文件变化时出错") || !strings.Contains(err.Error(), "inotify broke") {
		t.Errorf("reported %v", err)
	}
}

// The same with a real overflow of the kernel's queue: while a rebuild
// runs, more changes happen than inotify keeps.
//
// It overflows whatever the machine's load: while rebuild runs, watchLoop
// does not receive, so fsnotify's reader goroutine, which sends each event
// on an unbuffered channel, reads at most one buffer from the kernel
// (64 KiB, at most 4096 events) and then waits. Every later change stays in
// the kernel's queue, so max_queued_events + 4096 changes overflow it for
// sure. A change made after them is then lost; seeing it proves the queue
// did not overflow, so the test ends with a failure instead of waiting.
func TestWatchRealOverflow(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the queue limit is inotify's")
	}
	b, err := os.ReadFile("/proc/sys/fs/inotify/max_queued_events")
	limit, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || limit <= 0 || limit > 1<<17 {
		t.Skipf("max_queued_events = %q: too many changes to make", b)
	}
	const readerHolds = 4096 // events fsnotify's reader takes out of the queue in one read, at most
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content"), 0o755)
	sw, err := startWatch(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer sw.w.Close()
	entered, release := make(chan struct{}), make(chan struct{})
	calls := make(chan []string)
	var mu sync.Mutex
	var reports []error
	first := true
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- sw.run(ctx, time.Millisecond, func(changed []string) {
			if first {
				first = false
				close(entered)
				<-release
			}
			select {
			case calls <- changed:
			case <-ctx.Done():
			}
		}, func(err error) {
			mu.Lock()
			reports = append(reports, err)
			mu.Unlock()
		})
	}()
	defer func() { cancel(); <-done }()
	page := filepath.Join(dir, "content", "a.md")
	if err := os.WriteFile(page, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	<-entered
	// One create and one delete per round (the kernel merges only equal
	// events in a row): the queue overflows.
	for i := 0; i < (limit+readerHolds)/2+100; i++ {
		os.WriteFile(page, nil, 0o644)
		os.Remove(page)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "last.md"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	close(release)
	for changed := range calls {
		// report runs before the rebuild it causes, in the same goroutine.
		mu.Lock()
		overflowed := slices.ContainsFunc(reports, func(err error) bool { return errors.Is(err, fsnotify.ErrEventOverflow) })
		mu.Unlock()
		if slices.Contains(changed, Everything) {
			if !overflowed {
				t.Fatalf("full rebuild %v without an overflow reported (reported: %v)", changed, reports)
			}
			break
		}
		if slices.Contains(changed, "content/last.md") {
			t.Fatalf("the change after the burst was seen, so the queue did not overflow (reported: %v)", reports)
		}
	}
}
