package browsertest

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// poll waits up to 3 s for the expression to become true.
func poll(ctx context.Context, expr string) error {
	pctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	_, err := chromedp.Run(pctx, chromedp.Poll[bool](expr))
	return err
}

func click(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(sel))); err != nil {
		t.Fatalf("click %s: %v", sel, err)
	}
}

// TestToolbarFontSizePersists clicks 特大, follows a link and expects the
// new page to start in the large size (class on <html>, body ≥ 20 px,
// the 特大 button pressed).
func TestToolbarFontSizePersists(t *testing.T) {
	s := portal(t)
	ctx := s.tab(t, 1280)
	s.open(t, ctx, "/")
	if hidden := eval[bool](t, ctx, `document.getElementById("a11y-toolbar").hidden`); hidden {
		t.Fatal("#a11y-toolbar is still hidden after fazhi.js ran")
	}
	click(t, ctx, `#a11y-toolbar [data-fs="fs-xlarge"]`)
	if got := eval[string](t, ctx, `document.documentElement.className`); !strings.Contains(got, "fs-xlarge") {
		t.Fatalf("after clicking 特大: <html class=%q>, want fs-xlarge", got)
	}
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`.main-nav a[href="/zhengce/"]`))); err != nil {
		t.Fatalf("follow nav link: %v", err)
	}
	type state struct {
		Path, Class, Pressed string
		FontSize             float64
	}
	st := eval[state](t, ctx, `({Path: location.pathname, Class: document.documentElement.className,
		Pressed: document.querySelector('[data-fs="fs-xlarge"]').getAttribute("aria-pressed"),
		FontSize: parseFloat(getComputedStyle(document.body).fontSize)})`)
	if st.Path != "/zhengce/" {
		t.Fatalf("navigation landed on %s", st.Path)
	}
	if !strings.Contains(st.Class, "fs-xlarge") {
		t.Errorf("font size did not persist: <html class=%q>", st.Class)
	}
	if st.FontSize < 20 {
		t.Errorf("body font-size %.1fpx after 特大, want ≥ 20px", st.FontSize)
	}
	if st.Pressed != "true" {
		t.Errorf("特大 button aria-pressed=%q after navigation", st.Pressed)
	}
	if live := eval[string](t, ctx, `localStorage.getItem("fazhi-a11y")`); !strings.Contains(live, "fs-xlarge") {
		t.Errorf("localStorage fazhi-a11y = %q", live)
	}
}

// TestElderMode turns on 长者模式 and measures text and click targets.
func TestElderMode(t *testing.T) {
	s := portal(t)
	for _, width := range []int64{375, 1280} {
		ctx := s.tab(t, width)
		s.open(t, ctx, pathPolicy)
		if width < 720 {
			click(t, ctx, `.a11y-toggle`) // the toolbar folds behind 「无障碍」 on a phone
		}
		click(t, ctx, `#a11y-toolbar [data-mode="elder"]`)
		type box struct {
			Sel  string
			W, H float64
		}
		type res struct {
			Class, Pressed             string
			Body, BodyLH, Para, ParaLH float64
			Small                      []box
		}
		r := eval[res](t, ctx, `(() => {
			const px = v => parseFloat(v), b = getComputedStyle(document.body);
			const p = getComputedStyle(document.querySelector(".doc-body p"));
			const small = [];
			document.querySelectorAll("#a11y-toolbar button, .a11y-toggle:not([hidden]), .main-nav a").forEach(e => {
				if (getComputedStyle(e).display === "none") return;
				const r = e.getBoundingClientRect();
				if (r.width < 44 || r.height < 44) small.push({Sel: e.tagName + " " + e.textContent.trim(), W: r.width, H: r.height});
			});
			return {Class: document.documentElement.className,
				Pressed: document.querySelector('[data-mode="elder"]').getAttribute("aria-pressed"),
				Body: px(b.fontSize), BodyLH: px(b.lineHeight), Para: px(p.fontSize), ParaLH: px(p.lineHeight), Small: small};
		})()`)
		if !strings.Contains(r.Class, "elder") || r.Pressed != "true" {
			t.Errorf("%d px: 长者模式 not on: <html class=%q>, aria-pressed=%q", width, r.Class, r.Pressed)
		}
		if r.Body < 18 || r.Para < 18 {
			t.Errorf("%d px: elder text too small: body %.1fpx, paragraph %.1fpx (want ≥ 18)", width, r.Body, r.Para)
		}
		if r.BodyLH < 1.5*r.Body || r.ParaLH < 1.5*r.Para {
			t.Errorf("%d px: elder line-height too tight: body %.1f/%.1f, paragraph %.1f/%.1f (want ≥ 1.5)", width, r.BodyLH, r.Body, r.ParaLH, r.Para)
		}
		for _, b := range r.Small {
			t.Errorf("%d px: elder click target %q is %.0f×%.0f px, want ≥ 44×44", width, b.Sel, b.W, b.H)
		}
	}
}

