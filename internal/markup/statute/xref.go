package statute

import (
	"bytes"
	"unicode/utf8"
)

// match is one cross-reference found in a run of text: the bytes
// [start, end) of the run become a link to dest.
type match struct {
	start, end int
	dest       []byte
}

// refScope says which document a 第X条 reference points into.
type refScope int

const (
	scopeSelf    refScope = iota // this document
	scopeOther                   // a resolved other document
	scopeUnknown                 // another document nobody can resolve
)

// titleTarget is the cached answer for one 《title》.
type titleTarget struct {
	scope refScope
	url   string
}

// maxTitleRunes bounds the search for the closing 》.
const maxTitleRunes = 120

// selfPrefixes are the words that make the following 第X条 point into the
// document itself.
var selfPrefixes = [...]string{
	"本法", "本宪法", "本法典", "本条例", "本规定", "本办法", "本细则",
	"本决定", "本解释", "本规则", "本准则", "本章程", "本通则", "本规程",
}

// otherSuffixes end the name of another document written without 《》
// (刑法第二十条, 该条例第五条); a 第X条 right after them is not linked.
var otherSuffixes = [...]string{
	"法", "典", "条例", "规定", "办法", "细则", "决定", "解释", "规则",
	"准则", "章程", "通则", "规程", "意见", "公约", "协定", "条约", "》",
}

// listSeparators join references in a list (第十条、第十一条和第十二条).
var listSeparators = [...]string{"、", "和", "以及", "及", "或者", "或", "至", "到"}

// findRefs appends the cross-references in b to out.
func (p *pass) findRefs(b []byte, out []match) []match {
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c == 0xE3 && hasPrefix(b[i:], "《"):
			i, out = p.titleRef(b, i, out)
		case c == 0xE7 && hasPrefix(b[i:], "第"):
			l, ok := parseArticleLabel(b[i:])
			if !ok {
				i += len("第")
				continue
			}
			scope := scopeSelf
			if !hasSelfPrefix(b[:i]) && hasOtherSuffix(b[:i]) {
				scope = scopeUnknown
			}
			i, out = p.refList(b, i, l, i, scope, "", out)
		case c >= 0xE0 && c < 0xF0 && i+2 < len(b) && b[i+1]&0xC0 == 0x80 && b[i+2]&0xC0 == 0x80:
			i += 3 // another whole three-byte character (most of Chinese text)
		default:
			i++
		}
	}
	return out
}

// hasSelfPrefix reports whether b ends with 本法, 本条例 and the like.
func hasSelfPrefix(b []byte) bool {
	for _, s := range selfPrefixes {
		if bytes.HasSuffix(b, []byte(s)) {
			return true
		}
	}
	return false
}

// hasOtherSuffix reports whether b ends with the name of a document.
func hasOtherSuffix(b []byte) bool {
	for _, s := range otherSuffixes {
		if bytes.HasSuffix(b, []byte(s)) {
			return true
		}
	}
	return false
}

// titleRef handles a 《 at b[i]. It returns where scanning goes on.
func (p *pass) titleRef(b []byte, i int, out []match) (int, []match) {
	open := i + len("《")
	close := closingBracket(b, open)
	if close < 0 {
		return open, out
	}
	after := close + len("》")
	if close == open {
		return after, out
	}
	target := p.resolve(b[open:close])
	if l, ok := parseArticleLabel(b[after:]); ok {
		return p.refList(b, after, l, i, target.scope, target.url, out)
	}
	if target.scope == scopeOther {
		out = append(out, match{start: i, end: after, dest: []byte(target.url)})
	}
	return after, out
}

// closingBracket returns the index of the 》 that closes a 《 whose text
// starts at b[from], or -1. Nested 《》 are skipped; the search gives up
// after maxTitleRunes runes or at a line break.
func closingBracket(b []byte, from int) int {
	depth := 1
	runes := 0
	for i := from; i < len(b) && runes < maxTitleRunes; runes++ {
		switch {
		case hasPrefix(b[i:], "》"):
			depth--
			if depth == 0 {
				return i
			}
		case hasPrefix(b[i:], "《"):
			depth++
		case b[i] == '\n':
			return -1
		}
		_, size := utf8.DecodeRune(b[i:])
		i += size
	}
	return -1
}

// resolve looks up a title once per document.
func (p *pass) resolve(title []byte) titleTarget {
	if t, ok := p.titles[string(title)]; ok {
		return t
	}
	s := string(title)
	t := titleTarget{scope: scopeUnknown}
	switch {
	case p.cfg.selfTitle != "" && s == p.cfg.selfTitle:
		t.scope = scopeSelf
	case p.resolver != nil:
		if url, ok := p.resolver.ResolveTitle(s); ok {
			t = titleTarget{scope: scopeOther, url: url}
		}
	}
	if p.titles == nil {
		p.titles = make(map[string]titleTarget)
	}
	p.titles[s] = t
	return t
}

// refList handles the reference l at b[i] and every reference joined to it
// by a list separator, all in the same scope. The first link starts at
// linkStart (before i when a 《title》 belongs to it). It returns where
// scanning goes on.
func (p *pass) refList(b []byte, i int, l articleLabel, linkStart int, scope refScope, url string, out []match) (int, []match) {
	for {
		end := refEnd(b, i+l.size)
		if m, ok := p.refMatch(l, linkStart, end, scope, url); ok {
			out = append(out, m)
		}
		// look for 、第十一条 / 和第二款 after this reference
		j := end
		for {
			k, ok := afterSeparator(b, j)
			if !ok {
				return end, out
			}
			if next, ok := parseArticleLabel(b[k:]); ok {
				i, l, linkStart = k, next, k
				break
			}
			// a further 款 or 项 of the same article: step over it
			e := refEnd(b, k)
			if e == k {
				return end, out
			}
			j, end = e, e
		}
	}
}

// refMatch builds the link for one reference with label l; ok is false
// when it stays plain. The link covers [linkStart, end). A reference into
// this document is only linked when the article exists (第十条之三 stays
// plain without a 第十条之三, even if there is a 第十条).
func (p *pass) refMatch(l articleLabel, linkStart, end int, scope refScope, url string) (match, bool) {
	id := l.id()
	switch scope {
	case scopeOther:
		return match{start: linkStart, end: end, dest: []byte(url + "#" + id)}, true
	case scopeSelf:
		if _, ok := p.articles[id]; ok {
			return match{start: linkStart, end: end, dest: []byte("#" + id)}, true
		}
	}
	return match{}, false
}

// refEnd extends a reference that ends at b[i] by 第Y款 and 第Z项 (also
// written 第（Z）项).
func refEnd(b []byte, i int) int {
	for _, unit := range [...]string{"款", "项"} {
		if !hasPrefix(b[i:], "第") {
			break
		}
		j := i + len("第")
		paren := unit == "项" && hasPrefix(b[j:], "（")
		if paren {
			j += len("（")
		}
		n, size := numeralAt(b[j:])
		if size == 0 || n == 0 {
			continue
		}
		j += size
		if paren {
			if !hasPrefix(b[j:], "）") {
				continue
			}
			j += len("）")
		}
		if hasPrefix(b[j:], unit) {
			i = j + len(unit)
		}
	}
	return i
}

// afterSeparator returns the index after a list separator at b[i].
func afterSeparator(b []byte, i int) (int, bool) {
	for _, s := range listSeparators {
		if hasPrefix(b[i:], s) {
			return i + len(s), true
		}
	}
	return 0, false
}
