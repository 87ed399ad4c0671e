package legal

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// ExampleCreditCode is a well-formed 统一社会信用代码 (its check character
// is right), shown to authors when theirs cannot be corrected.
const ExampleCreditCode = "91990102MA0000001D"

// creditCharset is the code set of GB 32100-2015: digits and the capital
// letters without I, O, Z, S and V; a character's value is its index.
const creditCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// creditWeights are the weights of the first 17 characters (3^i mod 31).
var creditWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// CreditCodeCheck returns the check character (the 18th) that GB
// 32100-2015 gives for the first 17 characters of code, and false when
// they are not 17 characters of the code set.
func CreditCodeCheck(first17 string) (byte, bool) {
	if len(first17) != 17 {
		return 0, false
	}
	sum := 0
	for i := range 17 {
		v := strings.IndexByte(creditCharset, first17[i])
		if v < 0 {
			return 0, false
		}
		sum += v * creditWeights[i]
	}
	return creditCharset[(31-sum%31)%31], true
}

// CheckCreditCode checks a 统一社会信用代码 (GB 32100-2015): 18
// characters from the code set (digits and capital letters other than I,
// O, Z, S and V), the 3rd to 8th being the digits of the 行政区划码, and
// the 18th the check character computed from the other 17. On failure
// the error is a *SyntaxError saying which rule is broken; when only the
// check character or the letter case is wrong, Want holds the code with
// the right one.
func CheckCreditCode(s string) error {
	s = strings.TrimSpace(s)
	fail := func(problem string) error {
		return &SyntaxError{Kind: "统一社会信用代码", Input: s, Problem: problem, Want: ExampleCreditCode, Example: true}
	}
	if p := commonProblem(s); p != "" {
		return fail(p)
	}
	if n := utf8.RuneCountInString(s); n != 18 {
		return fail("应为 18 位，现在是 " + strconv.Itoa(n) + " 位；请对照营业执照或登记证书核对")
	}
	if strings.ToUpper(s) != s {
		up := strings.ToUpper(s)
		if CheckCreditCode(up) == nil {
			return &SyntaxError{Kind: "统一社会信用代码", Input: s, Problem: "中的字母应大写", Want: up}
		}
		return fail("中的字母应大写")
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if strings.IndexByte(creditCharset, c) >= 0 {
			continue
		}
		switch c {
		case 'I', 'O', 'Z', 'S', 'V':
			return fail("第 " + strconv.Itoa(i+1) + " 位是字母「" + string(c) + "」，代码中不使用 I、O、Z、S、V 五个字母（容易与数字混淆）；请对照原件核对，可能是数字 1、0、2、5 或字母 U")
		}
		return fail("第 " + strconv.Itoa(i+1) + " 位「" + string(c) + "」不是数字或大写字母")
	}
	for i := 2; i < 8; i++ {
		if !isASCIIDigit(rune(s[i])) {
			return fail("第 3 至 8 位是登记机关的行政区划码，应全为数字")
		}
	}
	want, _ := CreditCodeCheck(s[:17])
	if s[17] != want {
		return &SyntaxError{Kind: "统一社会信用代码", Input: s,
			Problem: "的校验位（第 18 位）不对：按前 17 位计算应为「" + string(want) + "」；请先对照营业执照或登记证书核对前 17 位，前 17 位无误时",
			Want:    s[:17] + string(want)}
	}
	return nil
}
