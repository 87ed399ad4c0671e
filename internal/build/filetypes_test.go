package build_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/fazhi-dev/fazhi/internal/fazhitest"
)

// TestContentFileTypes: a file of content/ that would run script on the
// site's origin (a page with <script>, an SVG attachment with onload) or
// configure the server fails the build, naming the file and what to do;
// nothing is published. Allow-listed documents and images are copied.
func TestContentFileTypes(t *testing.T) {
	const base = errSite + `
-- content/gongzuo/_index.md --
+++
title = "工作动态"
+++
-- content/zhengce/b/index.md --
+++
title = "乙"
date = 2026-01-01
[policy]
indexNumber = "009990011/2026-00002"
issuer = "某市人民政府"
docNumber = "某政规〔2026〕2号"
attachments = [{ file = "fujian1.pdf", name = "附件1：申请表" }]
+++
-- content/zhengce/b/fujian1.pdf --
%PDF-1.4
-- content/zhengce/tu.png --
PNG
`
	r := fazhitest.Build(t, base)
	r.AssertFileContent("zhengce/b/fujian1.pdf", "%PDF-1.4")
	r.AssertFileContent("zhengce/tu.png", "PNG")

	for _, c := range []struct{ name, files, want string }{
		{"html page", `-- content/gongzuo/notice.html --
<script>alert(document.domain)</script>
`, "content/gongzuo/notice.html: 「.html」是网页、脚本或样式文件，放在 content 里会在本网站的域名下运行，不能发布：正文请写成 Markdown（.md）"},
		{"svg attachment", `-- content/zhengce/b/tu.svg --
<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>
`, "content/zhengce/b/tu.svg: SVG 图片可以带脚本，在网站上打开时会以本网站的身份运行，不能放在 content 里：请另存为 PNG 或 JPG 图片"},
		{"script", `-- content/zhengce/x.js --
alert(1)
`, "content/zhengce/x.js: 「.js」是网页、脚本或样式文件"},
		{"server configuration", `-- content/.htaccess --
Options +Indexes
`, "content/.htaccess: 「.htaccess」是网站服务器的配置文件"},
		{"IIS configuration", `-- content/zhengce/web.config --
<configuration/>
`, "content/zhengce/web.config: 「web.config」是网站服务器的配置文件"},
		{"hidden file", `-- content/zhengce/.env --
x
`, "content/zhengce/.env: 以「.」开头的文件或文件夹不会发布"},
		{"unknown type", `-- content/zhengce/b/setup.exe --
MZ
`, "content/zhengce/b/setup.exe: 不支持「.exe」文件"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := fazhitest.Try(t, base+c.files)
			if r.Err == nil {
				t.Fatalf("built; want an error %q", c.want)
			}
			if !strings.Contains(r.Err.Error(), c.want) {
				t.Errorf("error:\n%v\nwant %q", r.Err, c.want)
			}
			if len(r.Files) != 0 {
				t.Errorf("a failed build published %d files", len(r.Files))
			}
		})
	}
}

// TestSessionRejectsContentFile: fazhi serve refuses a page or script
// saved into content/ while it runs, and publishes nothing of it.
func TestSessionRejectsContentFile(t *testing.T) {
	fsys := fazhitest.Parse(sessionSite)
	s := newSession(t, fsys)
	fsys["content/zhengce/notice.htm"] = &fstest.MapFile{Data: []byte("<script>alert(1)</script>")}
	_, err := s.Rebuild(context.Background(), []string{"content/zhengce/notice.htm"})
	if err == nil || !strings.Contains(err.Error(), "content/zhengce/notice.htm: 「.htm」是网页、脚本或样式文件") {
		t.Fatalf("rebuild error = %v", err)
	}
	if _, ok := s.Files()["zhengce/notice.htm"]; ok {
		t.Error("the page was published")
	}
}
