package browsertest

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestDateLine: the header's date line is written by fazhi.js from the
// reader's clock, with the weekday, and no built page carries the date.
func TestDateLine(t *testing.T) {
	s := portal(t)
	ctx := s.tab(t, 375)
	for _, p := range []string{"/", pathPolicy} {
		s.open(t, ctx, p)
		type res struct{ Text, Want, DateTime, WantISO string }
		r := eval[res](t, ctx, `(() => {
			const e = document.getElementById("fz-date"), n = new Date(), t = e && e.querySelector("time");
			return {Text: e && !e.hidden ? e.textContent : "",
				Want: "今天是 " + n.getFullYear() + "年" + (n.getMonth() + 1) + "月" + n.getDate() + "日 " +
					new Intl.DateTimeFormat("zh-CN", {weekday: "long"}).format(n),
				DateTime: t ? t.dateTime : "", WantISO: n.toLocaleDateString("sv-SE")};
		})()`)
		if r.Text != r.Want || r.DateTime != r.WantISO {
			t.Errorf("%s: date line %q <time datetime=%q>, want %q <time datetime=%q>", p, r.Text, r.DateTime, r.Want, r.WantISO)
		}
		if !regexp.MustCompile(`^今天是 \d{4}年\d{1,2}月\d{1,2}日 星期[日一二三四五六]$`).MatchString(r.Text) {
			t.Errorf("%s: date line %q is not 「今天是 Y年M月D日 星期X」", p, r.Text)
		}
	}
	html, err := os.ReadFile(filepath.Join(s.out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(html), "今天是") || strings.Contains(string(html), BuildTime.Format("2006年1月2日")) {
		t.Errorf("index.html carries the build date")
	}
}

// TestPhoneHeader (issue 14 point 20): at 375 px the menu is one row that
// scrolls sideways, the toolbar folds behind 「无障碍」, the breadcrumb is one
// line, the 文件信息 table folds under a two-line summary, and the first
// article of a policy starts on the first screen (it was about 1,480 px
// down); at 1280 px the toolbar shows without the button.
func TestPhoneHeader(t *testing.T) {
	s := portal(t)
	type res struct {
		NavRows, NavH, NavScroll, NavClient float64
		ToolbarShown, ToggleShown           bool
		Expanded                            string
		CrumbH, CrumbLH                     float64
		CrumbLast                           string
		Details, Open                       bool
		Summary                             string
		SummaryLines                        int
		Article                             float64
	}
	const js = `(() => {
		const vis = e => !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden";
		const lis = [...document.querySelectorAll(".main-nav li")], ul = document.querySelector(".main-nav ul");
		const bc = document.querySelector(".breadcrumb ol"), d = document.querySelector("details.policy-info");
		const line = d && d.querySelector(".meta-box-line"), art = document.querySelector("p.article");
		const tops = new Set(lis.map(l => Math.round(l.getBoundingClientRect().top)));
		return {NavRows: tops.size, NavH: document.querySelector(".main-nav").getBoundingClientRect().height,
			NavScroll: ul.scrollWidth, NavClient: ul.clientWidth,
			ToolbarShown: vis(document.getElementById("a11y-toolbar")), ToggleShown: vis(document.querySelector(".a11y-toggle")),
			Expanded: (document.querySelector(".a11y-toggle") || {getAttribute: () => ""}).getAttribute("aria-expanded") || "",
			CrumbH: bc.getBoundingClientRect().height, CrumbLH: parseFloat(getComputedStyle(bc).lineHeight),
			CrumbLast: bc.lastElementChild.textContent,
			Details: !!d, Open: !!d && d.open, Summary: d ? d.querySelector("summary").textContent.replace(/\s+/g, " ") : "",
			SummaryLines: d ? d.querySelector("summary").children.length : 0,
			Article: art ? art.getBoundingClientRect().top + scrollY : -1};
	})()`
	ctx := s.tab(t, 375)
	s.open(t, ctx, pathPolicy)
	r := eval[res](t, ctx, js)
	if r.NavRows != 1 || r.NavScroll <= r.NavClient || r.NavH > 60 {
		t.Errorf("375 px: menu in %v rows, %.0f px high, scrollWidth %.0f clientWidth %.0f; want one scrolling row", r.NavRows, r.NavH, r.NavScroll, r.NavClient)
	}
	if r.ToolbarShown || !r.ToggleShown || r.Expanded != "false" {
		t.Errorf("375 px: toolbar shown %v, 「无障碍」 shown %v aria-expanded %q; want the toolbar folded behind the button", r.ToolbarShown, r.ToggleShown, r.Expanded)
	}
	if r.CrumbH > 1.5*r.CrumbLH || r.CrumbLast != "正文" {
		t.Errorf("375 px: breadcrumb %.0f px high (line %.0f px), last step %q; want one line ending in 正文", r.CrumbH, r.CrumbLH, r.CrumbLast)
	}
	if !r.Details || r.Open || r.SummaryLines != 2 || !strings.Contains(r.Summary, "某府令〔2026〕27号") || !strings.Contains(r.Summary, "某市人民政府") || !strings.Contains(r.Summary, "有效") {
		t.Errorf("375 px: 文件信息 details %v open %v, summary %q in %d lines; want a closed <details> with 文号 · 发文机关 · 状态", r.Details, r.Open, r.Summary, r.SummaryLines)
	}
	if r.Article < 0 || r.Article > 812 {
		t.Errorf("375 px: the first article starts %.0f px down; want it on the first screen (≤ 812 px)", r.Article)
	}
	click(t, ctx, ".a11y-toggle")
	if r := eval[res](t, ctx, js); !r.ToolbarShown || r.Expanded != "true" {
		t.Errorf("375 px: after 「无障碍」: toolbar shown %v, aria-expanded %q", r.ToolbarShown, r.Expanded)
	}
	// 长者模式 with 大 text: the article still starts within two screens.
	ctx = s.tab(t, 375)
	s.prefs(t, ctx, map[string]any{"elder": true, "fs": "fs-large"})
	s.open(t, ctx, pathPolicy)
	if r := eval[res](t, ctx, js); r.Article > 2*812 || r.NavRows != 1 {
		t.Errorf("375 px 长者模式: first article at %.0f px, menu in %v rows", r.Article, r.NavRows)
	}
	ctx = s.tab(t, 1280)
	s.open(t, ctx, pathPolicy)
	if r := eval[res](t, ctx, js); !r.ToolbarShown || r.ToggleShown || r.NavRows != 1 {
		t.Errorf("1280 px: toolbar shown %v, 「无障碍」 shown %v, menu rows %v", r.ToolbarShown, r.ToggleShown, r.NavRows)
	}
}

// TestNoBreakInNumbers (point 20): 文号 and 案号 never break inside, and
// the hearings table is one card per hearing below 720 px.
func TestNoBreakInNumbers(t *testing.T) {
	s := portal(t)
	for _, width := range []int64{375, 1280} {
		ctx := s.tab(t, width)
		for _, p := range []string{pathPolicy, pathNotice, "/zhengce/", "/sifa/", "/sifa/hearings/", "/"} {
			s.open(t, ctx, p)
			type res struct {
				N    int
				Wrap []string
			}
			r := eval[res](t, ctx, `(() => {
				const all = [...document.querySelectorAll(".docno, .caseno")];
				return {N: all.length, Wrap: all.filter(e => getComputedStyle(e).whiteSpace !== "nowrap" || e.getBoundingClientRect().height > 1.5 * parseFloat(getComputedStyle(e).lineHeight)).map(e => e.textContent)};
			})()`)
			if len(r.Wrap) > 0 {
				t.Errorf("%s at %d px: numbers that can break: %q", p, width, r.Wrap)
			}
			if p != "/" && r.N == 0 {
				t.Errorf("%s at %d px: no 文号 or 案号 marked .docno/.caseno", p, width)
			}
		}
		s.open(t, ctx, "/sifa/hearings/")
		type cards struct {
			Row, Before string
			Rows        int
		}
		c := eval[cards](t, ctx, `(() => {
			const tr = document.querySelector("table.hearings tbody tr"), td = tr.querySelector("td");
			return {Row: getComputedStyle(tr).display, Before: getComputedStyle(td, "::before").content, Rows: document.querySelectorAll("table.hearings tbody tr").length};
		})()`)
		want := "table-row"
		if width < 720 {
			want = "block"
		}
		if c.Rows == 0 || c.Row != want || (width < 720 && c.Before != `"开庭时间："`) {
			t.Errorf("hearings at %d px: %d rows displayed as %q with label %s; want %s", width, c.Rows, c.Row, c.Before, want)
		}
	}
}

// TestElderControls (issue 14 point 21): the size buttons read 标准/大/特大
// with 标准 pressed by default; the copy-link chips are hidden on touch
// screens and in 长者模式, where tapping the article label copies its link;
// every content page has the read-aloud controls with names that say what
// they do; in 高对比度 the status banner keeps a strong frame.
func TestElderControls(t *testing.T) {
	s := portal(t)
	ctx := s.tab(t, 1280)
	s.open(t, ctx, pathPolicy)
	type sizes struct {
		Labels  []string
		Pressed string
	}
	sz := eval[sizes](t, ctx, `({Labels: [...document.querySelectorAll("[data-fs]")].map(b => b.lastChild.textContent),
		Pressed: document.querySelector('[data-fs][aria-pressed="true"]').textContent})`)
	if strings.Join(sz.Labels, "/") != "标准/大/特大" || sz.Pressed != "字号标准" {
		t.Errorf("size buttons %q, pressed %q; want 标准/大/特大 with 字号标准 pressed", sz.Labels, sz.Pressed)
	}
	chips := `[...document.querySelectorAll(".copy-link")].filter(b => b.getClientRects().length > 0).length`
	if n := eval[int](t, ctx, chips); n == 0 {
		t.Errorf("1280 px with a mouse: no copy-link chips shown")
	}

	// 长者模式: no chips; a click on 第一条 copies its link.
	ctx = s.tab(t, 1280)
	s.prefs(t, ctx, map[string]any{"elder": true})
	s.open(t, ctx, pathPolicy)
	if n := eval[int](t, ctx, chips); n != 0 {
		t.Errorf("长者模式: %d copy-link chips shown, want none", n)
	}
	copied := eval[string](t, ctx, `new Promise(r => {
		const live = document.getElementById("fz-live");
		new MutationObserver(() => { if (live.textContent) r(live.textContent); }).observe(live, {childList: true, characterData: true, subtree: true});
		document.querySelector("a.art-label").click();
	})`)
	if copied != "已复制第一条的链接" && !strings.HasPrefix(copied, "复制失败，请手动复制：") {
		t.Errorf("长者模式: tapping 第一条 announced %q, want 已复制第一条的链接", copied)
	}
	if h := eval[string](t, ctx, `location.hash`); h != "#art-1" {
		t.Errorf("长者模式: tapping 第一条 went to %q, want #art-1", h)
	}

	// A touch screen (pointer: coarse): no chips either.
	ctx = s.tab(t, 375)
	if _, err := chromedp.Call(ctx, emulation.SetTouchEmulationEnabled, emulation.SetTouchEmulationEnabledParams{Enabled: true, MaxTouchPoints: 5}); err != nil {
		t.Fatal(err)
	}
	s.open(t, ctx, pathPolicy)
	if coarse := eval[bool](t, ctx, `matchMedia("(pointer: coarse)").matches`); !coarse {
		t.Fatalf("the 375 px tab does not emulate a touch screen")
	}
	if n := eval[int](t, ctx, chips); n != 0 {
		t.Errorf("touch screen: %d copy-link chips shown, want none", n)
	}

	// 朗读 on every content page, with named buttons.
	var content []string
	_ = filepath.WalkDir(s.out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.Name() != "index.html" {
			return err
		}
		b, err := os.ReadFile(p)
		// A content page is an indexed article: tombstones and 修订对照
		// pages (derived views, not indexed) are not.
		if err == nil && strings.Contains(string(b), "<article") && strings.Contains(string(b), "data-pagefind-body") {
			content = append(content, p)
			if !strings.Contains(string(b), `<div class="tts"`) {
				t.Errorf("%s: a content page without 朗读", strings.TrimPrefix(p, s.out))
			}
		}
		return nil
	})
	if len(content) < 20 {
		t.Errorf("only %d content pages found", len(content))
	}
	ctx = s.tab(t, 375)
	s.open(t, ctx, pathArticle)
	names := eval[[]string](t, ctx, `[...document.querySelectorAll(".tts button")].map(b => b.textContent)`)
	if strings.Join(names, "/") != "开始朗读全文/暂停朗读/停止朗读" {
		t.Errorf("朗读 buttons are named %q, want 开始朗读全文/暂停朗读/停止朗读", names)
	}

	// 高对比度: the status line of a repealed policy keeps a strong frame,
	// double for 已废止 (dashed, dotted and solid tell the other states).
	ctx = s.tab(t, 375)
	s.prefs(t, ctx, map[string]any{"hc": true})
	s.open(t, ctx, "/zhengce/2021-gonggong-falv-fuwu/")
	type frame struct {
		Top, Right, Bottom, Left float64
		Color, Style             string
	}
	f := eval[frame](t, ctx, `(() => { const c = getComputedStyle(document.querySelector(".status-line.status-repealed"));
		return {Top: parseFloat(c.borderTopWidth), Right: parseFloat(c.borderRightWidth), Bottom: parseFloat(c.borderBottomWidth), Left: parseFloat(c.borderLeftWidth),
			Color: c.borderTopColor, Style: c.borderTopStyle}; })()`)
	if f.Top < 3 || f.Right < 3 || f.Bottom < 3 || f.Left < 3 || f.Style != "double" || f.Color != "rgb(255, 255, 0)" {
		t.Errorf("高对比度: status line frame %+v; want ≥ 3 px double yellow on every side", f)
	}
}

