package legal

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ExampleIndexNumber is a well-formed 索引号, shown to authors when the
// intended number cannot be worked out from what they wrote.
const ExampleIndexNumber = "11330100002482XXXX/2024-00012"

// IndexNumber is a parsed government-information index number (索引号):
// the issuer's organisation code, a slash, the year, a hyphen and a
// five-digit serial, for example 000014349/2017-00110.
type IndexNumber struct {
	// Issuer is the part before the slash (前段码): the issuing body's
	// organisation or unified social credit code, 6 to 20 characters of
	// digits, Latin letters and hyphens.
	Issuer string
	// Year is the four-digit year of the back part (后段码).
	Year int
	// Serial is the five-digit serial of the back part, 1 to 99999.
	Serial int
}

// String returns the number in its canonical form.
func (x IndexNumber) String() string {
	return FormatIndexNumber(x.Issuer, x.Year, x.Serial)
}

// FormatIndexNumber builds a 索引号 from its parts, padding the serial to
// five digits: FormatIndexNumber("000014349", 2017, 110) is
// "000014349/2017-00110". It does not validate the parts.
func FormatIndexNumber(issuer string, year, serial int) string {
	return fmt.Sprintf("%s/%04d-%05d", issuer, year, serial)
}

// ParseIndexNumber parses a 索引号. On failure the error is a
// *SyntaxError whose Want field holds the corrected number when it can be
// worked out.
func ParseIndexNumber(s string) (IndexNumber, error) {
	s = strings.TrimSpace(s)
	x, problem := parseIndexNumber(s)
	if problem == "" {
		return x, nil
	}
	return IndexNumber{}, newSyntaxError("索引号", s, problem, ExampleIndexNumber, repairIndexNumber, func(t string) (string, bool) {
		fixed, p := parseIndexNumber(t)
		return fixed.String(), p == ""
	})
}

// wrongSlashes and wrongHyphens are look-alikes of "/" and "-".
const (
	wrongSlashes = "／\\、"
	wrongHyphens = "—－–‐‑―_~～"
)

func isIssuerRune(r rune) bool {
	return isASCIIDigit(r) || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r == '-'
}

func parseIndexNumber(s string) (IndexNumber, string) {
	var x IndexNumber
	if p := commonProblem(s); p != "" {
		return x, p
	}
	slash := strings.IndexByte(s, '/')
	if slash < 0 {
		if strings.ContainsAny(s, wrongSlashes) {
			return x, "中前段码和后段码之间应使用半角斜杠「/」"
		}
		return x, "缺少前段码（发布机构代码）和后段码（年份-流水号）之间的斜杠「/」"
	}
	issuer, rest := s[:slash], s[slash+1:]
	for _, r := range issuer {
		if !isIssuerRune(r) {
			return x, "的前段码只能由数字、英文字母和「-」组成，不能有「" + string(r) + "」"
		}
	}
	if n := len(issuer); n < 6 || n > 20 {
		return x, fmt.Sprintf("的前段码「%s」有 %d 个字符，应为 6 至 20 个字符（发布机构的组织机构代码或统一社会信用代码）", issuer, n)
	}
	x.Issuer = issuer

	r := []rune(rest)
	n := digitRun(r)
	switch {
	case n == 0:
		return x, "的斜杠后应是 4 位年份"
	case n != 4:
		return x, "的斜杠后应是 4 位年份，这里是 " + strconv.Itoa(n) + " 位数字"
	}
	x.Year = atoi(r[:4])
	switch {
	case len(r) == 4:
		return x, "缺少年份后面的「-」和 5 位流水号"
	case strings.ContainsRune(wrongHyphens, r[4]):
		return x, "中年份和流水号之间应使用半角连字符「-」，不能用「" + string(r[4]) + "」"
	case r[4] != '-':
		return x, "中年份后应是半角连字符「-」，不能是「" + string(r[4]) + "」"
	}
	if p := yearProblem(x.Year); p != "" {
		return x, p
	}
	serial := r[5:]
	n = digitRun(serial)
	switch {
	case n == 0 && len(serial) == 0:
		return x, "缺少「-」后面的 5 位流水号"
	case n == 0:
		return x, "的流水号应是 5 位数字，不能有「" + string(serial[0]) + "」"
	case n < len(serial):
		return x, "在流水号后面多了「" + string(serial[n:]) + "」"
	case n < 5:
		return x, "的流水号应是 5 位数字，不足 5 位时前面补 0"
	case n > 5:
		return x, "的流水号应是 5 位数字，这里是 " + strconv.Itoa(n) + " 位"
	}
	x.Serial = atoi(serial)
	if x.Serial == 0 {
		return x, "的流水号不能是 00000，应从 00001 开始"
	}
	return x, ""
}

// repairIndexNumber fixes look-alike separators and a short serial.
func repairIndexNumber(s string) string {
	s = cleanCommon(s)
	if !strings.Contains(s, "/") {
		if i := strings.IndexAny(s, wrongSlashes); i >= 0 {
			_, size := utf8.DecodeRuneInString(s[i:])
			s = s[:i] + "/" + s[i+size:]
		}
	}
	slash := strings.LastIndexByte(s, '/')
	if slash < 0 {
		return s
	}
	r := []rune(s[slash+1:])
	if len(r) > 4 && digitRun(r) == 4 && strings.ContainsRune(wrongHyphens, r[4]) {
		r[4] = '-'
	}
	if len(r) > 5 && r[4] == '-' {
		if n := digitRun(r[5:]); n > 0 && n < 5 && n == len(r)-5 {
			r = append(r[:5], []rune(fmt.Sprintf("%05d", atoi(r[5:])))...)
		}
	}
	return s[:slash+1] + string(r)
}
