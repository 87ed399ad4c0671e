package markup

import (
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
)

// ids generates element ids that keep Chinese text ("第一章-总则",
// "如何申请行政复议") and are unique within one document. Letters and digits
// of any script are kept, ASCII letters lower-cased, spaces and dashes become
// one dash, other punctuation is dropped.
type ids struct {
	used map[string]bool
}

func newIDs() parser.IDs { return &ids{used: map[string]bool{}} }

// Generate returns a unique id for a heading's text.
func (s *ids) Generate(value []byte, kind ast.NodeKind) []byte {
	out := make([]byte, 0, len(value))
	dash := false
	for len(value) > 0 {
		r, n := utf8.DecodeRune(value)
		value = value[n:]
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && len(out) > 0 {
				out = append(out, '-')
			}
			dash = false
			out = utf8.AppendRune(out, unicode.ToLower(r))
		case unicode.IsSpace(r) || r == '-' || r == '_' || r == '\u3000':
			dash = true
		}
	}
	if len(out) == 0 {
		out = []byte("heading")
	}
	base := string(out)
	id := base
	for i := 1; s.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	s.used[id] = true
	return []byte(id)
}

// Put marks an id as used.
func (s *ids) Put(value []byte) { s.used[string(value)] = true }