// TestHighContrastToggles turns 高对比度 on and off.
func TestHighContrastToggles(t *testing.T) {
	s := portal(t)
	ctx := s.tab(t, 1280)
	s.open(t, ctx, "/")
	type res struct {
		On      bool
		Pressed string
		BG      string
		Saved   string
	}
	js := `({On: document.documentElement.classList.contains("high-contrast"),
		Pressed: document.querySelector('[data-mode="high-contrast"]').getAttribute("aria-pressed"),
		BG: getComputedStyle(document.body).backgroundColor, Saved: localStorage.getItem("fazhi-a11y") || ""})`
	click(t, ctx, `[data-mode="high-contrast"]`)
	r := eval[res](t, ctx, js)
	if !r.On || r.Pressed != "true" || r.BG != "rgb(0, 0, 0)" || !strings.Contains(r.Saved, `"hc":true`) {
		t.Errorf("高对比度 on: %+v", r)
	}
	s.open(t, ctx, pathNotice)
	if r := eval[res](t, ctx, js); !r.On || r.Pressed != "true" {
		t.Errorf("高对比度 did not persist to the next page: %+v", r)
	}
	click(t, ctx, `[data-mode="high-contrast"]`)
	r = eval[res](t, ctx, js)
	if r.On || r.Pressed != "false" || r.BG == "rgb(0, 0, 0)" {
		t.Errorf("高对比度 off: %+v", r)
	}
	if live := eval[string](t, ctx, `document.getElementById("fz-live").textContent`); live == "" {
		// say() fills the live region after 50 ms; give it a moment.
		if err := poll(ctx, `document.getElementById("fz-live").textContent !== ""`); err != nil {
			t.Errorf("#fz-live announced nothing: %v", err)
		}
	}
}

type focusStop struct {
	Desc     string
	Outline  string
	Width    float64
	Shadow   string
	InFooter bool
	IsBody   bool
	Visible  bool
}

const focusJS = `(() => {
	const e = document.activeElement, cs = getComputedStyle(e), r = e.getBoundingClientRect();
	const text = (e.getAttribute("aria-label") || e.textContent || "").trim().replace(/\s+/g, " ").slice(0, 24);
	return {Desc: e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className && typeof e.className === "string" ? "." + e.className.split(" ").join(".") : "") + " “" + text + "”",
		Outline: cs.outlineStyle, Width: parseFloat(cs.outlineWidth) || 0, Shadow: cs.boxShadow,
		InFooter: !!e.closest("footer"), IsBody: e === document.body || e === document.documentElement,
		Visible: r.width > 0 && r.height > 0 && cs.visibility !== "hidden" && parseFloat(cs.opacity) > 0};
})()`

// TestKeyboard tabs through pages: the skip link comes first, every stop
// shows a focus indicator, focus never falls back to body before the
// footer, and Enter on the skip link moves focus to main.
func TestKeyboard(t *testing.T) {
	s := portal(t)
	for _, p := range []string{"/", pathPolicy} {
		ctx := s.tab(t, 1280)
		s.open(t, ctx, p)
		var stops []focusStop
		for i := 0; i < 400; i++ {
			if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
				t.Fatalf("%s: tab: %v", p, err)
			}
			f := eval[focusStop](t, ctx, focusJS)
			stops = append(stops, f)
			if f.IsBody {
				t.Errorf("%s: after %d tabs focus fell back to body before reaching the footer (last: %s)", p, i+1, stops[max(0, i-1)].Desc)
				break
			}
			if i == 0 && !strings.Contains(f.Desc, "skip-link") {
				t.Errorf("%s: first tab stop is %s, want the skip link", p, f.Desc)
			}
			if (f.Outline == "none" || f.Width == 0) && (f.Shadow == "" || f.Shadow == "none") {
				t.Errorf("%s: tab stop %d %s has no visible focus indicator (outline %s %.0fpx, box-shadow %s)", p, i+1, f.Desc, f.Outline, f.Width, f.Shadow)
			}
			if !f.Visible {
				t.Errorf("%s: tab stop %d %s is focused but not visible", p, i+1, f.Desc)
			}
			if f.InFooter {
				break
			}
		}
		if last := stops[len(stops)-1]; !last.InFooter {
			t.Errorf("%s: never reached the footer in %d tabs", p, len(stops))
		}
		t.Logf("%s: %d tab stops before the footer", p, len(stops))

		// Skip link: first Tab, then Enter.
		s.open(t, ctx, p)
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.Enter)); err != nil {
			t.Fatal(err)
		}
		if err := poll(ctx, `document.activeElement && document.activeElement.id === "main"`); err != nil {
			got := eval[focusStop](t, ctx, focusJS)
			t.Errorf("%s: Enter on the skip link left focus on %s, want main", p, got.Desc)
		}
	}
}