// TestNoticeTitlesNotCut (issue 14 point 22): on the home page and the
// 司法公开 list, a notice reads 类型｜案由（案号） and its 案号 is shown whole
// (never cut by the ellipsis of a long title) on one line.
func TestNoticeTitlesNotCut(t *testing.T) {
	s := portal(t)
	for _, width := range []int64{375, 1280} {
		ctx := s.tab(t, width)
		for _, p := range []string{"/", "/sifa/"} {
			s.open(t, ctx, p)
			type res struct {
				N   int
				Cut []string
			}
			r := eval[res](t, ctx, `(() => {
				const all = [...document.querySelectorAll("main .notice-title")], cut = [];
				all.forEach(a => {
					const c = a.querySelector(".caseno"), t = a.querySelector(".nt-text");
					if (!c || !t || !/^.+｜/.test(t.textContent)) { cut.push("not 类型｜案由（案号）: " + a.textContent); return; }
					const ar = a.getBoundingClientRect(), cr = c.getBoundingClientRect();
					if (cr.right > ar.right + 1 || cr.width < 1 || c.scrollWidth > c.clientWidth + 1 && getComputedStyle(c).display !== "inline" ||
						cr.height > 1.5 * parseFloat(getComputedStyle(c).lineHeight)) cut.push(c.textContent);
				});
				return {N: all.length, Cut: cut};
			})()`)
			if r.N == 0 || len(r.Cut) > 0 {
				t.Errorf("%s at %d px: %d notice titles; cut or malformed: %q", p, width, r.N, r.Cut)
			}
		}
	}
}

