package build_test

import (
	"github.com/fazhi-dev/fazhi"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/fazhitest"
)

const cmsSite = `
-- site.toml --
title = "某市法治政府网"
baseURL = "https://fzb.example.gov.cn/"
[cms]
enable = true
PUBLISH
-- content/zhengce/_index.md --
+++
title = "政策文件"
kind = "policy"
columnType = "政策文件"
+++
-- content/zhengce/a.md --
+++
title = "某办法"
date = 2026-03-01
[policy]
indexNumber = "009990011/2026-00017"
issuer = "某市人民政府"
+++
正文
`

// TestCMSPublish: the editor goes into the output only with [cms]
// publish = true (with a Git backend), from the Decap folder fazhi found,
// marked noindex; without publish the output has no admin/ at all.
func TestCMSPublish(t *testing.T) {
	decap := t.TempDir()
	for _, n := range []string{"decap-cms.js", "123.decap-cms.js", "a.wasm", "decap-cms.js.map", "cms.js"} {
		os.WriteFile(filepath.Join(decap, n), []byte("// "+n), 0o644)
	}
	withDecap := fazhitest.WithOptions(func(o *build.Options) { o.Decap = decap; o.Theme = fazhi.Theme })

	off := fazhitest.Build(t, strings.Replace(cmsSite, "PUBLISH", "", 1), withDecap)
	for _, n := range off.Names() {
		if strings.HasPrefix(n, "admin/") {
			t.Errorf("without publish the output has %s", n)
		}
	}

	on := fazhitest.Build(t, strings.Replace(cmsSite, "PUBLISH", "publish = true\nbackend = \"gitlab\"\nrepo = \"xxgk/site\"\neditorialWorkflow = true", 1), withDecap)
	on.AssertFileContent("admin/index.html", `<meta name="robots" content="noindex, nofollow">`, `data-fazhi-preview="css"`, `data-fazhi-collections="zhengce"`)
	on.AssertFileContent("admin/config.yml", `"name": "gitlab"`, `"repo": "xxgk/site"`, `"publish_mode": "editorial_workflow"`, `"folder": "content/zhengce"`, `"locale": "zh_Hans"`)
	on.AssertFileContent("admin/decap-cms/decap-cms.js", "// decap-cms.js")
	on.AssertFileContent("admin/decap-cms/123.decap-cms.js", "// 123.decap-cms.js")
	on.AssertFileContent("admin/decap-cms/a.wasm", "// a.wasm")
	on.AssertNoFile("admin/decap-cms/decap-cms.js.map")
	on.AssertNoFile("admin/decap-cms/cms.js")
	for _, n := range on.Names() {
		if strings.HasSuffix(n, ".html") && !strings.HasPrefix(n, "admin/") && strings.Contains(on.File(n), "admin/") {
			t.Errorf("%s links to the editor", n)
		}
	}

	missing := fazhitest.Try(t, strings.Replace(cmsSite, "PUBLISH", "publish = true\nbackend = \"gitea\"\nrepo = \"xxgk/site\"", 1), fazhitest.WithTheme())
	if missing.Err == nil || !strings.Contains(missing.Err.Error(), "找不到 Decap CMS") {
		t.Errorf("publish without Decap: err = %v; want it named", missing.Err)
	}
	bad := fazhitest.Try(t, strings.Replace(cmsSite, "PUBLISH", "publish = true", 1), withDecap)
	if bad.Err == nil || !strings.Contains(bad.Err.Error(), "publish = true 时还要写 backend") {
		t.Errorf("publish without backend: err = %v", bad.Err)
	}
}
