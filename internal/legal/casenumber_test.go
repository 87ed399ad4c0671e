package legal

import (
	"errors"
	"testing"
)

var caseNumberValid = []struct {
	in   string
	want CaseNumber
}{
	{"（2024）某0102民初1234号", CaseNumber{Year: 2024, Court: "某", CourtCode: "0102", TypeCode: "民初", Seq: 1234}},
	{"(2023)京01民终88号", CaseNumber{Year: 2023, Court: "京", CourtCode: "01", TypeCode: "民终", Seq: 88}},
	{"（2024）最高法民申5号", CaseNumber{Year: 2024, Court: "最高法", TypeCode: "民申", Seq: 5}},
	{"(2024）沪执恢3号", CaseNumber{Year: 2024, Court: "沪", TypeCode: "执恢", Seq: 3}},
	{"（2022）内0102破1号", CaseNumber{Year: 2022, Court: "内", CourtCode: "0102", TypeCode: "破", Seq: 1}},
	{"（2019）最高法知民终1号", CaseNumber{Year: 2019, Court: "最高法", Special: "知", TypeCode: "民终", Seq: 1}},
	{"（2024）浙0102知民初7号", CaseNumber{Year: 2024, Court: "浙", CourtCode: "0102", Special: "知", TypeCode: "民初", Seq: 7}},
	// Only 知 is split off a run of 2 or 3; a run of 4 always starts with
	// the 专门审判代字.
	{"（2024）浙01环刑终3号", CaseNumber{Year: 2024, Court: "浙", CourtCode: "01", TypeCode: "环刑终", Seq: 3}},
	{"（2024）浙01环刑监终3号", CaseNumber{Year: 2024, Court: "浙", CourtCode: "01", Special: "环", TypeCode: "刑监终", Seq: 3}},
	{"  （1949）军刑初12345678号 ", CaseNumber{Year: 1949, Court: "军", TypeCode: "刑初", Seq: 12345678}},
	{"（2100）兵0101执1号", CaseNumber{Year: 2100, Court: "兵", CourtCode: "0101", TypeCode: "执", Seq: 1}},
}

func TestParseCaseNumberValid(t *testing.T) {
	for _, tc := range caseNumberValid {
		got, err := ParseCaseNumber(tc.in)
		if err != nil {
			t.Errorf("ParseCaseNumber(%q): unexpected error %v", tc.in, err)
			continue
		}
		want := tc.want
		want.Raw = got.Raw
		if got != want {
			t.Errorf("ParseCaseNumber(%q) = %+v, want %+v", tc.in, got, want)
		}
		if got.Raw == "" || got.Raw[0] == ' ' {
			t.Errorf("ParseCaseNumber(%q).Raw = %q, want trimmed input", tc.in, got.Raw)
		}
	}
}

