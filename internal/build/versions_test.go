package build_test

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/fazhitest"
)

// versionSite holds a work of three versions: the 2019 办法, its 2023
// revision (in force) and a 2026 revision published on 2026-05-20 that
// comes into force on 2026-07-01; and a 修改决定 that amends two
// documents.
const versionSite = `
-- site.toml --
title = "某市法治政府网"
baseURL = "https://fzb.example.gov.cn/"
-- content/_index.md --
+++
title = "首页"
+++
-- content/zhengce/_index.md --
+++
title = "政策文件"
kind = "policy"
columnType = "政策文件"
+++
-- content/zhengce/tingche-2019.md --
+++
title = "某市机动车停放管理办法"
date = 2019-03-01
[policy]
issuer = "某市人民政府"
docNumber = "某府令〔2019〕2号"
genre = "政府规章"
effective = 2019-04-01
+++
第一条　为了规范机动车停放，制定本办法。

第二条　本办法适用于本市行政区域。
-- content/zhengce/tingche-2023.md --
+++
title = "某市机动车停放管理办法"
date = 2023-02-01
[policy]
issuer = "某市人民政府"
docNumber = "某府令〔2023〕5号"
genre = "政府规章"
effective = 2023-03-01
revises = "zhengce/tingche-2019.md"
+++
第一条　为了规范机动车停放，保障道路畅通，制定本办法。

第二条　本办法适用于本市行政区域。
-- content/zhengce/tingche-2026.md --
+++
title = "某市机动车停放管理办法"
date = 2026-05-20
[policy]
issuer = "某市人民政府"
docNumber = "某府令〔2026〕31号"
genre = "政府规章"
effective = 2026-07-01
revises = "zhengce/tingche-2023.md"
+++
第一条　为了规范机动车停放，保障道路畅通，制定本办法。

第二条　本办法适用于本市行政区域。

第三条　新能源汽车停放另有规定的，从其规定。
-- content/zhengce/a.md --
+++
title = "某市甲办法"
date = 2020-01-01
[policy]
issuer = "某市人民政府"
docNumber = "某政规〔2020〕1号"
+++
第一条　甲。
-- content/zhengce/b.md --
+++
title = "某市乙办法"
date = 2020-01-02
[policy]
issuer = "某市人民政府"
docNumber = "某政规〔2020〕2号"
+++
第一条　乙。
-- content/zhengce/jueding.md --
+++
title = "某市人民政府关于修改部分规范性文件的决定"
date = 2026-01-10
[policy]
issuer = "某市人民政府"
docNumber = "某政规〔2026〕1号"
effective = 2026-02-01
amends = ["zhengce/a.md", "zhengce/b.md"]
+++
一、将《某市甲办法》第一条修改为……
`

var (
	versionNoteRE = regexp.MustCompile(`(?s)<p class="version-note[^"]*".*?</p>`)
	versionsRE    = regexp.MustCompile(`(?s)<section class="versions".*?</section>`)
)

