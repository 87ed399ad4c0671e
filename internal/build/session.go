package build

import (
	"context"
	"errors"
	"hash/maphash"
	"io/fs"
	"path"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/publish"
	"github.com/fazhi-dev/fazhi/internal/render"
	"github.com/fazhi-dev/fazhi/internal/site"
	"github.com/fazhi-dev/fazhi/internal/source"
)

// Session keeps a site built in memory and rebuilds only what an edit
// touches: the edited pages, pages whose neighbours, relations or
// cross-referenced titles changed, the list pages that show changed
// metadata, and the feeds and sitemaps. Changes to site.toml, layouts,
// assets, static files or a column's _index.md rebuild everything.
// It is what `fazhi serve` runs on.
type Session struct {
	o    Options
	seed maphash.Seed

	mu      sync.Mutex
	b       *builder
	files   map[string][]byte   // served snapshot; replaced, never modified
	owned   map[string][]string // owner → output paths
	version map[string]int      // content path → edit count
	mention map[string][]string // content path → 《titles》 in its body
	// mentionedBy maps a title to the pages whose bodies name it.
	mentionedBy map[string]map[string]bool
	pageFP      map[string]uint64 // content path → dependency hash at last render
	jobFP       map[string]uint64 // list job → hash of its index and member order
	listFP      map[string]uint64 // content path → hash of what lists show of it
	srcs        map[string]site.Source
	dirty       bool // the last update failed: rebuild everything next time
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
	return &Session{o: o, seed: maphash.MakeSeed(), version: map[string]int{}}
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
	mentions := map[string][]string{}
	var mmu sync.Mutex
	b.owner = func(key string) render.Sink { return ownerSink{st, key} }
	b.mentions = func(p string, titles []string) { mmu.Lock(); mentions[p] = titles; mmu.Unlock() }
	b.keepSources = true
	for _, step := range []func() error{b.loadConfig, b.read, b.assemble, b.prepare, b.assets, b.renderPages, b.renderLists, b.outputs, b.static} {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := step(); err != nil {
			s.dirty = true
			return nil, err
		}
	}
	s.b = b
	s.files, s.owned, s.mention = st.files, st.owned, mentions
	s.indexMentions()
	s.srcs = map[string]site.Source{}
	for _, src := range b.kept {
		s.srcs[src.File.Path] = src
	}
	b.kept = nil
	s.pageFP, s.jobFP, s.listFP = map[string]uint64{}, map[string]uint64{}, map[string]uint64{}
	for _, p := range b.site.Pages {
		s.pageFP[p.Path] = s.depHash(p)
		s.listFP[p.Path] = s.listHash(p)
	}
	for _, j := range b.renderer.ListJobs(b.ownBody) {
		s.jobFP[j.Key] = s.jobHash(j)
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
	case p == ".", p == "site.toml", strings.HasPrefix(p, "layouts/"), strings.HasPrefix(p, "assets/"), strings.HasPrefix(p, "static/"):
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

func (s *Session) incremental(ctx context.Context, changed []string) (*Update, error) {
	start := time.Now()
	b := s.b
	b.ctx = ctx
	b.res = &Result{Pages: map[string]int{}}
	// Which files exist now? Re-walk only when a file was added or removed.
	walk := false
	touched := map[string]bool{}
	for _, c := range changed {
		_, known := s.srcs[c]
		_, err := fs.Stat(b.o.Source, "content/"+c)
		exists := err == nil
		if known != exists || (!known && exists) {
			walk = true
		}
		touched[c] = true
	}
	if walk {
		tree, err := source.Walk(b.o.Source, "content")
		if err != nil {
			return nil, err
		}
		if err := rejected(tree); err != nil {
			return nil, err
		}
		b.tree = tree
	}
	// Map changed files to pages: a bundle resource touches its page.
	byPath := map[string]source.File{}
	for _, f := range b.tree.Files {
		byPath[f.Path] = f
		for _, r := range f.Resources {
			if touched[r] {
				touched[f.Path] = true
			}
		}
	}
	for p := range s.srcs {
		if _, ok := byPath[p]; !ok {
			delete(s.srcs, p)
			touched[p] = true
		}
	}
	var errs diag.List
	for p := range touched {
		f, ok := byPath[p]
		if !ok || f.SectionIndex {
			continue
		}
		meta, bodyLine, err := readHead(b.o.Source, p, b.cfg)
		if err != nil {
			errs.Add(err)
			continue
		}
		s.srcs[p] = site.Source{File: f, Meta: meta, BodyLine: bodyLine}
		s.version[p]++
	}
	for p := range touched {
		if f, ok := byPath[p]; ok && f.SectionIndex {
			// A column index changed: handled as a full rebuild by Rebuild;
			// reaching here means it was added or removed with other files.
			return s.full(ctx)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	for p := range s.srcs {
		if f, ok := byPath[p]; ok {
			src := s.srcs[p]
			src.File = f
			s.srcs[p] = src
		}
	}
	srcs := make([]site.Source, 0, len(s.srcs))
	for _, p := range sortedKeys(s.srcs) {
		srcs = append(srcs, s.srcs[p])
	}
	old := b.site
	b.srcs = srcs
	if err := b.assemble(); err != nil {
		return nil, err
	}
	ns := b.site
	// Carry over what rendering learnt for pages whose file did not change.
	for _, p := range ns.Pages {
		if touched[p.Path] {
			continue
		}
		if op, ok := old.ByPath[p.Path]; ok {
			p.Derived = op.Derived
		}
	}
	r := b.renderer
	r.Site = ns
	// Cached partials may show what the edit changed (a title in a list).
	b.tmpl.ResetCache()
	r.Data.Sections, r.Data.Tags, r.Data.Series, r.Data.Home, r.Data.Graph = ns.Sections, ns.Tags, ns.Series, ns.Home, ns
	st := &store{files: make(map[string][]byte, len(s.files)), owned: make(map[string][]string, len(s.owned))}
	for k, v := range s.files {
		st.files[k] = v
	}
	for k, v := range s.owned {
		st.owned[k] = v
	}
	b.owner = func(key string) render.Sink { return ownerSink{st, key} }
	// Pages to render: the edited ones, and those whose neighbours,
	// relations or named titles changed. Only pages near an edit can
	// change, so the search starts from the edited pages (in the old and
	// the new graph) and spreads to partners of pages that did change.
	fps := make(map[string]uint64, len(ns.Pages))
	for p, fp := range s.pageFP {
		if _, ok := ns.ByPath[p]; ok {
			fps[p] = fp
		}
	}
	var todo []*site.Page
	seen := map[string]bool{}
	var queue []string
	push := func(p *site.Page) {
		if p != nil && !seen[p.Path] {
			seen[p.Path] = true
			queue = append(queue, p.Path)
		}
	}
	partners := func(p *site.Page) {
		if p == nil {
			return
		}
		for _, q := range []*site.Page{p.Prev, p.Next, p.Amends, p.SupersededBy} {
			push(q)
		}
		for _, group := range [][]*site.Page{p.Interprets, p.Interpretations, p.AmendedBy, p.Supersedes} {
			for _, q := range group {
				push(q)
			}
		}
		for m := range s.mentionedBy[p.Title] {
			push(ns.ByPath[m])
		}
	}
	for p := range touched {
		push(ns.ByPath[p])
		if op := old.ByPath[p]; op != nil {
			push(ns.ByPath[op.Path])
			for _, q := range []*site.Page{op.Prev, op.Next, op.Amends, op.SupersededBy} {
				if q != nil {
					push(ns.ByPath[q.Path])
				}
			}
			for _, group := range [][]*site.Page{op.Interprets, op.Interpretations, op.AmendedBy, op.Supersedes} {
				for _, q := range group {
					push(ns.ByPath[q.Path])
				}
			}
			for m := range s.mentionedBy[op.Title] {
				push(ns.ByPath[m])
			}
		}
	}
	for len(queue) > 0 {
		p := ns.ByPath[queue[0]]
		queue = queue[1:]
		if p == nil || p.Kind != site.KindPage {
			continue
		}
		fp := s.depHash(p)
		prev, had := fps[p.Path]
		fps[p.Path] = fp
		if touched[p.Path] || !had || prev != fp {
			todo = append(todo, p)
			partners(p)
		}
	}
	sort.Slice(todo, func(i, j int) bool { return todo[i].Path < todo[j].Path })
	for _, p := range todo {
		st.drop("page:" + p.Path)
	}
	for key := range st.owned {
		if cp, ok := strings.CutPrefix(key, "page:"); ok {
			if _, live := ns.ByPath[cp]; !live {
				st.drop(key)
			}
		}
	}
	mentions := map[string][]string{}
	var mmu sync.Mutex
	b.mentions = func(p string, titles []string) { mmu.Lock(); mentions[p] = titles; mmu.Unlock() }
	saved := ns.Pages
	ns.Pages = todo
	err := b.renderPages()
	ns.Pages = saved
	if err != nil {
		return nil, err
	}
	// Lists: a job whose index or member order changed is rendered
	// again in full; otherwise only the pager pages listing a page whose
	// shown metadata changed.
	listFP := make(map[string]uint64, len(ns.Pages))
	shown := map[string]bool{}
	for _, p := range ns.Pages {
		fp := s.listHash(p)
		listFP[p.Path] = fp
		if s.listFP[p.Path] != fp {
			shown[p.Path] = true
		}
	}
	lists := 0
	rerun := map[string]bool{}
	jobFP := map[string]uint64{}
	live := map[string]bool{}
	for _, j := range r.ListJobs(b.ownBody) {
		key := "list:" + j.Key
		live[key] = true
		fp := s.jobHash(j)
		jobFP[j.Key] = fp
		c := &countSink{next: ownerSink{st, key}}
		if prev, ok := s.jobFP[j.Key]; !ok || prev != fp {
			rerun[j.Key] = true
			st.drop(key)
			if err := j.Run(c); err != nil {
				return nil, err
			}
			lists += c.n
			continue
		}
		touches := func(ps []*site.Page) bool {
			for _, p := range ps {
				if shown[p.Path] {
					return true
				}
			}
			return false
		}
		if !touches(j.Members) {
			continue
		}
		if err := j.RunOnly(c, touches); err != nil {
			return nil, err
		}
		lists += c.n
	}
	for key := range st.owned {
		if strings.HasPrefix(key, "list:") && !live[key] {
			st.drop(key)
		}
	}
	// Feeds, sitemap, catalogues and calendars show list metadata: write
	// them again only when some list would change.
	if lists > 0 || len(shown) > 0 {
		st.drop("outputs:site")
		if err := b.siteOutputs(); err != nil {
			return nil, err
		}
		for _, p := range sortedKeys(ns.SectionByPath) {
			sec := ns.SectionByPath[p]
			if !rerun["section:"+p] && !touchesAny(sec.Pages, shown) {
				continue
			}
			st.drop("outputs:" + p)
			if err := b.sectionOutputs(sec); err != nil {
				return nil, err
			}
		}
	}
	for key := range st.owned {
		if a, ok := strings.CutPrefix(key, "asset:"); ok && touched[a] {
			st.drop(key)
		}
	}
	for _, a := range b.tree.Assets {
		if touched[a] {
			data, err := fs.ReadFile(b.o.Source, "content/"+a)
			if err != nil {
				return nil, err
			}
			if err := (ownerSink{st, "asset:" + a}).WriteFile(a, data); err != nil {
				return nil, err
			}
		}
	}
	// Commit the new state.
	for p, m := range mentions {
		s.mention[p] = m
	}
	for p := range s.mention {
		if _, ok := ns.ByPath[p]; !ok {
			delete(s.mention, p)
		}
	}
	if len(mentions) > 0 {
		s.indexMentions()
	}
	s.pageFP = fps
	for _, p := range todo {
		s.pageFP[p.Path] = s.depHash(p)
	}
	for key := range st.owned {
		if sec, ok := strings.CutPrefix(key, "outputs:"); ok && sec != "site" {
			if _, live := ns.SectionByPath[sec]; !live {
				st.drop(key)
			}
		}
	}
	s.jobFP, s.listFP = jobFP, listFP
	s.files, s.owned = st.files, st.owned
	changedOut := uniq(st.wrote)
	return &Update{Changed: changedOut, Pages: len(todo), Lists: lists, Duration: time.Since(start), Warnings: b.res.Warnings}, nil
}

func touchesAny(ps []*site.Page, set map[string]bool) bool {
	for _, p := range ps {
		if set[p.Path] {
			return true
		}
	}
	return false
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
