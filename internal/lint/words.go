package lint

import (
	_ "embed"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// Entry is one word-list entry: a wrong wording and what to write
// instead.
type Entry struct {
	// Wrong is the exact text to find. Either Wrong or Pattern is set.
	Wrong string
	// Pattern is a regular expression (Go RE2 syntax) to find.
	Pattern string
	// Right is the correct text. For a Pattern entry, $1 … $99 (or ${1})
	// stand for the pattern's bracketed groups and $$ for a dollar sign.
	// It may be empty when Note says why the wording should be avoided.
	Right string
	// Level is how serious a match is; Off disables the entry.
	Level Level
	// Note explains the rule to the author.
	Note string
	// Line is the line of the entry's [[word]] header in its TOML file,
	// or 0 when unknown.
	Line int

	re       *regexp.Regexp
	anchored *regexp.Regexp // re anchored at the start, for the shared pass
}

// key identifies an entry for Merge.
func (e *Entry) key() string {
	if e.Pattern != "" {
		return "pattern:" + e.Pattern
	}
	return "wrong:" + e.Wrong
}

// WordList is a compiled list of wording errors. Literal entries share one
// character trie, so a scan reads the text once for all of them. Pattern
// entries whose matches start with one of a few known characters join the
// same pass and are tried only where such a character occurs; other
// patterns run one regular-expression pass each. A WordList is immutable
// and safe for concurrent use.
type WordList struct {
	entries  []Entry
	trie     *trieNode
	starts   map[rune][]int // first character → anchored pattern entries
	patterns []int          // pattern entries that need a pass of their own
}

// WordListError is one problem in a word-list file. Line is the 1-based
// line in the TOML file, or 0 when unknown; Entry is the 1-based entry
// number, or 0 when the problem is outside an entry.
type WordListError struct {
	Line  int
	Entry int
	Msg   string
}

// Error implements the error interface; the message starts with the line
// (第 12 行) so that a caller can put the file name in front of it.
func (e *WordListError) Error() string {
	switch {
	case e.Line > 0:
		return fmt.Sprintf("第 %d 行：%s", e.Line, e.Msg)
	case e.Entry > 0:
		return fmt.Sprintf("第 %d 个词条：%s", e.Entry, e.Msg)
	}
	return e.Msg
}

// entryFields are the keys allowed in a [[word]] table.
var entryFields = []string{"wrong", "pattern", "right", "level", "note"}

// ParseWordList reads a word list written in TOML as a series of [[word]]
// tables:
//
//	[[word]]
//	wrong = "截止2024年"
//	right = "截至2024年"
//	level = "error"   # or "warning" (the default), or "off"
//	note = "表示时间点用「截至」"
//
// An entry may give pattern (a regular expression) instead of wrong, and
// then use $1 in right for the first bracketed group. All problems found
// are returned together, joined with errors.Join; each is a
// *WordListError naming the line and saying what to write.
func ParseWordList(data []byte) (*WordList, error) {
	var doc map[string]any
	if _, err := toml.Decode(string(data), &doc); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, &WordListError{Line: pe.Position.Line, Msg: "TOML 格式有误，请检查引号、等号和方括号是否成对，每个词条是否以 [[word]] 开头 (" + pe.Message + ")"}
		}
		return nil, &WordListError{Msg: "词表无法读取：" + err.Error()}
	}
	lines := scanWordLines(string(data))
	var errs []error
	for k := range doc {
		if k != "word" {
			errs = append(errs, &WordListError{Line: lines.topKeys[k], Msg: "不认识的「" + k + "」：词表中只能有以 [[word]] 开头的词条"})
		}
	}
	raw, ok := wordTables(doc["word"])
	if _, present := doc["word"]; present && !ok {
		errs = append(errs, &WordListError{Line: lines.topKeys["word"], Msg: "「word」应写成一个个以 [[word]] 开头的词条"})
	}
	known := len(lines.headers) == len(raw)
	var entries []Entry
	seen := map[string]int{}
	for i, m := range raw {
		loc := entryLocation{index: i}
		if known {
			loc.header, loc.keys = lines.headers[i], lines.keys[i]
		}
		e, entryErrs := parseEntry(m, loc)
		errs = append(errs, entryErrs...)
		if len(entryErrs) > 0 {
			continue
		}
		if prev, dup := seen[e.key()]; dup {
			what := e.Wrong
			if e.Pattern != "" {
				what = e.Pattern
			}
			errs = append(errs, loc.err("", "「%s」和第 %d 个词条重复，请删除其中一条", what, prev))
			continue
		}
		seen[e.key()] = i + 1
		entries = append(entries, e)
	}
	if len(errs) > 0 {
		sortWordListErrors(errs)
		return nil, errors.Join(errs...)
	}
	return newWordList(entries), nil
}

// wordTables returns the [[word]] tables, written either as an array of
// tables or as an array of inline tables.
func wordTables(v any) ([]map[string]any, bool) {
	switch v := v.(type) {
	case nil:
		return nil, true
	case []map[string]any:
		return v, true
	case []any:
		out := make([]map[string]any, len(v))
		for i, x := range v {
			m, ok := x.(map[string]any)
			if !ok {
				return nil, false
			}
			out[i] = m
		}
		return out, true
	}
	return nil, false
}

// entryLocation knows where an entry and its keys are in the file.
type entryLocation struct {
	index  int
	header int
	keys   map[string]int
}

// err builds an error positioned at key's line, or at the entry header.
func (l entryLocation) err(key, format string, args ...any) *WordListError {
	line := l.keys[key]
	if line == 0 {
		line = l.header
	}
	return &WordListError{Line: line, Entry: l.index + 1, Msg: fmt.Sprintf(format, args...)}
}

