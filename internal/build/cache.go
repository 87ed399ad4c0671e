package build

import (
	"crypto/sha256"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/fazhi-dev/fazhi/internal/buildcache"
	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/markup"
	"github.com/fazhi-dev/fazhi/internal/markup/statute"
	"github.com/fazhi-dev/fazhi/internal/publish"
	"github.com/fazhi-dev/fazhi/internal/render"
	"github.com/fazhi-dev/fazhi/internal/site"
	"github.com/fazhi-dev/fazhi/internal/source"
	"github.com/fazhi-dev/fazhi/internal/tmpl"
	"github.com/yuin/goldmark/parser"
)

// CacheOptions places the persistent build cache.
type CacheOptions struct {
	// Dir is the cache folder (<site>/.fazhi-cache by default).
	Dir string
	// Site and Dest name the site and output folders; a cache written
	// for others is ignored.
	Site, Dest string
}

// keys holds what the build cache compares: a card per page (what it
// holds but its body), its source digest, the pages each refers to, the
// global key (program, settings, templates, site data, columns) and the
// graph key (every card and source in order).
type keys struct {
	cards  map[string]buildcache.Sum
	srcs   map[string]buildcache.Sum
	refs   map[string][]string
	global buildcache.Sum
	graph  buildcache.Sum
	// graphCards is graph without the sources: what a template that
	// lists the site's pages but shows no summary depends on.
	graphCards buildcache.Sum
	// listGraph is every card and summary in order, made once the
	// content pages are rendered (listGraphSum).
	listGraph     buildcache.Sum
	listGraphOnce sync.Once
	// scopes memoizes the page template's scope by column.
	scopes sync.Map
}

// pageScope returns what the page template of a column may read,
// worked out once per column.
func (k *keys) pageScope(b *builder, column string) buildcache.Scope {
	if v, ok := k.scopes.Load(column); ok {
		return v.(buildcache.Scope)
	}
	s := buildcache.ScopeOf(b.tmpl.Reads(column, "page", buildcache.DataType))
	k.scopes.Store(column, s)
	return s
}

// afterPages lets go of what only content pages' keys read: the pages
// each refers to, and the sources of every page but the list jobs' index
// pages (the home page and the columns' indexes), kept with the same
// values so that list keys do not change.
func (k *keys) afterPages(s *site.Site) {
	k.refs = nil
	idx := map[string]buildcache.Sum{}
	keep := func(p *site.Page) {
		if p != nil {
			idx[p.Path] = k.srcs[p.Path]
		}
	}
	keep(s.Home)
	for _, sec := range s.SectionByPath {
		keep(sec.Index)
	}
	k.srcs = idx
}

// computeKeys digests the assembled site. srcs gives each page's source
// digest (file and bundle resources).
func (b *builder) computeKeys(srcs map[string]buildcache.Sum) *keys {
	s := b.site
	k := &keys{cards: make(map[string]buildcache.Sum, len(s.ByPath)), refs: make(map[string][]string, len(s.ByPath)), srcs: srcs}
	paths := sortedKeys(s.ByPath)
	cards := make([]buildcache.Sum, len(paths))
	refs := make([][]string, len(paths))
	parallel(b.ctx, len(paths), b.workers(), func(i int) {
		cards[i], refs[i] = buildcache.Card(s.ByPath[paths[i]])
	}, func(i int) string { return "content/" + paths[i] })
	for i, p := range paths {
		k.cards[p], k.refs[p] = cards[i], refs[i]
	}
	var g, gc buildcache.Hasher
	for _, p := range s.Pages {
		g.Str(p.Path).Sum(k.cards[p.Path]).Sum(srcs[p.Path])
		gc.Str(p.Path).Sum(k.cards[p.Path])
	}
	k.graph, k.graphCards = g.Done(), gc.Done()

	sd := *b.renderer.Data
	sd.Now = time.Time{} // the build time is a scope of its own (Scope.Now)
	var h buildcache.Hasher
	h.Str(buildcache.Program()).Bool(b.o.Drafts).Bool(b.o.Future).Bool(b.o.Expired).Bool(b.o.Serve)
	h.Sum(buildcache.Digest(*b.cfg, sd, b.assetURLs)).Sum(treeSum(b.fsys, "layouts"))
	h.Str(s.Home.Path).Sum(k.cards[s.Home.Path]).Sum(srcs[s.Home.Path])
	for _, sp := range sortedKeys(s.SectionByPath) {
		sec := s.SectionByPath[sp]
		h.Str(sp).Str(sec.ColumnType).Str(sec.Type)
		if sec.Index != nil {
			h.Str(sec.Index.Path).Sum(k.cards[sec.Index.Path]).Sum(srcs[sec.Index.Path])
		}
		if sec.Parent != nil {
			h.Str(sec.Parent.Path)
		}
		for _, c := range sec.Children {
			h.Str(c.Path)
		}
	}
	k.global = h.Done()
	return k
}

