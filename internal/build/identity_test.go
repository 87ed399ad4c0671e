package build_test

import (
	"encoding/xml"
	"fmt"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/fazhitest"
)

// identitySite has every identity item of issue 19.5 and a column with
// more pages than the 网站地图 lists.
func identitySite() string {
	var b strings.Builder
	b.WriteString(`
-- site.toml --
title = "某市法治政府网"
baseURL = "https://fzb.example.gov.cn/sub/"
[identity]
sponsor = "某市人民政府办公室"
siteCode = "9900000001"
police = "某公网安备 99010202000001号"
conacID = "0A1B2C3D4E5F60718293A4B5C6D7E8F9"
emblem = "/images/guohui.png"
-- static/images/guohui.png --
PNG
-- content/_index.md --
+++
title = "首页"
+++
-- content/about.md --
+++
title = "关于本网"
kind = "page"
+++
本网由某市人民政府办公室主办。
-- content/xxgk/_index.md --
+++
title = "政府信息公开"
columnType = "信息公开目录"
+++
-- content/xxgk/zhinan.md --
+++
title = "政府信息公开指南"
kind = "page"
+++
指南。
-- content/xxgk/nianbao/_index.md --
+++
title = "政府信息公开年报"
columnType = "信息公开年报"
+++
-- content/xxgk/nianbao/2025.md --
+++
title = "2025年政府信息公开工作年度报告"
date = 2026-01-20
+++
报告。
-- content/gongzuo/_index.md --
+++
title = "工作动态"
columnType = "工作动态"
+++
`)
	for i := 1; i <= 52; i++ {
		fmt.Fprintf(&b, "-- content/gongzuo/d%02d.md --\n+++\ntitle = \"动态%02d\"\ndate = 2026-10-%02dT09:00:00\n+++\n正文。\n", i, i, 1+i%28)
	}
	return b.String()
}

// TestIdentityItems checks the header and footer items of issue 19.5: the
// emblem, the 党政机关网站标识 and 「我为政府网站找错」 links, the 公安备案
// badge and the footer link to the HTML 网站地图.
func TestIdentityItems(t *testing.T) {
	r := fazhitest.Build(t, identitySite(), fazhitest.WithTheme())
	for _, page := range []string{"index.html", "about/index.html", "xxgk/nianbao/2025/index.html", "sitemap/index.html", "404.html"} {
		r.AssertFileContent(page,
			`<img class="emblem" src="/sub/images/guohui.png" alt="" width="32" height="32">`, `! <svg class="emblem"`,
			`<li><a href="/sub/sitemap/">网站地图</a></li>`,
			`<li><a class="id-badge id-conac" href="https://bszs.conac.cn/sitename?method=show&amp;id=0A1B2C3D4E5F60718293A4B5C6D7E8F9" rel="noopener"><span class="id-mark" aria-hidden="true">党政<br>机关</span><span>党政机关网站标识<span class="vh">（查看开办单位认证信息）</span></span></a></li>`,
			`<li><a class="id-badge id-jiucuo" href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=9900000001&amp;url=https%3A%2F%2Ffzb.example.gov.cn%2Fsub%2F" rel="noopener"><span class="id-mark" aria-hidden="true">找错</span><span>我为政府网站找错</span></a></li>`,
			`<span class="police"><a href="https://www.beian.gov.cn/portal/registerSystemInfo?recordcode=99010202000001" rel="noopener"><svg class="police-icon"`,
		)
	}
	r.AssertFileContent("images/guohui.png", "PNG")
}

// TestIdentityItemsAbsent: without conacID and siteCode there is no badge
// list, and without emblem the theme's own drawing stands.
func TestIdentityItemsAbsent(t *testing.T) {
	r := fazhitest.Build(t, `
-- site.toml --
title = "某市法治政府网"
baseURL = "https://fzb.example.gov.cn/"
-- content/_index.md --
+++
title = "首页"
+++
`, fazhitest.WithTheme())
	r.AssertFileContent("index.html", `<svg class="emblem"`, `<li><a href="/sitemap/">网站地图</a></li>`, "! footer-badges", "! id-conac", "! id-jiucuo", "! police")
}

