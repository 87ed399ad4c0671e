package statute

import (
	"strconv"
	"sync"
	"unicode/utf8"
)

// maxNumeralRunes bounds the numeral between 第 and 条 (九千九百九十九 has
// seven runes); longer runs are not labels.
const maxNumeralRunes = 8

// numeralAt reads the longest run of numeral runes at the start of b and
// parses it. It returns the value and the number of bytes read; size is 0
// when there is no valid numeral.
func numeralAt(b []byte) (n, size int) {
	end := 0
	runes := 0
	for end < len(b) {
		r, sz := utf8.DecodeRune(b[end:])
		if !isNumeralRune(r) {
			break
		}
		end += sz
		runes++
		if runes > maxNumeralRunes {
			return 0, 0
		}
	}
	if end == 0 {
		return 0, 0
	}
	v, ok := ParseNumeral(string(b[:end]))
	if !ok {
		return 0, 0
	}
	return v, end
}

// hasPrefix reports whether b starts with the string s.
func hasPrefix(b []byte, s string) bool {
	return len(b) >= len(s) && string(b[:len(s)]) == s
}

// articleLabel is a parsed 第X条 or 第X条之Y.
type articleLabel struct {
	num  int // X, 1..9999
	sub  int // Y, 0 when there is no 之Y
	size int // bytes of the whole label
}

// parseArticleLabel parses 第X条 with an optional 之Y at the start of b.
func parseArticleLabel(b []byte) (articleLabel, bool) {
	if !hasPrefix(b, "第") {
		return articleLabel{}, false
	}
	i := len("第")
	n, size := numeralAt(b[i:])
	if size == 0 || n == 0 {
		return articleLabel{}, false
	}
	i += size
	if !hasPrefix(b[i:], "条") {
		return articleLabel{}, false
	}
	i += len("条")
	l := articleLabel{num: n, size: i}
	if hasPrefix(b[i:], "之") {
		j := i + len("之")
		if m, sz := numeralAt(b[j:]); sz > 0 && m > 0 && m < 100 {
			l.sub = m
			l.size = j + sz
		}
	}
	return l, true
}

// id returns the anchor id of the label: art-N or art-N-M.
func (l articleLabel) id() string {
	return articleIDOf(l.num, l.sub)
}

// commonIDs holds "art-N" for the article numbers that nearly every
// statute uses, so that labelling them allocates nothing.
// They are made on first use, so commands that render no statute do not
// pay for them at start-up.
var commonIDs = sync.OnceValue(func() []string {
	ids := make([]string, 1300) // 民法典, the longest code, has 1,260 articles
	for n := range ids {
		ids[n] = "art-" + strconv.Itoa(n)
	}
	return ids
})

// articleIDOf returns art-N, or art-N-M when sub is not 0.
func articleIDOf(num, sub int) string {
	if ids := commonIDs(); sub == 0 && num >= 0 && num < len(ids) {
		return ids[num]
	}
	b := make([]byte, 0, 12)
	b = append(b, "art-"...)
	b = strconv.AppendInt(b, int64(num), 10)
	if sub > 0 {
		b = append(b, '-')
		b = strconv.AppendInt(b, int64(sub), 10)
	}
	return string(b)
}

// ArticleID returns the anchor id of an article label: 第十二条 gives
// art-12, 第十二条之一 gives art-12-1, 第12条 gives art-12. Surrounding
// spaces are not allowed; ok is false for anything that is not exactly one
// label.
func ArticleID(label string) (id string, ok bool) {
	l, ok := parseArticleLabel([]byte(label))
	if !ok || l.size != len(label) {
		return "", false
	}
	return l.id(), true
}

// structKind is the kind of a structural heading.
type structKind int

const (
	kindPart    structKind = iota // 编
	kindSubPart                   // 分编
	kindChapter                   // 章
	kindSection                   // 节
)

// structLabel is a parsed 第X编, 第X分编, 第X章 or 第X节.
type structLabel struct {
	kind structKind
	num  int
	size int
}

// parseStructLabel parses a structural label at the start of b.
func parseStructLabel(b []byte) (structLabel, bool) {
	if !hasPrefix(b, "第") {
		return structLabel{}, false
	}
	i := len("第")
	n, size := numeralAt(b[i:])
	if size == 0 || n == 0 {
		return structLabel{}, false
	}
	i += size
	rest := b[i:]
	switch {
	case hasPrefix(rest, "分编"):
		return structLabel{kindSubPart, n, i + len("分编")}, true
	case hasPrefix(rest, "编"):
		return structLabel{kindPart, n, i + len("编")}, true
	case hasPrefix(rest, "章"):
		return structLabel{kindChapter, n, i + len("章")}, true
	case hasPrefix(rest, "节"):
		return structLabel{kindSection, n, i + len("节")}, true
	}
	return structLabel{}, false
}
