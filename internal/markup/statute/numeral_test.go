package statute

import (
	"strings"
	"testing"
	"unicode/utf8"
)

var numeralCases = []struct {
	in   string
	want int
	ok   bool
}{
	{"一", 1, true},
	{"九", 9, true},
	{"十", 10, true},
	{"十二", 12, true},
	{"一十二", 12, true},
	{"二十", 20, true},
	{"二十一", 21, true},
	{"九十九", 99, true},
	{"一百", 100, true},
	{"一百零三", 103, true},
	{"一百〇三", 103, true},
	{"一百一十", 110, true},
	{"一百一十二", 112, true},
	{"三百四十五", 345, true},
	{"一千", 1000, true},
	{"一千零一", 1001, true},
	{"一千零一十", 1010, true},
	{"一千零一十一", 1011, true},
	{"一千一百", 1100, true},
	{"一千一百零一", 1101, true},
	{"一千一百六十五", 1165, true},
	{"一千二百六十", 1260, true},
	{"九千九百九十九", 9999, true},
	{"两", 2, true},
	{"两百", 200, true},
	{"两千零二", 2002, true},
	{"两千两百", 2200, true},
	{"零", 0, true},
	{"〇", 0, true},
	{"0", 0, true},
	{"12", 12, true},
	{"９", 9, true},
	{"１２０", 120, true},
	{"9999", 9999, true},

	{"", 0, false},
	{"10000", 0, false},
	{"012", 0, false},
	{"00", 0, false},
	{"1二", 0, false},
	{"二1", 0, false},
	{"一百一", 0, false},   // colloquial 110: ambiguous
	{"一千二", 0, false},   // colloquial 1200
	{"一千一十", 0, false},  // 零 missing before the tens
	{"一百零一十", 0, false}, // 零 where no unit is skipped
	{"一百零", 0, false},   // trailing 零
	{"零一", 0, false},    // leading 零
	{"一千零零一", 0, false}, // double 零
	{"十十", 0, false},
	{"百", 0, false},
	{"千", 0, false},
	{"一百十二", 0, false}, // bare 十 after 百
	{"二〇二四", 0, false}, // year style, not a count
	{"十两", 0, false},
	{"两十", 0, false},
	{"一万", 0, false},
	{"一十百", 0, false},
	{"三三", 0, false},
	{"条", 0, false},
	{"一 百", 0, false},
	{"一千千", 0, false},
}

