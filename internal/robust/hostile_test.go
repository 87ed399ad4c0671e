package robust

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/fazhitest"
	"github.com/fazhi-dev/fazhi/internal/markup"
	"github.com/fazhi-dev/fazhi/internal/publish"
)

const layouts = `-- site.toml --
title = "网"
paginate = 50
-- layouts/_default/page.html --
<h1>{{ .Title }}</h1>{{ .Content }}
-- layouts/_default/section.html --
{{ range .Pages }}<li>{{ .Title }}</li>{{ end }}
-- layouts/_default/home.html --
home
-- layouts/_default/404.html --
404
-- content/c/_index.md --
+++
title = "栏目"
+++
`

func page(title, body string) string {
	return "-- content/c/" + title + ".md --\n+++\ntitle = \"" + title + "\"\ndate = 2026-11-01\n+++\n" + body + "\n"
}

// These tests bound the work that hostile input may cause by what they
// build and what must come out, never by the time it takes: a time limit
// fails on a busy machine and passes a slow algorithm on a fast one. The
// limits themselves count input (see markup.MaxNesting and the others).

func TestHugePage(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	para := strings.Repeat("行政机关应当依法行政，", 40) + "\n\n"
	body := strings.Repeat(para, 20<<20/len(para))
	r := fazhitest.Build(t, layouts+page("big", body))
	if n := len(r.Files["c/big/index.html"]); n < 20<<20 {
		t.Errorf("output %d bytes", n)
	}
}

func TestHugeTableAndDeepNesting(t *testing.T) {
	var table strings.Builder
	table.WriteString("| 序号 | 事项 |\n|---|---|\n")
	for i := 0; i < 50000; i++ {
		fmt.Fprintf(&table, "| %d | 事项%d |\n", i, i)
	}
	deepList := ""
	for i := 0; i < markup.MaxNesting; i++ {
		deepList += strings.Repeat("  ", i) + "- 层\n"
	}
	deepQuote := strings.Repeat(">", markup.MaxNesting) + " 引用\n"
	r := fazhitest.Build(t, layouts+page("table", table.String())+page("list", deepList)+page("quote", deepQuote))
	if c := strings.Count(string(r.Files["c/table/index.html"]), "<tr>"); c != 50001 {
		t.Errorf("table rows = %d", c)
	}
	if c := strings.Count(string(r.Files["c/quote/index.html"]), "<blockquote>"); c != markup.MaxNesting {
		t.Errorf("quote depth = %d", c)
	}
	if c := strings.Count(string(r.Files["c/list/index.html"]), "<ul>"); c != markup.MaxNesting {
		t.Errorf("list depth = %d", c)
	}
}

// Nesting and unclosed links beyond the limits are refused with an error
// naming the file, the line and the limit, before the Markdown parser
// (whose work grows with the square of them) sees them.
func TestOverTheLimits(t *testing.T) {
	deepList := ""
	for i := 0; i < 1000; i++ {
		deepList += strings.Repeat("  ", i) + "- 层\n"
	}
	r := fazhitest.Try(t, layouts+page("list", deepList)+page("quote", strings.Repeat(">", 1000)+" 引用\n")+
		page("links", strings.Repeat("[a](", 100000)))
	want := []string{
		"content/c/links.md:5: 没有写完的链接「](」太多",
		"content/c/list.md:105: 引用或列表嵌套了 101 层，超过 100 层的上限",
		"content/c/quote.md:5: 引用或列表嵌套了 1000 层，超过 100 层的上限",
	}
	if r.Err == nil {
		t.Fatal("hostile pages built")
	}
	lines := strings.Split(r.Err.Error(), "\n")
	if len(lines) != len(want) {
		t.Fatalf("errors:\n%v", r.Err)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("error %d = %q, want %q…", i, lines[i], w)
		}
	}
}

func TestManyPagesInOneColumn(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	n := 100000
	fsys := fazhitest.Parse(layouts)
	for i := 0; i < n; i++ {
		fsys[fmt.Sprintf("content/c/p%06d.md", i)] = fsysFile(fmt.Sprintf("+++\ntitle = \"第%d篇\"\ndate = 2026-11-01T%02d:%02d:00\n+++\n正文%d。\n", i, i%24, i%60, i))
	}
	r := fazhitest.BuildFS(t, fsys)
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	if _, ok := r.Files["c/page/2000/index.html"]; !ok {
		t.Error("last pager page missing")
	}
	if got := r.Build.Pages["page"]; got != n {
		t.Errorf("pages = %d", got)
	}
}

