// Package tmpl loads a site's layouts (Go html/template) and picks the
// template for a page with one short lookup order:
//
//	layouts/<section>/<kind>.html → layouts/<kind>.html → layouts/_default/<kind>.html
//
// A kind template that defines blocks ({{ define "main" }}) is executed
// through layouts/_default/baseof.html; one that defines none is executed
// on its own. Partials live in layouts/partials/ and are called with
// {{ partial "name.html" . }}, or with {{ partialCached "name.html" . key… }}
// for a part that is the same on many pages: it is rendered once per
// distinct list of keys and reused until ResetCache.
package tmpl

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/fazhi-dev/fazhi/internal/diag"
)

// Kinds lists the template kinds. The extra kinds fall back to another
// kind's template when a site has none for them: archive, hearings, browse
// and series fall back to section. The enforcement kinds (decisions,
// decisions-year, decision, decision-gone, decisions-stats) and compare
// (a version's comparison with the previous one) have no fallback.
var Kinds = []string{"home", "section", "page", "taxonomy", "term", "404", "archive", "hearings", "browse", "series", "alias", "search", "decisions", "decisions-year", "decision", "decision-gone", "decisions-stats", "sitemap", "compare"}

var fallback = map[string]string{"archive": "section", "hearings": "section", "browse": "section", "series": "term"}

const (
	baseName    = "_default/baseof.html"
	partialsDir = "partials/"
	// MaxPartialDepth bounds nested partial calls, so that a partial that
	// calls itself stops with an error instead of exhausting memory.
	MaxPartialDepth = 64
)

// Set is a loaded layouts folder. It is immutable; each rendering
// goroutine gets its own Executor from it.
type Set struct {
	files map[string]string // name relative to layouts/ → source
	funcs template.FuncMap
	cache sync.Map // partialCached key → template.HTML
	reads sync.Map // layout name → Reads

	// idle holds the executors nobody is using. A build uses one per
	// rendering goroutine; they are kept for the life of the Set (a
	// sync.Pool would drop them at every garbage collection, and each
	// new one parses every layout again).
	mu   sync.Mutex
	idle []*Executor
}

// ResetCache forgets what partialCached rendered, for a rebuild in which
// the site's data may have changed.
func (s *Set) ResetCache() { s.cache.Clear() }

// Load reads every .html file under layouts/ in fsys and checks that each
// kind template parses. funcs are the template functions (see Funcs).
func Load(fsys fs.FS, funcs template.FuncMap) (*Set, error) {
	s := &Set{files: map[string]string{}, funcs: funcs}
	err := fs.WalkDir(fsys, "layouts", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "layouts" && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".html") {
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		s.files[strings.TrimPrefix(p, "layouts/")] = string(b)
		return nil
	})
	if err != nil {
		return nil, err
	}
	e, err := s.newExecutor()
	if err != nil {
		return nil, err
	}
	s.idle = append(s.idle, e)
	return s, nil
}

// Executor executes templates. It is not safe for concurrent use; get one
// per goroutine with Set.Get and return it with Set.Put.
type Executor struct {
	set   *Set
	root  *template.Template
	kinds map[string]*template.Template
	depth int
}

// Get returns an Executor for this goroutine: an idle one, or a new one
// when all are in use.
func (s *Set) Get() (*Executor, error) {
	s.mu.Lock()
	if n := len(s.idle); n > 0 {
		e := s.idle[n-1]
		s.idle[n-1] = nil
		s.idle = s.idle[:n-1]
		s.mu.Unlock()
		return e, nil
	}
	s.mu.Unlock()
	return s.newExecutor()
}

// Put returns an Executor for reuse.
func (s *Set) Put(e *Executor) {
	e.depth = 0
	s.mu.Lock()
	s.idle = append(s.idle, e)
	s.mu.Unlock()
}

func (s *Set) newExecutor() (*Executor, error) {
	e := &Executor{set: s, kinds: map[string]*template.Template{}}
	funcs := template.FuncMap{}
	for k, v := range s.funcs {
		funcs[k] = v
	}
	funcs["partial"] = e.partial
	funcs["partialCached"] = e.partialCached
	root := template.New("").Funcs(funcs)
	names := s.names()
	for _, name := range names {
		if name != baseName && !strings.HasPrefix(name, partialsDir) {
			continue
		}
		if _, err := root.New("layouts/" + name).Parse(s.files[name]); err != nil {
			return nil, templateError(err)
		}
	}
	for _, name := range names {
		if name == baseName || strings.HasPrefix(name, partialsDir) {
			continue
		}
		c, err := root.Clone()
		if err != nil {
			return nil, err
		}
		t, err := c.New("layouts/" + name).Parse(s.files[name])
		if err != nil {
			return nil, templateError(err)
		}
		if definesBlocks.MatchString(s.files[name]) {
			if base := c.Lookup("layouts/" + baseName); base != nil {
				t = base
			}
		}
		e.kinds[name] = t
	}
	e.root = root
	return e, nil
}