// pageKey is the key of everything page p shows: the global key, its own
// card and source, the cards of the pages it refers to (and their sources
// when its templates may show what a body renders to, the summary), what
// the titles its body looked up resolve to now, and, when its templates
// may read them, every page's card and the build time.
func (b *builder) pageKey(k *keys, p *site.Page, rd pageReads) buildcache.Sum {
	var h buildcache.Hasher
	h.Sum(k.global).Str(p.Path).Sum(k.cards[p.Path]).Sum(k.srcs[p.Path])
	scope := k.pageScope(b, p.Column)
	switch {
	case scope.Graph && scope.Bodies:
		h.Str("graph").Sum(k.graph)
	case scope.Graph:
		h.Str("cards").Sum(k.graphCards)
	}
	if scope.Now {
		h.Str("now").Str(b.o.Now.String())
	}
	refs := append([]string(nil), k.refs[p.Path]...)
	sort.Strings(refs)
	for i, r := range refs {
		if i > 0 && r == refs[i-1] || r == p.Path {
			continue
		}
		h.Str(r)
		if c, ok := k.cards[r]; ok {
			h.Sum(c)
			if scope.Bodies {
				h.Sum(k.srcs[r])
			}
		}
	}
	for _, t := range rd.Titles {
		u, ok := b.site.ResolveTitle(t)
		h.Str(t).Str(u).Bool(ok)
	}
	for _, q := range rd.Bodies {
		h.Str("body").Str(q).Sum(k.srcs[q])
	}
	return h.Done()
}

// sourceSums digests each page's source file and bundle resources.
func (b *builder) sourceSums() map[string]buildcache.Sum {
	files := b.tree.Files
	sums := make([]buildcache.Sum, len(files))
	parallel(b.ctx, len(files), b.workers(), func(i int) {
		sums[i] = b.sourceSum(files[i])
	}, func(i int) string { return "content/" + files[i].Path })
	out := make(map[string]buildcache.Sum, len(files))
	for i, f := range files {
		out[f.Path] = sums[i]
	}
	return out
}

// sourceSum digests a page's source file and bundle resources.
func (b *builder) sourceSum(f source.File) buildcache.Sum {
	h := sha256.New()
	bp := sourceBufs.Get().(*[]byte)
	defer sourceBufs.Put(bp)
	for _, name := range append([]string{f.Path}, f.Resources...) {
		data, err := readInto((*bp)[:0], b.o.Source, "content/"+name)
		*bp = data[:0]
		h.Write([]byte(name))
		if err != nil {
			h.Write([]byte("\x00unreadable"))
			continue
		}
		h.Write([]byte{0})
		h.Write(data)
	}
	var s buildcache.Sum
	copy(s[:], h.Sum(nil))
	return s
}

