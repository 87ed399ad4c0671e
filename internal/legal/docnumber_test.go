package legal

import (
	"errors"
	"testing"
)

var docNumberValid = []struct {
	in   string
	want DocNumber
}{
	{"某政规〔2024〕3号", DocNumber{Agency: "某政规", Year: 2024, Seq: 3}},
	{"国办发〔2017〕47号", DocNumber{Agency: "国办发", Year: 2017, Seq: 47}},
	{"国办公开办函〔2021〕30号", DocNumber{Agency: "国办公开办函", Year: 2021, Seq: 30}},
	{"法〔2018〕335号", DocNumber{Agency: "法", Year: 2018, Seq: 335}},
	{" 国务院令〔1949〕10号 ", DocNumber{Agency: "国务院令", Year: 1949, Seq: 10}},
}

func TestParseDocNumberValid(t *testing.T) {
	for _, tc := range docNumberValid {
		got, err := ParseDocNumber(tc.in)
		if err != nil {
			t.Errorf("ParseDocNumber(%q): unexpected error %v", tc.in, err)
			continue
		}
		want := tc.want
		want.Raw = got.Raw
		if got != want {
			t.Errorf("ParseDocNumber(%q) = %+v, want %+v", tc.in, got, want)
		}
		if got.String() != got.Raw {
			t.Errorf("ParseDocNumber(%q).String() = %q, want %q", tc.in, got.String(), got.Raw)
		}
	}
}

var docNumberInvalid = []struct{ in, msg string }{
	{"", "发文字号不能为空，正确写法如「某政规〔2024〕3号」"},
	{"国办发[2017]47号", "发文字号「国办发[2017]47号」的年份要用六角括号「〔〕」括起，不能用「[」，应写成「国办发〔2017〕47号」"},
	{"国办发【2017】47号", "发文字号「国办发【2017】47号」的年份要用六角括号「〔〕」括起，不能用「【」，应写成「国办发〔2017〕47号」"},
	{"国办发（2017）47号", "发文字号「国办发（2017）47号」的年份要用六角括号「〔〕」括起，不能用「（」，应写成「国办发〔2017〕47号」"},
	{"国办发(2017)47号", "发文字号「国办发(2017)47号」的年份要用六角括号「〔〕」括起，不能用「(」，应写成「国办发〔2017〕47号」"},
	{"国办发〔2017]47号", "发文字号「国办发〔2017]47号」的年份要用六角括号「〔〕」括起，不能用「]」，应写成「国办发〔2017〕47号」"},
	{"国办发2017〕47号", "发文字号「国办发2017〕47号」的年份要用六角括号「〔〕」括起，应写成「国办发〔2017〕47号」"},
	{"国办发〔2017〕第47号", "发文字号「国办发〔2017〕第47号」的发文顺序号前不加「第」，应写成「国办发〔2017〕47号」"},
	{"国办发〔2017〕047号", "发文字号「国办发〔2017〕047号」的发文顺序号不编虚位（「1」不写成「01」），应写成「国办发〔2017〕47号」"},
	{"国办发〔2017〕0号", "发文字号「国办发〔2017〕0号」的发文顺序号不能是 0，正确写法如「某政规〔2024〕3号」"},
	{"国办发〔17〕47号", "发文字号「国办发〔17〕47号」的年份应写全 4 位，如「2024」不要写成「24」，正确写法如「某政规〔2024〕3号」"},
	{"国办发〔〕47号", "发文字号「国办发〔〕47号」的「〔〕」里缺少年份，正确写法如「某政规〔2024〕3号」"},
	{"国办发〔201〕47号", "发文字号「国办发〔201〕47号」的年份应是 4 位数字，正确写法如「某政规〔2024〕3号」"},
	{"国办发〔2017", "发文字号「国办发〔2017」在年份后就结束了，缺少「〕」和发文顺序号，正确写法如「某政规〔2024〕3号」"},
	{"国办发〔2017年〕47号", "发文字号「国办发〔2017年〕47号」的年份后缺少「〕」，正确写法如「某政规〔2024〕3号」"},
	{"国办发〔1900〕47号", "发文字号「国办发〔1900〕47号」中的年份 1900 不在 1949 至 2100 之间，正确写法如「某政规〔2024〕3号」"},
	{"〔2017〕47号", "发文字号「〔2017〕47号」缺少年份前的机关代字（如「国办发」「某政规」），正确写法如「某政规〔2024〕3号」"},
	{"A政发〔2017〕1号", "发文字号「A政发〔2017〕1号」应以机关代字（如「国办发」「某政规」）开头，正确写法如「某政规〔2024〕3号」"},
	{"国办-发〔2017〕1号", "发文字号「国办-发〔2017〕1号」的机关代字只能由汉字组成，不能有「-」，正确写法如「某政规〔2024〕3号」"},
	{"国办发", "发文字号「国办发」缺少用「〔〕」括起的年份和发文顺序号，正确写法如「某政规〔2024〕3号」"},
	{"国办发〔2017〕号", "发文字号「国办发〔2017〕号」缺少发文顺序号，正确写法如「某政规〔2024〕3号」"},
	{"国办发〔2017〕", "发文字号「国办发〔2017〕」缺少发文顺序号，正确写法如「某政规〔2024〕3号」"},
	{"国办发〔2017〕四十七号", "发文字号「国办发〔2017〕四十七号」的「〕」后应是发文顺序号（数字），不能是「四」，正确写法如「某政规〔2024〕3号」"},
	{"国办发〔2017〕1234567890号", "发文字号「国办发〔2017〕1234567890号」的发文顺序号太长（最多 9 位数字），正确写法如「某政规〔2024〕3号」"},
	{"国办发〔2017〕47", "发文字号「国办发〔2017〕47」末尾缺少「号」，应写成「国办发〔2017〕47号」"},
	{"国办发〔2017〕47#", "发文字号「国办发〔2017〕47#」的发文顺序号后应是「号」，不能是「#」，正确写法如「某政规〔2024〕3号」"},
	{"国办发〔2017〕47号文", "发文字号「国办发〔2017〕47号文」在「号」后面多了「文」，正确写法如「某政规〔2024〕3号」"},
	{"国办发 〔2017〕47号", "发文字号「国办发 〔2017〕47号」中间不应有空格，应写成「国办发〔2017〕47号」"},
}