// TestNoJavaScript loads pages with script execution disabled: navigation,
// content and links still work, and JS-only controls stay hidden.
func TestNoJavaScript(t *testing.T) {
	s := portal(t)
	for _, p := range []string{"/", pathPolicy} {
		ctx := s.tab(t, 1280)
		if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
			t.Fatal(err)
		}
		s.open(t, ctx, p)
		type res struct {
			Nav, Links, Text       int
			ToolbarShown, Printing bool
			MainVisible            bool
		}
		r := eval[res](t, ctx, `(() => {
			const vis = e => !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden";
			const m = document.querySelector("main");
			return {Nav: [...document.querySelectorAll(".main-nav a")].filter(vis).length,
				Links: [...document.querySelectorAll("main a[href]")].filter(vis).length,
				Text: m ? m.innerText.trim().length : 0, MainVisible: vis(m),
				ToolbarShown: vis(document.getElementById("a11y-toolbar")),
				Printing: vis(document.querySelector('[data-action="print"]'))};
		})()`)
		if r.Nav < 5 || r.Links < 5 || r.Text < 200 || !r.MainVisible {
			t.Errorf("%s without JavaScript: %d nav links, %d content links, %d characters of content", p, r.Nav, r.Links, r.Text)
		}
		if r.ToolbarShown || r.Printing {
			t.Errorf("%s without JavaScript shows controls that need it: toolbar %v, print button %v", p, r.ToolbarShown, r.Printing)
		}
	}
}

// TestPrint emulates print media on a policy page.
func TestPrint(t *testing.T) {
	s := portal(t)
	ctx := s.tab(t, 1280)
	s.open(t, ctx, pathPolicy)
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	type res struct{ Hidden, Shown map[string]bool }
	r := eval[res](t, ctx, `(() => {
		const vis = sel => { const e = document.querySelector(sel); return !!e && e.getClientRects().length > 0; };
		const h = {}, s = {};
		[".main-nav", "#a11y-toolbar", ".page-tools", ".breadcrumb", ".skip-link", ".tts", ".copy-link", ".prevnext"].forEach(x => h[x] = vis(x));
		[".print-url", "table.policy-meta", ".doc-body", "h1"].forEach(x => s[x] = vis(x));
		return {Hidden: h, Shown: s};
	})()`)
	for sel, v := range r.Hidden {
		if v {
			t.Errorf("print: %s is shown, want hidden", sel)
		}
	}
	for sel, v := range r.Shown {
		if !v {
			t.Errorf("print: %s is hidden, want shown", sel)
		}
	}
	if url := eval[string](t, ctx, `document.querySelector(".print-url").textContent`); !strings.Contains(url, "https://fzb.moushi.gov.cn"+pathPolicy) {
		t.Errorf("print URL = %q", url)
	}
	// The status line of a repealed policy prints the replacing
	// document's full URL beside its title (issue 17.1).
	s.open(t, ctx, pathRepealed)
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	type line struct {
		Text  string
		Shown bool
	}
	l := eval[line](t, ctx, `(() => { const e = document.querySelector(".status-line .print-only");
		return {Text: document.querySelector(".status-line").innerText, Shown: !!e && e.getClientRects().length > 0}; })()`)
	if !l.Shown || !strings.Contains(l.Text, "《某市公共法律服务办法》") || !strings.Contains(l.Text, "（https://fzb.moushi.gov.cn/zhengce/2026-gonggong-falv-fuwu-banfa/）") {
		t.Errorf("print: status line %+v; want the replacing title and its full URL shown", l)
	}
}

// TestPageTools checks the QR code, 我要纠错 and the copy-link buttons.
func TestPageTools(t *testing.T) {
	s := portal(t)
	ctx := s.tab(t, 1280)
	for _, p := range []string{pathPolicy, pathNotice, pathArticle} {
		s.open(t, ctx, p)
		type res struct {
			QRSVG                  bool
			QRLabel, QRRole        string
			Correction, Canonical  string
			Labels, Buttons, Named int
		}
		r := eval[res](t, ctx, `(() => {
			const q = document.querySelector(".qr-code"), c = document.querySelector('.page-tools a[href*="?url="]');
			const labels = [...document.querySelectorAll("a.art-label")];
			return {QRSVG: !!(q && q.querySelector("svg")), QRLabel: q ? q.getAttribute("aria-label") || "" : "", QRRole: q ? q.getAttribute("role") || "" : "",
				Correction: c ? c.href : "", Canonical: (document.querySelector('link[rel="canonical"]') || {}).href || "",
				Labels: labels.length,
				Buttons: labels.filter(a => { const b = a.nextElementSibling; return b && b.matches("button.copy-link"); }).length,
				Named: labels.filter(a => { const b = a.nextElementSibling; return b && b.textContent.includes(a.textContent); }).length};
		})()`)
		if !r.QRSVG || r.QRLabel == "" || r.QRRole != "img" {
			t.Errorf("%s: QR code: svg %v, role %q, aria-label %q", p, r.QRSVG, r.QRRole, r.QRLabel)
		}
		u, err := url.Parse(r.Correction)
		if err != nil || r.Correction == "" {
			t.Errorf("%s: no 我要纠错 link with ?url= (%q)", p, r.Correction)
		} else if got := u.Query().Get("url"); got == "" || got != r.Canonical {
			t.Errorf("%s: 我要纠错 ?url=%q, want the permalink %q", p, got, r.Canonical)
		}
		if p == pathPolicy {
			if r.Labels == 0 || r.Buttons != r.Labels || r.Named != r.Labels {
				t.Errorf("%s: %d article labels, %d followed by a copy-link button, %d buttons naming their article", p, r.Labels, r.Buttons, r.Named)
			}
		}
	}
}

