package buildcache

import (
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"math"
	"reflect"
	"sort"
	"strconv"
	"sync"
	"time"
	"unsafe"

	"github.com/fazhi-dev/fazhi/internal/config"
	"github.com/fazhi-dev/fazhi/internal/render"
	"github.com/fazhi-dev/fazhi/internal/site"
	"github.com/fazhi-dev/fazhi/internal/tmpl"
)

// Sum is a SHA-256 digest.
type Sum [32]byte

var (
	pageType    = reflect.TypeFor[*site.Page]()
	sectionType = reflect.TypeFor[*site.Section]()
	termType    = reflect.TypeFor[*site.Term]()
	siteType    = reflect.TypeFor[*site.Site]()
	// siteColumnType is a column reached through .Site.Sections.
	siteColumnType = reflect.TypeFor[*render.SiteColumn]()
	configType     = reflect.TypeFor[*config.Config]()
	timeType       = reflect.TypeFor[time.Time]()
	locType        = reflect.TypeFor[*time.Location]()
	derivedType    = reflect.TypeFor[site.Derived]()
)

// encoder writes a value's every field into a byte string, the same in
// every process. Pages, columns and terms met inside a value are written
// as references (path, URL and title), never followed: a page's card is
// what it holds itself, and the pages it refers to are dependencies of
// their own. A new field of site.Page is so covered without anyone
// remembering to add it.
type encoder struct {
	b    []byte
	refs []string // content paths of the pages referred to
}

func (e *encoder) str(s string) {
	e.b = binary.AppendUvarint(e.b, uint64(len(s)))
	e.b = append(e.b, s...)
}

func (e *encoder) tag(c byte) { e.b = append(e.b, c) }

func (e *encoder) value(v reflect.Value, depth int) {
	if depth > 24 {
		e.tag('!')
		return
	}
	t := v.Type()
	switch t {
	case pageType:
		if v.IsNil() {
			e.tag('0')
			return
		}
		p := (*site.Page)(v.UnsafePointer())
		e.tag('P')
		e.str(p.Path)
		e.str(p.URL)
		e.str(p.Title)
		e.refs = append(e.refs, p.Path)
		return
	case sectionType:
		if v.IsNil() {
			e.tag('0')
			return
		}
		e.tag('S')
		e.str((*site.Section)(v.UnsafePointer()).Path)
		return
	case termType:
		if v.IsNil() {
			e.tag('0')
			return
		}
		tm := (*site.Term)(v.UnsafePointer())
		e.tag('T')
		e.str(tm.Name)
		e.str(tm.URL)
		e.b = binary.AppendUvarint(e.b, uint64(len(tm.Pages)))
		return
	case siteType, configType:
		e.tag('-') // the site and its configuration are in the global key
		return
	case locType:
		if v.IsNil() {
			e.tag('0')
			return
		}
		e.str((*time.Location)(v.UnsafePointer()).String())
		return
	case timeType:
		var tm time.Time
		switch {
		case v.CanAddr():
			tm = *(*time.Time)(unsafe.Pointer(v.UnsafeAddr()))
		case v.CanInterface():
			tm = v.Interface().(time.Time)
		default:
			e.tag('?')
			return
		}
		e.str(tm.Format(time.RFC3339Nano))
		e.str(tm.Location().String())
		return
	case derivedType:
		return // rendering fills it; the page's source stands for it
	}
	switch v.Kind() {
	case reflect.Bool:
		if v.Bool() {
			e.tag('t')
		} else {
			e.tag('f')
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.b = binary.AppendVarint(e.b, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		e.b = binary.AppendUvarint(e.b, v.Uint())
	case reflect.Float32, reflect.Float64:
		e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(v.Float()))
	case reflect.String:
		e.str(v.String())
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			e.tag('0')
			return
		}
		e.tag('*')
		if v.Kind() == reflect.Interface {
			e.str(v.Elem().Type().String())
		}
		e.value(v.Elem(), depth+1)
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			e.tag('0')
			return
		}
		e.tag('[')
		e.b = binary.AppendUvarint(e.b, uint64(v.Len()))
		if t.Elem().Kind() == reflect.Uint8 {
			e.b = append(e.b, v.Bytes()...)
			return
		}
		for i := 0; i < v.Len(); i++ {
			e.value(v.Index(i), depth+1)
		}
	case reflect.Map:
		if v.IsNil() {
			e.tag('0')
			return
		}
		e.tag('{')
		type kv struct{ k, v []byte }
		var items []kv
		it := v.MapRange()
		for it.Next() {
			ke := encoder{}
			ke.value(it.Key(), depth+1)
			ve := encoder{}
			ve.value(it.Value(), depth+1)
			e.refs = append(e.refs, ke.refs...)
			e.refs = append(e.refs, ve.refs...)
			items = append(items, kv{ke.b, ve.b})
		}
		sort.Slice(items, func(i, j int) bool { return string(items[i].k) < string(items[j].k) })
		e.b = binary.AppendUvarint(e.b, uint64(len(items)))
		for _, x := range items {
			e.b = append(e.b, x.k...)
			e.b = append(e.b, x.v...)
		}
	case reflect.Struct:
		e.tag('(')
		for i := 0; i < v.NumField(); i++ {
			e.value(v.Field(i), depth+1)
		}
		e.tag(')')
	default:
		e.tag('?') // funcs and channels show nothing
	}
}