// TestVersions (issue 17 point 2): each version of a revised document
// lists every version with its 文号, dates and state, marks the current
// one 现行版本, and says at its top which version is current or which
// revision is coming; a version whose revision is in force is 已修改.
func TestVersions(t *testing.T) {
	r := fazhitest.Build(t, versionSite, fazhitest.WithTheme(), at("2026-06-01T10:00"))
	var b strings.Builder
	for _, name := range []string{"tingche-2019", "tingche-2023", "tingche-2026"} {
		page := r.File("zhengce/" + name + "/index.html")
		b.WriteString("== " + name + "\n")
		b.WriteString(statusLineRE.FindString(page) + "\n")
		b.WriteString(versionNoteRE.FindString(page) + "\n")
		b.WriteString(versionsRE.FindString(page) + "\n")
	}
	fazhitest.Golden(t, "versions", b.String())

	status := func(name, line string) {
		t.Helper()
		r.AssertFileContent("zhengce/"+name+"/index.html", `<span class="status-text">`+line+`</span>`)
	}
	status("tingche-2019", "已修改 · 已被《某市机动车停放管理办法》（某府令〔2023〕5号）修订")
	status("tingche-2023", "现行有效 · 2023年3月1日起施行")
	status("tingche-2026", "尚未施行 · 将于2026年7月1日起施行")
	note := func(name, text string) {
		t.Helper()
		got := versionNoteRE.FindString(r.File("zhengce/" + name + "/index.html"))
		if plain := tagRE.ReplaceAllString(got, ""); !strings.HasPrefix(plain, text) {
			t.Errorf("%s: version note %q, want it to start with %q", name, plain, text)
		}
	}
	note("tingche-2019", "本文件已被修订，现行版本：《某市机动车停放管理办法》（某府令〔2023〕5号）（2023年3月1日起施行）")
	note("tingche-2023", "已公布修订文本《某市机动车停放管理办法》（某府令〔2026〕31号），将于2026年7月1日起施行")
	note("tingche-2026", "本文本尚未施行，在此之前适用现行版本：《某市机动车停放管理办法》（某府令〔2023〕5号）（2023年3月1日起施行）")
	// The current version is marked in every list, once.
	for _, name := range []string{"tingche-2019", "tingche-2023", "tingche-2026"} {
		list := versionsRE.FindString(r.File("zhengce/" + name + "/index.html"))
		if n := strings.Count(list, "现行版本"); n != 1 {
			t.Errorf("%s: 现行版本 %d times in the version list", name, n)
		}
	}
	// JSON-LD: a new text consolidates the previous version.
	r.AssertFileContent("zhengce/tingche-2026/index.html", `"legislationConsolidates":{"@id":"https://fzb.example.gov.cn/zhengce/tingche-2023/","@type":"Legislation","name":"某市机动车停放管理办法"}`)
	// An older version whose new text is in force no longer applies.
	r.AssertFileContent("zhengce/tingche-2019/index.html", `"legislationLegalForce":"https://schema.org/NotInForce"`)
	r.AssertFileContent("zhengce/tingche-2023/index.html", `"legislationLegalForce":"https://schema.org/InForce"`)
	// A 修改决定 amends a list of documents.
	r.AssertFileContent("zhengce/a/index.html", `已修改 · 根据《某市人民政府关于修改部分规范性文件的决定》（某政规〔2026〕1号）修改`)
	r.AssertFileContent("zhengce/b/index.html", `已修改 · 根据《某市人民政府关于修改部分规范性文件的决定》（某政规〔2026〕1号）修改`)
	r.AssertFileContent("zhengce/jueding/index.html", `本文件修改了：</span><a href="/zhengce/a/">某市甲办法</a>`, `本文件修改了：</span><a href="/zhengce/b/">某市乙办法</a>`)
	r.AssertFileContent("zhengce/index.json", `"revises": "https://fzb.example.gov.cn/zhengce/tingche-2023/"`)
}

var tagRE = regexp.MustCompile(`<[^>]+>`)

// TestVersionComesIntoForce: at 23:59 on the day before its 施行日期 the
// 2026 text is still pending; at 00:00 it is the current version and the
// 2023 text is 已修改.
func TestVersionComesIntoForce(t *testing.T) {
	for _, c := range []struct {
		now, v2023, v2026, current string
	}{
		{"2026-06-30T23:59", "现行有效 · 2023年3月1日起施行", "尚未施行 · 将于2026年7月1日起施行", "tingche-2023"},
		{"2026-07-01T00:00", "已修改 · 已被《某市机动车停放管理办法》（某府令〔2026〕31号）修订", "现行有效 · 2026年7月1日起施行", "tingche-2026"},
	} {
		t.Run(c.now, func(t *testing.T) {
			r := fazhitest.Build(t, versionSite, fazhitest.WithTheme(), at(c.now))
			r.AssertFileContent("zhengce/tingche-2023/index.html", `<span class="status-text">`+c.v2023+`<`)
			r.AssertFileContent("zhengce/tingche-2026/index.html", `<span class="status-text">`+c.v2026+`<`)
			list := versionsRE.FindString(r.File("zhengce/tingche-2019/index.html"))
			current := ""
			for _, item := range strings.Split(list, "<li ")[1:] {
				if strings.Contains(item, "现行版本") {
					current = regexp.MustCompile(`href="/zhengce/([^/]+)/"`).FindStringSubmatch(item)[1]
				}
			}
			if current != c.current {
				t.Errorf("current version %q, want %q", current, c.current)
			}
		})
	}
}

