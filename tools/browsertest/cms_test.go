package browsertest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/fazhi-dev/fazhi/internal/frontmatter"
	"github.com/fazhi-dev/fazhi/internal/legal"
)

// cmsServer is fazhi serve --cms, the real binary, on a copy of the
// bundled portal.
type cmsServer struct {
	bin, site, base string
	cmd             *exec.Cmd
}

// cmsNow is the fixed time of the editor tests' builds and checks.
const cmsNow = "2026-11-27T10:00:00+08:00"

func startCMSServer(t *testing.T) *cmsServer {
	t.Helper()
	if testing.Short() {
		t.Skip("the editor test needs Chromium and npm's decap-cms; skipped with -short")
	}
	root, err := RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	decap := filepath.Join(root, "node_modules", "decap-cms", "dist")
	if env := os.Getenv("FAZHI_DECAP_CMS"); env != "" {
		decap = env
	}
	if _, err := os.Stat(filepath.Join(decap, "decap-cms.js")); err != nil {
		t.Fatalf("Decap CMS is not installed (run make tools): %v", err)
	}
	tmp := t.TempDir()
	s := &cmsServer{bin: filepath.Join(tmp, "fazhi"), site: filepath.Join(tmp, "site")}
	b := exec.Command("go", "build", "-o", s.bin, "./cmd/fazhi")
	b.Dir = root
	if out, err := b.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	if err := os.CopyFS(s.site, os.DirFS(filepath.Join(root, "content"))); err != nil {
		t.Fatal(err)
	}
	os.Rename(s.site, filepath.Join(tmp, "content"))
	os.MkdirAll(s.site, 0o755)
	os.Rename(filepath.Join(tmp, "content"), filepath.Join(s.site, "content"))
	cfg, _ := os.ReadFile(filepath.Join(root, "site.toml"))
	// The builds below need no search index.
	cfg = bytes.Replace(cfg, []byte("\nsearch = true\n"), []byte("\nsearch = false\n"), 1)
	os.WriteFile(filepath.Join(s.site, "site.toml"), cfg, 0o644)
	if _, err := os.Stat(filepath.Join(root, "data")); err == nil {
		os.CopyFS(filepath.Join(s.site, "data"), os.DirFS(filepath.Join(root, "data")))
	}
	// The editor asks every page for its 网址名; the notice edited below
	// has the one its URL already has.
	n := filepath.Join(s.site, "content", "sifa", "2026-11-18-zhixing-gonggao.md")
	if b, err := os.ReadFile(n); err == nil {
		os.WriteFile(n, bytes.Replace(b, []byte("\ndate ="), []byte("\nslug = \"2026-11-18-zhixing-gonggao\"\ndate ="), 1), 0o644)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.cmd = exec.CommandContext(ctx, s.bin, "serve", "--cms", "-s", s.site, "--port", "0", "--check=false", "--now", cmsNow)
	s.cmd.Env = append(os.Environ(), "FAZHI_DECAP_CMS="+decap, "TZ=Asia/Shanghai")
	out, _ := s.cmd.StdoutPipe()
	s.cmd.Stderr = os.Stderr
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cancel(); s.cmd.Wait() })
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if u, ok := strings.CutPrefix(sc.Text(), "网页编辑器 "); ok {
			s.base = strings.TrimSuffix(u, "/admin/")
			break
		}
	}
	if s.base == "" {
		t.Fatal("fazhi serve --cms did not print the editor's address")
	}
	go io.Copy(io.Discard, out)
	return s
}

// run runs the fazhi binary on the site and returns its output and exit code.
func (s *cmsServer) run(args ...string) (string, int) {
	c := exec.Command(s.bin, args...)
	c.Dir = s.site
	out, _ := c.CombinedOutput()
	return string(out), c.ProcessState.ExitCode()
}