// encoders keeps the buffers Card and Digest encode into: a key is
// hashed from an encoding that is garbage once hashed, and a buffer per
// page (tens of megabytes over a large site) is garbage the collector
// counts as live while it marks.
var encoders = sync.Pool{New: func() any { return new(encoder) }}

func getEncoder() *encoder {
	e := encoders.Get().(*encoder)
	e.b, e.refs = e.b[:0], nil
	return e
}

func putEncoder(e *encoder) {
	if cap(e.b) <= 1<<20 {
		e.refs = nil
		encoders.Put(e)
	}
}

// Card returns the digest of what a page holds (everything but what its
// body renders to, for which the digest of its source files stands) and
// the content paths of the pages it refers to.
func Card(p *site.Page) (Sum, []string) {
	e := getEncoder()
	defer putEncoder(e)
	e.value(reflect.ValueOf(p).Elem(), 0)
	return sha256.Sum256(e.b), e.refs
}

// Digest returns the digest of any value, encoded as Card encodes pages.
func Digest(vals ...any) Sum {
	e := getEncoder()
	defer putEncoder(e)
	for _, v := range vals {
		if v == nil {
			e.tag('0')
			continue
		}
		e.value(reflect.ValueOf(v), 0)
	}
	return sha256.Sum256(e.b)
}

// Hasher accumulates a key. Its zero value is ready to use; what is added
// goes through a buffer of at most hasherBuf bytes into the digest, so
// that a key over every page of the site (a list's) holds no more than
// that, and a small key allocates little.
type Hasher struct {
	h hash.Hash
	b []byte
}

const hasherBuf = 4 << 10

func (h *Hasher) flush() {
	if h.h == nil {
		h.h = sha256.New()
	}
	h.h.Write(h.b)
	h.b = h.b[:0]
}

func (h *Hasher) add(p []byte) {
	if len(h.b)+len(p) > hasherBuf {
		h.flush()
		if len(p) > hasherBuf {
			h.h.Write(p)
			return
		}
	}
	h.b = append(h.b, p...)
}

// Str adds a string.
func (h *Hasher) Str(s string) *Hasher {
	var n [binary.MaxVarintLen64]byte
	h.add(n[:binary.PutUvarint(n[:], uint64(len(s)))])
	for len(s) > 0 {
		// In pieces, so that a long string is not copied whole.
		k := min(len(s), hasherBuf)
		if len(h.b)+k > hasherBuf {
			h.flush()
		}
		h.b = append(h.b, s[:k]...)
		s = s[k:]
	}
	return h
}

// Sum adds a digest.
func (h *Hasher) Sum(s Sum) *Hasher { h.add(s[:]); return h }

// Bool adds a boolean.
func (h *Hasher) Bool(b bool) *Hasher { return h.Str(strconv.FormatBool(b)) }

// Done returns the key.
func (h *Hasher) Done() Sum {
	h.flush()
	var s Sum
	h.h.Sum(s[:0])
	return s
}

