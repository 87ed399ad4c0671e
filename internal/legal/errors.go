package legal

import (
	"strconv"
	"strings"
	"unicode"
)

// SyntaxError reports that an identifier is not written in its required
// form. Its message names the kind of identifier, quotes the input, says
// in plain Chinese what is wrong and shows what to write instead, e.g.
//
//	案号「2024某0102民初1234号」缺少用括号括起的收案年度，应写成「（2024）某0102民初1234号」
type SyntaxError struct {
	// Kind is the identifier's Chinese name: 案号, 索引号 or 发文字号.
	Kind string
	// Input is the text that was parsed, with surrounding space removed.
	Input string
	// Problem says what is wrong, in Chinese, without the input.
	Problem string
	// Want is the corrected identifier when it could be worked out,
	// otherwise a well-formed example.
	Want string
	// Example is true when Want is only an example of the right form, not
	// the author's identifier corrected.
	Example bool
}

// Error implements the error interface.
func (e *SyntaxError) Error() string {
	advice := "，应写成「" + e.Want + "」"
	if e.Example {
		advice = "，正确写法如「" + e.Want + "」"
	}
	if e.Input == "" {
		return e.Kind + e.Problem + advice
	}
	return e.Kind + "「" + e.Input + "」" + e.Problem + advice
}

// newSyntaxError builds the error for input s. It tries repair on s and
// suggests the result when that parses; otherwise it shows example.
func newSyntaxError(kind, s, problem, example string, repair func(string) string, valid func(string) (string, bool)) *SyntaxError {
	e := &SyntaxError{Kind: kind, Input: s, Problem: problem, Want: example, Example: true}
	if fixed, ok := valid(repair(s)); ok {
		e.Want, e.Example = fixed, false
	}
	return e
}

// MinYear and MaxYear bound the years accepted in identifiers.
const (
	MinYear = 1949
	MaxYear = 2100
)

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// digitRun returns the number of ASCII digits at the start of r.
func digitRun(r []rune) int {
	n := 0
	for n < len(r) && isASCIIDigit(r[n]) {
		n++
	}
	return n
}

// atoi converts a short run of ASCII digits; callers bound the length.
func atoi(r []rune) int {
	n := 0
	for _, c := range r {
		n = n*10 + int(c-'0')
	}
	return n
}

// commonProblem reports trouble shared by all identifiers: blanks inside
// and full-width digits. It returns "" when there is none.
func commonProblem(s string) string {
	if s == "" {
		return "不能为空"
	}
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			return "中间不应有空格"
		case r >= '０' && r <= '９':
			return "中的数字应使用半角数字（如「2」），不要用全角数字「" + string(r) + "」"
		}
	}
	return ""
}

// cleanCommon removes inner blanks and turns full-width digits into ASCII
// ones; it is the first step of every repair.
func cleanCommon(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return -1
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		}
		return r
	}, strings.TrimSpace(s))
}

// yearProblem checks the year range.
func yearProblem(y int) string {
	if y < MinYear || y > MaxYear {
		return "中的年份 " + strconv.Itoa(y) + " 不在 1949 至 2100 之间"
	}
	return ""
}
