package serve_test

import (
	"bufio"
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi"
	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/check"
	"github.com/fazhi-dev/fazhi/internal/fazhitest"
	"github.com/fazhi-dev/fazhi/internal/publish"
	"github.com/fazhi-dev/fazhi/internal/scss"
	"github.com/fazhi-dev/fazhi/internal/serve"
)

// checkSite passes every check at fazhitest.Now.
const checkSite = `
-- site.toml --
title = "某市司法局"
[check]
identity = "off"
holidays = "off"
column-stale = "off"
-- layouts/_default/page.html --
<html><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>
-- layouts/_default/section.html --
<html><body>{{ range .Pages }}<li>{{ .Title }}</li>{{ end }}</body></html>
-- layouts/_default/home.html --
<html><body>home</body></html>
-- layouts/_default/404.html --
<html><body>找不到页面</body></html>
-- content/gongzuo/_index.md --
+++
title = "工作动态"
+++
-- content/gongzuo/a.md --
+++
title = "甲"
date = 2026-11-20
+++
第一版。
`

// checkHarness is a server with checks enabled, driven without a file
// watcher: the test edits, rebuilds and waits for the check itself, so
// every step is ordered.
type checkHarness struct {
	t       *testing.T
	dir     string
	session *build.Session
	srv     *serve.Server
	ts      *httptest.Server
	term    bytes.Buffer
}

func startCheck(t *testing.T) *checkHarness {
	t.Helper()
	h := &checkHarness{t: t, dir: t.TempDir()}
	writeSite(t, h.dir, checkSite)
	h.session = build.NewSession(build.Options{Source: os.DirFS(h.dir), Now: fazhitest.Now, Workers: 2})
	if _, err := h.session.Build(context.Background()); err != nil {
		t.Fatal(err)
	}
	h.srv = serve.New(h.session, nil)
	h.ts = httptest.NewServer(h.srv)
	t.Cleanup(func() { h.srv.StopCheck(); h.ts.Close() })
	h.srv.EnableCheck(check.Options{Source: os.DirFS(h.dir), Now: fazhitest.Now}, &h.term)
	h.srv.WaitCheck()
	return h
}

// edit writes a file, rebuilds as the watcher would, and waits for the
// check that follows.
func (h *checkHarness) edit(rel, content string) {
	h.t.Helper()
	p := filepath.Join(h.dir, filepath.FromSlash(rel))
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		h.t.Fatal(err)
	}
	h.srv.StopCheck()
	u, err := h.session.Rebuild(context.Background(), []string{rel})
	if err != nil {
		h.t.Fatal(err)
	}
	h.srv.Rebuilt(u, err)
	h.srv.WaitCheck()
}

func (h *checkHarness) get(p string) string {
	h.t.Helper()
	resp, err := http.Get(h.ts.URL + p)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	b.ReadFrom(resp.Body)
	return b.String()
}

// terminal returns what was printed since the last call.
func (h *checkHarness) terminal() string {
	s := h.term.String()
	h.term.Reset()
	return s
}

