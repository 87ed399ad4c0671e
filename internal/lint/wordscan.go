package lint

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// trieNode is a node of a character trie over the literal entries.
type trieNode struct {
	next  map[rune]*trieNode
	entry int // index of the entry ending here, or -1
}

func newTrieNode() *trieNode { return &trieNode{entry: -1} }

func (n *trieNode) add(word string, entry int) {
	for _, r := range word {
		if n.next == nil {
			n.next = map[rune]*trieNode{}
		}
		child := n.next[r]
		if child == nil {
			child = newTrieNode()
			n.next[r] = child
		}
		n = child
	}
	n.entry = entry
}

// longest returns the longest entry that starts at the beginning of s,
// and its length in bytes.
func (n *trieNode) longest(s string) (entry, size int) {
	entry = -1
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		n = n.next[r]
		if n == nil {
			break
		}
		i += w
		if n.entry >= 0 {
			entry, size = n.entry, i
		}
	}
	return entry, size
}

// wordMatch is one candidate match: text[start:end] matched entry, and
// right is the correction with groups filled in.
type wordMatch struct {
	start, end, entry int
	right             string
}

// Scan finds the list's wrong wordings in text (rule wording). Each
// finding points at the wrong text and says what to write, e.g.
// 「截止2024年」应为「截至2024年」：表示时间点用「截至」. Where matches
// overlap, the one that starts first wins, and of those the longest.
func (w *WordList) Scan(text string) []Finding {
	if w == nil {
		return nil
	}
	var ms []wordMatch
	if w.trie.next != nil || len(w.starts) > 0 {
		next := make([]int, len(w.entries)) // where each pattern may match again
		for i := 0; i < len(text); {
			r, size := utf8.DecodeRuneInString(text[i:])
			if w.trie.next[r] != nil {
				if e, n := w.trie.longest(text[i:]); e >= 0 {
					ms = append(ms, wordMatch{i, i + n, e, w.entries[e].Right})
				}
			}
			for _, idx := range w.starts[r] {
				if i < next[idx] {
					continue
				}
				e := &w.entries[idx]
				loc := e.anchored.FindStringSubmatchIndex(text[i:])
				if len(loc) < 2 || loc[1] == 0 {
					continue
				}
				for k := range loc {
					if loc[k] >= 0 {
						loc[k] += i
					}
				}
				next[idx] = loc[1]
				ms = append(ms, wordMatch{loc[0], loc[1], idx, expand(e.Right, text, loc, e.re)})
			}
			i += size
		}
	}
	for _, idx := range w.patterns {
		e := &w.entries[idx]
		for _, loc := range e.re.FindAllStringSubmatchIndex(text, -1) {
			if loc[1] > loc[0] {
				ms = append(ms, wordMatch{loc[0], loc[1], idx, expand(e.Right, text, loc, e.re)})
			}
		}
	}
	if len(ms) == 0 {
		return nil
	}
	slices.SortFunc(ms, func(a, b wordMatch) int {
		if a.start != b.start {
			return a.start - b.start
		}
		if a.end != b.end {
			return b.end - a.end
		}
		return a.entry - b.entry
	})
	pos := newPositions(text)
	var out []Finding
	end := 0
	for _, m := range ms {
		if m.start < end {
			continue
		}
		end = m.end
		e := &w.entries[m.entry]
		out = append(out, pos.finding(m.start, m.end, RuleWording, e.Level, wordMessage(text[m.start:m.end], m.right, e.Note)))
	}
	return out
}

func wordMessage(wrong, right, note string) string {
	var b strings.Builder
	b.WriteString("「" + wrong + "」")
	if right != "" {
		b.WriteString("应为「" + right + "」")
	} else {
		b.WriteString("不宜使用")
	}
	if note != "" {
		b.WriteString("：" + note)
	}
	return b.String()
}

// expand fills a right-hand template: $n or ${n} (n up to 99) is the n-th
// group of the match, ${name} a named group, and $$ a dollar sign. Unlike
// regexp.Expand, "$1年" means group 1 followed by 年.
func expand(tmpl, text string, loc []int, re *regexp.Regexp) string {
	if !strings.Contains(tmpl, "$") {
		return tmpl
	}
	var b strings.Builder
	for i := 0; i < len(tmpl); {
		ref, n, ok := parseRef(tmpl[i:])
		if !ok {
			b.WriteByte(tmpl[i])
			i++
			continue
		}
		i += n
		if ref == "$" {
			b.WriteByte('$')
			continue
		}
		g, err := strconv.Atoi(ref)
		if err != nil {
			g = re.SubexpIndex(ref)
		}
		if g >= 0 && 2*g+1 < len(loc) && loc[2*g] >= 0 {
			b.WriteString(text[loc[2*g]:loc[2*g+1]])
		}
	}
	return b.String()
}

// parseRef reads a reference at the start of s: "$$", "$12" (at most two
// digits) or "${12}". It returns the reference ("$" or the digits), the
// bytes consumed, and whether s starts with a reference.
func parseRef(s string) (ref string, n int, ok bool) {
	if len(s) < 2 || s[0] != '$' {
		return "", 0, false
	}
	if s[1] == '$' {
		return "$", 2, true
	}
	if s[1] == '{' {
		end := strings.IndexByte(s, '}')
		if end < 3 {
			return "", 0, false
		}
		return s[2:end], end + 1, true
	}
	k := 1
	for k < len(s) && k < 3 && s[k] >= '0' && s[k] <= '9' {
		k++
	}
	if k == 1 {
		return "", 0, false
	}
	return s[1:k], k, true
}

// checkTemplate reports a reference in right that the pattern cannot
// fill, in Chinese, or "".
func checkTemplate(right string, re *regexp.Regexp) string {
	for i := 0; i < len(right); {
		ref, n, ok := parseRef(right[i:])
		if !ok {
			i++
			continue
		}
		i += n
		if ref == "$" {
			continue
		}
		g, err := strconv.Atoi(ref)
		if err != nil {
			if re.SubexpIndex(ref) < 0 {
				return "right 中的「${" + ref + "}」在 pattern 里没有同名的分组，请写成 $1、$2 这样的分组编号"
			}
			continue
		}
		if g > re.NumSubexp() {
			return "right 中的「$" + ref + "」在 pattern 里没有对应的括号分组（pattern 只有 " + strconv.Itoa(re.NumSubexp()) + " 个分组）"
		}
	}
	return ""
}
