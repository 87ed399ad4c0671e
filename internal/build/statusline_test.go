package build_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/fazhitest"
)

// statusSite holds one policy in each validity state on 2026-06-01.
const statusSite = `
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
-- content/zhengce/fuyi.md --
+++
title = "某市行政复议办法"
date = 2026-04-01
[policy]
issuer = "某市人民政府"
docNumber = "某府令〔2026〕27号"
genre = "政府规章"
effective = 2026-05-01
+++
第一条　为了规范行政复议工作，制定本办法。
-- content/zhengce/jiuban.md --
+++
title = "某市行政复议工作规定"
date = 2019-03-01
[policy]
issuer = "某市人民政府"
docNumber = "某府令〔2019〕3号"
genre = "政府规章"
status = "废止"
supersededBy = "zhengce/fuyi.md"
+++
第一条　旧规定。
-- content/zhengce/dingjia.md --
+++
title = "某市公共停车收费管理办法"
date = 2026-05-20
[policy]
issuer = "某市人民政府"
docNumber = "某府令〔2026〕30号"
genre = "政府规章"
effective = 2026-07-01
+++
第一条　为了规范停车收费，制定本办法。
-- content/zhengce/guanli.md --
+++
title = "某市行政规范性文件管理办法"
date = 2023-04-10
[policy]
issuer = "某市人民政府"
docNumber = "某政规〔2023〕2号"
genre = "行政规范性文件"
effective = 2023-05-01
expires = 2028-04-30
+++
第一条　为了规范行政规范性文件管理，制定本办法。
-- content/zhengce/xiugai.md --
+++
title = "某市人民政府关于修改《某市行政规范性文件管理办法》的决定"
date = 2026-05-10
[policy]
issuer = "某市人民政府"
docNumber = "某政规〔2026〕5号"
genre = "行政规范性文件"
effective = 2026-05-20
amends = "zhengce/guanli.md"
+++
一、将第一条修改为……
-- content/zhengce/linshi.md --
+++
title = "某市防汛临时管理规定"
date = 2024-06-01
[policy]
issuer = "某市人民政府"
docNumber = "某政规〔2024〕7号"
genre = "行政规范性文件"
effective = 2024-07-01
expires = 2025-06-30
+++
第一条　临时规定。
`

var (
	statusLineRE = regexp.MustCompile(`(?s)<p class="status-line.*?</p>`)
	itemTitleRE  = regexp.MustCompile(`(?s)<a class="item-title".*?</span>\s*</span>`)
	homeItemRE   = regexp.MustCompile(`<li><a href="/zhengce/[^"]+/">.*</span>`)
)

// TestStatusLines (issue 17 point 1): every policy page carries one
// sentence under its title naming its state, its date and its reason,
// with the class and icon of the state; lists put 【已失效】/【已废止】
// before the titles of documents not in force and show every state; the
// catalogue carries the same sentence.
func TestStatusLines(t *testing.T) {
	r := fazhitest.Build(t, statusSite, fazhitest.WithTheme(), at("2026-06-01T10:00"))
	var b strings.Builder
	for _, name := range []string{"fuyi", "dingjia", "guanli", "linshi", "jiuban"} {
		page := r.File("zhengce/" + name + "/index.html")
		line := statusLineRE.FindString(page)
		if line == "" {
			t.Fatalf("%s: no status line", name)
		}
		// Under the title, before the metadata table.
		if h1, meta := strings.Index(page, "</h1>"), strings.Index(page, `class="meta-box policy-info"`); !(h1 < strings.Index(page, line) && strings.Index(page, line) < meta) {
			t.Errorf("%s: the status line is not between the title and the metadata table", name)
		}
		b.WriteString("== " + name + "\n" + line + "\n")
	}
	b.WriteString("== list\n")
	for _, m := range itemTitleRE.FindAllString(r.File("zhengce/index.html"), -1) {
		b.WriteString(m + "\n")
	}
	b.WriteString("== home\n")
	for _, m := range homeItemRE.FindAllString(r.File("index.html"), -1) {
		b.WriteString(m + "\n")
	}
	fazhitest.Golden(t, "status-lines", b.String())

	want := map[string]string{
		"fuyi":    "现行有效 · 2026年5月1日起施行",
		"dingjia": "尚未施行 · 将于2026年7月1日起施行",
		"guanli":  "已修改 · 根据《某市人民政府关于修改〈某市行政规范性文件管理办法〉的决定》（某政规〔2026〕5号）修改",
		"linshi":  "已失效 · 有效期至2025年6月30日",
		"jiuban":  "已废止 · 自2026年5月1日起由《某市行政复议办法》（某府令〔2026〕27号）废止",
	}
	for name, line := range want {
		r.AssertFileContent("zhengce/"+name+"/index.html", `<span class="status-text">`+line+`</span>`)
		r.AssertFileContent("zhengce/index.json", `"statusLine": "`+line+`"`)
	}
	// Print shows the replacing document's full URL.
	r.AssertFileContent("zhengce/jiuban/index.html", `<span class="print-only">（https://fzb.example.gov.cn/zhengce/fuyi/）</span>`)
	// Search results read the mark and the state from Pagefind metadata.
	// They are attributes of the indexed body, not text inside the ignored
	// status line (issue 17 point 5).
	r.AssertFileContent("zhengce/jiuban/index.html", `<article class="doc doc-policy" data-pagefind-body data-pagefind-meta="status:已废止 · 自2026年5月1日起由《某市行政复议办法》（某府令〔2026〕27号）废止, docno:某府令〔2019〕3号, mark:【已废止】">`)
	r.AssertFileContent("zhengce/jiuban/index.html", `<span class="docno" data-pagefind-ignore>某府令〔2019〕3号</span>`)
	r.AssertFileContent("zhengce/index.html", `>【已失效】某市防汛临时管理规定</a>`, `>【已废止】某市行政复议工作规定</a>`)
}
