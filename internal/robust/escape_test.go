package robust

import (
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/fazhitest"
)

// Front-matter values reach pages through html/template, which escapes
// them for each context: text, attributes, URLs and JSON-LD.
func TestFrontMatterValuesAreEscaped(t *testing.T) {
	site := `-- site.toml --
title = "网<script>alert(1)</script>"
baseURL = "https://fzb.example.gov.cn/"
[identity]
sponsor = "<img src=x onerror=alert(1)>"
correctionURL = "javascript:alert(1)"
[[menu.main]]
name = "<b>菜单</b>"
url = "javascript:alert(2)"
-- content/gongzuo/_index.md --
+++
title = "栏目</title><script>alert(3)</script>"
description = "\"><script>alert(4)</script>"
+++
-- content/gongzuo/a.md --
+++
title = "标题<script>alert(5)</script>"
description = "描述\"><svg onload=alert(6)>"
date = 2026-11-20
tags = ["<script>alert(7)</script>"]
[article]
source = "javascript:alert(8)"
author = "</script><script>alert(9)</script>"
+++
正文 <script>alert(10)</script> [链接](javascript:alert(11))
`
	r := fazhitest.Build(t, site, fazhitest.WithTheme())
	for name, data := range r.Files {
		if !strings.HasSuffix(name, ".html") && !strings.HasSuffix(name, ".xml") && !strings.HasSuffix(name, ".json") {
			continue
		}
		s := string(data)
		for _, bad := range []string{"<script>alert", "<img src=x", "<svg onload", `href="javascript:`, "<b>菜单</b>", "</script><script>"} {
			if strings.Contains(s, bad) {
				i := strings.Index(s, bad)
				lo := max(0, i-80)
				t.Errorf("%s contains %q: …%s…", name, bad, s[lo:min(len(s), i+80)])
			}
		}
	}
	r.AssertFileContent("gongzuo/a/index.html", "标题&lt;script&gt;alert(5)&lt;/script&gt;")
}