func TestCaseNumberString(t *testing.T) {
	c, err := ParseCaseNumber("(2023)京01民终88号")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := c.String(), "（2023）京01民终88号"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

var caseNumberInvalid = []struct{ in, msg string }{
	{"", "案号不能为空，正确写法如「（2024）某0102民初1234号」"},
	{"2024某0102民初1234号", "案号「2024某0102民初1234号」缺少用括号括起的收案年度，应写成「（2024）某0102民初1234号」"},
	{"2024京01民初12", "案号「2024京01民初12」缺少用括号括起的收案年度，应写成「（2024）京01民初12号」"},
	{"〔2024〕某0102民初1234号", "案号「〔2024〕某0102民初1234号」的收案年度要用圆括号「（）」括起，不能用「〔」，应写成「（2024）某0102民初1234号」"},
	{"【2024】京01民终8号", "案号「【2024】京01民终8号」的收案年度要用圆括号「（）」括起，不能用「【」，应写成「（2024）京01民终8号」"},
	{"（2024]京01民终8号", "案号「（2024]京01民终8号」的收案年度要用圆括号「（）」括起，不能用「]」，应写成「（2024）京01民终8号」"},
	{"案号（2024）京01民终8号", "案号「案号（2024）京01民终8号」应以用括号括起的收案年度开头，正确写法如「（2024）某0102民初1234号」"},
	{"()京01民终8号", "案号「()京01民终8号」的括号里缺少收案年度，正确写法如「（2024）某0102民初1234号」"},
	{"(24)京01民终8号", "案号「(24)京01民终8号」的收案年度应写全 4 位，如「2024」不要写成「24」，正确写法如「（2024）某0102民初1234号」"},
	{"(202)京01民终8号", "案号「(202)京01民终8号」的收案年度应是 4 位数字，正确写法如「（2024）某0102民初1234号」"},
	{"（2024", "案号「（2024」在收案年度后就结束了，缺少法院代字、类型代字和案件编号，正确写法如「（2024）某0102民初1234号」"},
	{"（2024）", "案号「（2024）」在收案年度后就结束了，缺少法院代字、类型代字和案件编号，正确写法如「（2024）某0102民初1234号」"},
	{"（2024京01民终8号", "案号「（2024京01民终8号」的收案年度后缺少右括号「）」，应写成「（2024）京01民终8号」"},
	{"（1900）京01民终8号", "案号「（1900）京01民终8号」中的年份 1900 不在 1949 至 2100 之间，正确写法如「（2024）某0102民初1234号」"},
	{"（2024）0102民初1号", "案号「（2024）0102民初1号」缺少法院代字（如「京」「沪01」「最高法」），正确写法如「（2024）某0102民初1234号」"},
	{"（2024）A01民初1号", "案号「（2024）A01民初1号」的法院代字应是汉字（如「京」「沪01」「最高法」），不能是「A」，正确写法如「（2024）某0102民初1234号」"},
	{"（2024）京010民初1号", "案号「（2024）京010民初1号」的法院代字中的数字应是 2 位（中级法院）或 4 位（基层法院），这里是 3 位，正确写法如「（2024）某0102民初1234号」"},
	{"（2024）最高法01民初1号", "案号「（2024）最高法01民初1号」中「最高法」后面不应跟数字，正确写法如「（2024）某0102民初1234号」"},
	{"（2024）京011234号", "案号「（2024）京011234号」的法院代字中的数字应是 2 位（中级法院）或 4 位（基层法院），这里是 6 位，正确写法如「（2024）某0102民初1234号」"},
	{"（2024）京01号", "案号「（2024）京01号」缺少类型代字（如「民初」「刑终」「执」）和案件编号，正确写法如「（2024）某0102民初1234号」"},
	{"（2024）京01", "案号「（2024）京01」缺少类型代字（如「民初」「刑终」「执」）和案件编号，正确写法如「（2024）某0102民初1234号」"},
	{"（2024）京01 12号", "案号「（2024）京01 12号」中间不应有空格，正确写法如「（2024）某0102民初1234号」"},
	{"（2024）京01-民初12号", "案号「（2024）京01-民初12号」的类型代字应是汉字（如「民初」「刑终」「执」），不能是「-」，正确写法如「（2024）某0102民初1234号」"},
	{"（2024）京01民事初审案12号", "案号「（2024）京01民事初审案12号」的类型代字「民事初审案」太长：类型代字最多 3 个汉字，前面最多再加 1 个专门审判代字，正确写法如「（2024）某0102民初1234号」"},
	{"（2024）京01民初", "案号「（2024）京01民初」缺少案件编号和末尾的「号」，正确写法如「（2024）某0102民初1234号」"},
	{"（2024）京01民初号", "案号「（2024）京01民初号」缺少案件编号，正确写法如「（2024）某0102民初1234号」"},
	{"（2024）京01民初十二号", "案号「（2024）京01民初十二号」的案件编号应使用阿拉伯数字（如「12」），不要用汉字数字，正确写法如「（2024）某0102民初1234号」"},
	{"（2024）京01民初x号", "案号「（2024）京01民初x号」的类型代字后应是案件编号（数字），不能是「x」，正确写法如「（2024）某0102民初1234号」"},
	{"（2024）京01民初1234567890号", "案号「（2024）京01民初1234567890号」的案件编号太长（最多 9 位数字），正确写法如「（2024）某0102民初1234号」"},
	{"（2024）京01民初0号", "案号「（2024）京01民初0号」的案件编号不能是 0，正确写法如「（2024）某0102民初1234号」"},
	{"（2024）京01民初12", "案号「（2024）京01民初12」末尾缺少「号」，应写成「（2024）京01民初12号」"},
	{"（2024）京01民初12#", "案号「（2024）京01民初12#」的案件编号后应是「号」，不能是「#」，正确写法如「（2024）某0102民初1234号」"},
	{"（2024）京01民初12号之一", "案号「（2024）京01民初12号之一」在「号」后面多了「之一」，正确写法如「（2024）某0102民初1234号」"},
	{"（２０２４）京01民初1号", "案号「（２０２４）京01民初1号」中的数字应使用半角数字（如「2」），不要用全角数字「２」，应写成「（2024）京01民初1号」"},
	{"（2024） 京01民初1号", "案号「（2024） 京01民初1号」中间不应有空格，应写成「（2024）京01民初1号」"},
}

func TestParseCaseNumberInvalid(t *testing.T) {
	for _, tc := range caseNumberInvalid {
		_, err := ParseCaseNumber(tc.in)
		if err == nil {
			t.Errorf("ParseCaseNumber(%q): no error, want %q", tc.in, tc.msg)
			continue
		}
		if err.Error() != tc.msg {
			t.Errorf("ParseCaseNumber(%q) error\n got  %q\n want %q", tc.in, err.Error(), tc.msg)
		}
		var se *SyntaxError
		if !errors.As(err, &se) || se.Kind != "案号" {
			t.Errorf("ParseCaseNumber(%q): error %T is not a *SyntaxError of kind 案号", tc.in, err)
		}
	}
}

func FuzzParseCaseNumber(f *testing.F) {
	for _, tc := range caseNumberValid {
		f.Add(tc.in)
	}
	for _, tc := range caseNumberInvalid {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCaseNumber(s)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error %T is not a *SyntaxError", err)
			}
			// Whatever we suggest must itself be a valid case number.
			if _, err2 := ParseCaseNumber(se.Want); err2 != nil {
				t.Fatalf("suggested %q for %q does not parse: %v", se.Want, s, err2)
			}
			return
		}
		again, err := ParseCaseNumber(c.String())
		if err != nil {
			t.Fatalf("canonical form %q of %q does not parse: %v", c.String(), s, err)
		}
		again.Raw = c.Raw
		if again != c {
			t.Fatalf("round trip of %q: %+v != %+v", s, again, c)
		}
	})
}
