// Package fazhitest builds whole sites written as txtar strings in memory,
// for integration tests in the style of Hugo's: a site's files in one
// string, built without touching the disk, asserted by file content.
package fazhitest

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/rogpeppe/go-internal/diff"
	"golang.org/x/tools/txtar"

	"github.com/fazhi-dev/fazhi"
	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/publish"
	"github.com/fazhi-dev/fazhi/internal/scss"
)

// Update rewrites golden files instead of comparing with them.
var Update = flag.Bool("update", false, "rewrite golden files under testdata/")

// Now is the default build time of test sites.
var Now = time.Date(2026, 11, 27, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))

// Option adjusts a test build.
type Option func(*build.Options)

// WithNow sets the build time.
func WithNow(t time.Time) Option { return func(o *build.Options) { o.Now = t } }

// WithTheme builds over the embedded default theme (by default a test site
// uses only its own layouts).
func WithTheme() Option { return func(o *build.Options) { o.Theme = fazhi.Theme } }

// WithOptions changes any build option.
func WithOptions(f func(*build.Options)) Option { return f }

// Result is a finished test build.
type Result struct {
	T      testing.TB
	Files  map[string][]byte
	Build  *build.Result
	Err    error
	Source fstest.MapFS
}

// Parse turns a txtar string into a file system.
func Parse(files string) fstest.MapFS {
	a := txtar.Parse([]byte(strings.TrimLeft(files, "\n")))
	m := fstest.MapFS{}
	for _, f := range a.Files {
		m[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	return m
}

// Build builds the site and returns the result, failing the test on error.
func Build(t testing.TB, files string, opts ...Option) *Result {
	t.Helper()
	r := Try(t, files, opts...)
	if r.Err != nil {
		t.Fatalf("build failed:\n%v", r.Err)
	}
	return r
}

// Try builds the site and returns the result with any error.
func Try(t testing.TB, files string, opts ...Option) *Result {
	t.Helper()
	src := Parse(files)
	return BuildFS(t, src, opts...)
}

// BuildFS builds a site from a file system.
func BuildFS(t testing.TB, src fs.FS, opts ...Option) *Result {
	t.Helper()
	mem := publish.NewMem(nil)
	o := build.Options{Source: src, Out: mem, Now: Now, Sass: scss.Fake{}, Workers: 2}
	for _, f := range opts {
		f(&o)
	}
	res, err := build.Build(context.Background(), o)
	r := &Result{T: t, Files: mem.Files(), Build: res, Err: err}
	if m, ok := src.(fstest.MapFS); ok {
		r.Source = m
	}
	return r
}

// File returns a written file's content, failing when it is missing.
func (r *Result) File(name string) string {
	r.T.Helper()
	b, ok := r.Files[name]
	if !ok {
		r.T.Fatalf("no file %s; written: %s", name, strings.Join(r.Names(), ", "))
	}
	return string(b)
}

// Names lists the written files.
func (r *Result) Names() []string {
	out := make([]string, 0, len(r.Files))
	for n := range r.Files {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// AssertFileContent checks that name contains each of wants; a want that
// starts with "! " must not appear.
func (r *Result) AssertFileContent(name string, wants ...string) {
	r.T.Helper()
	got := r.File(name)
	for _, w := range wants {
		if neg, ok := strings.CutPrefix(w, "! "); ok {
			if strings.Contains(got, neg) {
				r.T.Errorf("%s should not contain %q:\n%s", name, neg, got)
			}
			continue
		}
		if !strings.Contains(got, w) {
			r.T.Errorf("%s does not contain %q:\n%s", name, w, got)
		}
	}
}

// AssertNoFile checks that name was not written.
func (r *Result) AssertNoFile(name string) {
	r.T.Helper()
	if _, ok := r.Files[name]; ok {
		r.T.Errorf("%s should not exist", name)
	}
}

// Golden compares got with testdata/<name>.golden, rewriting it with -update.
func Golden(t testing.TB, name, got string) {
	t.Helper()
	p := filepath.Join("testdata", name+".golden")
	if *Update {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("missing golden file %s (run go test -update): %v", p, err)
	}
	if string(want) != got {
		t.Errorf("%s differs from golden file %s (read the diff, then run go test -update to accept):\n%s",
			name, p, diff.Diff(p, want, "got", []byte(got)))
	}
}

// RepoRoot returns the repository root: the folder above the working
// directory whose go.mod is fazhi's own (the tools module beneath it has
// one too).
func RepoRoot(t testing.TB) string {
	t.Helper()
	root, err := Root()
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// isFazhiModule reports whether go.mod text declares fazhi's module.
func isFazhiModule(mod []byte) bool {
	first, _, _ := bytes.Cut(mod, []byte("\n"))
	return string(bytes.TrimSpace(first)) == "module github.com/fazhi-dev/fazhi"
}

// Root is RepoRoot for programs.
func Root() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if mod, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && isFazhiModule(mod) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("fazhi's go.mod not found above the working directory")
		}
		dir = parent
	}
}