func parseEntry(m map[string]any, loc entryLocation) (Entry, []error) {
	var e Entry
	var errs []error
	str := func(key string) string {
		v, present := m[key]
		if !present {
			return ""
		}
		s, ok := v.(string)
		if !ok {
			errs = append(errs, loc.err(key, "「%s」的值应是用双引号括起的文字，如 %s = \"……\"", key, key))
		}
		return s
	}
	for k := range m {
		if !slices.Contains(entryFields, k) {
			errs = append(errs, loc.err(k, "词条中不认识的字段「%s」，可用的字段有 %s", k, strings.Join(entryFields, "、")))
		}
	}
	e.Wrong, e.Pattern, e.Right, e.Note = str("wrong"), str("pattern"), str("right"), str("note")
	e.Line = loc.header
	e.Level = Warning
	if lv, present := m["level"]; present {
		s, _ := lv.(string)
		l, err := ParseLevel(s)
		if err != nil {
			errs = append(errs, loc.err("level", "level 应写「warning」（警告）、「error」（错误）或「off」（关闭）之一，不能写「%v」", lv))
		}
		e.Level = l
	}
	if len(errs) > 0 {
		return e, errs
	}
	switch {
	case e.Wrong == "" && e.Pattern == "":
		errs = append(errs, loc.err("", "词条缺少「wrong」（要查找的错误写法），如 wrong = \"截止2024年\"；要用正则表达式时写 pattern = \"截止(\\\\d{4}年)\""))
	case e.Wrong != "" && e.Pattern != "":
		errs = append(errs, loc.err("pattern", "词条不能同时有「wrong」和「pattern」，请只保留一个"))
	case strings.ContainsAny(e.Wrong, "\r\n"):
		errs = append(errs, loc.err("wrong", "「wrong」不能包含换行，请只写一行文字"))
	case e.Right == "" && e.Note == "" && e.Level != Off:
		errs = append(errs, loc.err("", "词条缺少「right」（正确写法），如 right = \"截至2024年\"；如果只是提示不宜使用，请用 note 说明原因"))
	case e.Wrong != "" && e.Right == e.Wrong:
		errs = append(errs, loc.err("right", "「right」与「wrong」相同，这个词条不会起作用，请改正或删除"))
	}
	if e.Pattern != "" && len(errs) == 0 {
		re, err := regexp.Compile(e.Pattern)
		switch {
		case err != nil:
			errs = append(errs, loc.err("pattern", "pattern「%s」不是有效的正则表达式，请检查括号和反斜杠（在双引号里反斜杠要写两个，如 \"\\\\d\"，也可改用单引号 '\\d'） (%v)", e.Pattern, err))
		case re.MatchString(""):
			errs = append(errs, loc.err("pattern", "pattern「%s」能匹配空文字，会到处报错，请写得更具体", e.Pattern))
		default:
			e.re = re
			if msg := checkTemplate(e.Right, re); msg != "" {
				errs = append(errs, loc.err("right", "%s", msg))
			}
		}
	}
	return e, errs
}

func sortWordListErrors(errs []error) {
	line := func(e error) int {
		var we *WordListError
		if errors.As(e, &we) {
			return we.Line
		}
		return 0
	}
	slices.SortStableFunc(errs, func(a, b error) int { return line(a) - line(b) })
}

// newWordList compiles entries; pattern entries must already carry their
// compiled expression.
func newWordList(entries []Entry) *WordList {
	w := &WordList{entries: entries, trie: newTrieNode(), starts: map[rune][]int{}}
	for i := range w.entries {
		e := &w.entries[i]
		switch {
		case e.Level == Off:
		case e.Pattern != "":
			first, anchored, ok := anchoredPattern(e.Pattern)
			if !ok {
				w.patterns = append(w.patterns, i)
				continue
			}
			e.anchored = anchored
			for _, r := range first {
				if !slices.Contains(w.starts[r], i) {
					w.starts[r] = append(w.starts[r], i)
				}
			}
		default:
			w.trie.add(e.Wrong, i)
		}
	}
	return w
}

//go:embed default_wordlist.toml
var defaultWordList []byte

// DefaultWordList returns the built-in list of frequent wording errors in
// Chinese government texts (misspelt law titles, 截止 for 截至, 法制政府
// for 法治政府, wrong brackets in document numbers, and the like). Each
// call parses the embedded list afresh, so callers that scan many pages
// should keep the result.
func DefaultWordList() *WordList {
	w, err := ParseWordList(defaultWordList)
	if err != nil {
		panic("lint: built-in word list is broken: " + err.Error())
	}
	return w
}

// Entries returns a copy of the list's entries, in file order.
func (w *WordList) Entries() []Entry {
	if w == nil {
		return nil
	}
	return append([]Entry(nil), w.entries...)
}

// Merge returns a new list with other's entries added to w's. An entry of
// other with the same wrong text or the same pattern as an entry of w
// replaces it; level = "off" in other therefore switches a built-in entry
// off. Neither list is changed. Either may be nil.
func (w *WordList) Merge(other *WordList) *WordList {
	var base, extra []Entry
	if w != nil {
		base = w.entries
	}
	if other != nil {
		extra = other.entries
	}
	override := map[string]int{}
	for i := range extra {
		override[extra[i].key()] = i
	}
	merged := make([]Entry, 0, len(base)+len(extra))
	used := make([]bool, len(extra))
	for i := range base {
		if j, ok := override[base[i].key()]; ok {
			merged = append(merged, extra[j])
			used[j] = true
			continue
		}
		merged = append(merged, base[i])
	}
	for j := range extra {
		if !used[j] {
			merged = append(merged, extra[j])
		}
	}
	return newWordList(merged)
}
