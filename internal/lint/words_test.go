package lint

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func wording(line, col int, level Level, match, msg string) Finding {
	return Finding{Line: line, Col: col, Rule: RuleWording, Level: level, Message: msg, Match: match}
}

const siteList = `# site word list
[[word]]
wrong = "截止2024年"
right = "截至2024年"
level = "error"
note = "表示时间点用「截至」"

[[word]]
pattern = "截止(\\d{4}年)"
right = "截至$1"

[[word]]
wrong = "某某局"
note = "请写出机关全称"
`

func TestParseWordList(t *testing.T) {
	w, err := ParseWordList([]byte(siteList))
	if err != nil {
		t.Fatal(err)
	}
	got := w.Entries()
	want := []Entry{
		{Wrong: "截止2024年", Right: "截至2024年", Level: Error, Note: "表示时间点用「截至」", Line: 2},
		{Pattern: `截止(\d{4}年)`, Right: "截至$1", Level: Warning, Line: 8},
		{Wrong: "某某局", Level: Warning, Note: "请写出机关全称", Line: 12},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d entries, want %d", len(got), len(want))
	}
	for i := range want {
		g := got[i]
		g.re, g.anchored = nil, nil
		if g != want[i] {
			t.Errorf("entry %d = %+v, want %+v", i, g, want[i])
		}
	}
}

var wordListErrorCases = []struct {
	name string
	src  string
	want []string
}{
	{"toml syntax", "[[word]]\nwrong = \"a\nright = \"b\"\n",
		[]string{"第 2 行：TOML 格式有误，请检查引号、等号和方括号是否成对，每个词条是否以 [[word]] 开头 (strings cannot contain newlines)"}},
	{"unknown field", "[[word]]\nwrong = \"a\"\nright = \"b\"\nlvl = \"error\"\n",
		[]string{"第 4 行：词条中不认识的字段「lvl」，可用的字段有 wrong、pattern、right、level、note"}},
	{"unknown table", "[words]\nwrong = \"a\"\n",
		[]string{"第 1 行：不认识的「words」：词表中只能有以 [[word]] 开头的词条"}},
	{"word is not a table array", "word = \"a\"\n",
		[]string{"第 1 行：「word」应写成一个个以 [[word]] 开头的词条"}},
	{"neither wrong nor pattern", "\n\n[[word]]\nright = \"x\"\n",
		[]string{"第 3 行：词条缺少「wrong」（要查找的错误写法），如 wrong = \"截止2024年\"；要用正则表达式时写 pattern = \"截止(\\\\d{4}年)\""}},
	{"both wrong and pattern", "[[word]]\nwrong = \"a\"\npattern = \"b\"\nright = \"c\"\n",
		[]string{"第 3 行：词条不能同时有「wrong」和「pattern」，请只保留一个"}},
	{"no right and no note", "[[word]]\nwrong = \"a\"\n",
		[]string{"第 1 行：词条缺少「right」（正确写法），如 right = \"截至2024年\"；如果只是提示不宜使用，请用 note 说明原因"}},
	{"right equals wrong", "[[word]]\nwrong = \"a\"\nright = \"a\"\n",
		[]string{"第 3 行：「right」与「wrong」相同，这个词条不会起作用，请改正或删除"}},
	{"newline in wrong", "[[word]]\nwrong = \"a\\nb\"\nright = \"c\"\n",
		[]string{"第 2 行：「wrong」不能包含换行，请只写一行文字"}},
	{"bad level", "[[word]]\nwrong = \"a\"\nright = \"b\"\nlevel = \"fatal\"\n",
		[]string{"第 4 行：level 应写「warning」（警告）、「error」（错误）或「off」（关闭）之一，不能写「fatal」"}},
	{"value not a string", "[[word]]\nwrong = 12\nright = \"b\"\n",
		[]string{"第 2 行：「wrong」的值应是用双引号括起的文字，如 wrong = \"……\""}},
	{"bad regexp", "[[word]]\npattern = \"a(\"\nright = \"b\"\n",
		[]string{"第 2 行：pattern「a(」不是有效的正则表达式，请检查括号和反斜杠（在双引号里反斜杠要写两个，如 \"\\\\d\"，也可改用单引号 '\\d'） (error parsing regexp: missing closing ): `a(`)"}},
	{"regexp matching nothing", "[[word]]\npattern = \"a*\"\nright = \"b\"\n",
		[]string{"第 2 行：pattern「a*」能匹配空文字，会到处报错，请写得更具体"}},
	{"missing group", "[[word]]\npattern = 'a(b)'\nright = '$2'\n",
		[]string{"第 3 行：right 中的「$2」在 pattern 里没有对应的括号分组（pattern 只有 1 个分组）"}},
	{"missing named group", "[[word]]\npattern = 'a(?P<x>b)'\nright = '${y}'\n",
		[]string{"第 3 行：right 中的「${y}」在 pattern 里没有同名的分组，请写成 $1、$2 这样的分组编号"}},
	{"duplicate", "[[word]]\nwrong = \"a\"\nright = \"b\"\n\n[[word]]\nwrong = \"a\"\nright = \"c\"\n",
		[]string{"第 5 行：「a」和第 1 个词条重复，请删除其中一条"}},
	{"several problems, in line order", "[[word]]\nwrong = \"a\"\nright = \"b\"\nlvl = 1\n[[word]]\nright = \"x\"\n[[word]]\nwrong = \"q\"\nright = \"q\"\n",
		[]string{
			"第 4 行：词条中不认识的字段「lvl」，可用的字段有 wrong、pattern、right、level、note",
			"第 5 行：词条缺少「wrong」（要查找的错误写法），如 wrong = \"截止2024年\"；要用正则表达式时写 pattern = \"截止(\\\\d{4}年)\"",
			"第 9 行：「right」与「wrong」相同，这个词条不会起作用，请改正或删除",
		}},
	{"inline tables: entry number instead of line", "word = [{wrong = \"a\", right = \"a\"}]\n",
		[]string{"第 1 个词条：「right」与「wrong」相同，这个词条不会起作用，请改正或删除"}},
}