// TestSitemapPage checks the HTML 网站地图: every column with its own pages
// and its sub-columns, at most site.SitemapColumnPages pages a column, and
// the pages outside any column.
func TestSitemapPage(t *testing.T) {
	r := fazhitest.Build(t, identitySite(), fazhitest.WithTheme())
	got := r.File("sitemap/index.html")
	for _, want := range []string{
		`<title>网站地图 - 某市法治政府网</title>`,
		`<h1>网站地图</h1>`,
		`<h2><a href="/sub/gongzuo/">工作动态</a></h2>`,
		`<li><a href="/sub/gongzuo/d52/">动态52</a></li>`,
		`<li class="sitemap-more"><a href="/sub/gongzuo/">本栏目另有 2 条，进入工作动态查看</a></li>`,
		`<h2><a href="/sub/xxgk/">政府信息公开</a></h2>`,
		"<ul>\n<li><a href=\"/sub/xxgk/zhinan/\">政府信息公开指南</a></li>\n</ul>\n<h3><a href=\"/sub/xxgk/nianbao/\">政府信息公开年报</a></h3>\n<ul>\n<li><a href=\"/sub/xxgk/nianbao/2025/\">2025年政府信息公开工作年度报告</a></li>",
		`<h2>其他页面</h2>`,
		`<li><a href="/sub/about/">关于本网</a></li>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("sitemap/index.html lacks %q", want)
		}
	}
	if n := strings.Count(got, `href="/sub/gongzuo/d`); n != 50 {
		t.Errorf("工作动态 lists %d pages on the 网站地图, want 50", n)
	}
	// The report is listed under its own column only.
	if n := strings.Count(got, `href="/sub/xxgk/nianbao/2025/"`); n != 1 {
		t.Errorf("the report is listed %d times", n)
	}
	// The XML sitemap for crawlers stays.
	r.AssertFileContent("sitemap.xml", `<loc>https://fzb.example.gov.cn/sub/about/</loc>`)
}

// TestSitemapPageReserved: no content page may take the 网站地图's URL.
func TestSitemapPageReserved(t *testing.T) {
	for name, src := range map[string]string{
		"url":    "-- content/map.md --\n+++\ntitle = \"地图\"\nurl = \"/sitemap/\"\n+++\n",
		"file":   "-- content/sitemap.md --\n+++\ntitle = \"地图\"\n+++\n",
		"column": "-- content/sitemap/_index.md --\n+++\ntitle = \"地图\"\n+++\n",
	} {
		r := fazhitest.Try(t, "-- site.toml --\ntitle = \"t\"\n"+src, fazhitest.WithTheme())
		if r.Err == nil || !strings.Contains(r.Err.Error(), "网址 /sitemap/ 与 自动生成的网站地图 重复") {
			t.Errorf("%s: error = %v, want the clash with the 网站地图", name, r.Err)
		}
	}
}

// TestFeedStylesheet: every Atom feed names the theme's stylesheet on its
// second line, under the base path, stays well-formed XML, and the
// stylesheet is published.
func TestFeedStylesheet(t *testing.T) {
	r := fazhitest.Build(t, identitySite(), fazhitest.WithTheme())
	for _, name := range []string{"feed.xml", "gongzuo/feed.xml", "xxgk/feed.xml", "xxgk/nianbao/feed.xml"} {
		got := r.File(name)
		lines := strings.SplitN(got, "\n", 3)
		if len(lines) < 3 || lines[0] != `<?xml version="1.0" encoding="UTF-8"?>` || lines[1] != `<?xml-stylesheet type="text/css" href="/sub/feed.css"?>` {
			t.Errorf("%s begins %q", name, lines[:min(2, len(lines))])
		}
		var feed struct {
			XMLName xml.Name
			Entries []struct{ Title string } `xml:"entry"`
		}
		if err := xml.Unmarshal([]byte(got), &feed); err != nil || feed.XMLName.Space != "http://www.w3.org/2005/Atom" || feed.XMLName.Local != "feed" || len(feed.Entries) == 0 {
			t.Errorf("%s is no Atom feed: %v %v", name, err, feed.XMLName)
		}
	}
	r.AssertFileContent("feed.css", "feed > title", "entry > title")
}
