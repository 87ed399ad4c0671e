package legal

import (
	"errors"
	"testing"
)

var indexNumberValid = []struct {
	in   string
	want IndexNumber
}{
	{"11330100002482XXXX/2024-00012", IndexNumber{Issuer: "11330100002482XXXX", Year: 2024, Serial: 12}},
	{"000014349/2017-00110", IndexNumber{Issuer: "000014349", Year: 2017, Serial: 110}},
	{"0142768-8/2022-00185", IndexNumber{Issuer: "0142768-8", Year: 2022, Serial: 185}},
	{" abcdef/1949-99999 ", IndexNumber{Issuer: "abcdef", Year: 1949, Serial: 99999}},
	{"12345678901234567890/2100-00001", IndexNumber{Issuer: "12345678901234567890", Year: 2100, Serial: 1}},
}

func TestParseIndexNumberValid(t *testing.T) {
	for _, tc := range indexNumberValid {
		got, err := ParseIndexNumber(tc.in)
		if err != nil {
			t.Errorf("ParseIndexNumber(%q): unexpected error %v", tc.in, err)
			continue
		}
		if got != tc.want {
			t.Errorf("ParseIndexNumber(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
	}
}

func TestFormatIndexNumber(t *testing.T) {
	tests := []struct {
		issuer       string
		year, serial int
		want         string
	}{
		{"000014349", 2017, 110, "000014349/2017-00110"},
		{"11330100002482XXXX", 2024, 12, "11330100002482XXXX/2024-00012"},
		{"abcdef", 2024, 99999, "abcdef/2024-99999"},
	}
	for _, tc := range tests {
		if got := FormatIndexNumber(tc.issuer, tc.year, tc.serial); got != tc.want {
			t.Errorf("FormatIndexNumber(%q, %d, %d) = %q, want %q", tc.issuer, tc.year, tc.serial, got, tc.want)
		}
	}
	x := IndexNumber{Issuer: "000014349", Year: 2017, Serial: 110}
	if got := x.String(); got != "000014349/2017-00110" {
		t.Errorf("String() = %q", got)
	}
}

var indexNumberInvalid = []struct{ in, msg string }{
	{"", "索引号不能为空，正确写法如「11330100002482XXXX/2024-00012」"},
	{"000014349/2017-110", "索引号「000014349/2017-110」的流水号应是 5 位数字，不足 5 位时前面补 0，应写成「000014349/2017-00110」"},
	{"000014349／2017-00110", "索引号「000014349／2017-00110」中前段码和后段码之间应使用半角斜杠「/」，应写成「000014349/2017-00110」"},
	{"000014349/2017—00110", "索引号「000014349/2017—00110」中年份和流水号之间应使用半角连字符「-」，不能用「—」，应写成「000014349/2017-00110」"},
	{"000014349/2017.00110", "索引号「000014349/2017.00110」中年份后应是半角连字符「-」，不能是「.」，正确写法如「11330100002482XXXX/2024-00012」"},
	{"01527918X-2020-153077", "索引号「01527918X-2020-153077」缺少前段码（发布机构代码）和后段码（年份-流水号）之间的斜杠「/」，正确写法如「11330100002482XXXX/2024-00012」"},
	{"12345/2017-00110", "索引号「12345/2017-00110」的前段码「12345」有 5 个字符，应为 6 至 20 个字符（发布机构的组织机构代码或统一社会信用代码），正确写法如「11330100002482XXXX/2024-00012」"},
	{"123456789012345678901/2017-00110", "索引号「123456789012345678901/2017-00110」的前段码「123456789012345678901」有 21 个字符，应为 6 至 20 个字符（发布机构的组织机构代码或统一社会信用代码），正确写法如「11330100002482XXXX/2024-00012」"},
	{"00001434中/2017-00001", "索引号「00001434中/2017-00001」的前段码只能由数字、英文字母和「-」组成，不能有「中」，正确写法如「11330100002482XXXX/2024-00012」"},
	{"000014349/-00110", "索引号「000014349/-00110」的斜杠后应是 4 位年份，正确写法如「11330100002482XXXX/2024-00012」"},
	{"000014349/17-00110", "索引号「000014349/17-00110」的斜杠后应是 4 位年份，这里是 2 位数字，正确写法如「11330100002482XXXX/2024-00012」"},
	{"000014349/2017", "索引号「000014349/2017」缺少年份后面的「-」和 5 位流水号，正确写法如「11330100002482XXXX/2024-00012」"},
	{"000014349/1800-00001", "索引号「000014349/1800-00001」中的年份 1800 不在 1949 至 2100 之间，正确写法如「11330100002482XXXX/2024-00012」"},
	{"000014349/2017-", "索引号「000014349/2017-」缺少「-」后面的 5 位流水号，正确写法如「11330100002482XXXX/2024-00012」"},
	{"000014349/2017-ab", "索引号「000014349/2017-ab」的流水号应是 5 位数字，不能有「a」，正确写法如「11330100002482XXXX/2024-00012」"},
	{"000014349/2017-00110a", "索引号「000014349/2017-00110a」在流水号后面多了「a」，正确写法如「11330100002482XXXX/2024-00012」"},
	{"000014349/2017-001100", "索引号「000014349/2017-001100」的流水号应是 5 位数字，这里是 6 位，正确写法如「11330100002482XXXX/2024-00012」"},
	{"000014349/2017-00000", "索引号「000014349/2017-00000」的流水号不能是 00000，应从 00001 开始，正确写法如「11330100002482XXXX/2024-00012」"},
	{"000014349/２017-00001", "索引号「000014349/２017-00001」中的数字应使用半角数字（如「2」），不要用全角数字「２」，应写成「000014349/2017-00001」"},
}

func TestParseIndexNumberInvalid(t *testing.T) {
	for _, tc := range indexNumberInvalid {
		_, err := ParseIndexNumber(tc.in)
		if err == nil {
			t.Errorf("ParseIndexNumber(%q): no error, want %q", tc.in, tc.msg)
			continue
		}
		if err.Error() != tc.msg {
			t.Errorf("ParseIndexNumber(%q) error\n got  %q\n want %q", tc.in, err.Error(), tc.msg)
		}
		var se *SyntaxError
		if !errors.As(err, &se) || se.Kind != "索引号" {
			t.Errorf("ParseIndexNumber(%q): error %T is not a *SyntaxError of kind 索引号", tc.in, err)
		}
	}
}

func FuzzParseIndexNumber(f *testing.F) {
	for _, tc := range indexNumberValid {
		f.Add(tc.in)
	}
	for _, tc := range indexNumberInvalid {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		x, err := ParseIndexNumber(s)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error %T is not a *SyntaxError", err)
			}
			if _, err2 := ParseIndexNumber(se.Want); err2 != nil {
				t.Fatalf("suggested %q for %q does not parse: %v", se.Want, s, err2)
			}
			return
		}
		again, err := ParseIndexNumber(x.String())
		if err != nil || again != x {
			t.Fatalf("round trip of %q: %+v, %v", s, again, err)
		}
	})
}
