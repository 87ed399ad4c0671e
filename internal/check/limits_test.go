package check_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/fazhi-dev/fazhi"
	"github.com/fazhi-dev/fazhi/internal/check"
	"github.com/fazhi-dev/fazhi/internal/fazhitest"
)

// idNumber returns a valid identity card number (right check character).
func idNumber(seq int) string {
	body := fmt.Sprintf("110105194912%02d%03d", 1+seq%28, seq%1000)
	weights := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := range 17 {
		sum += int(body[i]-'0') * weights[i]
	}
	return body + string("10X98765432"[sum%11])
}

// A file with 200,000 identity numbers on one line gets the first
// MaxFindingsPerFile findings and one line saying how many more there
// are; the counts still count them all.
func TestFindingsCappedPerFile(t *testing.T) {
	ids := make([]string, 200000)
	for i := range ids {
		ids[i] = idNumber(i)
	}
	files := base + "-- content/gongzuo/list.md --\n+++\ntitle = \"名单\"\ndate = 2026-11-21\n+++\n" + strings.Join(ids, "，") + "\n"
	rep := run(t, files, fazhitest.Now)
	var mine []string
	for _, f := range rep.Findings {
		if f.File == "content/gongzuo/list.md" {
			mine = append(mine, fmt.Sprintf("%s %d:%d %s", f.Rule, f.Line, f.Col, f.Msg))
		}
	}
	if len(mine) != check.MaxFindingsPerFile+1 {
		t.Fatalf("%d findings for the file, want %d", len(mine), check.MaxFindingsPerFile+1)
	}
	if want := "personal-id 5:20 "; !strings.HasPrefix(mine[1], want) {
		t.Errorf("second finding %q, want %q…", mine[1], want)
	}
	if want := "more-findings 0:0 … 还有 199900 条问题没有列出：每个文件最多列出 100 条"; !strings.HasPrefix(mine[100], want) {
		t.Errorf("last line %q, want %q…", mine[100], want)
	}
	if rep.Errors != 200000 {
		t.Errorf("errors = %d, want 200000", rep.Errors)
	}
}

// countingFS cancels the check when, after the build (which the
// checker ends by reading site.toml again), a rule reads a page's text,
// and counts the pages read after that.
type countingFS struct {
	fs.FS
	cancel func()
	mu     sync.Mutex
	tomls  int
	after  int
}

func (c *countingFS) Open(name string) (fs.File, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case name == "site.toml":
		c.tomls++
	case !strings.HasPrefix(name, "content/many/p") || c.tomls < 2:
	case c.cancel == nil: // cancelled already
		c.after++
	default:
		c.cancel()
		c.cancel = nil
	}
	return c.FS.Open(name)
}

// A cancelled check (Ctrl-C) stops within the page it is on: the rule
// that reads every page's text reads no further page.
func TestCheckStopsWhenCancelled(t *testing.T) {
	src := fazhitest.Parse(base + "-- content/many/_index.md --\n+++\ntitle = \"多\"\n+++\n")
	for i := range 50 {
		src[fmt.Sprintf("content/many/p%02d.md", i)] = &fstest.MapFile{Data: []byte(
			fmt.Sprintf("+++\ntitle = \"第%d篇\"\ndate = 2026-11-20\n+++\n正文%d。\n", i, i))}
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cfs := &countingFS{FS: src, cancel: cancel}
	rep, err := check.Run(ctx, check.Options{Source: cfs, Theme: fazhi.Theme, Now: fazhitest.Now})
	if !errors.Is(err, context.Canceled) || rep != nil {
		t.Fatalf("Run = %v, %v; want context.Canceled", rep, err)
	}
	if cfs.cancel != nil {
		t.Fatal("no rule read a page after the build: the test does not test")
	}
	if cfs.after > 0 {
		t.Errorf("%d more pages read after the check was cancelled", cfs.after)
	}
}