// revisionSite builds the real revision of 《全国年节及纪念日放假办法》
// (国务院令第795号) as two versions of one work; the texts are kept with
// their source in internal/markup/compare/testdata.
func revisionSite(t *testing.T, style string) string {
	t.Helper()
	read := func(name string) string {
		b, err := os.ReadFile("../markup/compare/testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	return `
-- site.toml --
title = "某市法治政府网"
baseURL = "https://fzb.example.gov.cn/"
urlStyle = "` + style + `"
-- content/_index.md --
+++
title = "首页"
+++
-- content/zhengce/_index.md --
+++
title = "政策文件"
kind = "policy"
+++
-- content/zhengce/fangjia-2013.md --
+++
title = "全国年节及纪念日放假办法"
date = 2013-12-11
[policy]
issuer = "国务院"
docNumber = "国务院令第644号"
genre = "其他文件"
effective = 2014-01-01
+++
` + read("fangjia-2013.md") + `
-- content/zhengce/fangjia-2024/index.md --
+++
title = "全国年节及纪念日放假办法"
date = 2024-11-10
[policy]
issuer = "国务院"
docNumber = "国务院令第795号"
genre = "其他文件"
effective = 2025-01-01
revises = "zhengce/fangjia-2013.md"
+++
` + read("fangjia-2024.md")
}

var (
	cmpArtRE  = regexp.MustCompile(`<section class="cmp-art cmp-(added|removed|changed|same-art)">\s*<h2 class="cmp-label"><a href="[^"]*#(art-[0-9-]+)">`)
	cmpMainRE = regexp.MustCompile(`(?s)<article class="doc doc-compare">.*</article>`)
)

// TestComparePage (issue 17 point 2): the comparison page of a version is
// in its folder under compare/ in either URL style, and marks exactly the
// articles the real revision added and changed, with the changed words in
// <ins>/<del> and the unchanged articles folded.
func TestComparePage(t *testing.T) {
	for _, c := range []struct{ style, page, cmp string }{
		{"dir", "zhengce/fangjia-2024/index.html", "zhengce/fangjia-2024/compare/index.html"},
		{"html", "zhengce/fangjia-2024.html", "zhengce/fangjia-2024/compare/index.html"},
	} {
		t.Run(c.style, func(t *testing.T) {
			r := fazhitest.Build(t, revisionSite(t, c.style), fazhitest.WithTheme(), at("2026-06-01T10:00"))
			page := r.File(c.cmp)
			got := map[string][]string{}
			for _, m := range cmpArtRE.FindAllStringSubmatch(page, -1) {
				got[m[1]] = append(got[m[1]], m[2])
			}
			want := map[string][]string{
				"changed":  {"art-2", "art-6"},
				"added":    {"art-7"},
				"same-art": {"art-1", "art-3", "art-4", "art-5", "art-8"},
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("articles by kind %v, want %v", got, want)
			}
			r.AssertFileContent(c.cmp,
				`新增 <strong>1</strong> 条，删除 <strong>0</strong> 条，修改 <strong>2</strong> 条。`,
				`<summary>第三条至第五条未修改（3 条）</summary>`,
				`<span class="cmp-was">（原第七条）</span>`,
				`适逢<del>星期六、星期</del><ins>周六、周</ins>日`,
				`（一）<del>新年</del><ins>元旦</ins>，放假1天`,
			)
			// The version list links the comparison.
			r.AssertFileContent(c.page, `<a class="version-compare" href="/zhengce/fangjia-2024/compare/">与上一版本对照</a>`)
			if c.style == "dir" {
				fazhitest.Golden(t, "compare-fangjia", cmpMainRE.FindString(page))
			}
		})
	}
}
