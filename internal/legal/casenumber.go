package legal

import (
	"strconv"
	"strings"
)

// ExampleCaseNumber is a well-formed 案号, shown to authors when the
// intended number cannot be worked out from what they wrote.
const ExampleCaseNumber = "（2024）某0102民初1234号"

// CaseNumber is a parsed court case number (案号), laid out as
// （收案年度）+ 法院代字 + 专门审判代字 (optional) + 类型代字 + 案件编号 + 号,
// for example （2024）某0102民初1234号 or （2019）最高法知民终1号.
type CaseNumber struct {
	// Year is the year the case was filed (收案年度).
	Year int
	// Court is the court's letter part of the 法院代字: a province
	// abbreviation such as 京, 沪, 内, 军 or 兵, or 最高法 for the Supreme
	// People's Court.
	Court string
	// CourtCode is the digit part of the 法院代字: "" for a high court or
	// the Supreme People's Court, 2 digits for an intermediate court, 4
	// digits for a basic-level court.
	CourtCode string
	// Special is the one-character 专门审判代字 (such as 知 for
	// intellectual-property cases), or "".
	Special string
	// TypeCode is the 类型代字 of 1 to 3 characters, such as 民初 or 执恢.
	TypeCode string
	// Seq is the case sequence number (案件编号).
	Seq int
	// Raw is the input with surrounding space removed.
	Raw string
}

// String returns the number in its canonical form, with full-width
// parentheses around the year.
func (c CaseNumber) String() string {
	return "（" + strconv.Itoa(c.Year) + "）" + c.Court + c.CourtCode + c.Special + c.TypeCode + strconv.Itoa(c.Seq) + "号"
}

// knownSpecial lists 专门审判代字 recognised in front of a type code of up
// to three characters. When the characters after the court code number
// four, the first one is taken as the 专门审判代字 whatever it is.
const knownSpecial = "知"

// chineseDigits are numerals authors sometimes write instead of 0-9.
const chineseDigits = "〇零一二三四五六七八九十百千"

// maxSeqDigits bounds the case sequence number; 刑事复核 cases use 8.
const maxSeqDigits = 9

// ParseCaseNumber parses a 案号. The year may be enclosed in full-width
// （） or ASCII () parentheses, mixed freely; everything else must follow
// the court numbering rules. On failure the error is a *SyntaxError whose
// Want field holds the corrected number when it can be worked out.
func ParseCaseNumber(s string) (CaseNumber, error) {
	s = strings.TrimSpace(s)
	c, problem := parseCaseNumber(s)
	if problem == "" {
		return c, nil
	}
	return CaseNumber{}, newSyntaxError("案号", s, problem, ExampleCaseNumber, repairCaseNumber, func(t string) (string, bool) {
		fixed, p := parseCaseNumber(t)
		return fixed.String(), p == ""
	})
}

// wrongOpen and wrongClose are brackets authors use by mistake.
const (
	wrongOpen  = "〔[【［﹝〈《{｛"
	wrongClose = "〕]】］﹞〉》}｝"
)

