package tmpl

import (
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"reflect"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/fazhi-dev/fazhi/internal/site"
)

// FuncOptions configures the template functions that depend on the site.
type FuncOptions struct {
	// BaseURL is the site's absolute base URL ("https://x.gov.cn/sub/").
	BaseURL string
	// Markdownify renders a short Markdown string to HTML; the
	// markdownify function unwraps a single paragraph.
	Markdownify func(string) (template.HTML, error)
	// Asset looks up the fingerprinted URL of a static file
	// ("js/search.js" → "/js/search.1a2b3c4d5e.js"); nil or not found
	// leaves the file's own URL.
	Asset func(file string) (url string, ok bool)
	// QR renders a URL as an inline SVG QR code.
	QR func(string) (template.HTML, error)
	// Now is the build time.
	Now time.Time
}

// Funcs returns fazhi's template functions. Each is documented with an
// example in funcs_test.go.
func Funcs(o FuncOptions) template.FuncMap {
	base := site.ParseBase(o.BaseURL)
	return template.FuncMap{
		"cnDate":      func(t any) (string, error) { return format(t, "2006年1月2日") },
		"cnTime":      cnTime,
		"isoDate":     func(t any) (string, error) { return format(t, "2006-01-02") },
		"pubDate":     pubDate,
		"dateFormat":  func(layout string, t any) (string, error) { return format(t, layout) },
		"rfc3339":     func(t any) (string, error) { return format(t, time.RFC3339) },
		"relURL":      base.Rel,
		"absURL":      base.Abs,
		"markdownify": markdownify(o.Markdownify),
		"asset":       asset(o.Asset),
		"qr":          qr(o.QR),
		"truncate":    Truncate,
		"where":       Where,
		"sortBy":      SortBy,
		"first":       First,
		"safeHTML":    func(s string) template.HTML { return template.HTML(s) },
		"safeURL":     func(s string) template.URL { return template.URL(s) },
		"jsonify":     jsonify,
		"dict":        dict,
		"list":        func(v ...any) []any { return v },
		"add":         func(a, b int) int { return a + b },
		"sub":         func(a, b int) int { return a - b },
		"default":     dflt,
		"join":        strings.Join,
		"contains":    strings.Contains,
		"hasPrefix":   strings.HasPrefix,
		"humanSize":   HumanSize,
		"now":         func() time.Time { return o.Now },
		"runeCount":   utf8.RuneCountInString,
	}
}

// pubDate formats a publication time as "2006-01-02 15:04", or as
// "2006-01-02" when the time is midnight, which is what a date written
// without a time gives: showing "00:00" would claim a precision the
// author never gave.
func pubDate(v any) (string, error) {
	s, err := format(v, "2006-01-02 15:04")
	if err != nil || !strings.HasSuffix(s, " 00:00") {
		return s, err
	}
	return strings.TrimSuffix(s, " 00:00"), nil
}

// cnTime formats a time as in a 公文, "2006年1月2日 15:04", or as
// "2006年1月2日" when the time is midnight (see pubDate).
func cnTime(v any) (string, error) {
	s, err := format(v, "2006年1月2日 15:04")
	if err != nil || !strings.HasSuffix(s, " 00:00") {
		return s, err
	}
	return strings.TrimSuffix(s, " 00:00"), nil
}

// format formats a time.Time, or a value that embeds one (front-matter
// dates such as .Page.Policy.Effective); a zero time gives "".
func format(v any, layout string) (string, error) {
	switch t := v.(type) {
	case time.Time:
		return fmtTime(t, layout), nil
	case *time.Time:
		if t == nil {
			return "", nil
		}
		return fmtTime(*t, layout), nil
	case nil:
		return "", nil
	}
	rv := reflect.Indirect(reflect.ValueOf(v))
	if rv.Kind() == reflect.Struct {
		if f := rv.FieldByName("Time"); f.IsValid() {
			if t, ok := f.Interface().(time.Time); ok {
				return fmtTime(t, layout), nil
			}
		}
	}
	return "", fmt.Errorf("日期函数需要一个日期，得到的是 %T (date functions need a date)", v)
}

func fmtTime(t time.Time, layout string) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(layout)
}

// Truncate cuts s to at most n characters (not bytes), adding "…" when
// it cuts.
func Truncate(n int, s string) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	if n < 1 {
		return ""
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// HumanSize formats a byte count: 512 B, 12.3 KB, 4.5 MB.
func HumanSize(n int64) string {
	switch {
	case n < 1024:
		return fmt.Sprintf("%d B", n)
	case n < 1024*1024:
		return fmt.Sprintf("%.1f KB", float64(n)/1024)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/1024/1024)
}

func markdownify(f func(string) (template.HTML, error)) func(string) (template.HTML, error) {
	return func(s string) (template.HTML, error) {
		if f == nil {
			return template.HTML(template.HTMLEscapeString(s)), nil
		}
		h, err := f(s)
		return template.HTML(unwrapParagraph(string(h))), err
	}
}

// unwrapParagraph strips the <p> around HTML that is one paragraph, so
// that a markdownified title or caption can sit inside other text.
func unwrapParagraph(h string) string {
	h = strings.TrimSpace(h)
	if strings.HasPrefix(h, "<p>") && strings.HasSuffix(h, "</p>") && strings.Count(h, "<p>") == 1 {
		return strings.TrimSuffix(strings.TrimPrefix(h, "<p>"), "</p>")
	}
	return h
}

// asset returns the URL of a static file by its path under static/,
// fingerprinted when lookup knows it: {{ asset "js/search.js" }}.
func asset(lookup func(string) (string, bool)) func(string) string {
	return func(p string) string {
		p = strings.TrimPrefix(p, "/")
		if lookup != nil {
			if u, ok := lookup(p); ok {
				return u
			}
		}
		return "/" + p
	}
}

func qr(f func(string) (template.HTML, error)) func(string) (template.HTML, error) {
	return func(s string) (template.HTML, error) {
		if f == nil {
			return "", nil
		}
		return f(s)
	}
}

func jsonify(v any) (template.JS, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	return template.JS(b), nil
}

func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, errors.New("dict 需要成对的键和值 (dict needs key/value pairs)")
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, errors.New("dict 的键必须是文字 (dict keys must be strings)")
		}
		m[k] = kv[i+1]
	}
	return m, nil
}

