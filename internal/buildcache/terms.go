package buildcache

import (
	"reflect"

	"github.com/fazhi-dev/fazhi/internal/site"
	"github.com/fazhi-dev/fazhi/internal/tmpl"
)

// TermType is the type of a taxonomy term or browse group.
var TermType = termType

// PageType is the type of a page in the site graph.
var PageType = pageType

// BrowseType is the type of a policy column's browse groups.
var BrowseType = reflect.TypeFor[*site.Browse]()

// holds reports whether a value of type t is or holds (in a slice, map
// or pointer) a value of type target. A struct's fields are not looked
// into: a template reads them by name, and each is a read of its own.
func holds(t, target reflect.Type, depth int) bool {
	if depth > 6 {
		return false
	}
	if t == target {
		return true
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Array, reflect.Pointer:
		return holds(t.Elem(), target, depth+1)
	case reflect.Map:
		return holds(t.Key(), target, depth+1) || holds(t.Elem(), target, depth+1)
	}
	return false
}

// yielding returns, for every type a template can reach from what it is
// executed with, the names of its fields and methods whose value holds a
// value of type target, and the union of those names over all types
// (for reads on a value of unknown type).
func yielding(target reflect.Type) (map[reflect.Type]map[string]bool, map[string]bool) {
	by := map[reflect.Type]map[string]bool{}
	any := map[string]bool{}
	seen := map[reflect.Type]bool{}
	var visit func(t reflect.Type, depth int)
	visit = func(t reflect.Type, depth int) {
		if depth > 12 || seen[t] {
			return
		}
		seen[t] = true
		switch t.Kind() {
		case reflect.Slice, reflect.Array:
			visit(t.Elem(), depth+1)
			return
		case reflect.Map:
			visit(t.Key(), depth+1)
			visit(t.Elem(), depth+1)
			return
		}
		names := map[string]bool{}
		for i := 0; i < t.NumMethod(); i++ {
			m := t.Method(i)
			for j := 0; j < m.Type.NumOut(); j++ {
				if holds(m.Type.Out(j), target, 0) {
					names[m.Name] = true
				}
				visit(m.Type.Out(j), depth+1)
			}
		}
		st := t
		if st.Kind() == reflect.Pointer {
			st = st.Elem()
			visit(st, depth+1) // the methods of the value
		}
		if st.Kind() == reflect.Struct {
			for _, f := range reflect.VisibleFields(st) {
				if !f.IsExported() {
					continue
				}
				if holds(f.Type, target, 0) {
					names[f.Name] = true
				}
				visit(f.Type, depth+1)
			}
		}
		if len(names) > 0 {
			by[t] = names
			for n := range names {
				any[n] = true
			}
		}
	}
	visit(DataType, 0)
	return by, any
}

var termNames, anyTermName = yielding(termType)

var sectionNames, anySectionName = yielding(sectionType)

// TermsOnly reports whether the only terms templates that read r can
// reach are those of allowed reads: no other field or method that leads
// to a term is read, on any type, nor one of their names on a value of
// unknown type. A list job whose own terms hold only its members (a term
// page's term, a column's browse groups) then covers reads on terms.
func TermsOnly(r tmpl.Reads, allowed func(tmpl.Read) bool) bool {
	return only(r, allowed, termNames, anyTermName)
}

// SectionsOnly is TermsOnly for columns: whether the only columns
// templates that read r can reach are those of allowed reads (a column's
// own, its sub-columns). .Site.Sections yields SiteColumns, a type of
// their own whose reads are never covered, so reading the columns'
// titles for a menu keeps a column's own reads covered while reading
// their pages puts the site in scope.
func SectionsOnly(r tmpl.Reads, allowed func(tmpl.Read) bool) bool {
	return only(r, allowed, sectionNames, anySectionName)
}

// only reports whether r reads no name that leads to a value of the type
// byType was found for, other than the allowed reads.
func only(r tmpl.Reads, allowed func(tmpl.Read) bool, byType map[reflect.Type]map[string]bool, anyName map[string]bool) bool {
	if r.All {
		return false
	}
	for rd := range r.Fields {
		if allowed(rd) {
			continue
		}
		names, known := byType[rd.On]
		if rd.On == nil || !known && rd.On.Kind() == reflect.Interface {
			names = anyName
		}
		if names[rd.Name] {
			return false
		}
		// A read on a struct is noted on its pointer type; the names
		// may have been found on the struct (reached as a value).
		if rd.On != nil && rd.On.Kind() == reflect.Pointer && byType[rd.On.Elem()][rd.Name] {
			return false
		}
	}
	return true
}
