package tmpl

import (
	"reflect"
	"strings"
	"text/template/parse"
)

// Read is one field or method a template may read: Name looked up on a
// value of type On (nil when the type cannot be known statically, as
// for a value from a map of anything).
type Read struct {
	On   reflect.Type
	Name string
}

// Reads is what the templates executed for one kind may read, found from
// the parsed templates with the type of "." known: each field and method
// looked up and on which type, and the functions called. {{ template }}
// and {{ partial }} calls are followed with the type of the value they
// pass; a partial whose name is not a constant counts as all partials. A
// build cache uses it to know whether a page may show the whole site or
// the build time.
type Reads struct {
	Fields map[Read]bool
	Funcs  map[string]bool
	// All is set when a layout could not be read: anything may be read.
	All bool
}

type readsKey struct {
	name string
	root reflect.Type
}

// Reads returns what the template for kind in section may read when it
// is executed with a value of type root.
func (s *Set) Reads(section, kind string, root reflect.Type) Reads {
	name := s.Name(section, kind)
	key := readsKey{name, root}
	if v, ok := s.reads.Load(key); ok {
		return v.(Reads)
	}
	r := Reads{Fields: map[Read]bool{}, Funcs: map[string]bool{}}
	if name != "" {
		a := &readsWalk{set: s, r: &r, done: map[string]bool{}, trees: map[string]*parse.Tree{}, root: root}
		a.file(name)
		if definesBlocks.MatchString(s.files[name]) {
			a.file(baseName)
			a.tree("layouts/"+baseName, root)
		} else {
			a.tree("layouts/"+name, root)
		}
	}
	s.reads.Store(key, r)
	return r
}

type readsWalk struct {
	set   *Set
	r     *Reads
	root  reflect.Type
	done  map[string]bool // files parsed, and tree+type pairs walked
	trees map[string]*parse.Tree
}

// file parses a layout file and notes its trees (the first definition of
// a name wins, as the kind's own blocks override baseof's).
func (a *readsWalk) file(name string) {
	if a.done["file:"+name] {
		return
	}
	a.done["file:"+name] = true
	funcs := map[string]any{"partial": true, "partialCached": true}
	for k := range a.set.funcs {
		funcs[k] = true
	}
	trees, err := parse.Parse("layouts/"+name, a.set.files[name], "{{", "}}", funcs, builtins)
	if err != nil {
		a.r.All = true
		return
	}
	for n, t := range trees {
		if _, ok := a.trees[n]; !ok {
			a.trees[n] = t
		}
	}
}

var builtins = map[string]any{"and": true, "call": true, "html": true, "index": true, "slice": true, "js": true, "len": true,
	"not": true, "or": true, "print": true, "printf": true, "println": true, "urlquery": true,
	"eq": true, "ge": true, "gt": true, "le": true, "lt": true, "ne": true}

// tree walks the template name with "." of type dot.
func (a *readsWalk) tree(name string, dot reflect.Type) {
	key := "tree:" + name + "|" + typeName(dot)
	if a.done[key] {
		return
	}
	a.done[key] = true
	t, ok := a.trees[name]
	if !ok {
		if rel, ok2 := strings.CutPrefix(name, "layouts/"); ok2 {
			if _, ok3 := a.set.files[rel]; ok3 {
				a.file(rel)
				t, ok = a.trees[name]
			}
		}
	}
	if !ok {
		// A block defined in a file not parsed yet: any partial may hold it.
		for n := range a.set.files {
			if strings.HasPrefix(n, partialsDir) {
				a.file(n)
			}
		}
		if t, ok = a.trees[name]; !ok {
			return
		}
	}
	if t.Root != nil {
		sc := &scope{dot: dot, vars: map[string]reflect.Type{"$": dot}}
		a.list(t.Root, sc)
	}
}

func typeName(t reflect.Type) string {
	if t == nil {
		return "?"
	}
	return t.PkgPath() + "." + t.String()
}

type scope struct {
	dot  reflect.Type
	vars map[string]reflect.Type
}

func (sc *scope) with(dot reflect.Type) *scope { return &scope{dot: dot, vars: sc.vars} }

func (a *readsWalk) list(l *parse.ListNode, sc *scope) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		a.node(n, sc)
	}
}

func (a *readsWalk) node(n parse.Node, sc *scope) {
	switch n := n.(type) {
	case *parse.ActionNode:
		a.pipe(n.Pipe, sc)
	case *parse.IfNode:
		a.pipe(n.Pipe, sc)
		a.list(n.List, sc)
		a.list(n.ElseList, sc)
	case *parse.WithNode:
		t := a.pipe(n.Pipe, sc)
		a.list(n.List, sc.with(t))
		a.list(n.ElseList, sc)
	case *parse.RangeNode:
		t := a.pipe(n.Pipe, sc)
		key, elem := rangeTypes(t)
		if len(n.Pipe.Decl) == 1 {
			sc.vars[n.Pipe.Decl[0].Ident[0]] = elem
		} else if len(n.Pipe.Decl) == 2 {
			sc.vars[n.Pipe.Decl[0].Ident[0]] = key
			sc.vars[n.Pipe.Decl[1].Ident[0]] = elem
		}
		a.list(n.List, sc.with(elem))
		a.list(n.ElseList, sc)
	case *parse.TemplateNode:
		dot := sc.dot
		if n.Pipe != nil {
			dot = a.pipe(n.Pipe, sc)
		} else {
			dot = nil
		}
		a.tree(n.Name, dot)
	}
}