func TestParseWordListErrors(t *testing.T) {
	for _, tc := range wordListErrorCases {
		t.Run(tc.name, func(t *testing.T) {
			w, err := ParseWordList([]byte(tc.src))
			if err == nil {
				t.Fatalf("no error, got list with %d entries", len(w.Entries()))
			}
			if got, want := err.Error(), strings.Join(tc.want, "\n"); got != want {
				t.Errorf("error\n got  %q\n want %q", got, want)
			}
			var we *WordListError
			if !errors.As(err, &we) {
				t.Errorf("error %T does not contain a *WordListError", err)
			}
		})
	}
}

func TestDefaultWordList(t *testing.T) {
	w := DefaultWordList()
	n := len(w.Entries())
	if n < 30 || n > 60 {
		t.Errorf("default list has %d entries, want 30 to 60", n)
	}
	for _, e := range w.Entries() {
		if e.Note == "" || e.Line == 0 || e.Level == Off {
			t.Errorf("default entry %+v: needs a note, a line and a level", e)
		}
	}
}

var scanCases = []struct {
	name string
	text string
	want []Finding
}{
	{"date after 截止", "截止2024年底，本市法制政府建设取得进展。", []Finding{
		wording(1, 1, Error, "截止2024年", "「截止2024年」应为「截至2024年」：后面接时间点时用「截至」；「截止」表示到时停止，放在时间之后，如「3月31日截止」"),
		wording(1, 12, Error, "法制政府", "「法制政府」应为「法治政府」：建设目标是依法行政的「法治政府」"),
	}},
	{"截止目前 on line 2", "第一行\n  截止目前，已办结。", []Finding{
		wording(2, 3, Error, "截止目前", "「截止目前」应为「截至目前」：后面接时间点时用「截至」；「截止」表示到时停止，放在时间之后，如「3月31日截止」"),
	}},
	{"correct forms are silent", "截至2024年底；报名于3月31日截止；截止到目前；截止日期为3月1日；法治政府；其他。", nil},
	{"document numbers", "根据国办发【2017】47号、某政发〔2023〕第5号、某政发〔2023〕05号和某政办〔23〕1号。", []Finding{
		wording(1, 6, Error, "【2017】47号", "「【2017】47号」应为「〔2017〕47号」：发文字号中的年份用六角括号「〔〕」括起"),
		wording(1, 19, Error, "〔2023〕第5号", "「〔2023〕第5号」应为「〔2023〕5号」：发文字号的顺序号前不加「第」"),
		wording(1, 32, Error, "〔2023〕05号", "「〔2023〕05号」应为「〔2023〕5号」：发文字号的顺序号不编虚位，「1」不写成「01」"),
		wording(1, 45, Error, "〔23〕1号", "「〔23〕1号」不宜使用：发文字号中的年份应写全 4 位，如〔2024〕"),
	}},
	{"case numbers are not document numbers", "判决书（2024）京01民终88号、(2023)某0102民初5号。", nil},
	{"longest literal wins", "《中华人民共和国宪发》", []Finding{
		wording(1, 2, Error, "中华人民共和国宪发", "「中华人民共和国宪发」应为「中华人民共和国宪法」：法律名称用字错误"),
	}},
	{"warning level", "请登陆网站查看其它事项。", []Finding{
		wording(1, 2, Error, "登陆网站", "「登陆网站」应为「登录网站」：进入网站、系统用「登录」；「登陆」指登上陆地"),
		wording(1, 8, Warning, "其它", "「其它」应为「其他」：公文中统一用「其他」"),
	}},
	{"narrowed patterns", "发布署名文章；台风登陆；按装订顺序排列；安排布署工作", []Finding{
		wording(1, 21, Error, "安排布署", "「安排布署」应为「安排部署」：「部署」用部门的「部」"),
	}},
	{"empty text", "", nil},
}

