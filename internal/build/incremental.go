package build

import (
	"context"
	"io/fs"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/render"
	"github.com/fazhi-dev/fazhi/internal/site"
	"github.com/fazhi-dev/fazhi/internal/source"
)

// increment is one incremental rebuild of a Session: what the edit
// touched, the graphs before and after, and the outputs being staged. Its
// steps run in the order incremental lists them; commit makes the result
// the session's state.
type increment struct {
	s *Session
	b *builder
	// touched holds the content paths of the changed files and of the
	// pages they belong to (a bundle's resource touches its page).
	touched map[string]bool
	byPath  map[string]source.File
	old, ns *site.Site
	st      *store
	// keys are the new graph's cards; todo the pages rendered again.
	keys *keys
	todo []*site.Page
	// titles are what the re-rendered pages looked up.
	titles map[string]pageReads
	lists  int // list pages written
}

// incremental rebuilds what the changed content files touch.
func (s *Session) incremental(ctx context.Context, changed []string) (*Update, error) {
	start := time.Now()
	b := s.b
	b.ctx = ctx
	b.res = &Result{Pages: map[string]int{}}
	u := &increment{s: s, b: b}
	if err := u.rescan(changed); err != nil {
		return nil, err
	}
	full, err := u.reread()
	if full {
		return s.full(ctx)
	}
	if err != nil {
		return nil, err
	}
	if err := u.reassemble(); err != nil {
		return nil, err
	}
	u.stage()
	u.affected()
	for _, step := range []func() error{u.renderPages, u.renderLists, b.outputs, u.assets} {
		if err := step(); err != nil {
			return nil, err
		}
	}
	old := s.files
	u.commit()
	return &Update{Changed: changedFiles(old, s.files, u.st.wrote), Pages: len(u.todo), Lists: u.lists, Duration: time.Since(start), Warnings: b.res.Warnings}, nil
}

// rescan finds out which files exist now, walking content/ again only
// when a file was added or removed, and which pages the changes touch.
func (u *increment) rescan(changed []string) error {
	s, b := u.s, u.b
	walk := false
	u.touched = map[string]bool{}
	for _, c := range changed {
		_, known := s.srcs[c]
		_, err := fs.Stat(b.o.Source, "content/"+c)
		exists := err == nil
		if known != exists || (!known && exists) {
			walk = true
		}
		u.touched[c] = true
	}
	if walk {
		tree, err := source.Walk(b.o.Source, "content")
		if err != nil {
			return err
		}
		if err := rejected(tree); err != nil {
			return err
		}
		b.tree = tree
	}
	// Map changed files to pages: a bundle resource touches its page.
	u.byPath = map[string]source.File{}
	for _, f := range b.tree.Files {
		u.byPath[f.Path] = f
		for _, r := range f.Resources {
			if u.touched[r] {
				u.touched[f.Path] = true
			}
		}
	}
	for p := range s.srcs {
		if _, ok := u.byPath[p]; !ok {
			delete(s.srcs, p)
			u.touched[p] = true
		}
	}
	return nil
}

