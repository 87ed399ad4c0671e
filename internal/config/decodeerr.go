package config

import (
	"encoding"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/tomlpos"
)

// DecodeError turns the error of toml.Decode(src, dst) into an
// author-facing error with the file and line. offset is added to line
// numbers (front matter starts after the opening +++ line).
//
// A toml.ParseError carries its own position: a syntax error, or the
// message of one of fazhi's UnmarshalTOML methods. Any other error is a
// value of the wrong type, which BurntSushi/toml reports only as text:
// the key is found instead by comparing the TOML values of src with the
// Go types of dst.
func DecodeError(file string, offset int, err error, pos *tomlpos.Index, src string, dst any) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		if !isASCII(pe.Message) {
			// One of our own UnmarshalTOML messages: the value, not the syntax, is wrong.
			return &diag.Error{File: file, Line: pe.Position.Line + offset, Col: pe.Position.Col,
				Msg: fmt.Sprintf("「%s」的值不对：%s", pe.LastKey, pe.Message)}
		}
		return &diag.Error{File: file, Line: pe.Position.Line + offset, Col: pe.Position.Col,
			Msg: fmt.Sprintf("TOML 格式错误：%s。请检查这一行的引号、等号和括号是否成对 (TOML syntax error)", pe.Message)}
	}
	key, at, want := mismatch(src, dst)
	if key == "" {
		return &diag.Error{File: file, Msg: "设置值类型不对：" + strings.TrimPrefix(err.Error(), "toml: ")}
	}
	line := 0
	if l := pos.Line(at); l > 0 {
		line = l + offset
	}
	if w, ok := typeWords[want]; ok {
		return &diag.Error{File: file, Line: line, Msg: fmt.Sprintf("「%s」的值类型不对：应为%s (wrong type)", key, w)}
	}
	return &diag.Error{File: file, Line: line, Msg: fmt.Sprintf("设置值类型不对：「%s」的值应为%s (wrong type)", key, otherWords[want])}
}

// The kinds of value a key may want, as compared by mismatch.
const (
	wantString = "string"
	wantList   = "slice"
	wantBool   = "bool"
	wantTime   = "time.Time"
	wantInt    = "integer"
	wantFloat  = "float"
	wantTable  = "table"
)

// typeWords says in Chinese what kind of value a key wants.
var typeWords = map[string]string{
	wantString: "文字，用英文双引号括起来，如 \"某市司法局\"",
	wantList:   "列表，如 [\"行政复议\", \"法治政府\"]",
	wantBool:   "true 或 false",
	wantTime:   "日期，如 2024-03-01",
}

// otherWords are the kinds whose messages start with 设置值类型不对.
var otherWords = map[string]string{
	wantInt:   "整数，如 10",
	wantFloat: "数字，如 1.5",
	wantTable: "一个表，如 [identity] 下面的若干行",
}

var (
	timeType        = reflect.TypeFor[time.Time]()
	unmarshalerType = reflect.TypeFor[toml.Unmarshaler]()
	textType        = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// mismatch finds the first key, in file order, whose TOML value in src
// does not fit its Go type in dst: the key as an author reads it
// ("menu.main.weight"), as tomlpos finds its line ("menu.main.0.weight")
// and the kind of value it wants; "" when every value fits. Values decoded
// by their own UnmarshalTOML or UnmarshalText are not looked into: they
// report their own errors.
func mismatch(src string, dst any) (key, at, want string) {
	var raw map[string]any
	if _, err := toml.Decode(src, &raw); err != nil {
		return "", "", ""
	}
	type bad struct{ key, at, want string }
	var found []bad
	walk(raw, reflect.TypeOf(dst), "", "", func(key, at, want string) {
		found = append(found, bad{key, at, want})
	})
	if len(found) == 0 {
		return "", "", ""
	}
	pos := tomlpos.New([]byte(src))
	sort.SliceStable(found, func(i, j int) bool { return pos.Line(found[i].at) < pos.Line(found[j].at) })
	return found[0].key, found[0].at, found[0].want
}

// walk compares the TOML value v at key (at: with list indexes) with Go
// type t and calls bad for every value that does not fit.
func walk(v any, t reflect.Type, key, at string, bad func(key, at, want string)) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Implements(unmarshalerType) || reflect.PointerTo(t).Implements(unmarshalerType) ||
		reflect.PointerTo(t).Implements(textType) {
		return
	}
	switch {
	case t == timeType:
		if _, ok := v.(time.Time); !ok {
			bad(key, at, wantTime)
		}
	case t.Kind() == reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			bad(key, at, wantTable)
			return
		}
		for k, sub := range m {
			if f, ok := field(t, k); ok {
				walk(sub, f.Type, join(key, k), join(at, k), bad)
			}
		}
	case t.Kind() == reflect.Map:
		m, ok := v.(map[string]any)
		if !ok {
			bad(key, at, wantTable)
			return
		}
		for k, sub := range m {
			walk(sub, t.Elem(), join(key, k), join(at, k), bad)
		}
	case t.Kind() == reflect.Slice || t.Kind() == reflect.Array:
		rv := reflect.ValueOf(v)
		if v == nil || rv.Kind() != reflect.Slice {
			bad(key, at, wantList)
			return
		}
		for i := 0; i < rv.Len(); i++ {
			walk(rv.Index(i).Interface(), t.Elem(), key, join(at, strconv.Itoa(i)), bad)
		}
	case t.Kind() == reflect.String:
		if _, ok := v.(string); !ok {
			bad(key, at, wantString)
		}
	case t.Kind() == reflect.Bool:
		if _, ok := v.(bool); !ok {
			bad(key, at, wantBool)
		}
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Uint64:
		if _, ok := v.(int64); !ok {
			bad(key, at, wantInt)
		}
	case t.Kind() == reflect.Float32 || t.Kind() == reflect.Float64:
		switch v.(type) {
		case float64, int64:
		default:
			bad(key, at, wantFloat)
		}
	}
}

// field finds the struct field a TOML key decodes into, as BurntSushi/toml
// does: by its toml tag, else by its name, else by its name in any case.
func field(t reflect.Type, key string) (reflect.StructField, bool) {
	var byName, byFold *reflect.StructField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		if f.Anonymous && f.Type.Kind() == reflect.Struct && f.Tag.Get("toml") == "" {
			if sub, ok := field(f.Type, key); ok {
				return sub, true
			}
			continue
		}
		tag, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		switch {
		case tag == "-":
		case tag != "":
			if tag == key {
				return f, true
			}
		case f.Name == key:
			byName = &f
		case strings.EqualFold(f.Name, key) && byFold == nil:
			byFold = &f
		}
	}
	if byName != nil {
		return *byName, true
	}
	if byFold != nil {
		return *byFold, true
	}
	return reflect.StructField{}, false
}

func join(key, k string) string {
	if key == "" {
		return k
	}
	return key + "." + k
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
