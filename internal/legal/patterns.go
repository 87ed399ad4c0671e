package legal

import (
	"fmt"
	"strings"
	"unicode"
)

// Pattern is the form of an identifier as a regular expression that both
// JavaScript (a web form's pattern attribute or the CMS's field pattern,
// without the u flag) and Go's regexp accept once \uXXXX escapes are
// written as \x{XXXX} (see GoRegexp). It says no more and no less than the
// identifier's parser: a differential test holds the two to the same set of
// strings (trimmed of surrounding space, which the parsers drop).
type Pattern struct {
	// Kind is the identifier's Chinese name: 索引号, 发文字号 or 案号.
	Kind string
	// Regexp is anchored at both ends, in the common subset of
	// JavaScript and RE2 syntax.
	Regexp string
	// Hint says in Chinese what the form wants, with the same example
	// that fazhi check shows.
	Hint string
}

// GoRegexp returns p.Regexp in Go syntax.
func (p Pattern) GoRegexp() string {
	var b strings.Builder
	s := p.Regexp
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+5 < len(s) && s[i+1] == 'u' {
			b.WriteString(`\x{` + s[i+2:i+6] + `}`)
			i += 5
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// yearPattern is a year from MinYear (1949) to MaxYear (2100).
const yearPattern = `(?:19(?:49|[5-9][0-9])|20[0-9][0-9]|2100)`

// IndexNumberPattern is the form of a 索引号 (ParseIndexNumber).
var IndexNumberPattern = Pattern{
	Kind:   "索引号",
	Regexp: `^[0-9A-Za-z-]{6,20}/` + yearPattern + `-(?:0000[1-9]|000[1-9][0-9]|00[1-9][0-9]{2}|0[1-9][0-9]{3}|[1-9][0-9]{4})$`,
	Hint:   "索引号应写成「" + ExampleIndexNumber + "」这样：发布机构代码（6 至 20 位数字或英文字母）、半角斜杠「/」、4 位年份、半角连字符「-」和 5 位流水号（不足 5 位时前面补 0）",
}

// DocNumberPattern is the form of a 发文字号 (ParseDocNumber).
var DocNumberPattern = Pattern{
	Kind: "发文字号",
	Regexp: `^(?:` + hanClass() + `+〔` + yearPattern + `〕[1-9][0-9]{0,8}号|` +
		hanClass() + `+(?:令|公告)第[1-9][0-9]{0,5}号)$`,
	Hint: "发文字号应写成「" + ExampleDocNumber + "」这样：机关代字、用六角括号「〔〕」括起的 4 位年份、发文顺序号（不加「第」，不编虚位）和「号」；令和公告写成「某市人民政府令第27号」",
}

// CaseNumberPattern is the form of a 案号 (ParseCaseNumber).
var CaseNumberPattern = Pattern{
	Kind: "案号",
	Regexp: func() string {
		codes := hanClass('号')
		noGao := hanClass('号', '高')
		noFa := hanClass('号', '法')
		court := `(?:最高法` + codes + `{1,4}` +
			`|` + hanClass('最') + `(?:[0-9]{2}|[0-9]{4})?` + codes + `{1,4}` +
			`|最(?:[0-9]{2}|[0-9]{4})` + codes + `{1,4}` +
			// 最 without digits: every type code but 高法, which makes 最高法.
			`|最(?:` + codes + `|` + codes + `{3,4}|` + noGao + codes + `|高` + noFa + `))`
		var seq []string
		for k := 0; k < maxSeqDigits; k++ {
			s := strings.Repeat("0", k) + "[1-9]"
			if rest := maxSeqDigits - 1 - k; rest > 0 {
				s += fmt.Sprintf("[0-9]{0,%d}", rest)
			}
			seq = append(seq, s)
		}
		return `^[（(]` + yearPattern + `[）)]` + court + `(?:` + strings.Join(seq, "|") + `)号$`
	}(),
	Hint: "案号应写成「" + ExampleCaseNumber + "」这样：用圆括号括起的 4 位收案年度、法院代字（如「京」「沪01」「最高法」）、类型代字（如「民初」「刑终」「执」）、案件编号（阿拉伯数字）和「号」",
}

// hanClass is a character class of the Han characters of the Basic
// Multilingual Plane (unicode.Han, as the parsers' isHan), without the
// runes in except. Han characters beyond it, which a JavaScript pattern
// without the u flag cannot name, are left out.
func hanClass(except ...rune) string {
	var b strings.Builder
	b.WriteString("[")
	add := func(lo, hi rune) {
		if lo > hi {
			return
		}
		fmt.Fprintf(&b, `\u%04X`, lo)
		if hi > lo {
			fmt.Fprintf(&b, `-\u%04X`, hi)
		}
	}
	for _, r := range unicode.Han.R16 {
		for lo := rune(r.Lo); lo <= rune(r.Hi); lo += rune(r.Stride) {
			hi := lo
			if r.Stride == 1 {
				hi = rune(r.Hi)
			}
			start := lo
			for c := lo; c <= hi; c++ {
				for _, e := range except {
					if c == e {
						add(start, c-1)
						start = c + 1
					}
				}
			}
			add(start, hi)
			if r.Stride == 1 {
				break
			}
		}
	}
	b.WriteString("]")
	return b.String()
}
