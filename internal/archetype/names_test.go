package archetype

import (
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
)

func TestNormalizeKind(t *testing.T) {
	for in, want := range map[string]string{
		"policy": Policy, "Policy": Policy, "政策文件": Policy,
		"notice": Notice, "公告": Notice,
		"article": Article, "文章": Article,
		"page": Page, "页面": Page,
	} {
		if got, ok := NormalizeKind(in); !ok || got != want {
			t.Errorf("NormalizeKind(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "news", "政策", "_index"} {
		if got, ok := NormalizeKind(in); ok {
			t.Errorf("NormalizeKind(%q) = %q, want unknown", in, got)
		}
	}
}

func TestCleanPath(t *testing.T) {
	for in, want := range map[string]string{
		"zhengce/2026-a.md":         "zhengce/2026-a.md",
		"content/zhengce/2026-a.md": "zhengce/2026-a.md",
		"./content/sifa/x.md":       "sifa/x.md",
		`pufa\宪法.md`:                "pufa/宪法.md",
		"zhengce/a/index.md":        "zhengce/a/index.md",
		"about.md":                  "about.md",
		"zhengce//a.md":             "zhengce/a.md",
	} {
		if got, problem := CleanPath(in); problem != "" || got != want {
			t.Errorf("CleanPath(%q) = %q, %q; want %q", in, got, problem, want)
		}
	}
	for in, want := range map[string]string{
		"../x.md":              "..",
		"zhengce/../../x.md":   "..",
		"content/../site.toml": "..",
		"/etc/x.md":            "不要以 /",
		"C:/x.md":              "盘符",
		"zhengce/a.txt":        ".md 结尾",
		"zhengce/a":            ".md 结尾",
		"zhengce/_index.md":    "栏目首页",
		"":                     "请写出",
	} {
		if got, problem := CleanPath(in); !strings.Contains(problem, want) {
			t.Errorf("CleanPath(%q) = %q, %q; want a problem with %q", in, got, problem, want)
		}
	}
}

func TestTitleFromPath(t *testing.T) {
	for in, want := range map[string]string{
		"pufa/宪法 宣传周.md":                 "宪法 宣传周",
		"pufa/2026-03-11-民法典进社区.md":      "民法典进社区",
		"zhengce/某市行政复议办法/index.md":      "某市行政复议办法",
		"zhengce/2026-xingzheng-fuyi.md": "",
		"sifa/2026-0102-minchu-1234.md":  "",
		"2026.md":                        "",
	} {
		if got := TitleFromPath(in); got != want {
			t.Errorf("TitleFromPath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNoticeTypeFromPath(t *testing.T) {
	for in, want := range map[string]string{
		"sifa/2026-06-10-kaiting-laodong.md": "开庭公告",
		"sifa/开庭公告-1.md":                     "开庭公告",
		"sifa/2026-songda-zhao.md":           "送达公告",
		"sifa/2026-zhixing/index.md":         "执行公告",
		"sifa/paimai.md":                     "拍卖公告",
		"sifa/2026-0102-minchu-1234.md":      "送达公告",
	} {
		if got := NoticeTypeFromPath(in); got != want {
			t.Errorf("NoticeTypeFromPath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSectionOf(t *testing.T) {
	for in, want := range map[string]string{
		"zhengce/a.md": "zhengce", "zhengce/a/index.md": "zhengce", "sifa/2026/a.md": "sifa/2026", "about.md": "",
	} {
		if got := SectionOf(in); got != want {
			t.Errorf("SectionOf(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestQuote(t *testing.T) {
	for _, s := range []string{"", "某市办法", `《"引号"》`, `a\b`, "行1\n行2\t\x01"} {
		var v struct{ T string }
		if _, err := toml.Decode("T = "+Quote(s), &v); err != nil || v.T != s {
			t.Errorf("Quote(%q) = %s decodes to %q, %v", s, Quote(s), v.T, err)
		}
	}
}

func TestIndexNumbers(t *testing.T) {
	existing := []Existing{
		{"009990011/2026-00017", "某市人民政府"},
		{"009990011/2026-00118", "某市人民政府"},
		{"009990011/2025-00300", "某市人民政府办公室"},
		{"009990027/2026-00064", "某市司法局"},
		{"bad number", "x"},
	}
	code, placeholder := IssuerCode(existing, "")
	if code != "009990011" || placeholder {
		t.Errorf("IssuerCode = %q, %v", code, placeholder)
	}
	if code, _ := IssuerCode(existing, " 12345678 "); code != "12345678" {
		t.Errorf("configured code not used: %q", code)
	}
	if code, placeholder := IssuerCode(nil, ""); code != PlaceholderIssuerCode || !placeholder {
		t.Errorf("no code: %q, %v", code, placeholder)
	}
	if code, _ := IssuerCode([]Existing{{IndexNumber: "222222222/2026-00001"}, {IndexNumber: "111111111/2026-00001"}}, ""); code != "111111111" {
		t.Errorf("tie: %q", code)
	}
	for _, tc := range []struct {
		code string
		year int
		want string
	}{
		{"009990011", 2026, "009990011/2026-00119"},
		{"009990011", 2025, "009990011/2025-00301"},
		{"009990011", 2027, "009990011/2027-00001"},
		{"009990027", 2026, "009990027/2026-00065"},
		{"000000000", 2026, "000000000/2026-00001"},
	} {
		if got := NextIndexNumber(existing, tc.code, tc.year); got != tc.want {
			t.Errorf("NextIndexNumber(%s, %d) = %s, want %s", tc.code, tc.year, got, tc.want)
		}
	}
	if got := IssuerFor(existing, "009990011"); got != "某市人民政府" {
		t.Errorf("IssuerFor = %q", got)
	}
	if got := IssuerFor(existing, "000000000"); got != "" {
		t.Errorf("IssuerFor(unknown) = %q", got)
	}
}

func TestNewDataDate(t *testing.T) {
	loc := time.FixedZone("CST", 8*3600)
	d := NewData(Policy, "zhengce/a.md", time.Date(2026, 3, 1, 9, 5, 0, 0, loc))
	if d.Date != "2026-03-01T09:05:00+08:00" || d.Section != "zhengce" {
		t.Errorf("NewData = %+v", d)
	}
}
