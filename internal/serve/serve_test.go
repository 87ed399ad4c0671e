package serve_test

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/fazhitest"
	"github.com/fazhi-dev/fazhi/internal/serve"
)

const site = `
-- site.toml --
title = "网"
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
date = 2026-11-01
+++
第一版。
`

type harness struct {
	t      *testing.T
	dir    string
	url    string
	events chan string
	srv    *serve.Server
}

func writeSite(t testing.TB, dir, txt string) {
	for name, f := range fazhitest.Parse(txt) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func start(t *testing.T) *harness {
	t.Helper()
	dir := t.TempDir()
	writeSite(t, dir, site)
	session := build.NewSession(build.Options{Source: os.DirFS(dir), Now: fazhitest.Now, Workers: 2})
	if _, err := session.Build(context.Background()); err != nil {
		t.Fatal(err)
	}
	srv := serve.New(session, nil)
	ts := httptest.NewServer(srv)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(func() { cancel(); ts.Close() })
	ready := make(chan struct{})
	go func() {
		close(ready)
		serve.Watch(ctx, dir, 20*time.Millisecond, func(changed []string) {
			u, err := session.Rebuild(ctx, changed)
			srv.Rebuilt(u, err)
		}, nil)
	}()
	<-ready
	h := &harness{t: t, dir: dir, url: ts.URL, events: make(chan string, 64), srv: srv}
	req, _ := http.NewRequestWithContext(ctx, "GET", ts.URL+serve.Prefix+"events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		name := ""
		for sc.Scan() {
			line := sc.Text()
			if n, ok := strings.CutPrefix(line, "event: "); ok {
				name = n
			}
			if d, ok := strings.CutPrefix(line, "data: "); ok {
				h.events <- name + " " + d
			}
		}
	}()
	h.wait("hello")
	time.Sleep(50 * time.Millisecond) // let the watcher settle
	return h
}

// reloadUntil waits for reload events until the page at p contains want
// and returns it. One change can reach the watcher as several events
// (delete, then create; a temporary file, then a rename), each of which
// may get its own rebuild and reload: after the last change a reload
// always follows a rebuild that saw it, so waiting for reloads until the
// page shows it holds in every interleaving. Earlier steps may leave
// reloads queued; they only cost a look.
func (h *harness) reloadUntil(p, want string) string {
	h.t.Helper()
	body := ""
	for range 20 {
		h.wait("reload")
		if _, body = h.get(p); strings.Contains(body, want) {
			return body
		}
	}
	h.t.Fatalf("%s never showed %q after 20 reloads: %s", p, want, body)
	return ""
}

// wait returns the next event whose name is name.
func (h *harness) wait(name string) string {
	h.t.Helper()
	timeout := time.After(5 * time.Second)
	for {
		select {
		case ev := <-h.events:
			if strings.HasPrefix(ev, name+" ") {
				return ev
			}
		case <-timeout:
			h.t.Fatalf("no %q event within 5s", name)
		}
	}
}

func (h *harness) get(p string) (int, string) {
	h.t.Helper()
	resp, err := http.Get(h.url + p)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func (h *harness) write(rel, content string) {
	h.t.Helper()
	p := filepath.Join(h.dir, filepath.FromSlash(rel))
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		h.t.Fatal(err)
	}
}

func page(title, body string) string {
	return "+++\ntitle = \"" + title + "\"\ndate = 2026-11-02\n+++\n" + body + "\n"
}

func TestSavePatterns(t *testing.T) {
	h := start(t)
	// Write in place.
	h.write("content/gongzuo/a.md", page("甲", "第二版。"))
	if body := h.reloadUntil("/gongzuo/a/", "第二版。"); !strings.Contains(body, serve.Prefix+"reload.js") {
		t.Fatalf("in-place write not served: %s", body)
	}
	// Write a temporary file, then rename it over the page.
	h.write("content/gongzuo/.a.md.swp", page("甲", "临时"))
	tmp := filepath.Join(h.dir, "content/gongzuo/a.md.tmp")
	os.WriteFile(tmp, []byte(page("甲", "第三版。")), 0o644)
	os.Rename(tmp, filepath.Join(h.dir, "content/gongzuo/a.md"))
	h.reloadUntil("/gongzuo/a/", "第三版。")
	// Delete, then create again: the watcher may rebuild between the two
	// (the page is gone for one reload), but a later reload serves it.
	os.Remove(filepath.Join(h.dir, "content/gongzuo/a.md"))
	h.write("content/gongzuo/a.md", page("甲", "第四版。"))
	h.reloadUntil("/gongzuo/a/", "第四版。")
	// A new folder with a page in it.
	h.write("content/gongzuo/2026/b.md", page("乙", "新文件夹中的页面。"))
	h.reloadUntil("/gongzuo/2026/b/", "新文件夹中的页面。")
	if _, body := h.get("/gongzuo/"); !strings.Contains(body, "<li>乙</li>") {
		t.Fatalf("column list not updated: %s", body)
	}
	// A deleted file's page disappears.
	os.Remove(filepath.Join(h.dir, "content/gongzuo/2026/b.md"))
	h.reloadUntil("/gongzuo/2026/b/", "找不到页面")
	if code, body := h.get("/gongzuo/2026/b/"); code != 404 {
		t.Fatalf("deleted page: %d %s", code, body)
	}
}

func TestBurstOfSavesIsDebounced(t *testing.T) {
	h := start(t)
	const saves = 10
	for i := 0; i < saves; i++ {
		h.write("content/gongzuo/a.md", page("甲", strings.Repeat("改", i+1)))
	}
	// Saves that come together are rebuilt together. How many reloads a
	// burst gives depends on the machine's scheduling (a busy CI machine may
	// pause the writer longer than the quiet period), so the test waits
	// until the last save is served and asserts only what holds in every
	// interleaving: fewer reloads than saves, and the last save served.
	reloads := 0
	for {
		h.wait("reload")
		reloads++
		if _, body := h.get("/gongzuo/a/"); strings.Contains(body, strings.Repeat("改", saves)) {
			break
		}
		if reloads >= saves {
			t.Fatalf("%d reloads and the last save is still not served", reloads)
		}
	}
	if reloads >= saves {
		t.Errorf("a burst of %d saves gave %d reloads, want fewer", saves, reloads)
	}
}

func TestErrorOverlay(t *testing.T) {
	h := start(t)
	h.write("content/gongzuo/a.md", "+++\ntitle = \"甲\ndate = 2026-11-02\n+++\n坏了\n")
	ev := h.wait("problem")
	if !strings.Contains(ev, `"file":"content/gongzuo/a.md","line":2`) || !strings.Contains(ev, "TOML") {
		t.Errorf("problem event = %s", ev)
	}
	if _, body := h.get("/gongzuo/a/"); !strings.Contains(body, "第一版。") {
		t.Errorf("last good page not served: %s", body)
	}
	// A browser that connects now is told about the problem at once.
	_, js := h.get(serve.Prefix + "reload.js")
	if !strings.Contains(js, "构建出错") || !strings.Contains(js, "fazhi-error-overlay") {
		t.Errorf("reload script lacks the overlay: %s", js)
	}
	h.write("content/gongzuo/a.md", page("甲", "修好了。"))
	h.wait("reload")
	if _, body := h.get("/gongzuo/a/"); !strings.Contains(body, "修好了。") {
		t.Errorf("fixed page not served: %s", body)
	}
}

func TestNeverServesOutsideTheSite(t *testing.T) {
	h := start(t)
	os.WriteFile(filepath.Join(h.dir, "secret.txt"), []byte("secret"), 0o644)
	os.Symlink("/etc/passwd", filepath.Join(h.dir, "content", "passwd"))
	for _, p := range []string{"/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/site.toml", "/content/gongzuo/a.md", "/passwd", "/%2e%2e%2f%2e%2e%2fetc/passwd", "/gongzuo/..\\..\\secret.txt"} {
		code, body := h.get(p)
		if code != 404 || strings.Contains(body, "secret") || strings.Contains(body, "root:") {
			t.Errorf("GET %s = %d %q", p, code, body)
		}
	}
	if code, _ := h.get("/gongzuo/a/"); code != 200 {
		t.Errorf("page: %d", code)
	}
	if code, _ := h.get("/gongzuo/a"); code != 200 {
		t.Errorf("page without slash: %d", code)
	}
}
