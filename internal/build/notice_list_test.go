package build_test

import (
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/fazhitest"
)

// endedNotice is a 送达公告 whose period ended long before fazhitest.Now.
const endedNotice = `
-- content/sifa/songda.md --
+++
title = "某市东城区人民法院公告送达（2025）某0102民初9号"
date = 2026-01-05
[notice]
type = "送达公告"
caseNumber = "（2025）某0102民初9号"
court = "某市东城区人民法院"
cause = "民间借贷纠纷"
parties = ["孙某", "赵某"]
+++
赵某：

本院受理原告孙某诉你民间借贷纠纷一案。
`

// TestNoticeLists (issue 14 point 22): a notice is listed as
// 类型｜案由（案号） with the court, 开庭时间 and state on the second line;
// the 案号 appears once and is one unbreakable span; the home page lists
// only notices that are 公告中.
func TestNoticeLists(t *testing.T) {
	r := fazhitest.Build(t, goldenSite+endedNotice, fazhitest.WithTheme())
	list := r.File("sifa/index.html")
	r.AssertFileContent("sifa/index.html",
		`<a class="item-title notice-title" href="/sifa/kaiting/"><span class="nt-text">开庭公告｜买卖合同纠纷</span><span class="caseno">（2026）某0102民初1号</span></a>`+"\n"+
			`<span class="item-meta"><span>某市东城区人民法院</span><span>开庭时间：<time datetime="2026-12-08T09:30:00&#43;08:00">2026-12-08 09:30</time></span><span class="badge badge-valid">公告中</span>`)
	if n := strings.Count(list, "某0102民初1号"); n != 1 {
		t.Errorf("sifa/index.html prints the 案号 %d times, want once", n)
	}
	home := r.File("index.html")
	box := home[strings.Index(home, `id="col-sifa"`):]
	box = box[:strings.Index(box, "</section>")]
	if !strings.Contains(box, `<a class="notice-title" href="/sifa/kaiting/"><span class="nt-text">开庭公告｜买卖合同纠纷</span><span class="caseno">（2026）某0102民初1号</span></a>`) {
		t.Errorf("home page 司法公开 box does not list the current notice as 类型｜案由（案号）:\n%s", box)
	}
	if strings.Contains(box, "/sifa/songda/") {
		t.Errorf("home page lists a notice whose period has ended:\n%s", box)
	}
}
