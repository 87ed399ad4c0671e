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
	// todo are the pages rendered again; fps their dependency hashes.
	todo []*site.Page
	fps  map[string]uint64
	// mentions are the 《titles》 named by the re-rendered bodies.
	mentions map[string][]string
	// shown holds the pages whose metadata shown in lists changed.
	shown         map[string]bool
	listFP, jobFP map[string]uint64
	rerun         map[string]bool // list jobs rendered in full
	lists         int             // list pages written
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
	for _, step := range []func() error{u.renderPages, u.renderLists, u.outputs, u.assets} {
		if err := step(); err != nil {
			return nil, err
		}
	}
	u.commit()
	return &Update{Changed: uniq(u.st.wrote), Pages: len(u.todo), Lists: u.lists, Duration: time.Since(start), Warnings: b.res.Warnings}, nil
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
	r.Data.Sections, r.Data.Tags, r.Data.Series, r.Data.Home, r.Data.Graph = ns.Sections, ns.Tags, ns.Series, ns.Home, ns
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

// affected finds the pages to render: the edited ones, and those whose
// neighbours, relations or named titles changed. Only pages near an edit
// can change, so the search starts from the edited pages (in the old and
// the new graph) and spreads to partners of pages that did change.
func (u *increment) affected() {
	s, old, ns := u.s, u.old, u.ns
	u.fps = make(map[string]uint64, len(ns.Pages))
	for p, fp := range s.pageFP {
		if _, ok := ns.ByPath[p]; ok {
			u.fps[p] = fp
		}
	}
	seen := map[string]bool{}
	var queue []string
	push := func(p *site.Page) {
		if p != nil && !seen[p.Path] {
			seen[p.Path] = true
			queue = append(queue, p.Path)
		}
	}
	// partners pushes, as pages of the new graph, the pages that show
	// something of p (a page of either graph).
	partners := func(p *site.Page) {
		for _, q := range []*site.Page{p.Prev, p.Next, p.SupersededBy, p.Revises, p.RevisedBy} {
			if q != nil {
				push(ns.ByPath[q.Path])
			}
		}
		var versions []*site.Page
		if p.Work != nil {
			versions = p.Work.Versions
		}
		for _, group := range [][]*site.Page{p.Interprets, p.Interpretations, p.AmendedBy, p.Supersedes, p.Amends, versions} {
			for _, q := range group {
				push(ns.ByPath[q.Path])
			}
		}
		for m := range s.mentionedBy[p.Title] {
			push(ns.ByPath[m])
		}
	}
	for p := range u.touched {
		push(ns.ByPath[p])
		if op := old.ByPath[p]; op != nil {
			push(ns.ByPath[op.Path])
			partners(op)
		}
	}
	for len(queue) > 0 {
		p := ns.ByPath[queue[0]]
		queue = queue[1:]
		if p == nil || p.Kind != site.KindPage {
			continue
		}
		fp := s.depHash(p)
		prev, had := u.fps[p.Path]
		u.fps[p.Path] = fp
		if u.touched[p.Path] || !had || prev != fp {
			u.todo = append(u.todo, p)
			partners(p)
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
	u.mentions = map[string][]string{}
	var mmu sync.Mutex
	b.mentions = func(p string, titles []string) { mmu.Lock(); u.mentions[p] = titles; mmu.Unlock() }
	saved := ns.Pages
	ns.Pages = u.todo
	err := b.renderPages()
	ns.Pages = saved
	return err
}

// renderLists renders lists again: a job whose index or member order
// changed in full; otherwise only the pager pages listing a page whose
// shown metadata changed. Outputs of jobs that are gone are dropped.
func (u *increment) renderLists() error {
	s, b, st := u.s, u.b, u.st
	u.listFP = make(map[string]uint64, len(u.ns.Pages))
	u.shown = map[string]bool{}
	for _, p := range u.ns.Pages {
		fp := s.listHash(p)
		u.listFP[p.Path] = fp
		if s.listFP[p.Path] != fp {
			u.shown[p.Path] = true
		}
	}
	u.rerun = map[string]bool{}
	u.jobFP = map[string]uint64{}
	live := map[string]bool{}
	touches := func(ps []*site.Page) bool { return touchesAny(ps, u.shown) }
	for _, j := range b.renderer.ListJobs(b.ownBody) {
		key := "list:" + j.Key
		live[key] = true
		fp := s.jobHash(j)
		u.jobFP[j.Key] = fp
		c := &countSink{next: ownerSink{st, key}}
		if prev, ok := s.jobFP[j.Key]; !ok || prev != fp {
			u.rerun[j.Key] = true
			st.drop(key)
			if err := j.Run(c); err != nil {
				return err
			}
			u.lists += c.n
			continue
		}
		if !touches(j.Members) {
			continue
		}
		if err := j.RunOnly(c, touches); err != nil {
			return err
		}
		u.lists += c.n
	}
	for key := range st.owned {
		if strings.HasPrefix(key, "list:") && !live[key] {
			st.drop(key)
		}
	}
	return nil
}

// outputs writes feeds, sitemap, catalogues and calendars again, which
// show list metadata, only when some list would change.
func (u *increment) outputs() error {
	if u.lists == 0 && len(u.shown) == 0 {
		return nil
	}
	b, st := u.b, u.st
	st.drop("outputs:site")
	if err := b.siteOutputs(); err != nil {
		return err
	}
	for _, p := range sortedKeys(u.ns.SectionByPath) {
		sec := u.ns.SectionByPath[p]
		if !u.rerun["section:"+p] && !touchesAny(sec.Pages, u.shown) {
			continue
		}
		st.drop("outputs:" + p)
		if err := b.sectionOutputs(sec); err != nil {
			return err
		}
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
	for p, m := range u.mentions {
		s.mention[p] = m
	}
	for p := range s.mention {
		if _, ok := ns.ByPath[p]; !ok {
			delete(s.mention, p)
		}
	}
	if len(u.mentions) > 0 {
		s.indexMentions()
	}
	s.pageFP = u.fps
	for _, p := range u.todo {
		s.pageFP[p.Path] = s.depHash(p)
	}
	for key := range st.owned {
		if sec, ok := strings.CutPrefix(key, "outputs:"); ok && sec != "site" {
			if _, live := ns.SectionByPath[sec]; !live {
				st.drop(key)
			}
		}
	}
	s.jobFP, s.listFP = u.jobFP, u.listFP
	s.files, s.owned = st.files, st.owned
}