func parseCaseNumber(s string) (CaseNumber, string) {
	if p := commonProblem(s); p != "" {
		return CaseNumber{}, p
	}
	r := []rune(s)
	c := CaseNumber{Raw: s}

	// （收案年度）
	switch {
	case r[0] == '（' || r[0] == '(':
	case isASCIIDigit(r[0]):
		return c, "缺少用括号括起的收案年度"
	case strings.ContainsRune(wrongOpen, r[0]):
		return c, "的收案年度要用圆括号「（）」括起，不能用「" + string(r[0]) + "」"
	default:
		return c, "应以用括号括起的收案年度开头"
	}
	i := 1
	n := digitRun(r[i:])
	switch {
	case n == 0:
		return c, "的括号里缺少收案年度"
	case n == 2:
		return c, "的收案年度应写全 4 位，如「2024」不要写成「24」"
	case n != 4:
		return c, "的收案年度应是 4 位数字"
	}
	c.Year = atoi(r[i : i+n])
	i += n
	switch {
	case i == len(r):
		return c, "在收案年度后就结束了，缺少法院代字、类型代字和案件编号"
	case r[i] == '）' || r[i] == ')':
		i++
	case strings.ContainsRune(wrongClose, r[i]):
		return c, "的收案年度要用圆括号「（）」括起，不能用「" + string(r[i]) + "」"
	default:
		return c, "的收案年度后缺少右括号「）」"
	}
	if p := yearProblem(c.Year); p != "" {
		return c, p
	}

	// 法院代字
	switch {
	case i == len(r):
		return c, "在收案年度后就结束了，缺少法院代字、类型代字和案件编号"
	case strings.HasPrefix(string(r[i:]), "最高法"):
		c.Court = "最高法"
		i += 3
	case isHan(r[i]):
		c.Court = string(r[i])
		i++
	case isASCIIDigit(r[i]):
		return c, "缺少法院代字（如「京」「沪01」「最高法」）"
	default:
		return c, "的法院代字应是汉字（如「京」「沪01」「最高法」），不能是「" + string(r[i]) + "」"
	}
	n = digitRun(r[i:])
	switch {
	case n > 0 && c.Court == "最高法":
		return c, "中「最高法」后面不应跟数字"
	case n != 0 && n != 2 && n != 4:
		return c, "的法院代字中的数字应是 2 位（中级法院）或 4 位（基层法院），这里是 " + strconv.Itoa(n) + " 位"
	}
	c.CourtCode = string(r[i : i+n])
	i += n

	// 专门审判代字 + 类型代字
	start := i
	for i < len(r) && isHan(r[i]) && r[i] != '号' {
		i++
	}
	codes := r[start:i]
	switch {
	case len(codes) == 0 && i == len(r):
		return c, "缺少类型代字（如「民初」「刑终」「执」）和案件编号"
	case len(codes) == 0 && isASCIIDigit(r[i]):
		return c, "缺少类型代字（如「民初」「刑终」「执」）"
	case len(codes) == 0 && r[i] == '号':
		return c, "缺少类型代字（如「民初」「刑终」「执」）和案件编号"
	case len(codes) == 0:
		return c, "的类型代字应是汉字（如「民初」「刑终」「执」），不能是「" + string(r[i]) + "」"
	case len(codes) > 4:
		return c, "的类型代字「" + string(codes) + "」太长：类型代字最多 3 个汉字，前面最多再加 1 个专门审判代字"
	case len(codes) == 4 || (len(codes) >= 2 && strings.ContainsRune(knownSpecial, codes[0])):
		c.Special = string(codes[0])
		c.TypeCode = string(codes[1:])
	default:
		c.TypeCode = string(codes)
	}

	// 案件编号 + 号
	n = digitRun(r[i:])
	switch {
	case n == 0 && i == len(r):
		return c, "缺少案件编号和末尾的「号」"
	case n == 0 && r[i] == '号' && strings.ContainsRune(chineseDigits, codes[len(codes)-1]):
		return c, "的案件编号应使用阿拉伯数字（如「12」），不要用汉字数字"
	case n == 0 && r[i] == '号':
		return c, "缺少案件编号"
	case n == 0:
		return c, "的类型代字后应是案件编号（数字），不能是「" + string(r[i]) + "」"
	case n > maxSeqDigits:
		return c, "的案件编号太长（最多 " + strconv.Itoa(maxSeqDigits) + " 位数字）"
	}
	c.Seq = atoi(r[i : i+n])
	if c.Seq == 0 {
		return c, "的案件编号不能是 0"
	}
	i += n
	switch {
	case i == len(r):
		return c, "末尾缺少「号」"
	case r[i] != '号':
		return c, "的案件编号后应是「号」，不能是「" + string(r[i]) + "」"
	case i+1 < len(r):
		return c, "在「号」后面多了「" + string(r[i+1:]) + "」"
	}
	return c, ""
}

// repairCaseNumber applies the fixes authors most often need: half-width
// digits, no blanks, round brackets around the year, and a final 号.
func repairCaseNumber(s string) string {
	s = cleanCommon(s)
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	if strings.ContainsRune(wrongOpen, r[0]) {
		r[0] = '（'
	}
	if isASCIIDigit(r[0]) && digitRun(r) >= 4 {
		r = append([]rune("（"+string(r[:4])+"）"), r[4:]...)
	}
	if r[0] == '（' || r[0] == '(' {
		r[0] = '（'
		if n := digitRun(r[1:]); n == 4 && len(r) > 5 {
			switch {
			case r[5] == ')' || strings.ContainsRune(wrongClose, r[5]):
				r[5] = '）'
			case r[5] != '）':
				r = append(r[:5], append([]rune{'）'}, r[5:]...)...)
			}
		}
	}
	if last := r[len(r)-1]; isASCIIDigit(last) {
		r = append(r, '号')
	}
	return string(r)
}
