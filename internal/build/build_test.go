package build_test

import (
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/fazhitest"
)

// layouts is a small theme for tests that assert on data rather than on
// the default theme's markup.
const layouts = `
-- layouts/_default/baseof.html --
<!DOCTYPE html><html lang="zh-CN"><head><title>{{ .Title }}</title>{{ range .Meta }}<meta name="{{ .Name }}" content="{{ .Content }}">{{ end }}{{ with .JSONLD }}<script type="application/ld+json">{{ . }}</script>{{ end }}</head><body>{{ block "main" . }}{{ end }}</body></html>
-- layouts/_default/page.html --
{{ define "main" }}<h1>{{ .Title }}</h1><time>{{ isoDate .Page.Date }}</time><p class="summary">{{ .Summary }}</p>{{ range .TOC }}<toc>{{ .Level }}|{{ .ID }}|{{ .Text }}</toc>{{ end }}{{ with .Page.Prev }}<prev>{{ .Title }}</prev>{{ end }}{{ with .Page.Next }}<next>{{ .Title }}</next>{{ end }}<article>{{ .Content }}</article>{{ end }}
-- layouts/_default/section.html --
{{ define "main" }}<h1>{{ .Title }}</h1>{{ range .Pages }}<li><a href="{{ relURL .URL }}">{{ .Title }}</a> {{ isoDate .Date }} {{ .Summary }}</li>{{ end }}{{ with .Paginator }}<pager>{{ .Number }}/{{ .Total }} prev={{ .Prev }} next={{ .Next }}</pager>{{ end }}{{ end }}
-- layouts/_default/home.html --
{{ define "main" }}{{ range first 3 .Pages }}<li>{{ .Title }}</li>{{ end }}{{ end }}
-- layouts/_default/taxonomy.html --
{{ define "main" }}{{ range .Terms }}<term href="{{ relURL .URL }}">{{ .Name }} {{ len .Pages }}</term>{{ end }}{{ end }}
-- layouts/_default/term.html --
{{ define "main" }}<h1>{{ .Term.Name }}</h1>{{ range .Pages }}<li>{{ .Title }}</li>{{ end }}{{ end }}
-- layouts/_default/404.html --
{{ define "main" }}页面未找到{{ end }}
`

const basicSite = `
-- site.toml --
title = "某市法治政府网"
baseURL = "https://fzb.example.gov.cn/"
paginate = 2
[identity]
sponsor = "某市人民政府办公室"
siteCode = "9900000001"
-- content/_index.md --
+++
title = "首页"
+++
-- content/gongzuo/_index.md --
+++
title = "工作动态"
columnType = "工作动态"
+++
-- content/gongzuo/a.md --
+++
title = "第一篇"
date = 2026-11-01
tags = ["行政复议", "法治政府"]
+++
## 工作 部署

这是第一段，说明会议的主要内容。第二句话在这里。

## 工作 部署

| 项目 | 数量 |
|---|---|
| 案件 | 3 |
-- content/gongzuo/b.md --
+++
title = "第二篇"
date = 2026-11-02
summary = "手写的摘要。"
tags = ["行政复议"]
+++
正文第一段。
-- content/gongzuo/c.md --
+++
title = "第三篇"
date = 2026-11-03
aliases = ["/old/c.html", "/old/c/"]
+++
第三篇正文。
-- content/gongzuo/draft.md --
+++
title = "草稿"
date = 2026-11-03
draft = true
+++
-- content/gongzuo/future.md --
+++
title = "将来"
date = 2026-12-30
+++
-- content/gongzuo/expired.md --
+++
title = "过期"
date = 2026-01-01
expiryDate = 2026-06-01
+++
-- content/about.md --
+++
title = "关于本网"
kind = "page"
+++
关于。
-- content/pufa/_index.md --
+++
title = "普法宣传"
+++
-- content/pufa/宪法 宣传周.md --
+++
title = "宪法宣传周活动"
date = 2026-10-01
+++
正文。
-- content/pufa/bundle/index.md --
+++
title = "带附件的页面"
date = 2026-10-02
+++
![示意图](tu.png)
-- content/pufa/bundle/tu.png --
PNG
`

