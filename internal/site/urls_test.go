package site

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestBase(t *testing.T) {
	for _, c := range []struct{ base, path, origin, host string }{
		{"https://fzb.example.gov.cn/sub/", "/sub/", "https://fzb.example.gov.cn", "fzb.example.gov.cn"},
		{"https://fzb.example.gov.cn/sub", "/sub/", "https://fzb.example.gov.cn", "fzb.example.gov.cn"},
		{"http://127.0.0.1:1313/", "/", "http://127.0.0.1:1313", "127.0.0.1:1313"},
		{"/", "/", "", ""},
		{"/sub/", "/sub/", "", ""},
		{"", "/", "", ""},
		{"%zz", "/", "", ""},
	} {
		b := ParseBase(c.base)
		if b.Path() != c.path || b.Origin() != c.origin || b.Host() != c.host {
			t.Errorf("ParseBase(%q) = path %q origin %q host %q; want %q %q %q", c.base, b.Path(), b.Origin(), b.Host(), c.path, c.origin, c.host)
		}
	}
	b := ParseBase("https://fzb.example.gov.cn/sub/")
	for _, c := range []struct{ in, rel, abs string }{
		{"/zhengce/", "/sub/zhengce/", "https://fzb.example.gov.cn/sub/zhengce/"},
		{"zhengce/a.html", "/sub/zhengce/a.html", "https://fzb.example.gov.cn/sub/zhengce/a.html"},
		{"/", "/sub/", "https://fzb.example.gov.cn/sub/"},
		{"/zhengce/中文/", "/sub/zhengce/中文/", "https://fzb.example.gov.cn/sub/zhengce/%E4%B8%AD%E6%96%87/"},
		// A fragment or query stays one, in both forms: it is never
		// escaped into the path.
		{"/zhengce/a/#art-3", "/sub/zhengce/a/#art-3", "https://fzb.example.gov.cn/sub/zhengce/a/#art-3"},
		{"/zhengce/中文/#第3条", "/sub/zhengce/中文/#第3条", "https://fzb.example.gov.cn/sub/zhengce/%E4%B8%AD%E6%96%87/#第3条"},
		{"/search/?q=法", "/sub/search/?q=法", "https://fzb.example.gov.cn/sub/search/?q=法"},
		{"https://www.gov.cn/", "https://www.gov.cn/", "https://www.gov.cn/"},
		{"mailto:fzb@example.gov.cn", "mailto:fzb@example.gov.cn", "mailto:fzb@example.gov.cn"},
		{"//cdn.example/x", "//cdn.example/x", "//cdn.example/x"},
		{"#top", "#top", "https://fzb.example.gov.cn/sub/#top"},
	} {
		if got := b.Rel(c.in); got != c.rel {
			t.Errorf("Rel(%q) = %q, want %q", c.in, got, c.rel)
		}
		if got := b.Abs(c.in); got != c.abs {
			t.Errorf("Abs(%q) = %q, want %q", c.in, got, c.abs)
		}
	}
}

func TestColumnLists(t *testing.T) {
	col := "/gonggao/"
	for _, c := range []struct{ got, want string }{
		{ListArchive.In(col), "/gonggao/archive/"},
		{ListHearings.In(col), "/gonggao/hearings/"},
		{FileCalendar.In(col), "/gonggao/hearings.ics"},
		{FileIndex.In("/zhengce/"), "/zhengce/index.json"},
		{ListIssuer.Term("/zhengce/", "某市 司法局"), "/zhengce/issuer/某市-司法局/"},
		{PagerURL(col, 1), "/gonggao/"},
		{PagerURL(col, 3), "/gonggao/page/3/"},
		{TermURL(TaxTags, "普法"), "/tags/普法/"},
		{TaxonomyURL(TaxSeries), "/series/"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	// Every generated list and file is reserved, and nothing else.
	for _, l := range ColumnLists {
		if !Reserved(string(l)) {
			t.Errorf("%q is generated but not reserved", l)
		}
	}
	for _, seg := range []string{"feed.xml", "index.json", "hearings.ics", "page", "year"} {
		if !Reserved(seg) {
			t.Errorf("%q is not reserved", seg)
		}
	}
	if Reserved("banfa") || Reserved("") {
		t.Error("ordinary segments are reserved")
	}
}

func TestOtherStyleURL(t *testing.T) {
	for in, want := range map[string]string{"/zhengce/a.html": "/zhengce/a/", "/zhengce/a/": "/zhengce/a.html", "/": "", "/a.pdf": ""} {
		if got := OtherStyleURL(in); got != want {
			t.Errorf("OtherStyleURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzBase(f *testing.F) {
	for _, s := range [][2]string{
		{"https://fzb.example.gov.cn/sub/", "/zhengce/a/#x"}, {"/", "a b/?q=1"}, {"http://h:1/", "mailto:x"},
		{"https://h/中文/", "/中/#第一条"}, {"%zz", "//x"}, {"", "#"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, base, u string) {
		b := ParseBase(base)
		p := b.Path()
		if !strings.HasPrefix(p, "/") || !strings.HasSuffix(p, "/") {
			t.Fatalf("ParseBase(%q).Path() = %q", base, p)
		}
		rel, abs := b.Rel(u), b.Abs(u)
		if strings.HasPrefix(u, "#") || strings.HasPrefix(u, "//") || strings.Contains(strings.SplitN(u, "/", 2)[0], ":") {
			return // external URLs and fragments: covered by TestBase
		}
		if !strings.HasPrefix(rel, p) {
			t.Fatalf("Rel(%q) = %q does not start with %q", u, rel, p)
		}
		if !strings.HasPrefix(abs, b.Origin()+"/") {
			t.Fatalf("Abs(%q) = %q does not start with the origin %q", u, abs, b.Origin())
		}
		// The query and fragment are kept as written; the path is
		// escaped, so it holds no space, non-ASCII rune, '?' or '#'.
		path, rest := abs[len(b.Origin()):], ""
		if i := strings.IndexAny(u, "?#"); i >= 0 {
			rest = u[i:]
			if !strings.HasSuffix(abs, rest) {
				t.Fatalf("Abs(%q) = %q lost %q", u, abs, rest)
			}
			path = path[:len(path)-len(rest)]
		}
		for _, r := range path {
			if r == ' ' || r == '?' || r == '#' || r >= utf8.RuneSelf {
				t.Fatalf("Abs(%q) = %q: path %q is not escaped", u, abs, path)
			}
		}
	})
}