// TestStatuteLayout (issue 14 point 23): the 题注 is centred and comes
// before the table of contents; the TOC shows no list numbers before
// 第一章; a notice's 落款 is two right-aligned lines, issuer above date.
func TestStatuteLayout(t *testing.T) {
	s := portal(t)
	for _, width := range []int64{375, 1280} {
		ctx := s.tab(t, width)
		s.open(t, ctx, pathStatute)
		type st struct {
			Align        string
			NoteTop      float64
			TOCTop       float64
			Markers      []string
			FirstTOCText string
		}
		r := eval[st](t, ctx, `(() => {
			const n = document.querySelector(".doc-body p.head-note"), toc = document.querySelector(".statute-toc");
			const lis = [...toc.querySelectorAll("li")];
			return {Align: n ? getComputedStyle(n).textAlign : "", NoteTop: n ? n.getBoundingClientRect().top : -1,
				TOCTop: toc.getBoundingClientRect().top,
				Markers: lis.map(l => getComputedStyle(l).listStyleType).filter(x => x !== "none"),
				FirstTOCText: toc.querySelector("li").innerText.trim()};
		})()`)
		if r.Align != "center" || r.NoteTop < 0 || r.NoteTop > r.TOCTop {
			t.Errorf("%d px: 题注 text-align %q at %.0f px, TOC at %.0f px; want a centred 题注 above the TOC", width, r.Align, r.NoteTop, r.TOCTop)
		}
		if len(r.Markers) > 0 || !strings.HasPrefix(r.FirstTOCText, "第一章") {
			t.Errorf("%d px: TOC entries numbered %q, first entry %q; want no list numbers before 第一章", width, r.Markers, r.FirstTOCText)
		}
		s.open(t, ctx, pathNotice)
		type so struct {
			Lines       []string
			Align       string
			Right, Body float64
		}
		o := eval[so](t, ctx, `(() => {
			const p = document.querySelector(".doc-body p.signoff"), b = document.querySelector(".doc-body");
			if (!p) return {Lines: []};
			return {Lines: p.innerText.split("\n"), Align: getComputedStyle(p).textAlign,
				Right: p.getBoundingClientRect().right, Body: b.getBoundingClientRect().right};
		})()`)
		if strings.Join(o.Lines, "|") != "某市东城区人民法院|二〇二六年十一月二十三日" || o.Align != "right" {
			t.Errorf("%d px: 落款 lines %q aligned %q; want 某市东城区人民法院 over 二〇二六年十一月二十三日, right-aligned", width, o.Lines, o.Align)
		}
	}
}
