package legal

import (
	"regexp"
	"strconv"
	"strings"
)

// ExampleDocNumber is a well-formed 发文字号, shown to authors when the
// intended number cannot be worked out from what they wrote.
const ExampleDocNumber = "某政规〔2024〕3号"

// DocNumber is a parsed document number (发文字号): the issuing body's
// abbreviation (机关代字), the full year in hexagonal brackets 〔〕, the
// sequence number without padding, and 号, for example 国办发〔2017〕47号.
type DocNumber struct {
	// Agency is the 机关代字, such as 国办发 or 某政规.
	Agency string
	// Year is the year in the brackets.
	Year int
	// Seq is the document's sequence number (发文顺序号).
	Seq int
	// Raw is the input with surrounding space removed.
	Raw string
}

// String returns the number in its canonical form.
func (d DocNumber) String() string {
	if d.Year == 0 {
		return d.Agency + "第" + strconv.Itoa(d.Seq) + "号"
	}
	return d.Agency + "〔" + strconv.Itoa(d.Year) + "〕" + strconv.Itoa(d.Seq) + "号"
}

// ParseDocNumber parses a 发文字号. Only the hexagonal brackets 〔〕 are
// accepted around the year; [], 【】, （） and () get an error that shows
// the 〔〕 form. The sequence number must not carry 第 or leading zeros.
// On failure the error is a *SyntaxError whose Want field holds the
// corrected number when it can be worked out.
//
// Orders and announcements numbered without a year are accepted too:
// 国务院令第711号, 某市人民政府令第27号, 某市人民代表大会常务委员会公告第9号
// (Year is 0 for them).
func ParseDocNumber(s string) (DocNumber, error) {
	s = strings.TrimSpace(s)
	if m := orderNumber.FindStringSubmatch(s); m != nil {
		seq, err := strconv.Atoi(m[2])
		if err == nil {
			return DocNumber{Agency: m[1], Seq: seq, Raw: s}, nil
		}
	}
	d, problem := parseDocNumber(s)
	if problem == "" {
		return d, nil
	}
	return DocNumber{}, newSyntaxError("发文字号", s, problem, ExampleDocNumber, repairDocNumber, func(t string) (string, bool) {
		fixed, p := parseDocNumber(t)
		return fixed.String(), p == ""
	})
}

// docOpen and docClose are the brackets seen around the year; only the
// first of each is correct.
const (
	docOpen  = "〔[【（(［﹝〈{｛《"
	docClose = "〕]】）)］﹞〉}｝》"
)

func parseDocNumber(s string) (DocNumber, string) {
	d := DocNumber{Raw: s}
	if p := commonProblem(s); p != "" {
		return d, p
	}
	r := []rune(s)
	i := 0
	for i < len(r) && isHan(r[i]) {
		i++
	}
	d.Agency = string(r[:i])
	switch {
	case i == len(r):
		return d, "缺少用「〔〕」括起的年份和发文顺序号"
	case i == 0 && strings.ContainsRune(docOpen, r[0]):
		return d, "缺少年份前的机关代字（如「国办发」「某政规」）"
	case i == 0:
		return d, "应以机关代字（如「国办发」「某政规」）开头"
	case isASCIIDigit(r[i]):
		return d, "的年份要用六角括号「〔〕」括起"
	case !strings.ContainsRune(docOpen, r[i]):
		return d, "的机关代字只能由汉字组成，不能有「" + string(r[i]) + "」"
	case r[i] != '〔':
		return d, "的年份要用六角括号「〔〕」括起，不能用「" + string(r[i]) + "」"
	}
	i++
	n := digitRun(r[i:])
	switch {
	case n == 0:
		return d, "的「〔〕」里缺少年份"
	case n == 2:
		return d, "的年份应写全 4 位，如「2024」不要写成「24」"
	case n != 4:
		return d, "的年份应是 4 位数字"
	}
	d.Year = atoi(r[i : i+4])
	i += 4
	switch {
	case i == len(r):
		return d, "在年份后就结束了，缺少「〕」和发文顺序号"
	case r[i] == '〕':
		i++
	case strings.ContainsRune(docClose, r[i]):
		return d, "的年份要用六角括号「〔〕」括起，不能用「" + string(r[i]) + "」"
	default:
		return d, "的年份后缺少「〕」"
	}
	if p := yearProblem(d.Year); p != "" {
		return d, p
	}
	if i < len(r) && r[i] == '第' {
		return d, "的发文顺序号前不加「第」"
	}
	n = digitRun(r[i:])
	switch {
	case n == 0 && (i == len(r) || r[i] == '号'):
		return d, "缺少发文顺序号"
	case n == 0:
		return d, "的「〕」后应是发文顺序号（数字），不能是「" + string(r[i]) + "」"
	case n == 1 && r[i] == '0':
		return d, "的发文顺序号不能是 0"
	case r[i] == '0':
		return d, "的发文顺序号不编虚位（「1」不写成「01」）"
	case n > maxSeqDigits:
		return d, "的发文顺序号太长（最多 " + strconv.Itoa(maxSeqDigits) + " 位数字）"
	}
	d.Seq = atoi(r[i : i+n])
	i += n
	switch {
	case i == len(r):
		return d, "末尾缺少「号」"
	case r[i] != '号':
		return d, "的发文顺序号后应是「号」，不能是「" + string(r[i]) + "」"
	case i+1 < len(r):
		return d, "在「号」后面多了「" + string(r[i+1:]) + "」"
	}
	return d, ""
}

// repairDocNumber fixes the brackets, drops 第 and padding zeros, and adds
// a missing 号.
func repairDocNumber(s string) string {
	r := []rune(cleanCommon(s))
	i := 0
	for i < len(r) && isHan(r[i]) {
		i++
	}
	if i == 0 || i == len(r) {
		return string(r)
	}
	switch {
	case strings.ContainsRune(docOpen, r[i]):
		r[i] = '〔'
	case isASCIIDigit(r[i]):
		r = append(r[:i], append([]rune{'〔'}, r[i:]...)...)
	}
	i++
	if digitRun(r[i:]) != 4 {
		return string(r)
	}
	i += 4
	switch {
	case i == len(r):
		return string(r)
	case strings.ContainsRune(docClose, r[i]):
		r[i] = '〕'
	case isASCIIDigit(r[i]):
		r = append(r[:i], append([]rune{'〕'}, r[i:]...)...)
	}
	i++
	if i < len(r) && r[i] == '第' {
		r = append(r[:i], r[i+1:]...)
	}
	for i+1 < len(r) && r[i] == '0' && isASCIIDigit(r[i+1]) {
		r = append(r[:i], r[i+1:]...)
	}
	if isASCIIDigit(r[len(r)-1]) {
		r = append(r, '号')
	}
	return string(r)
}

// orderNumber matches 令 and 公告 numbers: an agency ending in 令 or 公告,
// then 第, the number without leading zeros, and 号.
var orderNumber = regexp.MustCompile(`^(\p{Han}+(?:令|公告))第([1-9][0-9]{0,5})号$`)