func TestScan(t *testing.T) {
	w := DefaultWordList()
	for _, tc := range scanCases {
		t.Run(tc.name, func(t *testing.T) {
			got := w.Scan(tc.text)
			if len(got) != len(tc.want) {
				t.Fatalf("Scan(%q) = %d findings %v, want %d", tc.text, len(got), got, len(tc.want))
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("finding %d\n got  %+v\n want %+v", i, got[i], tc.want[i])
				}
			}
		})
	}
}

func TestScanPatternGroups(t *testing.T) {
	src := "[[word]]\npattern = '(?P<y>\\d{4})年度(\\d)季'\nright = '${y}年第$2季度$$'\nnote = \"n\"\n"
	w, err := ParseWordList([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	got := w.Scan("甲2024年度3季乙")
	want := []Finding{wording(1, 2, Warning, "2024年度3季", "「2024年度3季」应为「2024年第3季度$」：n")}
	if len(got) != 1 || got[0] != want[0] {
		t.Errorf("Scan = %+v, want %+v", got, want)
	}
}

func TestMerge(t *testing.T) {
	site, err := ParseWordList([]byte(`
[[word]]
wrong = "其它"
level = "off"

[[word]]
wrong = "法制政府"
right = "法治政府"
level = "warning"
note = "本站只提示"

[[word]]
wrong = "某某局"
note = "请写出机关全称"
`))
	if err != nil {
		t.Fatal(err)
	}
	def := DefaultWordList()
	merged := def.Merge(site)
	if got, want := len(merged.Entries()), len(def.Entries())+1; got != want {
		t.Errorf("merged list has %d entries, want %d", got, want)
	}
	got := merged.Scan("其它事项由某某局负责，法制政府。")
	want := []Finding{
		wording(1, 6, Warning, "某某局", "「某某局」不宜使用：请写出机关全称"),
		wording(1, 12, Warning, "法制政府", "「法制政府」应为「法治政府」：本站只提示"),
	}
	if len(got) != len(want) {
		t.Fatalf("Scan = %v, want %v", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("finding %d\n got  %+v\n want %+v", i, got[i], want[i])
		}
	}
	// The inputs are unchanged.
	if n := len(def.Scan("其它")); n != 1 {
		t.Errorf("default list changed by Merge: %d findings for 其它", n)
	}
	if n := len(site.Scan("法制政府")); n != 1 {
		t.Errorf("site list changed by Merge: %d findings", n)
	}
	var nilList *WordList
	if n := len(nilList.Merge(site).Entries()); n != 3 {
		t.Errorf("nil.Merge(site) has %d entries, want 3", n)
	}
	if n := len(def.Merge(nil).Entries()); n != len(def.Entries()) {
		t.Errorf("def.Merge(nil) has %d entries", n)
	}
}

func TestLevelAndShift(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Level
	}{{"off", Off}, {"warning", Warning}, {" Error ", Error}, {"警告", Warning}, {"错误", Error}, {"关闭", Off}} {
		got, err := ParseLevel(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseLevel(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	_, err := ParseLevel("fatal")
	if err == nil || err.Error() != "级别「fatal」无效，应写「warning」（警告）、「error」（错误）或「off」（关闭）之一 (invalid level)" {
		t.Errorf("ParseLevel(fatal) error = %v", err)
	}
	if Warning.String() != "warning" || Error.String() != "error" || Off.String() != "off" || Level(9).String() != "Level(9)" {
		t.Error("Level.String")
	}
	f := Finding{Line: 3, Col: 5, Rule: RuleWording, Level: Error, Message: "m", Match: "x"}
	if g := f.Shift(10); g.Line != 13 || g.Col != 5 || f.Line != 3 {
		t.Errorf("Shift(10) = %+v (original %+v)", g, f)
	}
	if s := f.String(); s != "3:5: m [wording]" {
		t.Errorf("String() = %q", s)
	}
}

func FuzzParseWordList(f *testing.F) {
	f.Add(siteList)
	f.Add(string(defaultWordList))
	for _, tc := range wordListErrorCases {
		f.Add(tc.src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		w, err := ParseWordList([]byte(src))
		if err != nil {
			if w != nil {
				t.Fatal("list returned with an error")
			}
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		// A valid list must scan its own wrong words without trouble.
		for _, e := range w.Entries() {
			checkPositions(t, e.Wrong, w.Scan(e.Wrong))
		}
	})
}

func FuzzScan(f *testing.F) {
	for _, tc := range scanCases {
		f.Add(tc.text)
	}
	for _, tc := range personalCases {
		f.Add(tc.text)
	}
	w := DefaultWordList()
	slow := withoutSharedPass(w)
	f.Fuzz(func(t *testing.T, text string) {
		fs := w.Scan(text)
		checkPositions(t, text, fs)
		if want := slow.Scan(text); !slices.Equal(fs, want) {
			t.Fatalf("shared pass and plain regexp passes differ:\n %v\n %v", fs, want)
		}
		for i := 1; i < len(fs); i++ {
			if fs[i].Line < fs[i-1].Line || fs[i].Line == fs[i-1].Line && fs[i].Col <= fs[i-1].Col {
				t.Fatalf("findings out of order: %v", fs)
			}
		}
	})
}

// withoutSharedPass returns a copy of w that runs every pattern as a
// plain regular-expression pass, to check the shared pass against.
func withoutSharedPass(w *WordList) *WordList {
	slow := &WordList{entries: w.entries, trie: w.trie}
	for i, e := range w.entries {
		if e.Pattern != "" && e.Level != Off {
			slow.patterns = append(slow.patterns, i)
		}
	}
	return slow
}

func TestSharedPassMatchesPlainRegexp(t *testing.T) {
	w := DefaultWordList()
	if len(w.starts) == 0 || len(w.patterns) != 0 {
		t.Errorf("default patterns: %d first characters, %d plain passes; want all patterns in the shared pass", len(w.starts), len(w.patterns))
	}
	slow := withoutSharedPass(w)
	for _, tc := range scanCases {
		if got, want := w.Scan(tc.text), slow.Scan(tc.text); !slices.Equal(got, want) {
			t.Errorf("%s: shared pass %v, plain %v", tc.name, got, want)
		}
	}
}

func TestAnchoredPattern(t *testing.T) {
	tests := []struct {
		pattern string
		first   string
		ok      bool
	}{
		{`截止(\d{4}年)`, "截", true},
		{`(安排|工作)布署`, "安工", true},
		{`[【(](\d{4})`, "(【", true},
		{`x?y`, "xy", true},
		{`\d{4}年`, "0123456789", true},
		{`\bfoo`, "", false},
		{`^foo`, "", false},
		{`.foo`, "", false},
		{`(?i)foo`, "", false},
		{`[^a]b`, "", false},
		{`a*`, "", false},
	}
	for _, tc := range tests {
		first, _, ok := anchoredPattern(tc.pattern)
		if ok != tc.ok || string(first) != tc.first {
			t.Errorf("anchoredPattern(%q) = %q, %v; want %q, %v", tc.pattern, string(first), ok, tc.first, tc.ok)
		}
	}
}

// BenchmarkScan scans a 300 KB page with the default list.
func BenchmarkScan(b *testing.B) {
	para := "依据《中华人民共和国行政复议法》，截至2024年底，本市共办结行政复议案件1234件，" +
		"同比增长12%。各部门要加强法治政府建设，严格依法行政，坚持依法治国、依法执政、依法行政共同推进。\n"
	var sb strings.Builder
	for sb.Len() < 300<<10 {
		sb.WriteString(para)
		if sb.Len()%7 == 0 {
			sb.WriteString("截止目前，其它工作按步就班推进，国办发【2017】47号。\n")
		}
	}
	text := sb.String()
	w := DefaultWordList()
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for range b.N {
		w.Scan(text)
	}
}

// BenchmarkPersonalData scans the same kind of page for personal data.
func BenchmarkPersonalData(b *testing.B) {
	para := "2024年3月1日，（2024）某0102民初1234号案件当事人张某（电话138****5678）到庭，索引号11330100002482XXXX/2024-00012。\n"
	text := strings.Repeat(para, (300<<10)/len(para)+1)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for range b.N {
		PersonalData(text)
	}
}

// FuzzSharedPass checks, for arbitrary patterns, that trying a pattern
// only at its possible first characters finds what a plain pass finds.
func FuzzSharedPass(f *testing.F) {
	for _, e := range DefaultWordList().Entries() {
		if e.Pattern != "" {
			f.Add(e.Pattern, "截止2024年，国办发【2017】47号，〔2023〕05号，安排布署工作")
		}
	}
	f.Add(`x?y|z+`, "xy y zz")
	f.Add(`(a|b*)c`, "ac bbc c")
	f.Fuzz(func(t *testing.T, pattern, text string) {
		src := "[[word]]\npattern = " + strconv.Quote(pattern) + "\nright = \"$0!\"\n"
		w, err := ParseWordList([]byte(src))
		if err != nil {
			return
		}
		got, want := w.Scan(text), withoutSharedPass(w).Scan(text)
		if !slices.Equal(got, want) {
			t.Fatalf("pattern %q on %q:\n shared %v\n plain  %v", pattern, text, got, want)
		}
		checkPositions(t, text, got)
	})
}