// treeSum digests every file under dir of fsys.
func treeSum(fsys fs.FS, dir string) buildcache.Sum {
	h := sha256.New()
	fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			h.Write([]byte("\x00unreadable"))
		}
		h.Write([]byte(p))
		h.Write(data)
		return nil
	})
	var s buildcache.Sum
	copy(s[:], h.Sum(nil))
	return s
}

// cacheRun is the build cache's part of one build: the records read and
// those being written.
type cacheRun struct {
	o    CacheOptions
	prev *buildcache.Cache
	next *buildcache.Cache
	keys *keys
	out  publish.Reuser
	mu   sync.Mutex
}

// openCache reads the cache, warning when it cannot be used.
func (b *builder) openCache() {
	o := b.o.Cache
	if o == nil || b.o.Collect || b.o.Serve {
		return
	}
	out, ok := b.o.Out.(publish.Reuser)
	if !ok {
		return
	}
	if st, ok := out.(publish.Stamper); ok {
		st.TakeStamps()
	}
	prev, err := buildcache.Load(o.Dir, o.Site, o.Dest)
	if err != nil {
		b.warn(&diag.Error{File: o.Dir, Level: diag.LevelWarning, Msg: "构建缓存未使用，本次全部重新生成：" + err.Error()})
	}
	b.cache = &cacheRun{o: *o, prev: prev, next: buildcache.New(o.Site, o.Dest), out: out}
}

// reuse carries forward the pages whose key is unchanged and whose
// files in the previous output are still what was written; it returns the
// pages to render.
func (b *builder) reuse(pages []*site.Page) []*site.Page {
	c := b.cache
	c.keys = b.computeKeys(b.sourceSums())
	todo := make([]bool, len(pages))
	parallel(b.ctx, len(pages), b.workers(), func(i int) {
		p := pages[i]
		rec := c.prev.Pages[p.Path]
		if rec == nil || b.pageKey(c.keys, p, pageReads{rec.Titles, rec.Bodies}) != rec.Key || !c.out.Reuse(rec.Files) {
			todo[i] = true
			return
		}
		p.Derived.Summary = rec.Summary
		if rec.BadUTF8 {
			b.warnBadUTF8(p.SourcePath())
		}
		c.mu.Lock()
		c.next.Pages[p.Path] = rec
		for _, f := range rec.Files {
			if m, ok := c.prev.Made[f.Path]; ok {
				c.next.Made[f.Path] = m
			}
		}
		c.mu.Unlock()
	}, func(i int) string { return pages[i].SourcePath() })
	// The previous records are not looked at again: those carried
	// forward are in next, the others are garbage now rather than at the
	// end of the build.
	c.prev.Pages = nil
	var out []*site.Page
	for i, p := range pages {
		if todo[i] {
			out = append(out, p)
		}
	}
	return out
}

// recorder notes what rendering one page looked up and wrote.
type recorder struct {
	mu     sync.Mutex
	titles []string
	seen   map[string]bool
	// bodies are the content paths of other pages whose bodies the page
	// shows (a comparison page shows the previous version's).
	bodies []string
	files  []publish.Entry
}

// pageReads is what rendering a page read besides its own file and card.
type pageReads struct {
	Titles, Bodies []string
}

func (r *recorder) reads() pageReads { return pageReads{r.titles, r.bodies} }

// context returns the parser context for the page's body, with a
// resolver that notes each 《title》 looked up.
func (r *recorder) context(s *site.Site) parser.Context {
	pc := markup.NewContext()
	pc.Set(statute.ResolverKey, statute.ResolverFunc(func(t string) (string, bool) {
		r.mu.Lock()
		if !r.seen[t] {
			if r.seen == nil {
				r.seen = map[string]bool{}
			}
			r.seen[t] = true
			r.titles = append(r.titles, t)
		}
		r.mu.Unlock()
		return s.ResolveTitle(t)
	}))
	return pc
}

