package serve_test

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fazhi-dev/fazhi"
	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/fazhitest"
	"github.com/fazhi-dev/fazhi/internal/serve"
	"github.com/fazhi-dev/fazhi/internal/source"
)

const cmsSite = `
-- site.toml --
title = "某市法治政府网"
[cms]
enable = true
-- content/zhengce/_index.md --
+++
title = "政策文件"
kind = "policy"
columnType = "政策文件"
+++
-- content/zhengce/a.md --
+++
title = "某市甲办法"
date = 2026-03-01
[policy]
indexNumber = "009990011/2026-00017"
issuer = "某市人民政府"
docNumber = "某府令〔2026〕27号"
+++
第一条　为了规范甲。
`

type cmsHarness struct {
	t   *testing.T
	dir string
	url string
}

func startCMS(t *testing.T) *cmsHarness {
	t.Helper()
	dir := t.TempDir()
	writeSite(t, dir, cmsSite)
	decap := t.TempDir()
	os.WriteFile(filepath.Join(decap, "decap-cms.js"), []byte("// decap"), 0o644)
	o := build.Options{Source: source.NewDir(dir), Theme: fazhi.Theme, ThemeCSS: fazhi.ThemeCSS, Now: fazhitest.Now, Workers: 2}
	session := build.NewSession(o)
	if _, err := session.Build(context.Background()); err != nil {
		t.Fatal(err)
	}
	srv := serve.New(session, nil)
	ts := httptest.NewServer(srv.WithCMS(&serve.CMS{Site: dir, Decap: decap, Build: o}))
	t.Cleanup(ts.Close)
	return &cmsHarness{t: t, dir: dir, url: ts.URL}
}

// post sends a JSON request from the editor's own page (origin is the
// Origin header; "" sends none).
func (h *cmsHarness) post(p, origin string, body any) (int, string) {
	h.t.Helper()
	b, _ := json.Marshal(body)
	req, _ := http.NewRequest("POST", h.url+p, strings.NewReader(string(b)))
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(out)
}

func (h *cmsHarness) api(action string, params any) (int, string) {
	return h.post("/admin/api/v1", h.url, map[string]any{"action": action, "params": params})
}