func dflt(def, v any) any {
	if v == nil {
		return def
	}
	rv := reflect.ValueOf(v)
	if rv.IsZero() {
		return def
	}
	if (rv.Kind() == reflect.Slice || rv.Kind() == reflect.Map) && rv.Len() == 0 {
		return def
	}
	return v
}

// field reads a (possibly dotted) field or method from v.
func field(v reflect.Value, name string) (reflect.Value, error) {
	for _, part := range strings.Split(name, ".") {
		for v.Kind() == reflect.Interface {
			v = v.Elem()
		}
		if !v.IsValid() {
			return v, nil
		}
		if m := v.MethodByName(part); m.IsValid() && m.Type().NumIn() == 0 && m.Type().NumOut() >= 1 {
			v = m.Call(nil)[0]
			continue
		}
		for v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return reflect.Value{}, nil
			}
			v = v.Elem()
		}
		switch v.Kind() {
		case reflect.Struct:
			f := v.FieldByName(part)
			if !f.IsValid() {
				if m := v.Addr().MethodByName(part); m.IsValid() {
					v = m.Call(nil)[0]
					continue
				}
				return reflect.Value{}, fmt.Errorf("没有字段「%s」 (no field %q)", part, part)
			}
			v = f
		case reflect.Map:
			v = v.MapIndex(reflect.ValueOf(part))
		default:
			return reflect.Value{}, fmt.Errorf("无法读取字段「%s」 (cannot read field %q)", part, part)
		}
	}
	return v, nil
}

// Where returns the elements of list whose field equals value:
// {{ where .Pages "Type" "policy" }}.
func Where(list any, name string, value any) ([]any, error) {
	lv := reflect.ValueOf(list)
	if lv.Kind() != reflect.Slice && lv.Kind() != reflect.Array {
		return nil, errors.New("where 的第一个参数必须是列表 (where needs a list)")
	}
	var out []any
	for i := 0; i < lv.Len(); i++ {
		f, err := field(lv.Index(i), name)
		if err != nil {
			return nil, err
		}
		if f.IsValid() && f.CanInterface() && fmt.Sprint(f.Interface()) == fmt.Sprint(value) {
			out = append(out, lv.Index(i).Interface())
		}
	}
	return out, nil
}

// SortBy returns a copy of list sorted by a field, "asc" or "desc":
// {{ sortBy .Pages "Title" "asc" }}. Times, numbers and strings sort by value.
func SortBy(list any, name string, order string) ([]any, error) {
	lv := reflect.ValueOf(list)
	if lv.Kind() != reflect.Slice && lv.Kind() != reflect.Array {
		return nil, errors.New("sortBy 的第一个参数必须是列表 (sortBy needs a list)")
	}
	type item struct {
		v   any
		key reflect.Value
	}
	items := make([]item, lv.Len())
	for i := range items {
		k, err := field(lv.Index(i), name)
		if err != nil {
			return nil, err
		}
		items[i] = item{lv.Index(i).Interface(), k}
	}
	less := func(a, b reflect.Value) bool {
		if !a.IsValid() || !b.IsValid() {
			return !a.IsValid() && b.IsValid()
		}
		if ta, ok := a.Interface().(time.Time); ok {
			return ta.Before(b.Interface().(time.Time))
		}
		switch a.Kind() {
		case reflect.Int, reflect.Int64, reflect.Int32:
			return a.Int() < b.Int()
		case reflect.Float64:
			return a.Float() < b.Float()
		}
		return fmt.Sprint(a.Interface()) < fmt.Sprint(b.Interface())
	}
	sort.SliceStable(items, func(i, j int) bool {
		if order == "desc" {
			return less(items[j].key, items[i].key)
		}
		return less(items[i].key, items[j].key)
	})
	out := make([]any, len(items))
	for i, it := range items {
		out[i] = it.v
	}
	return out, nil
}

// First returns the first n elements of list: {{ first 5 .Pages }}.
func First(n int, list any) (any, error) {
	lv := reflect.ValueOf(list)
	if lv.Kind() != reflect.Slice && lv.Kind() != reflect.Array {
		return nil, errors.New("first 的第二个参数必须是列表 (first needs a list)")
	}
	if n < 0 {
		n = 0
	}
	if n > lv.Len() {
		n = lv.Len()
	}
	return lv.Slice(0, n).Interface(), nil
}