func TestBuildBasicSite(t *testing.T) {
	r := fazhitest.Build(t, basicSite+layouts)
	r.AssertFileContent("gongzuo/a/index.html",
		`<h1>第一篇</h1>`, `<time>2026-11-01</time>`,
		`<p class="summary">这是第一段，说明会议的主要内容。第二句话在这里。</p>`,
		`<toc>2|工作-部署|工作 部署</toc><toc>2|工作-部署-1|工作 部署</toc>`,
		`<h2 id="工作-部署">`, `<table>`,
		`<prev>第二篇</prev>`, "! <next>",
		`<meta name="SiteName" content="某市法治政府网">`, `<meta name="SiteIDCode" content="9900000001">`,
		`<meta name="ArticleTitle" content="第一篇">`, `<meta name="PubDate" content="2026-11-01 00:00">`)
	// Pagination: 3 live pages, 2 per page, newest first.
	r.AssertFileContent("gongzuo/index.html", `第三篇`, `第二篇</a> 2026-11-02 手写的摘要。`, "! 第一篇", `<pager>1/2 prev= next=/gongzuo/page/2/</pager>`)
	r.AssertFileContent("gongzuo/page/2/index.html", `第一篇`, `<pager>2/2 prev=/gongzuo/ next=</pager>`)
	// Drafts, future and expired pages are left out.
	r.AssertNoFile("gongzuo/draft/index.html")
	r.AssertNoFile("gongzuo/future/index.html")
	r.AssertNoFile("gongzuo/expired/index.html")
	// Tags.
	r.AssertFileContent("tags/index.html", `<term href="/tags/%e8%a1%8c%e6%94%bf%e5%a4%8d%e8%ae%ae/">行政复议 2</term>`, `<term href="/tags/%e6%b3%95%e6%b2%bb%e6%94%bf%e5%ba%9c/">法治政府 1</term>`)
	r.AssertFileContent("tags/行政复议/index.html", `<h1>行政复议</h1>`, `<li>第二篇</li><li>第一篇</li>`)
	// Chinese file name with a space; bundles copy their files.
	r.AssertFileContent("pufa/宪法-宣传周/index.html", `宪法宣传周活动`)
	r.AssertFileContent("pufa/bundle/index.html", `<img src="tu.png" alt="示意图">`)
	r.AssertFileContent("pufa/bundle/tu.png", "PNG")
	// Aliases redirect.
	r.AssertFileContent("old/c.html", `<meta http-equiv="refresh" content="0; url=https://fzb.example.gov.cn/gongzuo/c/">`)
	r.AssertFileContent("old/c/index.html", `url=https://fzb.example.gov.cn/gongzuo/c/`)
	// Plain page without date, home, 404, feeds, sitemap, robots.
	r.AssertFileContent("about/index.html", `<h1>关于本网</h1>`, "! PubDate")
	r.AssertFileContent("index.html", `<li>第三篇</li><li>第二篇</li><li>第一篇</li>`)
	r.AssertFileContent("404.html", `页面未找到`)
	r.AssertFileContent("feed.xml", `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">`,
		`<id>https://fzb.example.gov.cn/gongzuo/c/</id>`, `<summary>手写的摘要。</summary>`)
	r.AssertFileContent("gongzuo/feed.xml", `<title>工作动态 - 某市法治政府网</title>`, "! 宪法宣传周活动")
	r.AssertFileContent("sitemap.xml", `<url><loc>https://fzb.example.gov.cn/gongzuo/a/</loc><lastmod>2026-11-01T00:00:00+08:00</lastmod></url>`,
		`<loc>https://fzb.example.gov.cn/pufa/%E5%AE%AA%E6%B3%95-%E5%AE%A3%E4%BC%A0%E5%91%A8/</loc>`)
	r.AssertFileContent("robots.txt", "Sitemap: https://fzb.example.gov.cn/sitemap.xml")
}

func TestFlagsIncludeDraftsFutureExpired(t *testing.T) {
	r := fazhitest.Build(t, basicSite+layouts, fazhitest.WithOptions(func(o *buildOptions) {
		o.Drafts, o.Future, o.Expired = true, true, true
	}))
	for _, p := range []string{"gongzuo/draft/index.html", "gongzuo/future/index.html", "gongzuo/expired/index.html"} {
		r.File(p)
	}
}