func TestCheckPanelAndTerminal(t *testing.T) {
	h := startCheck(t)
	if got, want := h.terminal(), "发布前检查：0 个错误，0 个提醒\n"; got != want {
		t.Errorf("terminal after the first check = %q", got)
	}
	body := h.get("/gongzuo/a/")
	for _, want := range []string{
		`<link rel="stylesheet" href="/__fazhi/panel.css"><aside id="fazhi-check" class="fazhi-check" aria-label="发布前检查" data-gen="1">`,
		"<details>\n<summary>发布前检查：0 个错误，0 个提醒</summary>",
		"<p>没有发现错误或提醒。</p>\n</div>\n</details>\n</aside><script src=\"/__fazhi/reload.js\"></script></body>",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("clean page lacks %q:\n%s", want, body)
		}
	}

	// An edit that breaks a link: the panel and the terminal name it.
	h.edit("content/gongzuo/a.md", "+++\ntitle = \"甲\"\ndate = 2026-11-20\n+++\n第二版。\n\n见[通知](/gongzuo/nowhere/)。\n")
	line := "content/gongzuo/a.md:7:2: error: 链接「/gongzuo/nowhere/」指向的页面或文件不存在：请检查网址拼写；站内页面写成 /栏目文件夹/文件名/，如 /zhengce/2024-banfa/ (broken link) [link-broken]"
	if got, want := h.terminal(), line+"\n发布前检查：1 个错误，0 个提醒\n"; got != want {
		t.Errorf("terminal after the broken link =\n%s\nwant\n%s", got, want)
	}
	body = h.get("/gongzuo/a/")
	for _, want := range []string{
		`<aside id="fazhi-check" class="fazhi-check fazhi-check-failed" aria-label="发布前检查" data-gen="2">`,
		"<summary>发布前检查：1 个错误，0 个提醒</summary>",
		"<p class=\"fazhi-check-group\">错误</p>\n<ul>\n" +
			`<li class="fazhi-check-error"><span class="fazhi-check-level">错误</span> <code>content/gongzuo/a.md:7</code> ` +
			"链接「/gongzuo/nowhere/」指向的页面或文件不存在：请检查网址拼写；站内页面写成 /栏目文件夹/文件名/，如 /zhengce/2024-banfa/ (broken link) " +
			`<span class="fazhi-check-rule">[链接不可用 link-broken]</span> <a href="/gongzuo/a/">打开页面 /gongzuo/a/</a></li>` + "\n</ul>",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q:\n%s", want, body)
		}
	}
	// Every page carries the panel, not only the page concerned.
	if home := h.get("/"); !strings.Contains(home, "<summary>发布前检查：1 个错误，0 个提醒</summary>") {
		t.Errorf("home page lacks the panel:\n%s", home)
	}
	// The fragment the reload script fetches is the same panel.
	if frag := h.get(serve.Prefix + "panel"); !strings.Contains(frag, "content/gongzuo/a.md:7") || strings.Contains(frag, "<script") {
		t.Errorf("panel fragment = %s", frag)
	}

	// An edit elsewhere in the page moves the finding: nothing new is
	// printed, only the counts.
	h.edit("content/gongzuo/a.md", "+++\ntitle = \"甲\"\ndate = 2026-11-20\n+++\n第三版。\n\n\n见[通知](/gongzuo/nowhere/)。\n")
	if got, want := h.terminal(), "发布前检查：1 个错误，0 个提醒\n"; got != want {
		t.Errorf("terminal after a moved finding = %q, want %q", got, want)
	}
	if body := h.get("/gongzuo/a/"); !strings.Contains(body, "<code>content/gongzuo/a.md:8</code>") {
		t.Errorf("panel does not show the finding's new line:\n%s", body)
	}

	// Fixing it removes it from the panel and says so in the terminal.
	h.edit("content/gongzuo/a.md", "+++\ntitle = \"甲\"\ndate = 2026-11-20\n+++\n第四版。\n")
	if got, want := h.terminal(), "已改正 (fixed): "+strings.Replace(line, ":7:2:", ":8:2:", 1)+"\n发布前检查：0 个错误，0 个提醒\n"; got != want {
		t.Errorf("terminal after the fix =\n%s\nwant\n%s", got, want)
	}
	body = h.get("/gongzuo/a/")
	if strings.Contains(body, "nowhere") || strings.Contains(body, "fazhi-check-failed") || !strings.Contains(body, "<summary>发布前检查：0 个错误，0 个提醒</summary>") {
		t.Errorf("fixed finding still shown:\n%s", body)
	}
}