// record stores a rendered page's record.
func (b *builder) record(p *site.Page, r *recorder, bad bool) {
	c := b.cache
	rec := &buildcache.Page{Key: b.pageKey(c.keys, p, r.reads()), Titles: r.titles, Bodies: r.bodies, Summary: p.Derived.Summary, Files: r.files, BadUTF8: bad}
	c.mu.Lock()
	c.next.Pages[p.Path] = rec
	c.mu.Unlock()
}

// saveCache writes the cache after the output was put in place.
func (b *builder) saveCache() {
	if b.cache == nil {
		return
	}
	b.cache.stampFiles()
	if err := b.cache.next.Save(b.cache.o.Dir); err != nil {
		b.warn(&diag.Error{File: b.cache.o.Dir, Level: diag.LevelWarning, Msg: "无法写入构建缓存（下次构建会全部重新生成）：" + err.Error()})
	}
}

// stampFiles notes in the records the stamp of each file as the output
// took it (see publish.Stamp), so that the next build can check a file it
// carries forward without reading it; a file without one is checked by its
// bytes.
func (c *cacheRun) stampFiles() {
	st, ok := c.out.(publish.Stamper)
	if !ok {
		return
	}
	stamps := st.Stamps()
	set := func(files []publish.Entry) {
		for i := range files {
			files[i].Stamp = stamps[files[i].Path]
		}
	}
	for _, r := range c.next.Pages {
		set(r.Files)
	}
	for _, r := range c.next.Lists {
		set(r.Files)
	}
	for name, m := range c.next.Made {
		m.Stamp = stamps[name]
		c.next.Made[name] = m
	}
}

// cachedSink writes an owner's files, minifying and compressing them as
// the configuration says, but taking from the previous output a file
// whose input is the one it was made from last time (an unchanged file is
// never minified or compressed twice). It notes each file written in the
// cache and, for a page, in its recorder.
type cachedSink struct {
	b   *builder
	rec *recorder
}

func (s cachedSink) WriteFile(name string, data []byte) error {
	b, c := s.b, s.b.cache
	cfg := b.cfg
	from := buildcache.Sum(sha256.Sum256(data))
	var e publish.Entry
	done := false
	if cfg.Minify && minifies(name) {
		if m, ok := c.prev.Made[name]; ok && m.From == from && c.out.Reuse([]publish.Entry{m.Entry}) {
			e, done = m.Entry, true
		} else {
			data = minified(name, data)
		}
	}
	if !done {
		var err error
		if e, err = writeEntry(b.o.Out, name, data); err != nil {
			return err
		}
		if !(cfg.Minify && minifies(name)) {
			from = buildcache.Sum{} // written as it came
		}
	}
	s.note(name, buildcache.Made{From: from, Entry: e})
	if !cfg.Precompress || !compresses(name, int(e.Size)) {
		return nil
	}
	for _, ext := range compressions {
		if m, ok := c.prev.Made[name+ext]; ok && m.From == buildcache.HexSum(e.Hash) && c.out.Reuse([]publish.Entry{m.Entry}) {
			s.note(name+ext, m)
			continue
		}
		if done {
			// The minified bytes were not read: read them back.
			var err error
			if data, err = readOutput(b, name); err != nil {
				return err
			}
			done = false
		}
		ze, err := writeEntry(b.o.Out, name+ext, compressed(ext, data))
		if err != nil {
			return err
		}
		s.note(name+ext, buildcache.Made{From: buildcache.HexSum(e.Hash), Entry: ze})
	}
	return nil
}

// writeEntry writes a file and returns its entry, the output's own when
// it keeps one (publish.EntryWriter: the digest string is then held once).
func writeEntry(out publish.Publisher, name string, data []byte) (publish.Entry, error) {
	if w, ok := out.(publish.EntryWriter); ok {
		return w.WriteEntry(name, data)
	}
	if err := out.WriteFile(name, data); err != nil {
		return publish.Entry{}, err
	}
	return publish.Entry{Path: name, Size: int64(len(data)), Hash: publish.Hash(data)}, nil
}

