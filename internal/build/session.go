package build

import (
	"context"
	"errors"
	"path"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/fazhi-dev/fazhi/internal/buildcache"
	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/publish"
	"github.com/fazhi-dev/fazhi/internal/render"
	"github.com/fazhi-dev/fazhi/internal/site"
)

// Session keeps a site built in memory and rebuilds only what an edit
// touches: the edited pages, pages whose neighbours, relations or
// cross-referenced titles changed, the list pages that show changed
// metadata, and the feeds and sitemaps. Changes to site.toml, layouts,
// assets, static files or a column's _index.md rebuild everything.
// It is what `fazhi serve` runs on.
type Session struct {
	o Options

	mu      sync.Mutex
	b       *builder
	files   map[string][]byte   // served snapshot; replaced, never modified
	owned   map[string][]string // owner → output paths
	version map[string]int      // content path → edit count
	// titles are the 《titles》 each page's body looked up when it was
	// last rendered, pageKeys its key then (as the build cache keeps
	// them), srcSums the digest of each page's source.
	titles   map[string]pageReads
	pageKeys map[string]buildcache.Sum
	srcSums  map[string]buildcache.Sum
	srcs     map[string]site.Source
	dirty    bool // the last update failed: rebuild everything next time
}

// Update describes one rebuild.
type Update struct {
	// Full is true when everything was rebuilt.
	Full bool
	// Changed lists the output files written or removed.
	Changed []string
	// Pages and Lists count what was re-rendered.
	Pages, Lists int
	Duration     time.Duration
	Warnings     diag.List
}

// NewSession prepares a session; o.Out is ignored (outputs stay in memory).
func NewSession(o Options) *Session {
	o.Serve = true
	return &Session{o: o, version: map[string]int{}}
}

// Files returns the current outputs. The map must not be modified; it is
// replaced, not changed, by later rebuilds.
func (s *Session) Files() map[string][]byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.files
}

// Site returns the current site graph (nil before the first build).
func (s *Session) Site() *site.Site {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.b == nil {
		return nil
	}
	return s.b.site
}

// store collects outputs by owner.
type store struct {
	mu    sync.Mutex
	files map[string][]byte
	owned map[string][]string
	wrote []string
}

type ownerSink struct {
	st  *store
	key string
}

func (o ownerSink) WriteFile(name string, data []byte) error {
	o.st.mu.Lock()
	defer o.st.mu.Unlock()
	o.st.files[name] = append([]byte(nil), data...)
	o.st.owned[o.key] = append(o.st.owned[o.key], name)
	o.st.wrote = append(o.st.wrote, name)
	return nil
}

// drop removes an owner's outputs.
func (st *store) drop(key string) {
	for _, name := range st.owned[key] {
		delete(st.files, name)
		st.wrote = append(st.wrote, name)
	}
	delete(st.owned, key)
}

// Build rebuilds everything.
func (s *Session) Build(ctx context.Context) (u *Update, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	defer s.recoverPanic(&u, &err)
	return s.full(ctx)
}

// recoverPanic turns a panic of a build outside the page workers (which
// recover their own) into an error, so that `fazhi serve` keeps serving
// the last good site; the next rebuild is a full one.
func (s *Session) recoverPanic(u **Update, err *error) {
	if v := recover(); v != nil {
		s.dirty = true
		*u, *err = nil, panicError("", v, debug.Stack())
	}
}

func (s *Session) full(ctx context.Context) (*Update, error) {
	start := time.Now()
	st := &store{files: map[string][]byte{}, owned: map[string][]string{}}
	o := s.o
	o.Out = nopPublisher{}
	b := &builder{o: o, res: &Result{Pages: map[string]int{}}, ctx: ctx}
	if b.o.Now.IsZero() {
		b.o.Now = time.Now()
	}
	titles := map[string]pageReads{}
	var mu sync.Mutex
	b.owner = func(key string) render.Sink { return ownerSink{st, key} }
	b.lookups = func(p string, rd pageReads) { mu.Lock(); titles[p] = rd; mu.Unlock() }
	b.keepSources = true
	for _, step := range []func() error{b.loadConfig, b.read, b.readData, b.assemble, b.prepare, b.assets, b.renderPages, b.renderLists, b.outputs, b.static} {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := step(); err != nil {
			s.dirty = true
			return nil, err
		}
	}
	s.b = b
	s.files, s.owned, s.titles = st.files, st.owned, titles
	s.srcs = map[string]site.Source{}
	for _, src := range b.kept {
		s.srcs[src.File.Path] = src
	}
	b.kept = nil
	s.srcSums = b.sourceSums()
	k := b.computeKeys(s.srcSums)
	s.pageKeys = make(map[string]buildcache.Sum, len(b.site.Pages))
	for _, p := range b.site.Pages {
		s.pageKeys[p.Path] = b.pageKey(k, p, titles[p.Path])
	}
	s.dirty = false
	names := make([]string, 0, len(st.files))
	for n := range st.files {
		names = append(names, n)
	}
	sort.Strings(names)
	return &Update{Full: true, Changed: names, Pages: len(b.site.Pages), Lists: b.res.Pages["list"],
		Duration: time.Since(start), Warnings: b.res.Warnings}, nil
}

// needsFull reports whether a changed file (relative to the site folder)
// affects every page; "." is the site folder itself: anything may have
// changed.
func needsFull(p string) bool {
	switch {
	case p == ".", p == "site.toml", strings.HasPrefix(p, "layouts/"), strings.HasPrefix(p, "assets/"), strings.HasPrefix(p, "static/"),
		strings.HasPrefix(p, site.DataDir+"/"): // an enforcement column's spreadsheet
		return true
	case strings.HasPrefix(p, "content/") && path.Base(p) == "_index.md":
		return true
	}
	return false
}

// Rebuild applies edits to the files at changed (paths relative to the
// site folder) and re-renders what depends on them. On error the previous
// outputs stay in place and the next call rebuilds everything.
func (s *Session) Rebuild(ctx context.Context, changed []string) (u *Update, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	defer s.recoverPanic(&u, &err)
	if s.b == nil || s.dirty {
		return s.full(ctx)
	}
	var content []string
	for _, c := range changed {
		c = strings.TrimPrefix(path.Clean(strings.ReplaceAll(c, "\\", "/")), "./")
		if needsFull(c) {
			return s.full(ctx)
		}
		if strings.HasPrefix(c, "content/") {
			content = append(content, strings.TrimPrefix(c, "content/"))
		}
	}
	if len(content) == 0 {
		return &Update{}, nil
	}
	u, err = s.incremental(ctx, content)
	if err != nil {
		s.dirty = true
		return nil, err
	}
	return u, nil
}

func uniq(in []string) []string {
	sort.Strings(in)
	out := in[:0]
	for i, s := range in {
		if i == 0 || s != in[i-1] {
			out = append(out, s)
		}
	}
	return out
}

// nopPublisher satisfies Options.Out for sessions, which keep files in
// their own store.
type nopPublisher struct{}

func (nopPublisher) WriteFile(string, []byte) error {
	return errors.New("session writes through owners")
}
func (nopPublisher) Commit() (*publish.Result, error) { return &publish.Result{}, nil }
func (nopPublisher) Abort() error                     { return nil }