// TestMourning builds a copy of the portal with a mourning period that
// covers the build date: the .page wrapper is grey, <html> is not (a
// filter on html would break position: fixed and the toolbar).
func TestMourning(t *testing.T) {
	s := portal(t)
	site := t.TempDir()
	for _, dir := range []string{"content", "data"} {
		if err := os.CopyFS(filepath.Join(site, dir), os.DirFS(filepath.Join(s.root, dir))); err != nil {
			t.Fatal(err)
		}
	}
	toml, err := os.ReadFile(filepath.Join(s.root, "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	toml = append(toml, "\n[[mourning]]\nfrom = 2026-11-26\nto = 2026-11-28\nbanner = \"沉痛悼念\"\n"...)
	if err := os.WriteFile(filepath.Join(site, "site.toml"), toml, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	tools := &Tools{Sass: s.tools.Sass} // no search index needed here
	if _, err := tools.Build(context.Background(), os.DirFS(site), out); err != nil {
		t.Fatalf("build with mourning: %v", err)
	}
	srv, err := Serve(out)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	ctx := s.tab(t, 1280)
	for _, p := range []string{"/", pathPolicy} {
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+p)); err != nil {
			t.Fatal(err)
		}
		type res struct {
			Page, HTML, Body, Banner string
			Mourning                 bool
		}
		r := eval[res](t, ctx, `(() => {
			const pg = document.querySelector(".page"), b = document.querySelector(".mourning-banner");
			return {Page: pg ? getComputedStyle(pg).filter : "", Mourning: !!pg && pg.classList.contains("mourning"),
				HTML: getComputedStyle(document.documentElement).filter, Body: getComputedStyle(document.body).filter,
				Banner: b ? b.textContent : ""};
		})()`)
		if !r.Mourning || !strings.Contains(r.Page, "grayscale") {
			t.Errorf("%s: .page wrapper class mourning %v, filter %q; want grayscale", p, r.Mourning, r.Page)
		}
		if r.HTML != "none" || r.Body != "none" {
			t.Errorf("%s: filter on html %q, body %q; want none", p, r.HTML, r.Body)
		}
		if r.Banner != "沉痛悼念" {
			t.Errorf("%s: mourning banner %q", p, r.Banner)
		}
	}
	// And the normal portal is not grey.
	s.open(t, ctx, "/")
	if f := eval[string](t, ctx, `getComputedStyle(document.querySelector(".page")).filter`); f != "none" {
		t.Errorf("portal outside the mourning period: .page filter %q", f)
	}
}

// TestNoLayoutShift loads pages cold on a phone-sized screen and expects no
// layout shift while they load (fazhi.js reveals the toolbar and the
// read-aloud buttons and adds the copy-link buttons; none may move what
// is already painted).
func TestNoLayoutShift(t *testing.T) {
	s := portal(t)
	for _, p := range []string{"/", pathPolicy, pathNotice} {
		ctx := s.tab(t, 375)
		if err := chromedp.Do(ctx, onNewDocument(`window.__shifts = [];
			new PerformanceObserver(l => { for (const e of l.getEntries()) if (!e.hadRecentInput)
				window.__shifts.push(e.value.toFixed(4) + " " + (e.sources || []).map(s => s.node && s.node.nodeType === 1 ? s.node.tagName.toLowerCase() + "." + s.node.className : "?").join(", ")); })
			.observe({type: "layout-shift", buffered: true});`)); err != nil {
			t.Fatal(err)
		}
		s.open(t, ctx, p)
		// Let a frame or two pass after load.
		shifts := eval[[]string](t, ctx, `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => r(window.__shifts), 200))))`)
		if len(shifts) > 0 {
			t.Errorf("%s at 375 px: layout shifts while loading: %s", p, strings.Join(shifts, "; "))
		}
	}
}
