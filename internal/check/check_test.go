package check_test

import (
	"context"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"time"

	"github.com/fazhi-dev/fazhi"
	"github.com/fazhi-dev/fazhi/internal/check"
	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/fazhitest"
)

// base is a clean site: every rule passes at fazhitest.Now (2026-11-27).
const base = `
-- site.toml --
title = "某市法治政府网"
baseURL = "https://fzb.example.gov.cn/"
[identity]
sponsor = "某市人民政府办公室"
siteCode = "9900000001"
icp = "某ICP备00000001号"
police = "某公网安备 99010202000001号"
[[menu.main]]
name = "工作动态"
url = "/gongzuo/"
[[menu.main]]
name = "政策文件"
url = "/zhengce/"
-- content/_index.md --
+++
title = "首页"
+++
欢迎访问。请浏览[工作动态](/gongzuo/)和[政策文件](/zhengce/)。
-- content/gongzuo/_index.md --
+++
title = "工作动态"
columnType = "工作动态"
kind = "article"
+++
-- content/gongzuo/a.md --
+++
title = "市司法局召开会议"
date = 2026-11-20
+++
会议要求落实《某市行政复议办法》[第二条](/zhengce/banfa/#art-2)。
-- content/zhengce/_index.md --
+++
title = "政策文件"
columnType = "政策文件"
kind = "policy"
+++
-- content/zhengce/banfa.md --
+++
title = "某市行政复议办法"
date = 2026-11-02
[policy]
issuer = "某市人民政府"
docNumber = "某府令〔2026〕1号"
genre = "政府规章"
+++
第一条　为了规范行政复议工作，制定本办法。

第二条　本办法自发布之日起施行。
`

// want is one expected finding; msg is a substring of the message.
type want struct {
	rule, file string
	line, col  int
	level      diag.Level
	msg        string
}

func run(t *testing.T, files string, now time.Time) *check.Report {
	t.Helper()
	rep, err := check.Run(context.Background(), check.Options{Source: fazhitest.Parse(files), Theme: fazhi.Theme, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func format(fs []diag.Error) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "  %s %s:%d:%d %s: %s\n", f.Rule, f.File, f.Line, f.Col, f.Level, f.Msg)
	}
	return b.String()
}

func assertFindings(t *testing.T, got []diag.Error, wants []want) {
	t.Helper()
	if len(got) != len(wants) {
		t.Fatalf("got %d findings, want %d:\n%s", len(got), len(wants), format(got))
	}
	for i, w := range wants {
		g := got[i]
		if g.Rule != w.rule || g.File != w.file || g.Line != w.line || g.Col != w.col || g.Level != w.level || !strings.Contains(g.Msg, w.msg) {
			t.Errorf("finding %d:\n got  %s %s:%d:%d %s: %s\n want %s %s:%d:%d %s: …%s…",
				i, g.Rule, g.File, g.Line, g.Col, g.Level, g.Msg, w.rule, w.file, w.line, w.col, w.level, w.msg)
		}
	}
}

const (
	E = diag.LevelError
	W = diag.LevelWarning
)

func TestClean(t *testing.T) {
	rep := run(t, base, fazhitest.Now)
	assertFindings(t, rep.Findings, nil)
	if len(rep.Vetoes) != 0 || rep.Failed() {
		t.Errorf("vetoes %v, failed %v", rep.Vetoes, rep.Failed())
	}
	want := "单项否决 0 项\n错误 0 个，警告 0 个\n结论：未发现单项否决项\n"
	if got := rep.Summary(); got != want {
		t.Errorf("summary:\n%s\nwant:\n%s", got, want)
	}
}