// Scope says what a page's template may read beyond the page itself and
// the pages it refers to.
type Scope struct {
	// Graph: it may list pages of the whole site (.Site.Graph, a column's
	// or a term's Pages, OpenConsultations…), so the page depends on
	// every page's card.
	Graph bool
	// Now: it reads the build time itself (.Site.Now, now).
	Now bool
	// Bodies: it may show what another page's body renders to (its
	// Summary), so the sources of the pages it refers to count.
	Bodies bool
}

// graphNames are, for each type of the site graph, the fields and
// methods that lead to pages other than those a page refers to: fields
// holding pages (Pages, ByPath, Home…) and methods other than those
// returning a string (Section.URL and the like are built from the
// column's path, which is in the global key).
var graphNames = func() map[reflect.Type]map[string]bool {
	out := map[reflect.Type]map[string]bool{}
	for _, t := range []reflect.Type{siteType, sectionType, termType, siteColumnType} {
		names := map[string]bool{}
		for i := 0; i < t.NumMethod(); i++ {
			m := t.Method(i)
			if m.Type.NumOut() > 0 && m.Type.Out(0).Kind() == reflect.String {
				continue
			}
			names[m.Name] = true
		}
		for _, f := range reflect.VisibleFields(t.Elem()) {
			// A column reached through the site holds its fields
			// promoted, and the column itself.
			if f.IsExported() && (reaches(f.Type, 0) || f.Anonymous) {
				names[f.Name] = true
			}
		}
		out[t] = names
	}
	return out
}()

// reaches reports whether a value of type t holds pages (not through a
// column or term, whose own fields are looked at by name).
func reaches(t reflect.Type, depth int) bool {
	if depth > 6 {
		return false
	}
	switch t {
	case pageType, siteType:
		return true
	case sectionType, termType:
		return false
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Array, reflect.Pointer:
		return reaches(t.Elem(), depth+1)
	case reflect.Map:
		return reaches(t.Key(), depth+1) || reaches(t.Elem(), depth+1)
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if reaches(t.Field(i).Type, depth+1) {
				return true
			}
		}
	}
	return false
}

// siteNamesBy are, for each type templates can reach, the fields and
// methods that lead to the site graph itself, and siteNames their names.
var siteNamesBy, siteNames = yielding(siteType)

// SectionType is the type of a column in the site graph.
var SectionType = sectionType

// SiteColumnType is the type of a column reached through .Site.Sections.
var SiteColumnType = siteColumnType

// DataType is the type templates are executed with.
var DataType = reflect.TypeFor[*render.Data]()

// ScopeOf returns what templates that read r may read beyond the page
// and the pages it refers to: a field read on the site, a column or a
// term that leads to pages, or any such name read on a value whose type
// is not known, puts every page in scope; the build time is in scope
// when a template reads Now or calls now.
func ScopeOf(r tmpl.Reads) Scope { return ScopeExcept(r, nil) }

// ScopeExcept is ScopeOf not counting reads on the types in covered,
// whose pages the caller counts itself (a column's list counts every page
// of the column and its sub-columns).
func ScopeExcept(r tmpl.Reads, covered map[reflect.Type]bool) Scope {
	if r.All {
		return Scope{Graph: true, Now: true, Bodies: true}
	}
	s := Scope{Now: r.Funcs["now"]}
	for rd := range r.Fields {
		if (rd.Name == "Summary" || rd.Name == "Derived") && (rd.On == nil || rd.On == pageType) {
			s.Bodies = true
		}
		if rd.Name == "Now" && (rd.On == nil || rd.On == siteType || rd.On == reflect.TypeFor[*render.SiteData]()) {
			s.Now = true
		}
		if rd.Name == "Graph" && (rd.On == nil || rd.On == reflect.TypeFor[*render.SiteData]()) {
			s.Graph = true
		}
		if siteNames[rd.Name] && (rd.On == nil || siteNamesBy[rd.On][rd.Name]) {
			s.Graph = true // it reaches the site itself
		}
		if covered[rd.On] {
			continue
		}
		if rd.On == nil {
			// A value of unknown type is a column (of the graph, or one
			// reached through .Site.Sections) or a term (the site is only
			// reached through the names above): a read on it counts
			// unless each of them is covered.
			for t, names := range graphNames {
				if names[rd.Name] && !covered[t] && t != siteType {
					s.Graph = true
				}
			}
		} else if graphNames[rd.On][rd.Name] {
			s.Graph = true
		}
	}
	return s
}