// reread decodes the front matter of the touched pages again. full is
// true when a column index was added or removed with other files: that
// takes a full rebuild.
func (u *increment) reread() (full bool, err error) {
	s, b := u.s, u.b
	var errs diag.List
	for p := range u.touched {
		f, ok := u.byPath[p]
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
	for p := range u.touched {
		if f, ok := u.byPath[p]; ok && f.SectionIndex {
			// A column index changed: handled as a full rebuild by Rebuild;
			// reaching here means it was added or removed with other files.
			return true, nil
		}
	}
	return false, errs.Err()
}

// reassemble builds the new site graph, keeps what rendering learnt for
// pages whose file did not change, and points the renderer at the graph.
func (u *increment) reassemble() error {
	s, b := u.s, u.b
	for p := range s.srcs {
		if f, ok := u.byPath[p]; ok {
			src := s.srcs[p]
			src.File = f
			s.srcs[p] = src
		}
	}
	srcs := make([]site.Source, 0, len(s.srcs))
	for _, p := range sortedKeys(s.srcs) {
		srcs = append(srcs, s.srcs[p])
	}
	u.old = b.site
	b.srcs = srcs
	if err := b.assemble(); err != nil {
		return err
	}
	u.ns = b.site
	for _, p := range u.ns.Pages {
		if u.touched[p.Path] {
			continue
		}
		if op, ok := u.old.ByPath[p.Path]; ok {
			p.Derived = op.Derived
		}
	}
	r, ns := b.renderer, u.ns
	r.Site = ns
	// Cached partials may show what the edit changed (a title in a list).
	b.tmpl.ResetCache()
	r.Data.Sections, r.Data.Tags, r.Data.Series, r.Data.Home, r.Data.Graph = render.SiteColumns(ns.Sections), ns.Tags, ns.Series, ns.Home, ns
	return nil
}

// stage copies the served outputs into a store the steps write to, so
// that a failed rebuild leaves the served site as it was.
func (u *increment) stage() {
	s := u.s
	u.st = &store{files: make(map[string][]byte, len(s.files)), owned: make(map[string][]string, len(s.owned))}
	for k, v := range s.files {
		u.st.files[k] = v
	}
	for k, v := range s.owned {
		u.st.owned[k] = v
	}
	u.b.owner = func(key string) render.Sink { return ownerSink{u.st, key} }
}

// affected finds the pages to render: the edited ones and those whose
// key changed, compared as the build cache compares them (the records of
// what each page's body looked up and what its templates read), so that
// the preview and the build agree on what an edit touches.
func (u *increment) affected() {
	s, b := u.s, u.b
	for p := range u.touched {
		if f, ok := u.byPath[p]; ok {
			s.srcSums[p] = b.sourceSum(f)
		} else {
			delete(s.srcSums, p)
		}
	}
	u.keys = b.computeKeys(s.srcSums)
	for _, p := range u.ns.Pages {
		if p.Kind != site.KindPage {
			continue
		}
		prev, had := s.pageKeys[p.Path]
		if u.touched[p.Path] || !had || b.pageKey(u.keys, p, s.titles[p.Path]) != prev {
			u.todo = append(u.todo, p)
		}
	}
	sort.Slice(u.todo, func(i, j int) bool { return u.todo[i].Path < u.todo[j].Path })
}

// renderPages renders the affected pages and drops the outputs of pages
// that are gone, noting the titles each body names.
func (u *increment) renderPages() error {
	b, ns, st := u.b, u.ns, u.st
	for _, p := range u.todo {
		st.drop("page:" + p.Path)
	}
	for key := range st.owned {
		if cp, ok := strings.CutPrefix(key, "page:"); ok {
			if _, live := ns.ByPath[cp]; !live {
				st.drop(key)
			}
		}
	}
	u.titles = map[string]pageReads{}
	var mu sync.Mutex
	b.lookups = func(p string, rd pageReads) { mu.Lock(); u.titles[p] = rd; mu.Unlock() }
	return b.renderPageList(u.todo)
}

// renderLists renders every list again: lists show the metadata of many
// pages, and rendering them is cheap next to the content pages. Outputs
// of jobs that are gone are dropped.
func (u *increment) renderLists() error {
	b, st := u.b, u.st
	for key := range st.owned {
		if strings.HasPrefix(key, "list:") {
			st.drop(key)
		}
	}
	for key := range st.owned {
		if strings.HasPrefix(key, "outputs:") {
			st.drop(key)
		}
	}
	for _, j := range b.renderer.ListJobs(b.ownBody) {
		c := &countSink{next: ownerSink{st, "list:" + j.Key}}
		if err := j.Run(c); err != nil {
			return err
		}
		u.lists += c.n
	}
	return nil
}

// assets copies the changed loose files of content/ again.
func (u *increment) assets() error {
	b, st := u.b, u.st
	for key := range st.owned {
		if a, ok := strings.CutPrefix(key, "asset:"); ok && u.touched[a] {
			st.drop(key)
		}
	}
	for _, a := range b.tree.Assets {
		if u.touched[a] {
			data, err := fs.ReadFile(b.o.Source, "content/"+a)
			if err != nil {
				return err
			}
			if err := (ownerSink{st, "asset:" + a}).WriteFile(a, data); err != nil {
				return err
			}
		}
	}
	return nil
}

// commit makes the rebuild the session's state.
func (u *increment) commit() {
	s, ns, st := u.s, u.ns, u.st
	for p, t := range u.titles {
		s.titles[p] = t
	}
	for p := range s.titles {
		if _, ok := ns.ByPath[p]; !ok {
			delete(s.titles, p)
		}
	}
	for p := range s.pageKeys {
		if _, ok := ns.ByPath[p]; !ok {
			delete(s.pageKeys, p)
		}
	}
	for _, p := range u.todo {
		s.pageKeys[p.Path] = u.b.pageKey(u.keys, p, s.titles[p.Path])
	}
	s.files, s.owned = st.files, st.owned
}

// changedFiles returns the names among candidates whose content differs
// between the outputs before and after.
func changedFiles(before, after map[string][]byte, candidates []string) []string {
	var out []string
	for _, n := range uniq(candidates) {
		a, inA := before[n]
		b, inB := after[n]
		if inA != inB || string(a) != string(b) {
			out = append(out, n)
		}
	}
	return out
}
