package build_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/fazhitest"
)

// headNoteSite adds a regulation with a 题注 and a 送达公告 with a 落款.
const headNoteSite = `
-- content/zhengce/tiaoli.md --
+++
title = "某市养犬管理条例"
date = 2025-10-30
lastmod = 2025-11-02
[policy]
issuer = "某市人民代表大会常务委员会"
docNumber = "某人常公〔2025〕9号"
written = 2025-09-24
genre = "地方性法规"
effective = 2025-12-01
+++
（2019年6月27日某市第十六届人民代表大会常务委员会第十四次会议通过　根据2025年9月24日某市第十七届人民代表大会常务委员会第二十次会议修正）

## 第一章　总则

第一条　为了规范养犬行为，制定本条例。

## 第二章　附则

第二条　本条例自2025年12月1日起施行。
-- content/sifa/songda.md --
+++
title = "某市东城区人民法院公告送达（2026）某0102民初5号"
date = 2026-11-10
[notice]
type = "送达公告"
caseNumber = "（2026）某0102民初5号"
court = "某市东城区人民法院"
cause = "装饰装修合同纠纷"
+++
本院受理原告诉你装饰装修合同纠纷一案，现依法向你公告送达起诉状副本。

特此公告。

某市东城区人民法院
二〇二六年十一月十日
`

// TestStatuteAndNoticePages (issue 14 point 23): the 题注 comes right
// after the title block and before the table of contents, marked for
// centring; a notice's 落款 is two lines (issuer, then date); the pages of
// 公文 write every date one way, 2026年3月2日.
func TestStatuteAndNoticePages(t *testing.T) {
	r := fazhitest.Build(t, goldenSite+headNoteSite, fazhitest.WithTheme())
	statute := r.File("zhengce/tiaoli/index.html")
	body := statute[strings.Index(statute, `<div class="doc-body statute">`):]
	note := strings.Index(body, `<p class="head-note">（2019年6月27日`)
	toc := strings.Index(body, `<nav class="statute-toc"`)
	if note < 0 || toc < 0 || note > toc || strings.Index(body, "<p") != note {
		t.Errorf("the 题注 is not the first block of the body, before the table of contents (题注 at %d, TOC at %d):\n%.600s", note, toc, body)
	}
	r.AssertFileContent("sifa/songda/index.html",
		`<p class="signoff">某市东城区人民法院<br>`+"\n"+`二〇二六年十一月十日</p>`)
	iso := regexp.MustCompile(`\d{4}-\d{1,2}-\d{1,2}|\d{4}年0\d月|月0\d日`)
	for _, name := range []string{"zhengce/tiaoli/index.html", "zhengce/banfa/index.html", "sifa/songda/index.html", "sifa/kaiting/index.html"} {
		page := r.File(name)
		main := page[strings.Index(page, "<main"):strings.Index(page, "</main>")]
		text := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(main, "")
		if m := iso.FindAllString(text, -1); len(m) > 0 {
			t.Errorf("%s: dates not written 2026年3月2日: %q", name, m)
		}
		if !strings.Contains(text, "日") {
			t.Errorf("%s: no date in 2026年3月2日 style", name)
		}
	}
}
