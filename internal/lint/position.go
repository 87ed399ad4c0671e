package lint

import (
	"sort"
	"unicode/utf8"
)

// positions converts byte offsets in a text to 1-based line and rune
// column. Lines end at "\n"; a "\r" before it counts as part of the line.
type positions struct {
	text  string
	lines []int // byte offset of the start of each line
}

func newPositions(text string) *positions {
	p := &positions{text: text, lines: []int{0}}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			p.lines = append(p.lines, i+1)
		}
	}
	return p
}

// at returns the line and column of byte offset off.
func (p *positions) at(off int) (line, col int) {
	i := sort.Search(len(p.lines), func(i int) bool { return p.lines[i] > off }) - 1
	return i + 1, utf8.RuneCountInString(p.text[p.lines[i]:off]) + 1
}

// finding builds a finding for text[start:end].
func (p *positions) finding(start, end int, rule string, level Level, msg string) Finding {
	line, col := p.at(start)
	return Finding{Line: line, Col: col, Rule: rule, Level: level, Message: msg, Match: p.text[start:end]}
}