// TestCheckEvent: a browser is told when a check has finished, and one
// that connects later is told at once, so that a page served before the
// check ended fetches the newer panel.
func TestCheckEvent(t *testing.T) {
	h := startCheck(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", h.ts.URL+serve.Prefix+"events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	next := func() string {
		name := ""
		for sc.Scan() {
			if n, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				name = n
			}
			if d, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				return name + " " + d
			}
		}
		t.Fatal("event stream ended")
		return ""
	}
	if ev := next(); ev != "hello 0" {
		t.Errorf("first event = %q", ev)
	}
	if ev := next(); ev != "check 1" {
		t.Errorf("event after connecting = %q, want the finished check", ev)
	}
	h.edit("content/gongzuo/a.md", "+++\ntitle = \"甲\"\ndate = 2026-11-20\n+++\n见[通知](/x/)。\n")
	if ev := next(); ev != "reload 1" {
		t.Errorf("event after the edit = %q, want the reload first", ev)
	}
	if ev := next(); ev != "check 2" {
		t.Errorf("event after the reload = %q, want the check", ev)
	}
	js := h.get(serve.Prefix + "reload.js")
	if !strings.Contains(js, `addEventListener("check"`) || !strings.Contains(js, `fetch("/__fazhi/panel"`) {
		t.Errorf("reload script does not update the panel:\n%s", js)
	}
	css := h.get(serve.Prefix + "panel.css")
	if !strings.Contains(css, ".fazhi-check{") || !strings.Contains(css, "@media print{.fazhi-check{display:none}}") {
		t.Errorf("panel.css = %s", css)
	}
}

// TestStopCheckCancels: a rebuild cancels the running check, and a
// cancelled check publishes nothing.
func TestStopCheckCancels(t *testing.T) {
	h := startCheck(t)
	h.terminal()
	for i := 0; i < 5; i++ {
		h.srv.Rebuilt(&build.Update{}, nil) // starts a check, cancelling the last
	}
	h.srv.StopCheck()
	h.srv.WaitCheck()
	// Each check either finished before the next started (and printed
	// the counts) or was cancelled (and printed nothing); the panel is
	// never left saying it is checking.
	for _, l := range strings.Split(strings.TrimSuffix(h.terminal(), "\n"), "\n") {
		if l != "" && l != "发布前检查：0 个错误，0 个提醒" {
			t.Errorf("terminal line %q", l)
		}
	}
	if body := h.get("/gongzuo/a/"); strings.Contains(body, "正在重新检查") || !strings.Contains(body, "<summary>发布前检查：0 个错误，0 个提醒</summary>") {
		t.Errorf("panel after stopping:\n%s", body)
	}
}

// TestBuildOutputHasNoPanel: the panel, its stylesheet and the reload
// script are the server's; `fazhi build` never writes them, with the
// default theme and with the site's own layouts.
func TestBuildOutputHasNoPanel(t *testing.T) {
	for _, theme := range []bool{false, true} {
		o := build.Options{Source: fazhitest.Parse(checkSite), Now: fazhitest.Now, Sass: scss.Fake{}}
		if theme {
			o.Source = fazhitest.Parse(strings.Split(checkSite, "-- layouts/")[0] + "-- content/gongzuo/_index.md --\n+++\ntitle = \"工作动态\"\n+++\n-- content/gongzuo/a.md --\n+++\ntitle = \"甲\"\ndate = 2026-11-20\n+++\n见[通知](/x/)。\n")
			o.Theme = fazhi.Theme
		}
		mem := publish.NewMem(nil)
		o.Out = mem
		if _, err := build.Build(context.Background(), o); err != nil {
			t.Fatal(err)
		}
		files := mem.Files()
		if len(files) < 5 {
			t.Fatalf("build wrote %d files", len(files))
		}
		for name, data := range files {
			for _, bad := range []string{"fazhi-check", serve.Prefix, "发布前检查"} {
				if bytes.Contains(data, []byte(bad)) {
					t.Errorf("theme=%v: %s contains %q", theme, name, bad)
				}
			}
		}
	}
}
