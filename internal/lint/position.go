package lint

import (
	"sort"
	"unicode/utf8"
)

// positions converts byte offsets in a text to 1-based line and rune
// column. Lines end at "\n"; a "\r" before it counts as part of the line.
//
// Columns are counted on from the last offset asked for when the next one
// is further on the same line, so that the findings of one long line (a
// line of 200,000 numbers) cost one pass over it rather than one pass per
// finding. Ask in increasing order of offset to get that.
type positions struct {
	text  string
	lines []int // byte offset of the start of each line

	// the last answer: offset, its line index and column
	lastOff, lastLine, lastCol int
	// steps counts the bytes read to find columns, for tests.
	steps int
}

func newPositions(text string) *positions {
	p := &positions{text: text, lines: []int{0}, lastOff: -1}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			p.lines = append(p.lines, i+1)
		}
	}
	p.steps = len(text)
	return p
}

// at returns the line and column of byte offset off.
func (p *positions) at(off int) (line, col int) {
	i := sort.Search(len(p.lines), func(i int) bool { return p.lines[i] > off }) - 1
	from, col := p.lines[i], 1
	if p.lastOff >= 0 && p.lastLine == i && p.lastOff <= off {
		from, col = p.lastOff, p.lastCol
	}
	col += utf8.RuneCountInString(p.text[from:off])
	p.steps += off - from
	p.lastOff, p.lastLine, p.lastCol = off, i, col
	return i + 1, col
}

// finding builds a finding for text[start:end].
func (p *positions) finding(start, end int, rule string, level Level, msg string) Finding {
	line, col := p.at(start)
	return Finding{Line: line, Col: col, Rule: rule, Level: level, Message: msg, Match: p.text[start:end]}
}