var definesBlocks = regexp.MustCompile(`\{\{-?\s*define\s`)

func (s *Set) names() []string {
	out := make([]string, 0, len(s.files))
	for n := range s.files {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Name returns the layout file used for kind in section, or "" when there
// is none.
func (s *Set) Name(section, kind string) string {
	for k := kind; k != ""; k = fallback[k] {
		cands := []string{k + ".html", "_default/" + k + ".html"}
		if section != "" {
			cands = append([]string{section + "/" + k + ".html"}, cands...)
		}
		for _, c := range cands {
			if _, ok := s.files[c]; ok {
				return c
			}
		}
	}
	return ""
}

// Has reports whether a template exists for kind in section.
func (s *Set) Has(section, kind string) bool { return s.Name(section, kind) != "" }

// Execute renders the template for kind in section with data.
func (e *Executor) Execute(w io.Writer, section, kind string, data any) error {
	name := e.set.Name(section, kind)
	if name == "" {
		return &diag.Error{File: "layouts/_default/" + kind + ".html",
			Msg: fmt.Sprintf("找不到「%s」类页面的模板：请创建 layouts/_default/%s.html (missing template)", kind, kind)}
	}
	e.depth = 0
	if err := e.kinds[name].Execute(w, data); err != nil {
		return templateError(err)
	}
	return nil
}

func (e *Executor) partial(name string, data any) (template.HTML, error) {
	if e.depth >= MaxPartialDepth {
		return "", fmt.Errorf("局部模板「%s」嵌套超过 %d 层，可能在调用自己 (partial recursion)", name, MaxPartialDepth)
	}
	full := "layouts/" + partialsDir + strings.TrimPrefix(name, partialsDir)
	if path.Ext(full) == "" {
		full += ".html"
	}
	t := e.root.Lookup(full)
	if t == nil {
		return "", fmt.Errorf("找不到局部模板 %s (partial not found)", full)
	}
	e.depth++
	defer func() { e.depth-- }()
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

// partialCached renders a partial like partial, the first time it is
// called with name and keys; later calls with the same name and keys
// return that HTML without executing the template, whatever data they
// pass. Two goroutines may render the same entry at once; both then
// return the one stored first, so the output does not depend on timing.
func (e *Executor) partialCached(name string, data any, keys ...any) (template.HTML, error) {
	k, err := cacheKey(name, keys)
	if err != nil {
		return "", err
	}
	if h, ok := e.set.cache.Load(k); ok {
		return h.(template.HTML), nil
	}
	h, err := e.partial(name, data)
	if err != nil {
		return "", err
	}
	v, _ := e.set.cache.LoadOrStore(k, h)
	return v.(template.HTML), nil
}

// cacheKey joins a partial's name and keys. A key must be a string, a
// number or a boolean: a page or a list has no value that is cheap to
// compare, and its address may be reused for another one.
func cacheKey(name string, keys []any) (string, error) {
	var b strings.Builder
	b.WriteString(name)
	for i, k := range keys {
		b.WriteByte(0)
		switch reflect.ValueOf(k).Kind() {
		case reflect.String, reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
			fmt.Fprintf(&b, "%T:%v", k, k)
		default:
			return "", fmt.Errorf("partialCached「%s」的第 %d 个键是 %T：键只能是字符串、数字或布尔值，例如 .Section.URL 或 .Page.Path，而不是 .Section 或 .Page (partialCached keys must be strings, numbers or booleans)", name, i+1, k)
		}
	}
	return b.String(), nil
}

var tmplPos = regexp.MustCompile(`template: (layouts/[^:]+):(\d+)(?::(\d+))?: ?`)

// templateError turns an html/template error into a diag.Error naming the
// layout file and line.
func templateError(err error) error {
	msg := err.Error()
	var de *diag.Error
	if errors.As(err, &de) {
		return de
	}
	// The innermost position is the most useful: take the last match.
	all := tmplPos.FindAllStringSubmatchIndex(msg, -1)
	if len(all) == 0 {
		return &diag.Error{Msg: "模板错误：" + msg}
	}
	m := all[len(all)-1]
	file := msg[m[2]:m[3]]
	line := 0
	fmt.Sscan(msg[m[4]:m[5]], &line)
	col := 0
	if m[6] >= 0 {
		fmt.Sscan(msg[m[6]:m[7]], &col)
	}
	rest := strings.TrimSpace(msg[m[1]:])
	return &diag.Error{File: file, Line: line, Col: col, Msg: "模板错误：" + rest + " (template error)"}
}
