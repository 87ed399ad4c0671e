package bench

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/fazhitest"
)

// TestMain lets the test binary act as the floor child process, so that
// the -quick test can measure the floor as `make bench` does.
func TestMain(m *testing.M) {
	if code, ok := ChildMain(os.Args[1:]); ok {
		os.Exit(code)
	}
	os.Exit(m.Run())
}

// treeHash hashes every path and content under dir.
func treeHash(t *testing.T, dir string) (string, int) {
	t.Helper()
	var names []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			names = append(names, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	h := sha256.New()
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(n)))
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(h, "%s\x00%d\x00", n, len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil)), len(names)
}

func TestGenerateDeterministic(t *testing.T) {
	a, b, c := t.TempDir(), t.TempDir(), t.TempDir()
	for _, d := range []string{a, b} {
		if _, err := Generate(d, 120, 7); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := Generate(c, 120, 8); err != nil {
		t.Fatal(err)
	}
	ha, na := treeHash(t, a)
	hb, _ := treeHash(t, b)
	hc, _ := treeHash(t, c)
	if ha != hb {
		t.Errorf("same seed, different trees: %s vs %s", ha, hb)
	}
	if ha == hc {
		t.Errorf("different seeds gave the same tree")
	}
	if na < 2*120 {
		t.Errorf("only %d files written for 120 pages in two trees", na)
	}
}

func TestCnNum(t *testing.T) {
	for n, want := range map[int]string{1: "一", 10: "十", 12: "十二", 20: "二十", 103: "一百零三", 110: "一百一十",
		1001: "一千零一", 1165: "一千一百六十五", 2010: "二千零一十"} {
		if got := cnNum(n); got != want {
			t.Errorf("cnNum(%d) = %s, want %s", n, got, want)
		}
	}
}

func TestGeneratedSiteBuilds(t *testing.T) {
	dir := t.TempDir()
	st, err := Generate(dir, 50, 1)
	if err != nil {
		t.Fatal(err)
	}
	if st.Pages != 50 {
		t.Fatalf("Pages = %d, want 50", st.Pages)
	}
	r := fazhitest.BuildFS(t, os.DirFS(filepath.Join(dir, FazhiDir)), fazhitest.WithTheme())
	if r.Err != nil {
		t.Fatalf("generated site does not build:\n%v", r.Err)
	}
	if got := r.Build.Pages["page"]; got != 50 {
		t.Errorf("built %d content pages, want 50", got)
	}
	// A policy has article anchors and at least one in-document link.
	policy := policyPage(t, r)
	r.AssertFileContent(policy, `id="art-1"`, `id="chap-1"`)
	// Interpretations are linked both ways.
	r.AssertFileContent("jiedu/j00001/index.html", "/zhengce/p")
	// Every policy cross-reference to another generated policy resolves.
	links := 0
	for _, n := range r.Names() {
		if strings.HasPrefix(n, "zhengce/p") && strings.Contains(r.File(n), `href="/zhengce/p`) {
			links++
		}
	}
	if links == 0 {
		t.Errorf("no policy links to another policy")
	}
}

func TestCorpusSiteBuilds(t *testing.T) {
	corpus := filepath.Join(repoRootT(t), filepath.FromSlash(DefaultCorpus))
	if _, err := os.Stat(corpus); err != nil {
		t.Skip("statute corpus not present")
	}
	dir := t.TempDir()
	st, err := GenCorpus(dir, corpus, 40)
	if err != nil {
		t.Fatal(err)
	}
	if st.Pages != 40 {
		t.Fatalf("Pages = %d, want 40", st.Pages)
	}
	r := fazhitest.BuildFS(t, os.DirFS(filepath.Join(dir, FazhiDir)), fazhitest.WithTheme())
	if r.Err != nil {
		t.Fatalf("corpus site does not build:\n%v", r.Err)
	}
	anchors := 0
	for _, n := range r.Names() {
		if strings.HasSuffix(n, "/index.html") && strings.Contains(r.File(n), `id="art-1"`) {
			anchors++
		}
	}
	// Amendment decisions and some interpretations have no 第X条 articles.
	if anchors < 10 {
		t.Errorf("only %d of 40 statutes have article anchors", anchors)
	}
}

func TestParseStatute(t *testing.T) {
	src := "---\nx: 1\n---\n# 某某法\n\n2001年2月3日 通过\n2010年5月6日 修正\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n第一条 为了测试。\n"
	s := parseStatute([]byte(src), "某某法(2010-05-06).md")
	if s.title != "某某法" || s.date.Format("2006-01-02") != "2010-05-06" || !strings.HasPrefix(string(s.body), "## 第一章") {
		t.Errorf("got title %q date %s body %q", s.title, s.date, s.body)
	}
}

func repoRootT(t *testing.T) string {
	t.Helper()
	root, err := RepoRoot()
	if err != nil {
		t.Skip(err)
	}
	return root
}

func TestQuickBench(t *testing.T) {
	if testing.Short() {
		t.Skip("runs builds; skipped with -short")
	}
	root := repoRootT(t)
	if _, err := FindSass(root); err != nil {
		t.Skip("Dart Sass not installed (make tools)")
	}
	out := filepath.Join(t.TempDir(), "benchmarks.md")
	cfg := Config{Root: root, Quick: true, Out: out, Work: t.TempDir(), Log: t.Logf, Exe: os.Args[0]}
	if err := Run(t.Context(), cfg); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	for _, want := range []string{"| 1,000 ", "fazhi", "goldmark", "重新写入 0 个文件", Marker} {
		if !strings.Contains(doc, want) {
			t.Errorf("report lacks %q:\n%s", want, doc)
		}
	}
}

// TestMinimalLayouts builds the minimal-layout tree: every page kind is
// drawn by the benchmark's templates, not by the default theme, and shows
// what the Hugo layouts show.
func TestMinimalLayouts(t *testing.T) {
	dir := t.TempDir()
	if _, err := Generate(dir, 120, 3); err != nil {
		t.Fatal(err)
	}
	// The content trees hold the same files.
	hm, nm := treeHash(t, filepath.Join(dir, FazhiMinDir, "content"))
	ht, nt := treeHash(t, filepath.Join(dir, FazhiDir, "content"))
	if hm != ht || nm != nt {
		t.Errorf("content of %s and %s differ (%d and %d files)", FazhiMinDir, FazhiDir, nm, nt)
	}
	r := fazhitest.BuildFS(t, os.DirFS(filepath.Join(dir, FazhiMinDir)), fazhitest.WithTheme(), fazhitest.WithNow(BuildNow))
	if r.Err != nil {
		t.Fatalf("minimal-layout site does not build:\n%v", r.Err)
	}
	if got := r.Build.Pages["page"]; got != 120 {
		t.Errorf("built %d content pages, want 120", got)
	}
	html := 0
	for _, n := range r.Names() {
		if !strings.HasSuffix(n, ".html") {
			continue
		}
		html++
		f := r.File(n)
		// The theme's skip link is in its baseof; the minimal baseof has
		// the footer line of the Hugo layouts.
		if strings.Contains(f, "skip-link") || !strings.Contains(f, "承办单位：某市司法局") {
			t.Errorf("%s is not drawn by the minimal layouts", n)
		}
	}
	if html < 150 {
		t.Errorf("only %d HTML files", html)
	}
	policy := policyPage(t, r)
	r.AssertFileContent(policy, `<table class="policy-meta">`, "索引号", `id="art-1"`, `<time datetime="`, `<p class="tags">标签：<a href="/tags/`)
	r.AssertFileContent("zhengce/index.html", `<ul class="list">`, `<ul class="pagination">`, `href="/zhengce/page/2/"`, "〔")
	r.AssertFileContent("zhengce/page/2/index.html", `<li class="active"><a href="/zhengce/page/2/">2</a>`)
	// Notices whose period has ended are listed on the archive page.
	r.AssertFileContent("sifa/archive/index.html", "公告</span> <span>（")
	r.AssertFileContent("tags/index.html", `<ul class="list">`)
	r.AssertFileContent("index.html", `<h2><a href="/zhengce/">政策文件</a></h2>`)
	r.AssertFileContent("404.html", "返回首页")
}

// policyPage returns the first policy page of a built generated site.
func policyPage(t *testing.T, r *fazhitest.Result) string {
	t.Helper()
	for _, n := range r.Names() {
		if strings.HasPrefix(n, "zhengce/p") && strings.HasSuffix(n, "/index.html") {
			return n
		}
	}
	t.Fatalf("no policy page written: %v", r.Names())
	return ""
}

// TestSiteTOMLSwitches checks the edits the benchmark makes to a
// generated site.toml between runs.
func TestSiteTOMLSwitches(t *testing.T) {
	dir := t.TempDir()
	src := siteTOML("测试", nil)
	p := filepath.Join(dir, "site.toml")
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	read := func() string {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if err := SetURLStyle(dir, "html"); err != nil {
		t.Fatal(err)
	}
	if err := SetURLStyle(dir, "html"); err != nil {
		t.Fatal(err)
	}
	if got := read(); strings.Count(got, "urlStyle") != 1 || !strings.Contains(got, "precompress = false\nurlStyle = \"html\"\n") {
		t.Errorf("after SetURLStyle(html):\n%s", got)
	}
	if err := SetPostProcessing(dir, true, false); err != nil {
		t.Fatal(err)
	}
	if got := read(); !strings.Contains(got, "minify = true\nprecompress = false\nurlStyle") {
		t.Errorf("after SetPostProcessing:\n%s", got)
	}
	if err := SetURLStyle(dir, ""); err != nil {
		t.Fatal(err)
	}
	if err := SetPostProcessing(dir, false, false); err != nil {
		t.Fatal(err)
	}
	if got := read(); got != src {
		t.Errorf("switches not undone:\n%s", got)
	}
	if err := os.WriteFile(p, []byte("title = \"x\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := SetURLStyle(dir, "html"); err == nil || !strings.Contains(err.Error(), "precompress line not found") {
		t.Errorf("missing precompress line: %v", err)
	}
}
