package source

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestNameProblem(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		// Names every system accepts.
		{"政策文件.md", ""},
		{"宪法 宣传周.md", ""},
		{"2026-gonggao.pdf", ""},
		{"console.md", ""},
		{"con-1.md", ""},
		{"COM10.md", ""},
		{"lpt.md", ""},
		{"auxiliary.md", ""},
		{"a.b.c.md", ""},
		// Windows device names, with any case and any extension.
		{"CON", "「CON」是 Windows 保留的设备名，名为「CON」的文件在 Windows 上无法打开或复制：请改一个名字，如「CON-1」"},
		{"aux.md", "「aux」是 Windows 保留的设备名，名为「aux.md」的文件在 Windows 上无法打开或复制：请改一个名字，如「aux-1.md」"},
		{"NUL.txt", "「NUL」是 Windows 保留的设备名"},
		{"nul.tar.gz", "「nul」是 Windows 保留的设备名"},
		{"COM1", "「COM1」是 Windows 保留的设备名"},
		{"com9.pdf", "「com9」是 Windows 保留的设备名"},
		{"LPT3.md", "「LPT3」是 Windows 保留的设备名"},
		{"Prn.docx", "「Prn」是 Windows 保留的设备名"},
		{"con .md", "「con」是 Windows 保留的设备名"},
		{"COM¹.md", "「COM¹」是 Windows 保留的设备名"},
		// Trailing dots and spaces, which Windows drops.
		{"通知.", "名字「通知.」以点或空格结尾"},
		{"通知 ", "名字「通知 」以点或空格结尾"},
		{"zhengce..", "以点或空格结尾"},
		// Characters Windows refuses: a drive letter's colon, backslashes.
		{`C:\site\content\a.md`, "名字「C:\\site\\content\\a.md」含有「:」，Windows 不允许文件名含有"},
		{`zhengce\a.md`, "含有「\\」"},
		{"问答?.md", "含有「?」"},
		{"a*b.md", "含有「*」"},
		{`"引号".md`, "含有「\"」"},
		{"a<b>.md", "含有「<」"},
		{"a|b.md", "含有「|」"},
		{"a\r.md", "名字「a�.md」含有控制字符"},
		{"a\tb.md", "含有控制字符"},
	} {
		got := NameProblem(c.name)
		if c.want == "" && got != "" || c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("NameProblem(%q) = %q, want %q", c.name, got, c.want)
		}
	}
	if got := PathProblem("zhengce/aux/a.md"); !strings.Contains(got, "「aux」是 Windows 保留的设备名") {
		t.Errorf("PathProblem of a reserved folder = %q", got)
	}
	if got := PathProblem("zhengce/2026/a.md"); got != "" {
		t.Errorf("PathProblem of a good path = %q", got)
	}
}

func TestFoldName(t *testing.T) {
	same := [][2]string{
		{"zhengce/Notice.md", "zhengce/notice.md"},
		{"ZHENGCE/a.md", "zhengce/A.md"},
		{"政策/Ａ.md", "政策/ａ.md"},       // full-width letters fold too
		{"café.md", "cafe\u0301.md"}, // composed and decomposed é (macOS)
		{"straße.md", "STRASSE.md"},
	}
	for _, c := range same {
		if FoldName(c[0]) != FoldName(c[1]) {
			t.Errorf("FoldName(%q) = %q, FoldName(%q) = %q; want equal", c[0], FoldName(c[0]), c[1], FoldName(c[1]))
		}
	}
	for _, c := range [][2]string{{"政策.md", "政府.md"}, {"a.md", "a.md.md"}, {"a1.md", "al.md"}} {
		if FoldName(c[0]) == FoldName(c[1]) {
			t.Errorf("FoldName(%q) == FoldName(%q)", c[0], c[1])
		}
	}
	f := Folds{}
	if f.Add("a/B.md") != "" || f.Add("a/B.md") != "" || f.Add("a/c.md") != "" {
		t.Fatal("no collision expected")
	}
	if got := f.Add("a/b.md"); got != "a/B.md" {
		t.Errorf("Add(a/b.md) = %q, want a/B.md", got)
	}
}

// TestWalkRejectsNonPortableNames: names that cannot exist on Windows or
// that collide there are refused, naming both files of a collision; the
// rest of the tree is still walked.
func TestWalkRejectsNonPortableNames(t *testing.T) {
	fsys := fstest.MapFS{
		"content/zhengce/_index.md":     {},
		"content/zhengce/aux.md":        {},
		"content/zhengce/Tongzhi.md":    {},
		"content/zhengce/tongzhi.md":    {},
		"content/zhengce/通知.":           {},
		"content/zhengce/a.md":          {},
		"content/CON/x.md":              {},
		"content/Gongzuo/_index.md":     {},
		"content/gongzuo/b.md":          {},
		"content/zhengce/fujian 1 .pdf": {},
	}
	tr, err := Walk(fsys, "content")
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, f := range tr.Files {
		files = append(files, f.Path)
	}
	if strings.Join(files, " ") != "Gongzuo/_index.md zhengce/Tongzhi.md zhengce/_index.md zhengce/a.md" {
		t.Errorf("files = %q", files)
	}
	got := map[string]string{}
	for _, r := range tr.Rejected {
		got[r.Path] = r.Reason
	}
	want := map[string]string{
		"CON":                   "「CON」是 Windows 保留的设备名",
		"gongzuo":               "「content/gongzuo」和「content/Gongzuo」的名字只有大小写（或字形编码）不同，在 Windows 和 macOS 上是同一个文件，一个会覆盖另一个：请给其中一个改名",
		"zhengce/aux.md":        "「aux」是 Windows 保留的设备名",
		"zhengce/tongzhi.md":    "「content/zhengce/tongzhi.md」和「content/zhengce/Tongzhi.md」的名字只有大小写",
		"zhengce/通知.":           "以点或空格结尾",
		"zhengce/fujian 1 .pdf": "",
	}
	for p, w := range want {
		r, ok := got[p]
		if w == "" {
			if ok {
				t.Errorf("%s rejected: %s", p, r)
			}
			continue
		}
		if !strings.Contains(r, w) {
			t.Errorf("%s: reason %q, want %q", p, r, w)
		}
	}
	if len(got) != len(want)-1 {
		t.Errorf("rejected %d entries, want %d: %v", len(got), len(want)-1, got)
	}
}
