package build_test

import (
	"context"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/fazhitest"
	"github.com/fazhi-dev/fazhi/internal/publish"
)

// panicFS panics when the file named bad is opened, as a bug in a stage
// would while a worker handles that file.
type panicFS struct {
	fstest.MapFS
	bad string
}

func (p *panicFS) Open(name string) (fs.File, error) {
	if name == p.bad {
		panic("test panic for " + name)
	}
	return p.MapFS.Open(name)
}

// panicOut panics when the file named bad is written: a worker rendering
// a page writes its output itself.
type panicOut struct {
	*publish.Mem
	bad string
}

func (p panicOut) WriteFile(name string, data []byte) error {
	if name == p.bad {
		panic("test panic writing " + name)
	}
	return p.Mem.WriteFile(name, data)
}

const panicSite = `
-- site.toml --
title = "网"
-- layouts/_default/page.html --
<h1>{{ .Title }}</h1>
-- layouts/_default/section.html --
x
-- layouts/_default/home.html --
x
-- layouts/_default/404.html --
x
-- content/a.md --
+++
title = "甲"
date = 2026-01-01
+++
甲。
-- content/b.md --
+++
title = "乙"
date = 2026-01-01
+++
乙。
`

// A panic in a worker is an error naming the file, with the stack; the
// process (and `fazhi serve` with it) goes on.
func TestWorkerPanicIsAnError(t *testing.T) {
	check := func(t *testing.T, err error, file, value string) {
		t.Helper()
		if err == nil {
			t.Fatal("no error")
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, file+": fazhi 内部错误") || !strings.Contains(msg, "panic: "+value) {
			t.Errorf("error does not name %s and the panic:\n%s", file, msg)
		}
		if !strings.Contains(msg, "goroutine ") || !strings.Contains(msg, "panic_test.go") {
			t.Errorf("error lacks the stack:\n%s", msg)
		}
	}
	t.Run("read", func(t *testing.T) {
		src := &panicFS{fazhitest.Parse(panicSite), "content/b.md"}
		r := fazhitest.BuildFS(t, src)
		check(t, r.Err, "content/b.md", "test panic for content/b.md")
	})
	t.Run("render", func(t *testing.T) {
		out := panicOut{publish.NewMem(nil), "b/index.html"}
		r := fazhitest.Try(t, panicSite, fazhitest.WithOptions(func(o *build.Options) { o.Out = out }))
		check(t, r.Err, "content/b.md", "test panic writing b/index.html")
	})
	t.Run("session", func(t *testing.T) {
		src := &panicFS{fazhitest.Parse(panicSite), "content/b.md"}
		s := build.NewSession(build.Options{Source: src, Now: fazhitest.Now, Workers: 2})
		_, err := s.Build(context.Background())
		check(t, err, "content/b.md", "test panic for content/b.md")
		// The session is still usable once the cause is gone.
		src.bad = ""
		if _, err := s.Rebuild(context.Background(), []string{"content/b.md"}); err != nil {
			t.Fatal(err)
		}
		if got := string(s.Files()["b/index.html"]); got != "<h1>乙</h1>\n" {
			t.Errorf("b/index.html = %q", got)
		}
	})
}
