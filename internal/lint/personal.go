package lint

import (
	"strings"
	"time"
)

// PersonalData finds personal data that must not be published:
//
//   - mainland resident identity card numbers: 17 digits and a digit or
//     X (x), or the old form of 15 digits, whose region code starts with
//     a province code and whose birth date is a real date between 1900
//     and 2099 (rule personal-id). The check character does not have to
//     be right: a mistyped number is still a person's number. Such a
//     finding says it is a suspected number (SuspectedID);
//   - mainland mobile numbers: 11 digits starting 13 to 19, written
//     together, as 3-4-4 groups split by the same space or hyphen, or after
//     +86 (rule personal-phone);
//   - bank card numbers: 16 to 19 digits starting 3, 4, 5, 6 or 9 that pass
//     the Luhn check, written together or in groups of four split by the
//     same space or hyphen, and that are not identity card numbers (rule
//     personal-bankcard).
//
// A number only counts when it is not part of a longer run of letters,
// digits or underscores, is not the issuer code of an index number
// (…/2024-00012), and is not inside a web address. This keeps dates,
// case numbers, document numbers, index numbers and fixed-line numbers
// such as 0571-12345678 from being reported. All findings are errors.
func PersonalData(text string) []Finding {
	out, _ := personalData(text)
	return out
}

// personalData is PersonalData; it also returns the number of bytes it
// read (about three times the text, whatever its shape), for tests.
func personalData(text string) ([]Finding, int) {
	pos := newPositions(text)
	runs := digitRuns(text)
	urls := urlScanner{text: text}
	var out []Finding
	for i := 0; i < len(runs); i++ {
		r := runs[i]
		if urls.inURL(r.start) {
			continue
		}
		if end, ok := groupedNumber(text, runs, i, []int{3, 4, 4}); ok && isPhone(digitsOf(text[r.start:end])) {
			if start := phoneStart(text, r.start); boundedGroup(text, start, end) {
				out = append(out, phoneFinding(pos, start, end))
				i += 2
				continue
			}
		}
		if end, n, ok := groupedCard(text, runs, i); ok {
			out = append(out, cardFinding(pos, r.start, end))
			i += n - 1
			continue
		}
		end := r.end
		if end-r.start == 17 && (byteAt(text, end) == 'X' || byteAt(text, end) == 'x') {
			end++
		}
		if !bounded(text, r.start, end) || isIssuer(text, end) {
			continue
		}
		digits := text[r.start:end]
		switch n := len(digits); {
		case isIDShape(digits):
			out = append(out, idFinding(pos, r.start, end))
		case n == 11 && isPhone(digits):
			out = append(out, phoneFinding(pos, phoneStart(text, r.start), end))
		case n == 13 && strings.HasPrefix(digits, "86") && isPhone(digits[2:]) && byteAt(text, r.start-1) == '+':
			out = append(out, phoneFinding(pos, r.start-1, end))
		case end == r.end && isCardNumber(digits):
			out = append(out, cardFinding(pos, r.start, end))
		}
	}
	sortFindings(out)
	return out, pos.steps + urls.steps + len(text)
}

// span is a byte range of a text.
type span struct{ start, end int }