// note records a file written for an owner. A Made record is kept only
// when the file was made from other bytes (minified or compressed): one
// written as it came is never made again from a record (cachedSink looks
// records up only to skip minifying or compressing), and its owner's
// record says the rest.
func (s cachedSink) note(name string, m buildcache.Made) {
	c := s.b.cache
	if m.From != (buildcache.Sum{}) {
		c.mu.Lock()
		c.next.Made[name] = m
		c.mu.Unlock()
	}
	if s.rec != nil {
		s.rec.mu.Lock()
		s.rec.files = append(s.rec.files, m.Entry)
		s.rec.mu.Unlock()
	}
}

// readOutput reads a file just carried forward into the new output.
func readOutput(b *builder, name string) ([]byte, error) {
	type rooted interface{ Root() string }
	if r, ok := b.o.Out.(rooted); ok {
		return os.ReadFile(filepath.Join(r.Root(), filepath.FromSlash(name)))
	}
	if m, ok := b.o.Out.(*publish.Mem); ok {
		if data, ok := m.Files()[name]; ok {
			return data, nil
		}
	}
	return nil, errors.New("无法读回输出文件 " + name)
}

// listJob says how a list job's key is made: the layouts it executes (in
// which column), whether reads on columns are covered by its members (a
// column's list, the home page), and which reads lead to terms that hold
// only members (terms is nil when none do). ok is false for jobs the cache does
// not know, which are always rendered.
func listJob(key string) (section string, kinds []string, columns bool, terms func(tmpl.Read) bool, ok bool) {
	name, arg, _ := strings.Cut(key, ":")
	switch {
	case key == "home":
		return "", []string{"home"}, true, nil, true
	case name == "section" && arg != "":
		return arg, []string{"section", "archive", "hearings", "browse"}, true, columnTerms, true
	case key == "search" || key == "sitemap" || key == "404":
		return "", []string{key}, false, nil, true
	case key == "aliases":
		return "", []string{"alias"}, false, nil, true
	case (name == site.TaxTags || name == site.TaxSeries) && arg == "":
		return name, []string{"taxonomy"}, false, nil, true
	case name == site.TaxTags:
		return name, []string{"term"}, false, termTerms, true
	case name == site.TaxSeries:
		return name, []string{"series", "term"}, false, termTerms, true
	}
	return "", nil, false, nil, false
}

// termTerms allows a term page's reads of its own term, whose pages are
// the job's members.
func termTerms(rd tmpl.Read) bool {
	return rd.On == buildcache.DataType && rd.Name == "Term"
}

// columnSections allows a column's reads of its own column, its
// sub-columns and the column of a page it shows (a member's column is
// the column or one of its sub-columns).
func columnSections(rd tmpl.Read) bool {
	switch {
	case rd.On == buildcache.DataType && rd.Name == "Section":
	case rd.On == buildcache.SectionType && rd.Name == "Children":
	case rd.On == buildcache.PageType && rd.Name == "Section":
	default:
		return false
	}
	return true
}

// columnTerms allows a column's reads of its browse groups and of the
// browse term a page shows, which hold only the column's pages.
func columnTerms(rd tmpl.Read) bool {
	return termTerms(rd) || rd.On == buildcache.BrowseType || rd.On == buildcache.BrowseType.Elem() ||
		rd.On == browseGroupType && rd.Name == "Terms"
}

// browseGroupType is a group of a column's browse groups (Browse.Groups).
var browseGroupType = reflect.TypeFor[*site.BrowseGroup]()

