package build_test

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/fazhitest"
)

// TestPolicyFacets (issue 17.3): a policy column has status/<有效性>/ and
// genre/<体裁>/ lists, paginated, with counts, linked from the column as
// 「只看现行有效」 and listed in index.json; both segments are reserved.
func TestPolicyFacets(t *testing.T) {
	files := strings.Replace(statusSite, "baseURL = \"https://fzb.example.gov.cn/\"\n", "baseURL = \"https://fzb.example.gov.cn/\"\npaginate = 1\n", 1)
	r := fazhitest.Build(t, files, fazhitest.WithTheme(), at("2026-06-01T10:00"))
	// 有效: fuyi and xiugai, one per page.
	r.AssertFileContent("zhengce/index.html", `<p class="col-filter"><a href="/zhengce/status/%e6%9c%89%e6%95%88/">只看现行有效</a><span class="count">（2 件）</span></p>`)
	r.AssertFileContent("zhengce/status/有效/index.html", "<h1>政策文件 · 有效性：有效</h1>", "共 2 件文件。", `href="/zhengce/xiugai/"`)
	r.AssertFileContent("zhengce/status/有效/page/2/index.html", `href="/zhengce/fuyi/"`)
	r.AssertFileContent("zhengce/status/已废止/index.html", "共 1 件文件。", `>【已废止】某市行政复议工作规定</a>`)
	r.AssertFileContent("zhengce/genre/政府规章/index.html", "<h1>政策文件 · 体裁：政府规章</h1>", "共 3 件文件。")
	r.AssertFileContent("zhengce/genre/行政规范性文件/index.html", "共 3 件文件。")
	for _, name := range []string{"zhengce/status/尚未施行/index.html", "zhengce/status/已修改/index.html", "zhengce/status/已失效/index.html"} {
		r.AssertFileContent(name, "共 1 件文件。")
	}
	var c struct {
		Facets struct {
			Status, Genre []struct {
				Name  string
				Count int
				URL   string
			}
		}
	}
	if err := json.Unmarshal([]byte(r.File("zhengce/index.json")), &c); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range append(c.Facets.Status, c.Facets.Genre...) {
		got = append(got, f.Name+"="+strings.Repeat("I", f.Count))
	}
	if want := "有效=II 尚未施行=I 已修改=I 已失效=I 已废止=I 政府规章=III 行政规范性文件=III"; strings.Join(got, " ") != want {
		t.Errorf("index.json facets %q, want %q", strings.Join(got, " "), want)
	}
	if c.Facets.Status[0].URL != "https://fzb.example.gov.cn/zhengce/status/%E6%9C%89%E6%95%88/" {
		t.Errorf("facet URL %q", c.Facets.Status[0].URL)
	}
	// A content page cannot take a generated list's segment.
	for _, seg := range []string{"status", "genre"} {
		bad := fazhitest.Try(t, statusSite+"-- content/zhengce/"+seg+".md --\n+++\ntitle = \"冲突\"\ndate = 2026-05-01\n[policy]\nissuer = \"某市人民政府\"\n+++\n", at("2026-06-01T10:00"))
		if bad.Err == nil || !strings.Contains(bad.Err.Error(), "「"+seg+"」是保留名称") {
			t.Errorf("a page at zhengce/%s.md: %v", seg, bad.Err)
		}
	}
}

// TestBrowseSidebarOncePerTerm (issue 16.4): the default theme's list
// layouts render the 信息公开目录 sidebar once per column and browse term
// (partialCached keyed by .Section.URL and .Term.URL), not once per pager
// page: a --now step that moves one count renders it a few dozen times,
// not once for each of a column's thousand list pages. The site's own
// browse.html prints the page it was rendered for, so every pager page of
// one list shows the same one, whichever was rendered first.
func TestBrowseSidebarOncePerTerm(t *testing.T) {
	files := strings.Replace(statusSite, "baseURL = \"https://fzb.example.gov.cn/\"\n", "baseURL = \"https://fzb.example.gov.cn/\"\npaginate = 1\n", 1) +
		"-- layouts/partials/browse.html --\n<x-side column=\"{{ .Section.URL }}\" term=\"{{ with .Term }}{{ .URL }}{{ end }}\" from=\"{{ .URL }}\"></x-side>\n"
	r := fazhitest.Build(t, files, fazhitest.WithTheme(), at("2026-06-01T10:00"))
	side := regexp.MustCompile(`<x-side [^>]*>`)
	get := func(name string) string {
		m := side.FindAllString(r.File(name), -1)
		if len(m) != 1 {
			t.Fatalf("%s: %d sidebars %q, want 1", name, len(m), m)
		}
		return m[0]
	}
	lists := []struct {
		term  string
		pages []string
	}{
		{"", []string{"zhengce/index.html", "zhengce/page/2/index.html", "zhengce/page/3/index.html"}},
		{"/zhengce/status/有效/", []string{"zhengce/status/有效/index.html", "zhengce/status/有效/page/2/index.html"}},
		{"/zhengce/genre/政府规章/", []string{"zhengce/genre/政府规章/index.html", "zhengce/genre/政府规章/page/2/index.html", "zhengce/genre/政府规章/page/3/index.html"}},
	}
	for _, l := range lists {
		first := get(l.pages[0])
		if !strings.HasPrefix(first, `<x-side column="/zhengce/" term="`+l.term+`" from="/zhengce/`) {
			t.Errorf("%s: sidebar %s, want one for term %q", l.pages[0], first, l.term)
		}
		for _, p := range l.pages[1:] {
			if got := get(p); got != first {
				t.Errorf("%s: sidebar %s, want the one rendered once for the list, as on %s: %s", p, got, l.pages[0], first)
			}
		}
	}
}