// digitRuns returns the maximal runs of ASCII digits in text.
func digitRuns(text string) []span {
	var runs []span
	for i := 0; i < len(text); i++ {
		if !isDigitByte(text[i]) {
			continue
		}
		j := i + 1
		for j < len(text) && isDigitByte(text[j]) {
			j++
		}
		runs = append(runs, span{i, j})
		i = j
	}
	return runs
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// isWordByte reports ASCII letters, digits and the underscore: characters
// that make a number part of a longer code.
func isWordByte(b byte) bool {
	return isDigitByte(b) || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '_'
}

// byteAt returns text[i], or 0 outside the text.
func byteAt(text string, i int) byte {
	if i < 0 || i >= len(text) {
		return 0
	}
	return text[i]
}

// bounded reports whether text[start:end] stands alone.
func bounded(text string, start, end int) bool {
	return !isWordByte(byteAt(text, start-1)) && !isWordByte(byteAt(text, end))
}

// boundedGroup is bounded for grouped numbers: the neighbours must not be
// a further group either ("12 138 1234 5678").
func boundedGroup(text string, start, end int) bool {
	if !bounded(text, start, end) {
		return false
	}
	if b := byteAt(text, start-1); (b == ' ' || b == '-') && isDigitByte(byteAt(text, start-2)) {
		return false
	}
	if b := byteAt(text, end); (b == ' ' || b == '-') && isDigitByte(byteAt(text, end+1)) {
		return false
	}
	return true
}

// groupedNumber checks that runs[i:] are groups of the given sizes split
// by one and the same separator, a space or a hyphen, and returns the end
// of the last group.
func groupedNumber(text string, runs []span, i int, sizes []int) (int, bool) {
	if i+len(sizes) > len(runs) {
		return 0, false
	}
	var sep byte
	for k, size := range sizes {
		r := runs[i+k]
		if r.end-r.start != size {
			return 0, false
		}
		if k == 0 {
			continue
		}
		prev := runs[i+k-1]
		if r.start != prev.end+1 {
			return 0, false
		}
		s := text[prev.end]
		if (s != ' ' && s != '-') || (k > 1 && s != sep) {
			return 0, false
		}
		sep = s
	}
	return runs[i+len(sizes)-1].end, true
}

// groupedCard finds a bank card number written as four groups of four
// digits and an optional last group of one to three, and returns its end
// and the number of runs it spans.
func groupedCard(text string, runs []span, i int) (end, n int, ok bool) {
	end, ok = groupedNumber(text, runs, i, []int{4, 4, 4, 4})
	if !ok {
		return 0, 0, false
	}
	n = 4
	if i+4 < len(runs) {
		last, sep := runs[i+4], text[runs[i+3].end]
		if size := last.end - last.start; last.start == end+1 && text[end] == sep && size <= 3 {
			end, n = last.end, 5
		}
	}
	start := runs[i].start
	if !boundedGroup(text, start, end) || !isCardNumber(digitsOf(text[start:end])) {
		return 0, 0, false
	}
	return end, n, true
}

// digitsOf drops everything but ASCII digits.
func digitsOf(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// phoneStart moves the start of a mobile number back over a +86 prefix
// ("+86 ", "+86-" or "+86").
func phoneStart(text string, start int) int {
	for _, p := range []string{"+86 ", "+86-", "+86"} {
		if strings.HasSuffix(text[:start], p) {
			return start - len(p)
		}
	}
	return start
}

// isIssuer reports whether the number ending at end is followed by
// "/YYYY-", i.e. is the issuer code of an index number.
func isIssuer(text string, end int) bool {
	rest := text[end:]
	if len(rest) < 6 || rest[0] != '/' || rest[5] != '-' {
		return false
	}
	for i := 1; i < 5; i++ {
		if !isDigitByte(rest[i]) {
			return false
		}
	}
	return true
}

// urlScanner tells whether a byte belongs to a web address: the run of
// printable ASCII before it contains "://" or starts with "www.". It reads
// the text once, forwards, when asked in increasing order of offset (a
// line of numbers joined by commas is one long run of printable ASCII).
type urlScanner struct {
	text   string
	pos    int  // bytes before pos have been read
	token  int  // start of the run of printable ASCII that pos is in
	scheme bool // the run so far contains "://"
	steps  int  // bytes read, for tests
}

// inURL reports whether the byte at start belongs to a web address.
// Offsets must not decrease from one call to the next.
func (u *urlScanner) inURL(start int) bool {
	for ; u.pos < start; u.pos++ {
		u.steps++
		b := u.text[u.pos]
		if b <= ' ' || b >= 0x7f || strings.IndexByte("(<[\"'", b) >= 0 {
			u.token, u.scheme = u.pos+1, false
			continue
		}
		// "://" ending before start (text[start] is a digit, so one
		// that reaches it cannot be "://")
		if b == ':' && strings.HasPrefix(u.text[u.pos:], "://") && u.pos+3 <= start {
			u.scheme = true
		}
	}
	return u.scheme || strings.HasPrefix(u.text[u.token:start], "www.")
}

// isPhone reports whether 11 digits form a mainland mobile number.
func isPhone(d string) bool {
	return len(d) == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9'
}

// idWeights are the ISO 7064 MOD 11-2 weights of the first 17 characters.
var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// provinces are the first two digits of the region codes of identity
// card numbers (GB/T 2260 provinces, and 71, 81, 82, 83 of 台湾, 香港,
// 澳门 and the residence permits of Taiwan residents).
var provinces = map[string]bool{
	"11": true, "12": true, "13": true, "14": true, "15": true,
	"21": true, "22": true, "23": true,
	"31": true, "32": true, "33": true, "34": true, "35": true, "36": true, "37": true,
	"41": true, "42": true, "43": true, "44": true, "45": true, "46": true,
	"50": true, "51": true, "52": true, "53": true, "54": true,
	"61": true, "62": true, "63": true, "64": true, "65": true,
	"71": true, "81": true, "82": true, "83": true,
}

// isIDShape reports whether s has the shape of an identity card number,
// whether or not its check character is right: 17 digits and a digit or
// X (x), or the old form of 15 digits (birth year 19YY, no check
// character), with a known province and a real birth date between 1900
// and 2099. A mistyped number is still a person's number, so text is
// treated as holding one whatever its check character.
func isIDShape(s string) bool {
	var birth string
	switch len(s) {
	case 18:
		birth = s[6:14]
	case 15:
		birth = "19" + s[6:12]
	default:
		return false
	}
	for i := range len(s) {
		if !isDigitByte(s[i]) && (i != 17 || upper(s[i]) != 'X') {
			return false
		}
	}
	if !provinces[s[:2]] {
		return false
	}
	y := atoi(birth[0:4])
	m := atoi(birth[4:6])
	d := atoi(birth[6:8])
	if y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d && int(t.Month()) == m
}

// idChecksumOK reports whether the check character of an 18-character
// number is right (ISO 7064 MOD 11-2).
func idChecksumOK(s string) bool {
	if len(s) != 18 {
		return false
	}
	sum := 0
	for i := range 17 {
		if !isDigitByte(s[i]) {
			return false
		}
		sum += int(s[i]-'0') * idWeights[i]
	}
	return "10X98765432"[sum%11] == upper(s[17])
}

// isIDNumber checks an 18-character identity card number: shape, region,
// birth date and check character.
func isIDNumber(s string) bool {
	return len(s) == 18 && isIDShape(s) && idChecksumOK(s)
}

// SuspectedID reports whether match, the Match of a personal-id finding,
// is an 18-character number whose check character is wrong: most likely
// a mistyped identity card number.
func SuspectedID(match string) bool {
	return len(match) == 18 && !idChecksumOK(match)
}

func upper(b byte) byte {
	if b >= 'a' && b <= 'z' {
		return b - 'a' + 'A'
	}
	return b
}

func atoi(s string) int {
	n := 0
	for i := range len(s) {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// isCardNumber checks length, leading digit and the Luhn check digit.
func isCardNumber(d string) bool {
	if len(d) < 16 || len(d) > 19 || strings.IndexByte("34569", d[0]) < 0 {
		return false
	}
	if isIDShape(d) {
		return false
	}
	sum := 0
	for i := range len(d) {
		v := int(d[len(d)-1-i] - '0')
		if i%2 == 1 {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
	}
	return sum%10 == 0
}

func idFinding(p *positions, start, end int) Finding {
	s := p.text[start:end]
	what := "身份证号码"
	if SuspectedID(s) {
		what = "疑似身份证号码（校验位不对，可能是写错的身份证号码）"
	}
	return p.finding(start, end, RulePersonalID, Error,
		"公开文本中不得出现"+what+"，请删除，或只保留前 4 位和后 4 位（如 "+s[:4]+strings.Repeat("*", len(s)-8)+s[len(s)-4:]+"）")
}

func phoneFinding(p *positions, start, end int) Finding {
	d := digitsOf(p.text[start:end])
	d = d[len(d)-11:]
	return p.finding(start, end, RulePersonalPhone, Error,
		"公开文本中不得出现个人手机号码，请删除或改为单位办公电话；确需保留时只保留前 3 位和后 4 位（如 "+d[:3]+"****"+d[7:]+"）")
}

func cardFinding(p *positions, start, end int) Finding {
	d := digitsOf(p.text[start:end])
	return p.finding(start, end, RulePersonalBankCard, Error,
		"公开文本中不得出现银行卡号，请删除，或只保留后 4 位（如 **** **** **** "+d[len(d)-4:]+"）")
}