func TestParseDocNumberInvalid(t *testing.T) {
	for _, tc := range docNumberInvalid {
		_, err := ParseDocNumber(tc.in)
		if err == nil {
			t.Errorf("ParseDocNumber(%q): no error, want %q", tc.in, tc.msg)
			continue
		}
		if err.Error() != tc.msg {
			t.Errorf("ParseDocNumber(%q) error\n got  %q\n want %q", tc.in, err.Error(), tc.msg)
		}
		var se *SyntaxError
		if !errors.As(err, &se) || se.Kind != "发文字号" {
			t.Errorf("ParseDocNumber(%q): error %T is not a *SyntaxError of kind 发文字号", tc.in, err)
		}
	}
}

func FuzzParseDocNumber(f *testing.F) {
	for _, tc := range docNumberValid {
		f.Add(tc.in)
	}
	for _, tc := range docNumberInvalid {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDocNumber(s)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error %T is not a *SyntaxError", err)
			}
			if _, err2 := ParseDocNumber(se.Want); err2 != nil {
				t.Fatalf("suggested %q for %q does not parse: %v", se.Want, s, err2)
			}
			return
		}
		again, err := ParseDocNumber(d.String())
		if err != nil || again.String() != d.String() || again.Agency != d.Agency || again.Year != d.Year || again.Seq != d.Seq {
			t.Fatalf("round trip of %q: %+v, %v", s, again, err)
		}
	})
}

func TestParseOrderNumbers(t *testing.T) {
	for in, want := range map[string]DocNumber{
		"国务院令第711号":          {Agency: "国务院令", Seq: 711, Raw: "国务院令第711号"},
		"某市人民政府令第27号":        {Agency: "某市人民政府令", Seq: 27, Raw: "某市人民政府令第27号"},
		"某市人民代表大会常务委员会公告第9号": {Agency: "某市人民代表大会常务委员会公告", Seq: 9, Raw: "某市人民代表大会常务委员会公告第9号"},
	} {
		got, err := ParseDocNumber(in)
		if err != nil || got != want || got.String() != in {
			t.Errorf("ParseDocNumber(%q) = %+v, %v", in, got, err)
		}
	}
	for _, bad := range []string{"国务院令第0711号", "国务院令711号", "国务院第711号"} {
		if _, err := ParseDocNumber(bad); err == nil {
			t.Errorf("ParseDocNumber(%q) should fail", bad)
		}
	}
}