func TestBadBytes(t *testing.T) {
	r := fazhitest.Build(t, layouts+page("bad", "无效\xff\xfe字节与\x00空字符。"))
	html := string(r.Files["c/bad/index.html"])
	if !strings.Contains(html, "无效") || strings.ContainsRune(html, 0) || !strings.Contains(html, "\uFFFD") {
		t.Errorf("html = %q", html)
	}
	if len(r.Build.Warnings) == 0 || !strings.Contains(r.Build.Warnings[0].Error(), "无效的 UTF-8") {
		t.Errorf("warnings = %v", r.Build.Warnings)
	}
	bad := fazhitest.Try(t, layouts+"-- content/c/x.md --\n+++\ntitle = \"\xff\"\n+++\n")
	if bad.Err == nil || !strings.Contains(bad.Err.Error(), "content/c/x.md:1: 前言含有无效的 UTF-8 字符") {
		t.Errorf("err = %v", bad.Err)
	}
}

func TestHugeFrontMatter(t *testing.T) {
	fm := "+++\ntitle = \"大\"\ndate = 2026-11-01\n" + strings.Repeat("# 注释注释注释注释注释注释\n", (1<<20)/30) + "+++\n正文\n"
	r := fazhitest.Try(t, layouts+"-- content/c/x.md --\n"+fm)
	if r.Err == nil || !strings.Contains(r.Err.Error(), "前言超过 1 MB") {
		t.Errorf("err = %v", r.Err)
	}
	// A front matter that is never closed is read only up to the limit.
	r = fazhitest.Try(t, layouts+"-- content/c/y.md --\n+++\ntitle = \"大\"\n"+strings.Repeat("a = 1\n", 300000))
	if r.Err == nil {
		t.Error("unclosed huge front matter accepted")
	}
}

func TestTemplateThatRecursesForever(t *testing.T) {
	site := strings.Replace(layouts, "<h1>{{ .Title }}</h1>{{ .Content }}", `{{ define "loop" }}{{ template "loop" . }}{{ end }}{{ template "loop" . }}`, 1) + page("a", "正文")
	// text/template stops at a call depth of 100,000.
	r := fazhitest.Try(t, site)
	if r.Err == nil || !strings.Contains(r.Err.Error(), "layouts/_default/page.html") {
		t.Errorf("err = %v", r.Err)
	}
}

func TestSymlinksAreNotFollowed(t *testing.T) {
	dir := t.TempDir()
	for name, f := range fazhitest.Parse(layouts + page("a", "正文")) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, f.Data, 0o644)
	}
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "secret.md"), []byte("+++\ntitle = \"秘密\"\ndate = 2026-11-01\n+++\n机密内容\n"), 0o644)
	os.Symlink(filepath.Join(outside, "secret.md"), filepath.Join(dir, "content/c/secret.md"))
	os.Symlink(outside, filepath.Join(dir, "content/c/outside"))
	os.Symlink(filepath.Join(dir, "content"), filepath.Join(dir, "content/c/loop"))
	os.Symlink(filepath.Join(outside, "secret.md"), filepath.Join(dir, "static-link"))
	mem := publish.NewMem(nil)
	// A followed symlink loop would never end: go test's own -timeout
	// reports it with every goroutine's stack.
	res, err := build.Build(t.Context(), build.Options{Source: os.DirFS(dir), Out: mem, Now: fazhitest.Now})
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range mem.Files() {
		if strings.Contains(string(data), "机密内容") || strings.Contains(name, "secret") {
			t.Errorf("%s comes from outside the site", name)
		}
	}
	warned := 0
	for _, w := range res.Warnings {
		if strings.Contains(w.Msg, "符号链接不会被读取") {
			warned++
		}
	}
	if warned != 3 {
		t.Errorf("symlink warnings = %d, want 3: %v", warned, res.Warnings)
	}
}