func TestSubPathBaseURL(t *testing.T) {
	site := strings.Replace(basicSite, `baseURL = "https://fzb.example.gov.cn/"`, `baseURL = "https://www.example.gov.cn/fzb/"`, 1) +
		"-- content/gongzuo/d.md --\n+++\ntitle = \"链接\"\ndate = 2026-11-04\n+++\n见[第一篇](/gongzuo/a/)。\n" + layouts
	r := fazhitest.Build(t, site)
	r.AssertFileContent("gongzuo/page/2/index.html", `<a href="/fzb/gongzuo/b/">第二篇</a>`)
	r.AssertFileContent("gongzuo/d/index.html", `<a href="/fzb/gongzuo/a/">第一篇</a>`)
	r.AssertFileContent("tags/index.html", `href="/fzb/tags/%e8%a1%8c%e6%94%bf%e5%a4%8d%e8%ae%ae/"`)
	r.AssertFileContent("sitemap.xml", `<loc>https://www.example.gov.cn/fzb/gongzuo/a/</loc>`)
}

func TestDeterministic(t *testing.T) {
	a := fazhitest.Build(t, basicSite+layouts)
	b := fazhitest.Build(t, basicSite+layouts)
	if len(a.Files) != len(b.Files) {
		t.Fatalf("file counts differ: %d vs %d", len(a.Files), len(b.Files))
	}
	for name, data := range a.Files {
		if string(b.Files[name]) != string(data) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

// TestHTMLURLStyle builds the basic site with urlStyle = "html" under a
// sub-path: content pages become files, lists and aliases stay folders,
// bundle files go to the page's folder and the bundle's relative links
// follow them.
func TestHTMLURLStyle(t *testing.T) {
	site := strings.Replace(basicSite, `baseURL = "https://fzb.example.gov.cn/"`, "baseURL = \"https://www.example.gov.cn/fzb/\"\nurlStyle = \"html\"", 1) +
		"-- content/gongzuo/d.md --\n+++\ntitle = \"链接\"\ndate = 2026-11-04\n+++\n见[第一篇](a.html)和[带附件的页面](/pufa/bundle.html#x)。\n" +
		"-- content/pufa/bundle/fujian.pdf --\n%PDF\n" +
		layouts
	site = strings.Replace(site, "![示意图](tu.png)\n", "![示意图](tu.png)\n\n[附件](fujian.pdf?v=2)、[上一级](../)、[工作](../../gongzuo/b.html)、[外链](https://www.gov.cn/)、[本页](#top)\n", 1)
	r := fazhitest.Build(t, site)
	for _, name := range []string{"gongzuo/a.html", "gongzuo/d.html", "about.html", "pufa/bundle.html", "pufa/bundle/tu.png", "pufa/bundle/fujian.pdf",
		"gongzuo/index.html", "gongzuo/page/2/index.html", "tags/index.html", "old/c.html", "old/c/index.html"} {
		r.File(name)
	}
	for _, name := range []string{"gongzuo/a/index.html", "pufa/bundle/index.html", "about/index.html"} {
		r.AssertNoFile(name)
	}
	r.AssertFileContent("gongzuo/d.html", `<a href="a.html">第一篇</a>`, `<a href="/fzb/pufa/bundle.html#x">带附件的页面</a>`)
	r.AssertFileContent("pufa/bundle.html",
		`<img src="/fzb/pufa/bundle/tu.png" alt="示意图">`,
		`<a href="/fzb/pufa/bundle/fujian.pdf?v=2">附件</a>`,
		`<a href="/fzb/pufa/">上一级</a>`,
		`<a href="/fzb/gongzuo/b.html">工作</a>`,
		`<a href="https://www.gov.cn/">外链</a>`,
		`<a href="#top">本页</a>`)
	r.AssertFileContent("gongzuo/index.html", `<a href="/fzb/gongzuo/c.html">第三篇</a>`)
	r.AssertFileContent("old/c.html", `/fzb/gongzuo/c.html`)
	r.AssertFileContent("sitemap.xml", `<loc>https://www.example.gov.cn/fzb/gongzuo/a.html</loc>`)
	r.AssertFileContent("feed.xml", `https://www.example.gov.cn/fzb/gongzuo/a.html`)
}