func TestParseNumeral(t *testing.T) {
	for _, c := range numeralCases {
		got, ok := ParseNumeral(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("ParseNumeral(%q) = %d, %v; want %d, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

// formatNumeral writes n (1..9999) in the standard Chinese form. It is
// the reference that ParseNumeral must invert.
func formatNumeral(n int) string {
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	units := []struct {
		v    int
		name string
	}{{1000, "千"}, {100, "百"}, {10, "十"}, {1, ""}}
	var b strings.Builder
	zero := false
	for _, u := range units {
		d := n / u.v % 10
		if d == 0 {
			if b.Len() > 0 {
				zero = true
			}
			continue
		}
		if zero {
			b.WriteString("零")
			zero = false
		}
		if !(u.v == 10 && d == 1 && b.Len() == 0) {
			b.WriteString(digits[d])
		}
		b.WriteString(u.name)
	}
	return b.String()
}

func TestParseNumeralRoundTrip(t *testing.T) {
	for n := 1; n <= maxNumeral; n++ {
		s := formatNumeral(n)
		if got, ok := ParseNumeral(s); !ok || got != n {
			t.Fatalf("ParseNumeral(%q) = %d, %v; want %d", s, got, ok, n)
		}
	}
}

func TestFormatNumeral(t *testing.T) {
	for n, want := range map[int]string{10: "十", 12: "十二", 103: "一百零三", 110: "一百一十", 1001: "一千零一", 1010: "一千零一十"} {
		if got := formatNumeral(n); got != want {
			t.Errorf("formatNumeral(%d) = %q, want %q", n, got, want)
		}
	}
}

func FuzzNumeral(f *testing.F) {
	for _, c := range numeralCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, ok := ParseNumeral(s)
		if !ok {
			if n != 0 {
				t.Fatalf("ParseNumeral(%q) = %d with ok false", s, n)
			}
			return
		}
		if n < 0 || n > maxNumeral {
			t.Fatalf("ParseNumeral(%q) = %d, out of range", s, n)
		}
		if !utf8.ValidString(s) {
			t.Fatalf("ParseNumeral accepted invalid UTF-8 %q", s)
		}
		for _, r := range s {
			if !isNumeralRune(r) {
				t.Fatalf("ParseNumeral(%q) accepted rune %q", s, r)
			}
		}
		// Every accepted Chinese form means the same as the standard form,
		// which must itself be accepted.
		if n > 0 {
			if back, ok := ParseNumeral(formatNumeral(n)); !ok || back != n {
				t.Fatalf("standard form of %d from %q not accepted", n, s)
			}
		}
	})
}

var articleIDCases = []struct {
	label, id string
	ok        bool
}{
	{"第一条", "art-1", true},
	{"第十二条", "art-12", true},
	{"第十二条之一", "art-12-1", true},
	{"第一百零三条", "art-103", true},
	{"第一千二百六十条", "art-1260", true},
	{"第12条", "art-12", true},
	{"第二百三十四条之十二", "art-234-12", true},
	{"第九千九百九十九条", "art-9999", true},
	{"第十二条之", "", false},
	{"第十二条之一百", "", false},
	{"第十二条 ", "", false},
	{" 第十二条", "", false},
	{"第零条", "", false},
	{"第条", "", false},
	{"第十二", "", false},
	{"十二条", "", false},
	{"第一百一条", "", false},
	{"第十二款", "", false},
	{"第一万条", "", false},
	{"", "", false},
}

func TestArticleID(t *testing.T) {
	for _, c := range articleIDCases {
		id, ok := ArticleID(c.label)
		if id != c.id || ok != c.ok {
			t.Errorf("ArticleID(%q) = %q, %v; want %q, %v", c.label, id, ok, c.id, c.ok)
		}
	}
}

func FuzzArticleID(f *testing.F) {
	for _, c := range articleIDCases {
		f.Add(c.label)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, ok := ArticleID(s)
		if ok != (id != "") {
			t.Fatalf("ArticleID(%q) = %q, %v", s, id, ok)
		}
		if ok && !strings.HasPrefix(id, "art-") {
			t.Fatalf("ArticleID(%q) = %q", s, id)
		}
	})
}

var structLabelCases = []struct {
	in   string
	kind structKind
	num  int
	size int
	ok   bool
}{
	{"第一编 总则", kindPart, 1, len("第一编"), true},
	{"第二分编 典型合同", kindSubPart, 2, len("第二分编"), true},
	{"第十章 附则", kindChapter, 10, len("第十章"), true},
	{"第三节", kindSection, 3, len("第三节"), true},
	{"第3章总则", kindChapter, 3, len("第3章"), true},
	{"第三条 x", 0, 0, 0, false},
	{"附则", 0, 0, 0, false},
	{"第一百一章", 0, 0, 0, false},
	{"第零章", 0, 0, 0, false},
}

func TestParseStructLabel(t *testing.T) {
	for _, c := range structLabelCases {
		l, ok := parseStructLabel([]byte(c.in))
		if ok != c.ok || (ok && (l.kind != c.kind || l.num != c.num || l.size != c.size)) {
			t.Errorf("parseStructLabel(%q) = %+v, %v; want kind %d num %d size %d, %v", c.in, l, ok, c.kind, c.num, c.size, c.ok)
		}
	}
}

func FuzzStructLabel(f *testing.F) {
	for _, c := range structLabelCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, ok := parseStructLabel([]byte(s))
		if ok && (l.size > len(s) || l.num < 1 || l.num > maxNumeral) {
			t.Fatalf("parseStructLabel(%q) = %+v", s, l)
		}
	})
}

func TestTOCText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"第一章 总 则", "第一章 总则"},
		{"第三分编 准 合 同", "第三分编 准合同"},
		{"第二章  一般规定", "第二章 一般规定"},
		{"第五章　WTO 规则  适用", "第五章 WTO 规则适用"},
		{"第一节", "第一节"},
		{"第一节总则", "第一节 总则"},
		{"第一节 a  b ", "第一节 a b"},
	} {
		l, ok := parseStructLabel([]byte(c.in))
		if !ok {
			t.Fatalf("no label in %q", c.in)
		}
		if got := tocText([]byte(c.in), l.size); got != c.want {
			t.Errorf("tocText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