// pipe walks a pipeline and returns the type of its value.
func (a *readsWalk) pipe(p *parse.PipeNode, sc *scope) reflect.Type {
	if p == nil {
		return nil
	}
	var t reflect.Type
	for _, c := range p.Cmds {
		t = a.command(c, sc)
	}
	for _, v := range p.Decl {
		if old, ok := sc.vars[v.Ident[0]]; ok && old != t && !p.IsAssign {
			t = nil // declared again with another type in another block
		}
		sc.vars[v.Ident[0]] = t
	}
	return t
}

func (a *readsWalk) command(c *parse.CommandNode, sc *scope) reflect.Type {
	if len(c.Args) == 0 {
		return nil
	}
	if id, ok := c.Args[0].(*parse.IdentifierNode); ok {
		a.r.Funcs[id.Ident] = true
		if id.Ident == "partial" || id.Ident == "partialCached" {
			if len(c.Args) > 1 {
				var dot reflect.Type
				if len(c.Args) > 2 {
					dot = a.arg(c.Args[2], sc)
				}
				if s, ok := c.Args[1].(*parse.StringNode); ok {
					a.partial(s.Text, dot)
				} else {
					for n := range a.set.files {
						if strings.HasPrefix(n, partialsDir) {
							a.file(n)
							a.tree("layouts/"+n, dot)
						}
					}
				}
			}
			for _, x := range c.Args[3:] {
				a.arg(x, sc)
			}
			return htmlType
		}
		for _, x := range c.Args[1:] {
			a.arg(x, sc)
		}
		if f, ok := a.set.funcs[id.Ident]; ok {
			if ft := reflect.TypeOf(f); ft.Kind() == reflect.Func && ft.NumOut() > 0 && ft.Out(0).Kind() != reflect.Interface {
				return ft.Out(0)
			}
		}
		return nil
	}
	t := a.arg(c.Args[0], sc)
	for _, x := range c.Args[1:] {
		a.arg(x, sc)
	}
	return t
}

var htmlType = reflect.TypeFor[string]()

func (a *readsWalk) partial(name string, dot reflect.Type) {
	full := partialsDir + strings.TrimPrefix(name, partialsDir)
	if !strings.Contains(full[len(partialsDir):], ".") {
		full += ".html"
	}
	if _, ok := a.set.files[full]; ok {
		a.file(full)
		a.tree("layouts/"+full, dot)
	}
}

// arg returns the type of one operand, noting the fields it reads.
func (a *readsWalk) arg(n parse.Node, sc *scope) reflect.Type {
	switch n := n.(type) {
	case *parse.DotNode:
		return sc.dot
	case *parse.FieldNode:
		return a.fields(sc.dot, n.Ident)
	case *parse.VariableNode:
		return a.fields(sc.vars[n.Ident[0]], n.Ident[1:])
	case *parse.ChainNode:
		var t reflect.Type
		if p, ok := n.Node.(*parse.PipeNode); ok {
			t = a.pipe(p, sc)
		} else {
			t = a.arg(n.Node, sc)
		}
		return a.fields(t, n.Field)
	case *parse.PipeNode:
		return a.pipe(n, sc)
	case *parse.IdentifierNode:
		a.r.Funcs[n.Ident] = true
		return nil
	case *parse.StringNode:
		return htmlType
	}
	return nil
}

// fields resolves .A.B.C from type t, noting each read.
func (a *readsWalk) fields(t reflect.Type, names []string) reflect.Type {
	for _, name := range names {
		a.r.Fields[Read{On: norm(t), Name: name}] = true
		t = member(t, name)
	}
	return t
}

// norm returns the pointer type for a struct type, so that one read has
// one key whether the value was addressed or not.
func norm(t reflect.Type) reflect.Type {
	if t != nil && t.Kind() == reflect.Struct {
		return reflect.PointerTo(t)
	}
	return t
}

// member is the type of t.name, nil when it cannot be known.
func member(t reflect.Type, name string) reflect.Type {
	if t == nil {
		return nil
	}
	if m, ok := t.MethodByName(name); ok {
		return result(m.Type)
	}
	if t.Kind() != reflect.Pointer {
		if m, ok := reflect.PointerTo(t).MethodByName(name); ok {
			return result(m.Type)
		}
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		if f, ok := t.FieldByName(name); ok {
			if f.Type.Kind() == reflect.Interface {
				return nil
			}
			return f.Type
		}
	case reflect.Map:
		if t.Elem().Kind() != reflect.Interface {
			return t.Elem()
		}
	}
	return nil
}

func result(ft reflect.Type) reflect.Type {
	if ft.NumOut() == 0 || ft.Out(0).Kind() == reflect.Interface {
		return nil
	}
	return ft.Out(0)
}

// rangeTypes are the key and element types of ranging over t.
func rangeTypes(t reflect.Type) (key, elem reflect.Type) {
	if t == nil {
		return nil, nil
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Array:
		e := t.Elem()
		if e.Kind() == reflect.Interface {
			e = nil
		}
		return reflect.TypeFor[int](), e
	case reflect.Map:
		e := t.Elem()
		if e.Kind() == reflect.Interface {
			e = nil
		}
		return t.Key(), e
	case reflect.Int:
		return t, t
	}
	return nil, nil
}
