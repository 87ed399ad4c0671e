package build_test

import (
	"strings"
	"testing"
	"time"

	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/fazhitest"
)

// consultations is a 意见征集 column: one draft open at fazhitest.Now
// (2026-11-27), one closed with its 采纳情况.
const consultations = `
-- content/zhengji/_index.md --
+++
title = "意见征集"
columnType = "征集调查"
kind = "article"
+++
-- content/zhengji/open.md --
+++
title = "关于《某市养犬管理办法（草案）》公开征求意见的公告"
date = 2026-11-20
[consultation]
from = 2026-11-20T09:00:00
to = 2026-12-20
channel = ["fzb@moushi.gov.cn", "某市东城区政务路1号市司法局立法处", "https://fzb.example.gov.cn/yijian/"]
+++
草案全文见附件。
-- content/zhengji/closed.md --
+++
title = "关于《某市物业管理条例（草案）》公开征求意见的公告"
date = 2026-09-01
[consultation]
from = 2026-09-01
to = 2026-09-30T17:00:00
channel = "fzb@moushi.gov.cn"
result = "zhengji/caina.md"
+++
草案全文如下。
-- content/zhengji/caina.md --
+++
title = "《某市物业管理条例（草案）》意见采纳情况"
date = 2026-10-20
+++
共收到意见 12 条，采纳 5 条。
`

// TestConsultation (issue 19 point 3): the state is computed at build
// time and shown with the period, the channels (mail and web addresses
// linked) and the 采纳情况; the column lists open drafts first; the home
// page has a 意见征集 block of open drafts.
func TestConsultation(t *testing.T) {
	r := fazhitest.Build(t, goldenSite+consultations, fazhitest.WithTheme())
	r.AssertFileContent("zhengji/open/index.html", `<table class="meta-table consultation-meta">
<caption>意见征集</caption>
<tbody>
<tr><th scope="row">状态</th><td><span class="badge badge-c-open">征集中</span></td></tr>
<tr><th scope="row">征集时间</th><td><time datetime="2026-11-20T09:00:00&#43;08:00">2026年11月20日 09:00</time> 至 <time datetime="2026-12-20">2026年12月20日</time></td></tr>
<tr><th scope="row">反馈渠道</th><td><a href="mailto:fzb@moushi.gov.cn">fzb@moushi.gov.cn</a><br>某市东城区政务路1号市司法局立法处<br><a href="https://fzb.example.gov.cn/yijian/">https://fzb.example.gov.cn/yijian/</a></td></tr>
</tbody>
</table>`)
	r.AssertFileContent("zhengji/closed/index.html",
		`<tr><th scope="row">状态</th><td><span class="badge badge-c-answered">已反馈</span></td></tr>
<tr><th scope="row">征集时间</th><td><time datetime="2026-09-01T00:00:00&#43;08:00">2026年9月1日</time> 至 <time datetime="2026-09-30T17:00:00&#43;08:00">2026年9月30日 17:00</time></td></tr>
<tr><th scope="row">反馈渠道</th><td><a href="mailto:fzb@moushi.gov.cn">fzb@moushi.gov.cn</a></td></tr>
<tr><th scope="row">采纳情况</th><td><a href="/zhengji/caina/">《某市物业管理条例（草案）》意见采纳情况</a></td></tr>`)

	col := r.File("zhengji/index.html")
	open := col[strings.Index(col, `<section class="consultation-open"`):]
	open = open[:strings.Index(open, "</section>")]
	if want := `<a class="item-title" href="/zhengji/open/">关于《某市养犬管理办法（草案）》公开征求意见的公告</a>
<span class="item-meta"><span>征集时间：<time datetime="2026-11-20">2026-11-20</time> 至 <time datetime="2026-12-20">2026-12-20</time></span><span class="badge badge-c-open">征集中</span></span>`; !strings.Contains(open, want) {
		t.Errorf("column's open list lacks the open draft:\n%s", open)
	}
	if strings.Contains(open, "/zhengji/closed/") {
		t.Errorf("column's open list shows a closed consultation:\n%s", open)
	}

	home := r.File("index.html")
	i := strings.Index(home, `<section class="side-box consultation-box"`)
	if i < 0 {
		t.Fatalf("home page has no 意见征集 block")
	}
	box := home[i:]
	box = box[:strings.Index(box, "</section>")]
	if want := `<h2 id="h-consult">意见征集</h2>
<ul class="consultation-list">
<li><a href="/zhengji/open/">关于《某市养犬管理办法（草案）》公开征求意见的公告</a>
<span class="consultation-ends">截止：<time datetime="2026-12-20">2026年12月20日</time></span></li>
</ul>
<a class="more" href="/zhengji/">查看全部意见征集</a>`; !strings.Contains(box, want) {
		t.Errorf("home 意见征集 block:\n%s\nwant it to contain\n%s", box, want)
	}
}

// TestConsultationStateAtNow: the same sources built at other instants
// give the other states; at from the draft is open, just before it is
// 未开始 and not on the home page; after the day of to it is 已结束.
func TestConsultationStateAtNow(t *testing.T) {
	sh := time.FixedZone("CST", 8*3600)
	for _, c := range []struct {
		now   time.Time
		badge string
		home  bool
	}{
		{time.Date(2026, 11, 20, 8, 59, 59, 0, sh), `<span class="badge badge-c-pending">未开始</span>`, false},
		{time.Date(2026, 11, 20, 9, 0, 0, 0, sh), `<span class="badge badge-c-open">征集中</span>`, true},
		{time.Date(2026, 12, 20, 23, 59, 59, 0, sh), `<span class="badge badge-c-open">征集中</span>`, true},
		{time.Date(2026, 12, 21, 0, 0, 0, 0, sh), `<span class="badge badge-c-closed">已结束</span>`, false},
	} {
		r := fazhitest.Build(t, goldenSite+consultations, fazhitest.WithTheme(), fazhitest.WithNow(c.now),
			fazhitest.WithOptions(func(o *build.Options) { o.Future = true }))
		if !strings.Contains(r.File("zhengji/open/index.html"), c.badge) {
			t.Errorf("at %v: page lacks %s", c.now, c.badge)
		}
		if got := strings.Contains(r.File("index.html"), `href="/zhengji/open/"`) && strings.Contains(r.File("index.html"), "consultation-box"); got != c.home {
			t.Errorf("at %v: home 意见征集 block lists the draft = %v, want %v", c.now, got, c.home)
		}
	}
}

// TestConsultationErrors: a [consultation] without its required keys or
// with a result that does not exist fails the build at the key's line.
func TestConsultationErrors(t *testing.T) {
	r := fazhitest.Try(t, goldenSite+`
-- content/zhengji/_index.md --
+++
title = "意见征集"
+++
-- content/zhengji/bad.md --
+++
title = "征求意见"
date = 2026-11-20
[consultation]
from = 2026-11-20
to = 2026-11-10
result = "zhengji/nothing.md"
+++
`, fazhitest.WithTheme())
	if r.Err == nil {
		t.Fatal("build succeeded")
	}
	got := r.Err.Error()
	for _, want := range []string{
		"content/zhengji/bad.md:6: 截止日期 to（2026-11-10 00:00）早于开始日期 from（2026-11-20 00:00）：请改正日期 (to before from)",
		"content/zhengji/bad.md:4: 意见征集缺少反馈渠道：请在 [consultation] 中写 channel",
		"content/zhengji/bad.md:7: result 指向的采纳情况页面「zhengji/nothing.md」不存在或尚未发布",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("errors lack %q:\n%s", want, got)
		}
	}
}