// listKey is the key of what a list job shows: the global key, its index
// page, each member's card and summary in order, and, when its templates
// may read them, every page and the build time.
func (b *builder) listKey(k *keys, j render.ListJob) (buildcache.Sum, bool) {
	section, kinds, columns, terms, ok := listJob(j.Key)
	if !ok {
		return buildcache.Sum{}, false
	}
	parent := false
	var h buildcache.Hasher
	h.Sum(k.global).Str("list").Str(j.Key)
	for _, kind := range kinds {
		r := b.tmpl.Reads(section, kind, buildcache.DataType)
		if r.Fields[tmpl.Read{On: buildcache.SectionType, Name: "Parent"}] {
			parent = true // a column's parent lists pages its members do not hold
		}
		covered := map[reflect.Type]bool{}
		switch {
		case columns && section == "":
			// The home page's members are every page.
			covered[buildcache.SectionType] = true
			covered[buildcache.SiteColumnType] = true
		case columns && !parent && buildcache.SectionsOnly(r, columnSections):
			// The only columns it reaches are its own and its
			// sub-columns, whose pages are its members.
			covered[buildcache.SectionType] = true
		}
		if terms != nil && !parent && buildcache.TermsOnly(r, terms) {
			// The only terms it can reach hold only members: a term
			// page's term, a column's browse groups.
			covered[buildcache.TermType] = true
		}
		scope := buildcache.ScopeExcept(r, covered)
		if scope.Graph {
			h.Str("graph").Sum(b.listGraphSum(k))
		}
		if scope.Now {
			h.Str("now").Str(b.o.Now.String())
		}
	}
	if j.Index != nil {
		src, ok := k.srcs[j.Index.Path]
		if !ok {
			return buildcache.Sum{}, false // an index page afterPages did not keep
		}
		h.Str(j.Index.Path).Sum(k.cards[j.Index.Path]).Sum(src)
	}
	// A member's body shows in a list only as its summary, known here
	// because content pages are rendered (or carried forward with their
	// summary) before lists: a body edit that leaves the summary as it
	// was renders no list again.
	h.Str(strconv.Itoa(len(j.Members)))
	for _, p := range j.Members {
		h.Str(p.Path).Sum(k.cards[p.Path]).Str(p.Derived.Summary)
	}
	return h.Done(), true
}

// listGraphSum returns the digest of every page's card and summary in
// order: what a list that may show any page depends on. Summaries are
// known once content pages are rendered, before any list.
func (b *builder) listGraphSum(k *keys) buildcache.Sum {
	k.listGraphOnce.Do(func() {
		var h buildcache.Hasher
		for _, p := range b.site.Pages {
			h.Str(p.Path).Sum(k.cards[p.Path]).Str(p.Derived.Summary)
		}
		k.listGraph = h.Done()
	})
	return k.listGraph
}

// reuseList carries a list job's files forward when its key is unchanged;
// it returns the number of pages kept, or -1 when the job must run.
func (b *builder) reuseList(j render.ListJob) (int, *recorder, buildcache.Sum, bool) {
	c := b.cache
	key, ok := b.listKey(c.keys, j)
	if !ok {
		return -1, nil, key, false
	}
	if rec := c.prev.Lists[j.Key]; rec != nil && rec.Key == key && c.out.Reuse(rec.Files) {
		n := 0
		c.mu.Lock()
		c.next.Lists[j.Key] = rec
		for _, f := range rec.Files {
			if m, ok := c.prev.Made[f.Path]; ok {
				c.next.Made[f.Path] = m
			}
			if !strings.HasSuffix(f.Path, ".gz") && !strings.HasSuffix(f.Path, ".br") {
				n++
			}
		}
		c.mu.Unlock()
		return n, nil, key, true
	}
	return -1, &recorder{}, key, true
}

// recordList stores a list job's record.
func (b *builder) recordList(j render.ListJob, key buildcache.Sum, r *recorder) {
	c := b.cache
	c.mu.Lock()
	c.next.Lists[j.Key] = &buildcache.Page{Key: key, Files: r.files}
	c.mu.Unlock()
}
