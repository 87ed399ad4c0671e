package build_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/fazhi-dev/fazhi/internal/fazhitest"
)

// windowsSite is a site as an author saves it on a Windows PC: Chinese
// file and folder names, and (in TestCRLFSite) CRLF line ends in every
// file, site.toml and the site's own templates included.
const windowsSite = `
-- site.toml --
title = "某市法治政府网"
baseURL = "https://fzb.moushi.gov.cn/"
search = false
[identity]
sponsor = "某市人民政府办公室"
-- layouts/partials/footer-note.html --
<p class="note">
  {{ .Site.Title }}
</p>
-- content/政策文件/_index.md --
+++
title = "政策文件"
kind = "policy"
+++
本栏目发布
规范性文件。
-- content/政策文件/关于公共法律服务的办法.md --
+++
title = "关于公共法律服务的办法"
date = 2026-01-05
tags = ["公共法律服务"]
[policy]
indexNumber = "009990011/2026-00001"
issuer = "某市人民政府"
docNumber = "某政规〔2026〕1号"
+++
第一条　为了规范公共法律服务，
制定本办法。

第二条　本办法自发布之日起施行。

| 项目 | 说明 |
|------|------|
| 热线 | 12348 |
-- content/政策文件/解读材料/index.md --
+++
title = "图解"
date = 2026-01-06
[policy]
indexNumber = "009990011/2026-00002"
issuer = "某市司法局"
docNumber = "某司规〔2026〕2号"
attachments = [{ file = "附件一 申请表.pdf", name = "附件1：申请表" }]
+++
见[办法](/政策文件/关于公共法律服务的办法/)。
-- content/政策文件/解读材料/附件一 申请表.pdf --
%PDF-1.4
`

// TestCRLFSite: a site saved with CRLF line ends and Chinese file names
// builds to the same pages as the same site with LF line ends (apart from
// the carriage returns the site's own template text carries through).
func TestCRLFSite(t *testing.T) {
	lf := fazhitest.Parse(windowsSite)
	crlf := fstest.MapFS{}
	for name, f := range lf {
		data := f.Data
		if !strings.HasSuffix(name, ".pdf") {
			data = []byte(strings.ReplaceAll(string(data), "\n", "\r\n"))
		}
		crlf[name] = &fstest.MapFile{Data: data, Mode: f.Mode}
	}
	a := fazhitest.BuildFS(t, lf, fazhitest.WithTheme())
	b := fazhitest.BuildFS(t, crlf, fazhitest.WithTheme())
	if a.Err != nil || b.Err != nil {
		t.Fatalf("LF build: %v\nCRLF build: %v", a.Err, b.Err)
	}
	if len(b.Build.Warnings) != len(a.Build.Warnings) {
		t.Errorf("CRLF build warned %v, LF build %v", b.Build.Warnings, a.Build.Warnings)
	}
	a.AssertFileContent("政策文件/关于公共法律服务的办法/index.html", "某政规〔2026〕1号", "<td>12348</td>")
	a.AssertFileContent("政策文件/解读材料/index.html", "附件1：申请表", "下一篇")
	a.AssertFileContent("政策文件/解读材料/附件一 申请表.pdf", "%PDF-1.4")
	if strings.Join(a.Names(), "\n") != strings.Join(b.Names(), "\n") {
		t.Fatalf("files differ:\nLF:   %q\nCRLF: %q", a.Names(), b.Names())
	}
	for _, name := range a.Names() {
		got := strings.ReplaceAll(string(b.Files[name]), "\r", "")
		if want := strings.ReplaceAll(string(a.Files[name]), "\r", ""); got != want {
			t.Errorf("%s differs between the LF and the CRLF site:\nLF:\n%s\nCRLF:\n%s", name, want, got)
		}
	}
}

// TestNonPortableNames: names that Windows or macOS cannot hold, or that
// are one file there, fail the build on every system, naming the files,
// the front-matter line and what to do.
func TestNonPortableNames(t *testing.T) {
	for _, c := range []struct {
		name, files string
		want        []string
	}{
		{"file names differ in case", `-- content/zhengce/Tongzhi.md --
+++
title = "通知甲"
+++
-- content/zhengce/tongzhi.md --
+++
title = "通知乙"
+++
`, []string{"content/zhengce/tongzhi.md: 「content/zhengce/tongzhi.md」和「content/zhengce/Tongzhi.md」的名字只有大小写（或字形编码）不同，在 Windows 和 macOS 上是同一个文件，一个会覆盖另一个：请给其中一个改名"}},
		{"reserved file name", `-- content/zhengce/aux.md --
+++
title = "辅助"
+++
-- content/sifa/NUL.txt --
x
`, []string{
			"content/sifa/NUL.txt: 「NUL」是 Windows 保留的设备名，名为「NUL.txt」的文件在 Windows 上无法打开或复制：请改一个名字，如「NUL-1.txt」",
			"content/zhengce/aux.md: 「aux」是 Windows 保留的设备名",
		}},
		{"reserved folder", `-- content/sifa/COM1/index.md --
+++
title = "串口"
+++
`, []string{"content/sifa/COM1: 「COM1」是 Windows 保留的设备名"}},
		{"trailing dot", `-- content/zhengce/通知. --
x
`, []string{"content/zhengce/通知.: 名字「通知.」以点或空格结尾，Windows 会把它们去掉"}},
		{"slug reserved", `-- content/b.md --
+++
title = "乙"
slug = "con"
+++
`, []string{"content/b.md:3: 网址 /con/ 不能用作输出文件夹的名字：「con」是 Windows 保留的设备名，名为「con」的文件在 Windows 上无法打开或复制：请改一个名字，如「con-1」"}},
		{"urls differ in case", `-- content/b.md --
+++
title = "乙"
url = "/ZhengCe/a/"
+++
`, []string{"content/zhengce/a.md: 网址 /zhengce/a/ 与 /ZhengCe/a/（content/b.md）只有大小写不同：在 Windows 和 macOS 上它们是同一个文件夹，一个页面会覆盖另一个，请修改其中一个的 slug 或 url"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := fazhitest.Try(t, errSite+c.files)
			if r.Err == nil {
				t.Fatalf("built; want errors %q", c.want)
			}
			for _, w := range c.want {
				if !strings.Contains(r.Err.Error(), w) {
					t.Errorf("error:\n%v\nwant %q", r.Err, w)
				}
			}
			if len(r.Files) != 0 {
				t.Errorf("a failed build published %d files", len(r.Files))
			}
		})
	}
}