// cmsJS are the page helpers of the editor test: fields are found by
// their Chinese labels, as an author finds them, and set the way typing
// sets them (React listens for input events).
const cmsJS = `
window.fz = {
  field(label) {
    const l = [...document.querySelectorAll("label")].find(l => l.textContent.replace(/（可选）|\(可选\)/, "").trim() === label);
    return l && document.getElementById(l.htmlFor);
  },
  set(label, value) {
    const el = fz.field(label);
    if (!el) throw new Error("no field " + label);
    const proto = el.tagName === "TEXTAREA" ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, "value").set.call(el, value);
    el.dispatchEvent(new Event("input", {bubbles: true}));
    el.dispatchEvent(new Event("change", {bubbles: true}));
    el.dispatchEvent(new Event("blur", {bubbles: true}));
    return true;
  },
  button(text) {
    return [...document.querySelectorAll("button, [role=menuitem], [role=button]")].find(b => b.textContent.trim() === text);
  },
  text() { return document.body.innerText; },
};
`

// cmsWait polls a JavaScript condition for up to a minute (the editor
// loads 5 MB of script on a busy machine).
func cmsWait(t *testing.T, ctx context.Context, expr, what string) {
	t.Helper()
	pctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if _, err := chromedp.Run(pctx, chromedp.Poll[bool](expr, chromedp.WithPollingInterval(200*time.Millisecond))); err != nil {
		body, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText.slice(0, 300) + "\\n--frames--\\n" + [...document.querySelectorAll("iframe")].map(f => { try { const d = f.contentDocument; return f.className + ": " + (d ? d.body.innerHTML.slice(0, 300) + " || " + [...d.querySelectorAll("iframe")].map(i => i.className + " " + (i.contentDocument ? [i.contentDocument.body.innerText.includes("009990011/2026-00099"), i.contentDocument.body.innerText.includes("某府令〔2026〕30号"), i.contentDocument.body.innerText.includes("还不能发布"), !!i.contentDocument.getElementById("art-1"), i.contentDocument.querySelector("main") ? i.contentDocument.querySelector("main").innerText.slice(0, 600) : ""].join(" ") : "no doc")).join(";") : "no doc") } catch (e) { return String(e) } }).join("\\n")`))
		t.Fatalf("waiting for %s: %v\npage text:\n%s", what, err, body)
	}
}

func cmsDo(t *testing.T, ctx context.Context, js string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cmsJS+";"+js+";true")); err != nil {
		t.Fatalf("%s: %v", js, err)
	}
}

// cmsPublish presses 发布 → 立即发布, accepting the confirmation.
func cmsPublish(t *testing.T, ctx context.Context) {
	t.Helper()
	cmsDo(t, ctx, `window.confirm = () => true; fz.button("发布").click()`)
	cmsWait(t, ctx, `!!fz.button("立即发布")`, "the 立即发布 menu item")
	cmsDo(t, ctx, `fz.button("立即发布").click()`)
}

// cmsType inserts text at the focus, as an input method does.
func cmsType(text string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, input.InsertText, input.InsertTextParams{Text: text})
		return err
	})
}

func cmsShot(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestCMSEditor drives the web editor of fazhi serve --cms in Chromium at
// 1280 px: it creates a 政策文件 through the form, where a wrong 发文字号 is
// refused with check's hint, and checks that the file written under
// content/zhengce/ parses, builds and passes fazhi check; then it changes
// one field of an existing notice and checks that the rebuilt page
// differs in that field only.
func TestCMSEditor(t *testing.T) {
	s := startCMSServer(t)
	dir := artifacts(t)
	profile := filepath.Join(t.TempDir(), "profile")
	bctx, stop, err := NewBrowser(context.Background(), profile)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	ctx, cancel := context.WithTimeout(bctx, 5*time.Minute)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(s.base+"/admin/")); err != nil {
		t.Fatal(err)
	}
	// The local backend's login page has one button, 登录.
	cmsDo(t, ctx, "")
	cmsWait(t, ctx, `!!fz.button("登录")`, "the login button")
	cmsDo(t, ctx, `fz.button("登录").click()`)
	cmsWait(t, ctx, `document.body.innerText.includes("政策文件")`, "the collections")

	// A new 政策文件.
	if err := chromedp.Do(ctx, chromedp.Navigate(s.base+"/admin/#/collections/zhengce/new")); err != nil {
		t.Fatal(err)
	}
	cmsWait(t, ctx, `!!fz.field("标题")`, "the form")
	wrong, right := "某府令[2026]30号", "某府令〔2026〕30号"
	cmsDo(t, ctx, `fz.set("标题", "某市编辑器测试管理办法"); fz.set("网址名", "bianjiqi-ceshi");
		fz.set("发布时间", "2026-11-20T09:00"); fz.set("索引号", "009990011/2026-00099");
		fz.set("发文机关", "某市人民政府"); fz.set("发文字号", "`+wrong+`");
		fz.set("成文日期", "2026-11-18"); fz.set("施行日期", "2026-12-01")`)
	// 体裁 is a select (react-select): typed and chosen with Enter.
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](cmsJS+`;fz.field("体裁").focus()`)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, cmsType("政府规章")); err != nil {
		t.Fatal(err)
	}
	cmsWait(t, ctx, `[...document.querySelectorAll("[id*=option]")].some(o => o.textContent === "政府规章")`, "the 体裁 option")
	if err := chromedp.Do(ctx, chromedp.KeyEvent("\r")); err != nil {
		t.Fatal(err)
	}
	// The body, in the raw Markdown editor.
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](cmsJS+`;(document.querySelector("[data-slate-editor]") || fz.field("正文")).focus()`)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, cmsType("第一条　为了检验网页编辑器，制定本办法。")); err != nil {
		t.Fatal(err)
	}
	cmsPublish(t, ctx)
	hint := legal.DocNumberPattern.Hint
	cmsWait(t, ctx, `document.body.innerText.includes(`+jsString(hint)+`)`, "the 发文字号 hint")
	if m, _ := filepath.Glob(filepath.Join(s.site, "content", "zhengce", "*bianjiqi-ceshi*")); len(m) > 0 {
		t.Fatalf("the form saved a wrong 发文字号: %v", m)
	}
	cmsDo(t, ctx, `fz.field("发文字号").scrollIntoView({block: "center"})`)
	cmsShot(t, ctx, dir, "cms-editor-error-1280.png")
	cmsDo(t, ctx, `fz.set("发文字号", "`+right+`")`)
	cmsWait(t, ctx, `!document.body.innerText.includes(`+jsString(hint)+`)`, "the hint to go")
	// The preview is fazhi's page: the metadata table with the number.
	// The preview is fazhi's page: the metadata table with the 索引号 and
	// 发文字号, the validity, and the article's anchor.
	cmsWait(t, ctx, `[...document.querySelectorAll("iframe")].some(f => { try { const i = f.contentDocument && f.contentDocument.querySelector("iframe.fazhi-preview"); const d = i && i.contentDocument; return !!d && d.body.textContent.includes("009990011/2026-00099") && d.body.textContent.includes("`+right+`") && d.body.textContent.includes("尚未施行") && !d.body.textContent.includes("还不能发布") && !!d.getElementById("art-1") } catch (e) { return false } })`, "the preview of the policy")
	cmsDo(t, ctx, `fz.field("发文字号").scrollIntoView({block: "center"})`)
	cmsShot(t, ctx, dir, "cms-editor-preview-1280.png")
	cmsPublish(t, ctx)
	var file string
	for i := 0; i < 600 && file == ""; i++ {
		if m, _ := filepath.Glob(filepath.Join(s.site, "content", "zhengce", "*bianjiqi-ceshi*", "index.md")); len(m) == 1 {
			file = m[0]
		} else {
			time.Sleep(100 * time.Millisecond)
		}
	}
	if file == "" {
		body, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`[...document.querySelectorAll("ul li")].map(l => l.innerText).filter(x => x.includes("”")).join("\\n")`))
		toast, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector(".Toastify") ? document.querySelector(".Toastify").innerText : ""`))
		ents, _ := os.ReadDir(filepath.Join(s.site, "content", "zhengce"))
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		cmsShot(t, ctx, dir, "cms-failed.png")
		if m, _ := filepath.Glob(filepath.Join(s.site, "content", "zhengce", "2026-11-20-*", "index.md")); len(m) > 0 {
			b, _ := os.ReadFile(m[0])
			t.Logf("%s:\n%s", m[0], b)
		}
		t.Fatalf("no entry written under content/zhengce/ (it holds %v); the form says:\n%s\n%s", names, body, toast)
	}
	if got := filepath.Base(filepath.Dir(file)); got != "2026-11-20-bianjiqi-ceshi" {
		t.Errorf("entry folder %s; want 2026-11-20-bianjiqi-ceshi", got)
	}
	raw, _ := os.ReadFile(file)
	t.Logf("written:\n%s", raw)
	fm, _, line, _, err := frontmatter.Split("index.md", raw)
	if err != nil {
		t.Fatalf("the written file does not split: %v\n%s", err, raw)
	}
	m, err := frontmatter.Decode("index.md", fm, line, time.FixedZone("CST", 8*3600))
	if err != nil {
		t.Fatalf("the written front matter does not parse: %v\n%s", err, raw)
	}
	if m.Title != "某市编辑器测试管理办法" || m.Policy == nil || m.Policy.DocNumber != right || m.Policy.Genre != "政府规章" ||
		m.Date.Format("2006-01-02 15:04") != "2026-11-20 09:00" || m.Slug != "bianjiqi-ceshi" {
		t.Errorf("written front matter: %+v %+v", m, m.Policy)
	}
	out := filepath.Join(t.TempDir(), "public")
	if msg, code := s.run("build", "-d", out, "--now", cmsNow); code != 0 {
		t.Fatalf("fazhi build: %d\n%s", code, msg)
	}
	page, err := os.ReadFile(filepath.Join(out, "zhengce", "bianjiqi-ceshi", "index.html"))
	if err != nil || !strings.Contains(string(page), right) || !strings.Contains(string(page), "为了检验网页编辑器") {
		t.Errorf("built page: %v", err)
	}
	if msg, code := s.run("check", "--now", cmsNow); code != 0 {
		t.Errorf("fazhi check: exit %d\n%s", code, msg)
	}

	// An existing notice: one field changed.
	const notice = "2026-11-18-zhixing-gonggao"
	before := filepath.Join(t.TempDir(), "before")
	if msg, code := s.run("build", "-d", before, "--now", cmsNow); code != 0 {
		t.Fatalf("fazhi build: %d\n%s", code, msg)
	}
	src := filepath.Join(s.site, "content", "sifa", notice+".md")
	old, _ := os.ReadFile(src)
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank"), chromedp.Navigate(s.base+"/admin/#/collections/sifa/entries/"+notice)); err != nil {
		t.Fatal(err)
	}
	cmsDo(t, ctx, "")
	cmsWait(t, ctx, `!!fz.button("登录") || !!fz.field("案由")`, "the editor")
	cmsDo(t, ctx, `fz.button("登录") && fz.button("登录").click()`)
	cmsWait(t, ctx, `fz.field("案由") && fz.field("案由").value === "租赁合同纠纷"`, "the notice's form")
	cmsDo(t, ctx, `fz.set("案由", "房屋租赁合同纠纷")`)
	cmsShot(t, ctx, dir, "cms-notice-1280.png")
	cmsPublish(t, ctx)
	for i := 0; i < 600; i++ {
		if b, _ := os.ReadFile(src); !bytes.Equal(b, old) {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	now, _ := os.ReadFile(src)
	t.Logf("notice after the edit:\n%s", now)
	after := filepath.Join(t.TempDir(), "after")
	if msg, code := s.run("build", "-d", after, "--now", cmsNow); code != 0 {
		t.Fatalf("fazhi build after the edit: %d\n%s", code, msg)
	}
	a, _ := os.ReadFile(filepath.Join(before, "sifa", notice, "index.html"))
	b, _ := os.ReadFile(filepath.Join(after, "sifa", notice, "index.html"))
	if !bytes.Contains(b, []byte("房屋租赁合同纠纷")) {
		t.Fatal("the rebuilt notice does not show the new 案由")
	}
	if got := bytes.ReplaceAll(b, []byte("房屋租赁合同纠纷"), []byte("租赁合同纠纷")); !bytes.Equal(got, a) {
		t.Errorf("the rebuilt notice differs in more than the 案由:\nbefore: %s\nafter:  %s", firstDiff(a, got), firstDiff(got, a))
	}
	t.Logf("screenshots in %s", dir)
}

// firstDiff returns a's text around its first byte that differs from b.
func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo, hi := max(0, i-80), min(len(a), i+120)
	return string(a[lo:hi])
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