func TestRules(t *testing.T) {
	tests := []struct {
		name  string
		files string
		now   time.Time
		want  []want
	}{
		{"link-broken", `
-- content/gongzuo/b.md --
+++
title = "链接"
date = 2026-11-21
+++
见[办法](/zhengce/none/)、[第九条](/zhengce/banfa/#art-9)和[源文件](../zhengce/banfa.md)。

[本页](#nowhere)、[上级](../)、[外部](https://www.gov.cn/)、[栏目](/zhengce/#x)、[相对](../zhengce/banfa/)、[正确的相对](../../zhengce/banfa/)。
`, fazhitest.Now, []want{
			{"link-broken", "content/gongzuo/b.md", 5, 2, E, "链接「/zhengce/none/」指向的页面或文件不存在"},
			{"link-broken", "content/gongzuo/b.md", 5, 23, E, "《某市行政复议办法》中的「#art-9」"},
			{"link-broken", "content/gongzuo/b.md", 5, 52, E, "请改成该页面的网址「/zhengce/banfa/」"},
			{"link-broken", "content/gongzuo/b.md", 7, 1, E, "本页中的「#nowhere」"},
			// Relative links start from the page's address /gongzuo/b/, as in a browser.
			{"link-broken", "content/gongzuo/b.md", 7, 70, E, "链接「../zhengce/banfa/」指向的页面或文件不存在"},
		}},
		{"link-broken with urlStyle html", `
-- site.toml --
title = "某市法治政府网"
baseURL = "https://fzb.example.gov.cn/"
urlStyle = "html"
[identity]
sponsor = "某市人民政府办公室"
siteCode = "9900000001"
icp = "某ICP备00000001号"
police = "某公网安备 99010202000001号"
[[menu.main]]
name = "工作动态"
url = "/gongzuo/"
[[menu.main]]
name = "政策文件"
url = "/zhengce/"
[[menu.main]]
name = "会议"
url = "/gongzuo/a/"
-- content/gongzuo/b.md --
+++
title = "链接"
date = 2026-11-21
+++
[相对](../zhengce/banfa.html#art-1)、[同栏目](a.html)、[第九条](/zhengce/banfa.html#art-9)、[源文件](../zhengce/banfa.md)、[无此页](/zhengce/none.html)。
`, fazhitest.Now, []want{
			// The folder form of the address no longer exists.
			{"link-broken", "content/gongzuo/a.md", 5, 17, E, "链接「/zhengce/banfa/#art-2」指向的页面不存在：本站这个页面的网址是「/zhengce/banfa.html#art-2」，请改成它 (broken link)"},
			{"link-broken", "content/gongzuo/b.md", 5, 49, E, "《某市行政复议办法》中的「#art-9」"},
			{"link-broken", "content/gongzuo/b.md", 5, 82, E, "请改成该页面的网址「/zhengce/banfa.html」"},
			{"link-broken", "content/gongzuo/b.md", 5, 109, E, "链接「/zhengce/none.html」指向的页面或文件不存在：请检查网址拼写；站内页面写成 /栏目文件夹/文件名.html，如 /zhengce/2024-banfa.html (broken link)"},
			{"link-broken", "site.toml", 17, 0, E, "导航菜单「会议」的网址「/gongzuo/a/」在网站中不存在：这个页面的网址是「/gongzuo/a.html」，请写成 url = \"/gongzuo/a.html\" (menu link to a missing page)"},
		}},
		{"link-broken suggests the folder form", `
-- content/gongzuo/b.md --
+++
title = "链接"
date = 2026-11-21
+++
见[办法](/zhengce/banfa.html)。
`, fazhitest.Now, []want{
			{"link-broken", "content/gongzuo/b.md", 5, 2, E, "链接「/zhengce/banfa.html」指向的页面不存在：本站这个页面的网址是「/zhengce/banfa/」，请改成它 (broken link)"},
		}},
		{"link-broken in menu", `
-- site.toml --
title = "某市法治政府网"
[identity]
sponsor = "某市人民政府办公室"
siteCode = "9900000001"
icp = "某ICP备00000001号"
police = "某公网安备 99010202000001号"
[[menu.main]]
name = "公开指南"
url = "/guide/"
`, fazhitest.Now, []want{
			{"link-broken", "site.toml", 9, 0, E, "导航菜单「公开指南」的网址「/guide/」在网站中不存在"},
		}},
		{"image-alt", `
-- static/img/a.png --
png
-- content/gongzuo/b.md --
+++
title = "图片"
date = 2026-11-21
+++
现场照片：![](/img/a.png)
`, fazhitest.Now, []want{
			{"image-alt", "content/gongzuo/b.md", 5, 6, E, "图片「/img/a.png」缺少替代文字"},
		}},
		{"link-unpublished", `
-- content/gongzuo/b.md --
+++
title = "链接草稿"
date = 2026-11-21
+++
见[草稿](/gongzuo/draft/)和[将来](../later/)及[过期](expired.md)。
-- content/gongzuo/draft.md --
+++
title = "尚在起草"
date = 2026-11-21
draft = true
+++
-- content/gongzuo/later.md --
+++
title = "下月的通知"
date = 2026-12-20
+++
-- content/gongzuo/expired.md --
+++
title = "过期的通知"
date = 2026-10-20
expiryDate = 2026-11-01
+++
`, fazhitest.Now, []want{
			{"link-unpublished", "content/gongzuo/b.md", 5, 2, E, "《尚在起草》（content/gongzuo/draft.md）是草稿"},
			{"link-unpublished", "content/gongzuo/b.md", 5, 24, E, "尚未发布（发布日期 2026-12-20）"},
			{"link-unpublished", "content/gongzuo/b.md", 5, 40, E, "已过期（expiryDate 2026-11-01）"},
		}},
		{"home-stale and column-stale", "", time.Date(2026, 12, 20, 9, 0, 0, 0, fazhitest.Now.Location()), []want{
			{"column-stale", "content/gongzuo/_index.md", 3, 0, W, "栏目「工作动态」（工作动态）最新的信息《市司法局召开会议》发布于 2026-11-20，已 30 天没有更新，超过这类栏目的 14 天"},
			{"home-stale", "content/gongzuo/a.md", 3, 0, E, "首页最新的信息《市司法局召开会议》发布于 2026-11-20，到检查时间 2026-12-20 已 30 天没有更新"},
		}},
		{"date-future", `
-- content/gongzuo/b.md --
+++
title = "将来的日期"
date = 2026-11-21
lastmod = 2026-12-01
+++
-- content/gongzuo/c.md --
+++
title = "提前发布"
date = 2026-12-05
publishDate = 2026-11-25
+++
`, fazhitest.Now, []want{
			{"date-future", "content/gongzuo/b.md", 4, 0, E, "更新日期 lastmod（2026-12-01）晚于检查时间 2026-11-27"},
			{"date-future", "content/gongzuo/c.md", 3, 0, E, "发布日期 date（2026-12-05）晚于检查时间"},
		}},
		{"identity", `
-- site.toml --
title = "某市法治政府网"
# 网站标识
[identity]
sponsor = "某市人民政府办公室"
police = ""
`, fazhitest.Now, []want{
			{"identity", "site.toml", 3, 0, E, "缺少 ICP 备案号"},
			{"identity", "site.toml", 3, 0, E, "缺少网站标识码"},
			{"identity", "site.toml", 5, 0, E, "缺少公安机关备案号"},
		}},
		{"identity emblem", `
-- site.toml --
title = "某市法治政府网"
[identity]
sponsor = "某市人民政府办公室"
siteCode = "9900000001"
icp = "某ICP备00000001号"
police = "某公网安备 99010202000001号"
emblem = "/images/guohui.png"
[[menu.main]]
name = "工作动态"
url = "/gongzuo/"
[[menu.main]]
name = "政策文件"
url = "/zhengce/"
-- static/images/guohul.png --
PNG
`, fazhitest.Now, []want{
			{"identity", "site.toml", 7, 0, E, "标志图片 emblem = \"/images/guohui.png\" 不存在：请把图片放在网站的 static 文件夹里，如 static/images/guohui.png"},
		}},
		{"identity emblem present", `
-- site.toml --
title = "某市法治政府网"
[identity]
sponsor = "某市人民政府办公室"
siteCode = "9900000001"
icp = "某ICP备00000001号"
police = "某公网安备 99010202000001号"
emblem = "/images/guohui.png"
[[menu.main]]
name = "工作动态"
url = "/gongzuo/"
[[menu.main]]
name = "政策文件"
url = "/zhengce/"
-- static/images/guohui.png --
PNG
`, fazhitest.Now, nil},
		{"column-empty and menu-empty", `
-- site.toml --
title = "某市法治政府网"
[identity]
sponsor = "某市人民政府办公室"
siteCode = "9900000001"
icp = "某ICP备00000001号"
police = "某公网安备 99010202000001号"
[[menu.main]]
name = "通知公告"
url = "/tongzhi/"
-- content/tongzhi/_index.md --
+++
title = "通知公告"
columnType = "通知公告"
+++
-- content/jigou/_index.md --
+++
title = "机构职能"
columnType = "机构职能"
+++
某市司法局是市人民政府工作部门。
`, fazhitest.Now, []want{
			{"column-empty", "content/tongzhi/_index.md", 3, 0, W, "栏目「通知公告」没有任何信息"},
			{"menu-empty", "site.toml", 9, 0, E, "导航菜单「通知公告」指向的栏目「通知公告」（content/tongzhi/）是空白栏目"},
		}},
		{"jiedu", `
-- content/zhengce/guifan.md --
+++
title = "某市行政执法公示办法"
date = 2026-11-02
[policy]
issuer = "某市人民政府办公室"
docNumber = "某府办规〔2026〕2号"
genre = "行政规范性文件"
+++
-- content/zhengce/guifan2.md --
+++
title = "某市重大行政决策程序规定"
date = 2026-11-02
[policy]
issuer = "某市人民政府办公室"
docNumber = "某府办规〔2026〕3号"
genre = "行政规范性文件"
+++
-- content/jiedu/_index.md --
+++
title = "政策解读"
columnType = "政策解读"
+++
-- content/jiedu/a.md --
+++
title = "《某市重大行政决策程序规定》解读"
date = 2026-11-09
interprets = ["zhengce/guifan2.md"]
+++
-- content/jiedu/b.md --
+++
title = "《某市重大行政决策程序规定》问答"
date = 2026-11-12
interprets = ["zhengce/guifan2.md"]
+++
`, fazhitest.Now, []want{
			{"jiedu-late", "content/jiedu/a.md", 4, 0, W, "晚 5 个工作日，超过 3 个工作日"},
			{"jiedu-missing", "content/zhengce/guifan.md", 7, 0, W, "行政规范性文件《某市行政执法公示办法》没有政策解读"},
		}},
		{"hearing-notice-late", `
-- content/sifa/_index.md --
+++
title = "司法公开"
columnType = "司法公开"
kind = "notice"
+++
-- content/sifa/a.md --
+++
title = "开庭公告"
date = 2026-11-25
[notice]
type = "开庭公告"
caseNumber = "（2026）某0102民初1号"
hearing = 2026-11-27T09:30:00
+++
-- content/sifa/b.md --
+++
title = "开庭公告二"
date = 2026-11-24
[notice]
type = "开庭公告"
caseNumber = "（2026）某0102民初2号"
hearing = 2026-11-27T09:30:00
+++
`, fazhitest.Now, []want{
			{"hearing-notice-late", "content/sifa/a.md", 7, 0, E, "开庭公告发布于 2026-11-25，距开庭（2026-11-27 09:30）只有 2 天"},
		}},
		{"personal data", `
-- content/sifa/_index.md --
+++
title = "司法公开"
columnType = "司法公开"
kind = "notice"
+++
-- content/sifa/a.md --
+++
title = "送达公告"
date = 2026-11-25
[notice]
type = "送达公告"
caseNumber = "（2026）某0102民初1号"
parties = ["张三丰", "某某商贸有限公司"]
cause = "原告电话 13812345678"
+++
张三丰（身份证号 11010519491231002X）：

请到本院领取判决书，执行款请汇入 6222 0212 3456 7890 128。
-- content/pufa/_index.md --
+++
title = "普法宣传"
+++
-- content/pufa/an.md --
+++
title = "以案释法｜借款纠纷"
date = 2026-11-20
[article]
series = "以案释法"
+++
张某向李某借款，后张三丰拒不归还。
`, fazhitest.Now, []want{
			{"personal-name", "content/pufa/an.md", 7, 10, W, "请改为「张某」"},
			{"personal-phone", "content/sifa/a.md", 8, 15, E, "个人手机号码"},
			{"personal-id", "content/sifa/a.md", 10, 10, E, "身份证号码"},
			{"personal-bankcard", "content/sifa/a.md", 12, 18, E, "银行卡号"},
		}},
		{"wording with the site's word list", `
-- data/wordlist.toml --
[[word]]
wrong = "法律咨讯"
right = "法律咨询"
level = "error"

[[word]]
wrong = "法制政府"
level = "off"
-- content/gongzuo/b.md --
+++
title = "建设法制政府，依法制国"
date = 2026-11-21
+++
提供法律咨讯服务。
`, fazhitest.Now, []want{
			{"wording", "content/gongzuo/b.md", 2, 17, E, "「依法制国」应为「依法治国」"},
			{"wording", "content/gongzuo/b.md", 5, 3, E, "「法律咨讯」应为「法律咨询」"},
		}},
		{"wording with a broken word list", `
-- data/wordlist.toml --
[[word]]
wrong = "法律咨讯"
right = "法律咨询"

[[word]]
wrong = "截止"
level = "bogus"
-- content/gongzuo/b.md --
+++
title = "建设法制政府"
date = 2026-11-21
+++
`, fazhitest.Now, []want{
			{"wording", "content/gongzuo/b.md", 2, 12, E, "「法制政府」应为「法治政府」"},
			{"wording", "data/wordlist.toml", 7, 0, E, "词表有误：level 应写「warning」"},
		}},
		{"build errors", `
-- content/zhengce/dup.md --
+++
title = "重复文号"
date = 2026-11-03
[policy]
issuer = "某市人民政府"
docNumber = "某府令〔2026〕1号"
+++
`, fazhitest.Now, []want{
			{"build", "content/zhengce/dup.md", 6, 0, E, "与 content/zhengce/banfa.md 重复"},
		}},
		{"link-attachment is a build error", `
-- content/zhengce/fujian/index.md --
+++
title = "带附件的文件"
date = 2026-11-03
[policy]
issuer = "某市人民政府"
attachments = [{ file = "biao.pdf", name = "附件1：申请表" }]
+++
`, fazhitest.Now, []want{
			{"build", "content/zhengce/fujian/index.md", 6, 0, E, "附件「biao.pdf」不存在"},
		}},
		{"a page and an SVG attachment in content/ are build errors", `
-- content/gongzuo/notice.html --
<script>alert(document.domain)</script>
-- content/zhengce/fujian/index.md --
+++
title = "带附件的文件"
date = 2026-11-03
[policy]
issuer = "某市人民政府"
attachments = [{ file = "tu.svg", name = "附件1：示意图" }]
+++
-- content/zhengce/fujian/tu.svg --
<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>
`, fazhitest.Now, []want{
			{"build", "content/gongzuo/notice.html", 0, 0, E, "「.html」是网页、脚本或样式文件，放在 content 里会在本网站的域名下运行，不能发布"},
			{"build", "content/zhengce/fujian/tu.svg", 0, 0, E, "SVG 图片可以带脚本"},
		}},
		{"static-script", `
-- static/js/fazhi.js --
` + themeFile("static/js/fazhi.js") + `-- static/js/tongji.js --
var x = 1;
-- static/favicon.svg --
<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>
-- static/img/logo.svg --
<svg xmlns="http://www.w3.org/2000/svg">
<circle r="4"/>
<a href="javascript:alert(1)"><text>x</text></a>
</svg>
-- static/img/plain.svg --
<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>
-- static/old/notice.html --
<!DOCTYPE html>
<title>旧公告</title>
<body onload="go()">
-- static/old/plain.html --
<!DOCTYPE html><title>旧公告</title><p>公告内容。
-- static/data/list.xml --
<?xml version="1.0"?>
<?xml-stylesheet type="text/xsl" href="x.xsl"?>
<rss/>
`, fazhitest.Now, []want{
			{"static-script", "static/data/list.xml", 2, 0, W, "这个文件含有脚本"},
			{"static-script", "static/img/logo.svg", 3, 0, W, "读者打开它时脚本会以本网站的身份运行"},
			{"static-script", "static/js/tongji.js", 0, 0, W, "这是脚本文件，会以本网站的身份在读者的浏览器里运行"},
			{"static-script", "static/old/notice.html", 3, 0, W, "这个文件含有脚本"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := run(t, base+tt.files, tt.now)
			assertFindings(t, rep.Findings, tt.want)
		})
	}
}

// themeFile is a file of the default theme, as text.
func themeFile(name string) string {
	b, err := fs.ReadFile(fazhi.Theme, name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// TestCSPInline: with the Content-Security-Policy on, the default theme
// gives no finding; inline script, handlers and javascript: addresses
// that authors let through with trustHTML are reported once each, at the
// first page, with the number of pages.
func TestCSPInline(t *testing.T) {
	on := strings.Replace(base, "[identity]", "[security]\ncontentSecurityPolicy = true\n[markup]\nunsafeHTML = true\ntrustHTML = true\n[identity]", 1)
	assertFindings(t, run(t, on, fazhitest.Now).Findings, nil)
	page := func(name, title string) string {
		return `
-- content/gongzuo/` + name + `.md --
+++
title = "` + title + `"
date = 2026-11-21
+++
会议通知。

<script>tongji("会议")</script>

<p><a href="javascript:void(0)" onclick="kai()">展开</a></p>
`
	}
	rep := run(t, on+page("c", "市司法局通知一")+page("d", "市司法局通知二"), fazhitest.Now)
	assertFindings(t, rep.Findings, []want{
		{"csp-inline", "content/gongzuo/c.md", 0, 0, W, "浏览器不会运行网页里的「<script>tongji(\"会议\")」（共 2 个网页有它）"},
		{"csp-inline", "content/gongzuo/c.md", 0, 0, W, "「href=\"javascript:」（共 2 个网页有它）"},
		{"csp-inline", "content/gongzuo/c.md", 0, 0, W, "「onclick=」（共 2 个网页有它）"},
	})
	// Without the policy there is nothing to report.
	off := strings.Replace(on, "contentSecurityPolicy = true", "contentSecurityPolicy = false", 1)
	assertFindings(t, run(t, off+page("c", "市司法局通知一"), fazhitest.Now).Findings, nil)
}