func (h *cmsHarness) get(p string) (int, string) {
	h.t.Helper()
	resp, err := http.Get(h.url + p)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestCMSServesEditor(t *testing.T) {
	h := startCMS(t)
	if code, body := h.get("/admin/"); code != 200 || !strings.Contains(body, `data-fazhi-preview="server"`) || !strings.Contains(body, `noindex`) {
		t.Errorf("/admin/: %d %s", code, body)
	}
	if code, body := h.get("/admin/config.yml"); code != 200 || !strings.Contains(body, `"proxy_url": "/admin/api/v1"`) || !strings.Contains(body, `"folder": "content/zhengce"`) {
		t.Errorf("/admin/config.yml: %d %.200s", code, body)
	}
	if code, body := h.get("/admin/decap-cms/decap-cms.js"); code != 200 || body != "// decap" {
		t.Errorf("decap-cms.js: %d %q", code, body)
	}
	for _, p := range []string{"/admin/decap-cms/../site.toml", "/admin/decap-cms/x.map", "/admin/decap-cms/%2e%2e%2fsite.toml"} {
		if code, _ := h.get(p); code != 404 {
			t.Errorf("%s: %d; want 404", p, code)
		}
	}
	if code, _ := h.get("/zhengce/a/"); code != 200 {
		t.Errorf("the site is not served beside the editor: %d", code)
	}
}

// TestCMSRefusesOtherOrigins: the API writes files, so a page of another
// site (or a request without Origin, or not JSON) cannot use it.
func TestCMSRefusesOtherOrigins(t *testing.T) {
	h := startCMS(t)
	body := map[string]any{"action": "info", "params": map[string]any{}}
	for _, origin := range []string{"", "http://evil.example", "null"} {
		if code, _ := h.post("/admin/api/v1", origin, body); code != http.StatusForbidden {
			t.Errorf("origin %q: %d; want 403", origin, code)
		}
	}
	req, _ := http.NewRequest("POST", h.url+"/admin/api/v1", strings.NewReader(`{"action":"info"}`))
	req.Header.Set("Origin", h.url)
	req.Header.Set("Content-Type", "text/plain")
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusForbidden {
		t.Errorf("text/plain: %v %v; want 403", resp.StatusCode, err)
	}
	if code, out := h.api("info", map[string]any{}); code != 200 || !strings.Contains(out, `"publish_modes":["simple"]`) {
		t.Errorf("info: %d %s", code, out)
	}
}

func TestCMSLocalBackend(t *testing.T) {
	h := startCMS(t)
	code, out := h.api("entriesByFolder", map[string]any{"folder": "content/zhengce", "extension": "md", "depth": 2})
	var entries []struct {
		Data string
		File struct{ Path, ID string }
	}
	if err := json.Unmarshal([]byte(out), &entries); code != 200 || err != nil {
		t.Fatalf("entriesByFolder: %d %s", code, out)
	}
	if len(entries) != 1 || entries[0].File.Path != "content/zhengce/a.md" || !strings.Contains(entries[0].Data, "某市甲办法") || len(entries[0].File.ID) != 64 {
		t.Errorf("entriesByFolder: %+v; want a.md only (the column's _index.md is edited as a column)", entries)
	}
	raw := "+++\ntitle = \"某市乙办法\"\n+++\n正文\n"
	code, out = h.api("persistEntry", map[string]any{
		"dataFiles": []map[string]any{{"path": "content/zhengce/2026-03-02-yi/index.md", "slug": "yi", "raw": raw}},
		"assets":    []map[string]any{{"path": "content/zhengce/2026-03-02-yi/fujian1.pdf", "content": "JVBERi0=", "encoding": "base64"}},
		"options":   map[string]any{"commitMessage": "x"},
	})
	if code != 200 {
		t.Fatalf("persistEntry: %d %s", code, out)
	}
	if b, _ := os.ReadFile(filepath.Join(h.dir, "content/zhengce/2026-03-02-yi/index.md")); string(b) != raw {
		t.Errorf("written entry %q; want %q", b, raw)
	}
	if b, _ := os.ReadFile(filepath.Join(h.dir, "content/zhengce/2026-03-02-yi/fujian1.pdf")); string(b) != "%PDF-" {
		t.Errorf("attachment %q", b)
	}
	if code, out := h.api("getEntry", map[string]any{"path": "content/zhengce/2026-03-02-yi/index.md"}); code != 200 || !strings.Contains(out, "某市乙办法") {
		t.Errorf("getEntry: %d %s", code, out)
	}

	os.Symlink(t.TempDir(), filepath.Join(h.dir, "content", "link"))
	for _, c := range []struct{ path, want string }{
		{"site.toml", "不在 content 文件夹里"},
		{"content/../site.toml", "无效"},
		{"/etc/passwd", "不在 content 文件夹里"},
		{"content/link/a.md", "符号链接"},
		{"content/zhengce/a.html", "不是 .md 文件"},
	} {
		code, out := h.api("persistEntry", map[string]any{"dataFiles": []map[string]any{{"path": c.path, "raw": "x"}}, "assets": []any{}})
		if code != 400 || !strings.Contains(out, c.want) {
			t.Errorf("persistEntry %s: %d %s; want 400 saying %s", c.path, code, out, c.want)
		}
	}
	code, out = h.api("persistMedia", map[string]any{"asset": map[string]any{"path": "content/uploads/x.html", "content": "PHNjcmlwdD4=", "encoding": "base64"}})
	if code != 400 {
		t.Errorf("persistMedia of an .html file: %d %s; want refused", code, out)
	}
	if _, err := os.Stat(filepath.Join(h.dir, "content/uploads/x.html")); err == nil {
		t.Error("the .html file was written")
	}
	if code, out := h.api("unpublishedEntries", map[string]any{}); code != 422 || !strings.Contains(out, "不支持编辑工作流") {
		t.Errorf("unpublishedEntries: %d %s", code, out)
	}
	if code, out := h.api("deleteFiles", map[string]any{"paths": []string{"content/zhengce/2026-03-02-yi/fujian1.pdf"}}); code != 200 {
		t.Errorf("deleteFiles: %d %s", code, out)
	}
	if _, err := os.Stat(filepath.Join(h.dir, "content/zhengce/2026-03-02-yi/fujian1.pdf")); err == nil {
		t.Error("deleteFiles left the file")
	}
}

// TestCMSPreview: the editor's preview is the page as fazhi renders it,
// from the fields the form holds, without writing anything; an entry
// fazhi would refuse shows fazhi's own message.
func TestCMSPreview(t *testing.T) {
	h := startCMS(t)
	data := map[string]any{
		"title": "某市丙办法", "slug": "bing", "date": "2026-03-05T09:00:00", "draft": false,
		"policy": map[string]any{"indexNumber": "009990011/2026-00018", "issuer": []string{"某市人民政府"}, "docNumber": "某府令〔2026〕28号", "effective": "2026-04-01"},
		"body":   "第一条　为了规范丙。\n",
	}
	code, out := h.post("/admin/preview", h.url, map[string]any{"path": "", "folder": "content/zhengce", "data": data})
	if code != 200 {
		t.Fatalf("preview: %d %s", code, out)
	}
	for _, want := range []string{"某市丙办法", "009990011/2026-00018", "某府令〔2026〕28号", `id="art-1"`} {
		if !strings.Contains(out, want) {
			t.Errorf("preview lacks %s", want)
		}
	}
	if _, err := os.Stat(filepath.Join(h.dir, "content/zhengce/fazhi-preview.md")); err == nil {
		t.Error("the preview wrote a file")
	}
	data["policy"].(map[string]any)["docNumber"] = "某府令[2026]28号"
	_, out = h.post("/admin/preview", h.url, map[string]any{"path": "content/zhengce/a.md", "folder": "content/zhengce", "data": data})
	if !strings.Contains(out, "这篇内容还不能发布") || !strings.Contains(out, "六角括号") {
		t.Errorf("preview of a bad 发文字号: %s", out)
	}
}

// TestCMSRefusesLinkedFile: a Markdown file or an attachment in content/
// that is itself a symbolic link (here to the site's own site.toml) is
// neither read nor shown by the editor, like a linked folder.
func TestCMSRefusesLinkedFile(t *testing.T) {
	h := startCMS(t)
	if err := os.Symlink(filepath.Join("..", "..", "site.toml"), filepath.Join(h.dir, "content", "zhengce", "leak.md")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	os.Symlink(filepath.Join("..", "..", "site.toml"), filepath.Join(h.dir, "content", "zhengce", "leak.pdf"))
	code, out := h.api("getEntry", map[string]any{"path": "content/zhengce/leak.md"})
	if strings.Contains(out, "baseURL") || strings.Contains(out, "title =") {
		t.Errorf("getEntry of a linked file: %d %s", code, out)
	}
	code, out = h.api("entriesByFiles", map[string]any{"files": []map[string]any{{"path": "content/zhengce/leak.md"}}})
	if strings.Contains(out, "baseURL") || strings.Contains(out, "title =") {
		t.Errorf("entriesByFiles of a linked file: %d %s", code, out)
	}
	code, out = h.api("getMedia", map[string]any{"mediaFolder": "content/zhengce"})
	if strings.Contains(out, "leak.pdf") {
		t.Errorf("getMedia lists a linked file: %d %s", code, out)
	}
	code, out = h.api("getMediaFile", map[string]any{"path": "content/zhengce/leak.pdf"})
	if code != 400 || !strings.Contains(out, "符号链接") {
		t.Errorf("getMediaFile of a linked file: %d %s; want 400 naming the link", code, out)
	}
}

// TestCMSSaveReloadsPreview: an entry saved through the editor's API is a
// file like any other: the watcher rebuilds, open preview pages reload and
// the new page is served.
func TestCMSSaveReloadsPreview(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, site)
	o := build.Options{Source: os.DirFS(dir), Now: fazhitest.Now, Workers: 2}
	session := build.NewSession(o)
	if _, err := session.Build(context.Background()); err != nil {
		t.Fatal(err)
	}
	srv := serve.New(session, nil)
	ts := httptest.NewServer(srv.WithCMS(&serve.CMS{Site: dir, Decap: t.TempDir(), Build: o}))
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(func() { cancel(); ts.Close() })
	go serve.Watch(ctx, dir, 20*time.Millisecond, func(changed []string) {
		u, err := session.Rebuild(ctx, changed)
		srv.Rebuilt(u, err)
	}, nil)
	req, _ := http.NewRequestWithContext(ctx, "GET", ts.URL+serve.Prefix+"events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	events := make(chan string, 16)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if n, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				events <- n
			}
		}
	}()
	wait := func(name string) {
		t.Helper()
		timeout := time.After(10 * time.Second)
		for {
			select {
			case ev := <-events:
				if ev == name {
					return
				}
			case <-timeout:
				t.Fatalf("no %s event", name)
			}
		}
	}
	wait("hello")
	time.Sleep(50 * time.Millisecond) // let the watcher settle
	h := &cmsHarness{t: t, dir: dir, url: ts.URL}
	raw := "+++\ntitle = \"乙\"\ndate = 2026-11-03\n+++\n编辑器写的。\n"
	if code, out := h.api("persistEntry", map[string]any{"dataFiles": []map[string]any{{"path": "content/gongzuo/2026-11-03-yi.md", "raw": raw}}, "assets": []any{}}); code != 200 {
		t.Fatalf("persistEntry: %d %s", code, out)
	}
	wait("reload")
	if code, body := h.get("/gongzuo/2026-11-03-yi/"); code != 200 || !strings.Contains(body, "编辑器写的。") {
		t.Errorf("the saved page: %d %s", code, body)
	}
}

// TestCMSRefusesCaseTwin: on Windows and macOS, where authors run the
// editor, content/zhengce/A.md is the file a.md; the editor refuses to
// write a name that differs from an existing file or folder only in case.
func TestCMSRefusesCaseTwin(t *testing.T) {
	h := startCMS(t)
	for _, p := range []string{"content/zhengce/A.md", "content/ZhengCe/b.md"} {
		code, out := h.api("persistEntry", map[string]any{"dataFiles": []map[string]any{{"path": p, "raw": "+++\ntitle = \"乙\"\n+++\n"}}, "assets": []any{}})
		if code != 400 || !strings.Contains(out, "只有大小写") {
			t.Errorf("persistEntry %s: %d %s; want 400 naming the case twin", p, code, out)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(h.dir, "content/zhengce/a.md")); !strings.Contains(string(b), "某市甲办法") {
		t.Errorf("a.md changed: %s", b)
	}
	if code, out := h.api("persistEntry", map[string]any{"dataFiles": []map[string]any{{"path": "content/zhengce/c.md", "raw": "+++\ntitle = \"丙\"\n+++\n"}}, "assets": []any{}}); code != 200 {
		t.Errorf("a new name is refused: %d %s", code, out)
	}
}
