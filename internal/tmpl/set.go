// Package tmpl loads a site's layouts (Go html/template) and picks the
// template for a page with one short lookup order:
//
//	layouts/<section>/<kind>.html → layouts/<kind>.html → layouts/_default/<kind>.html
//
// A kind template that defines blocks ({{ define "main" }}) is executed
// through layouts/_default/baseof.html; one that defines none is executed
// on its own. Partials live in layouts/partials/ and are called with
// {{ partial "name.html" . }}.
package tmpl

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/fazhi-dev/fazhi/internal/diag"
)

// Kinds lists the template kinds. The extra kinds fall back to another
// kind's template when a site has none for them: archive, hearings, browse
// and series fall back to section.
var Kinds = []string{"home", "section", "page", "taxonomy", "term", "404", "archive", "hearings", "browse", "series", "alias", "search"}

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
	pool  sync.Pool
}

// Load reads every .html file under layouts/ in fsys and checks that each
// kind template parses. funcs are the template functions (see Funcs).
func Load(fsys fs.FS, funcs template.FuncMap) (*Set, error) {
	s := &Set{files: map[string]string{}, funcs: funcs}
	err := fs.WalkDir(fsys, "layouts", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "layouts" {
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
	s.pool.Put(e)
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

// Get returns an Executor for this goroutine.
func (s *Set) Get() (*Executor, error) {
	if e, ok := s.pool.Get().(*Executor); ok {
		return e, nil
	}
	return s.newExecutor()
}

// Put returns an Executor for reuse.
func (s *Set) Put(e *Executor) { e.depth = 0; s.pool.Put(e) }

func (s *Set) newExecutor() (*Executor, error) {
	e := &Executor{set: s, kinds: map[string]*template.Template{}}
	funcs := template.FuncMap{}
	for k, v := range s.funcs {
		funcs[k] = v
	}
	funcs["partial"] = e.partial
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
