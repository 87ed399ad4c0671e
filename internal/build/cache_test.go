package build_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/buildcache"
	"github.com/fazhi-dev/fazhi/internal/fazhitest"
)

// writeTxtar writes a txtar site to a new folder.
func writeTxtar(t *testing.T, files string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	m := map[string]string{}
	for name, f := range fazhitest.Parse(files) {
		m[name] = string(f.Data)
	}
	writeSite(t, dir, m)
	return dir
}

// Two builds of an unchanged site at --now values a day apart, with no
// effective, expiry, hearing or mourning date between them, render no page
// and write no file (issue 16 point 3).
func TestCacheNightlyWritesNothing(t *testing.T) {
	site := writeTxtar(t, goldenSite)
	dir := t.TempDir()
	out, cache := filepath.Join(dir, "public"), filepath.Join(dir, "cache")
	first := diffBuild(t, site, out, cache, fazhitest.Now)
	if first.Reused != 0 {
		t.Fatalf("the first build carried %d pages forward from no cache", first.Reused)
	}
	second := diffBuild(t, site, out, cache, fazhitest.Now.AddDate(0, 0, 1))
	if n := second.Pages["page"]; n < 5 || second.Reused != n {
		t.Errorf("second build rendered %d of %d content pages again, want none", n-second.Reused, n)
	}
	if w := second.Published.Written; len(w) != 0 || len(second.Published.Removed) != 0 {
		t.Errorf("second build wrote %v and removed %v, want nothing", w, second.Published.Removed)
	}
}

// A cache that cannot be trusted is ignored with a warning, and the
// output is the same as without it.
func TestCacheIgnored(t *testing.T) {
	site := writeTxtar(t, goldenSite)
	dir := t.TempDir()
	out, cache, fresh := filepath.Join(dir, "public"), filepath.Join(dir, "cache"), filepath.Join(dir, "fresh")
	diffBuild(t, site, fresh, "", fazhitest.Now)
	want := readTree(t, fresh)
	diffBuild(t, site, out, cache, fazhitest.Now)
	file := filepath.Join(cache, buildcache.FileName)
	good, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, warn string
		spoil      func()
	}{
		{"cut short", "缓存文件已损坏或不完整", func() { os.WriteFile(file, good[:len(good)/2], 0o644) }},
		{"corrupt", "缓存文件已损坏或不完整", func() {
			bad := append([]byte(nil), good...)
			bad[len(bad)-10] ^= 0xff
			os.WriteFile(file, bad, 0o644)
		}},
		{"not a cache", "not a fazhi build cache", func() { os.WriteFile(file, []byte("hello"), 0o644) }},
		{"other fazhi", "另一个版本的 fazhi", func() {
			c, _ := buildcache.Load(cache, site, out)
			c.Program = "another"
			c.Save(cache)
		}},
		{"other site", "另一个站点", func() {
			c, _ := buildcache.Load(cache, site, out)
			c.Site = "/elsewhere"
			c.Save(cache)
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			os.WriteFile(file, good, 0o644)
			// Deface the output, so that only a trusted record could keep it.
			os.WriteFile(filepath.Join(out, "zhengce/banfa/index.html"), []byte("defaced"), 0o644)
			c.spoil()
			res := diffBuild(t, site, out, cache, fazhitest.Now)
			if res.Reused != 0 {
				t.Errorf("%d pages carried forward from an untrusted cache", res.Reused)
			}
			var warned bool
			for _, w := range res.Warnings {
				warned = warned || strings.Contains(w.Error(), "构建缓存未使用") && strings.Contains(w.Error(), c.warn)
			}
			if !warned {
				t.Errorf("no warning naming %q: %v", c.warn, res.Warnings)
			}
			sameTrees(t, c.name, readTree(t, out), want)
		})
	}
	// A trusted cache never carries a defaced file forward either.
	os.WriteFile(file, good, 0o644)
	diffBuild(t, site, out, cache, fazhitest.Now)
	os.WriteFile(filepath.Join(out, "zhengce/banfa/index.html"), []byte("defaced"), 0o644)
	res := diffBuild(t, site, out, cache, fazhitest.Now)
	if res.Reused != res.Pages["page"]-1 {
		t.Errorf("%d of %d pages carried forward, want all but the defaced one", res.Reused, res.Pages["page"])
	}
	sameTrees(t, "defaced", readTree(t, out), want)
}

// The cache holds only what the output shows, and digests: each record's
// summary and looked-up titles are in the page's own output.
func TestCacheHoldsOnlyOutput(t *testing.T) {
	site := writeTxtar(t, goldenSite+`
-- content/zhengce/yinyong.md --
+++
title = "某市引用办法"
date = 2026-11-01
[policy]
indexNumber = "009990011/2026-00009"
issuer = "某市人民政府"
docNumber = "某府发〔2026〕9号"
genre = "行政规范性文件"
effective = 2026-11-02
+++
第一条　依照《某市行政复议办法》第一条和《不存在的办法》第二条。
`)
	dir := t.TempDir()
	out, cache := filepath.Join(dir, "public"), filepath.Join(dir, "cache")
	diffBuild(t, site, out, cache, fazhitest.Now)
	c, err := buildcache.Load(cache, site, out)
	if err != nil {
		t.Fatal(err)
	}
	files := readTree(t, out)
	titles := 0
	for path, rec := range c.Pages {
		var html string
		for _, f := range rec.Files {
			if strings.HasSuffix(f.Path, ".html") {
				html += files[f.Path]
			}
		}
		if html == "" {
			t.Errorf("%s: record names no HTML file: %v", path, rec.Files)
		}
		for _, s := range append([]string{rec.Summary}, rec.Titles...) {
			if !strings.Contains(html, s) {
				t.Errorf("%s: the cache holds %q, which its output does not show", path, s)
			}
		}
		titles += len(rec.Titles)
	}
	if titles < 2 {
		t.Errorf("only %d looked-up titles recorded", titles)
	}
}

// A build killed after putting its output in place but before saving the
// cache leaves the previous build's cache beside a newer output: its
// records of changed pages no longer match the files and are not used.
func TestCacheOlderThanOutput(t *testing.T) {
	dir := t.TempDir()
	site, out, cache, fresh := filepath.Join(dir, "site"), filepath.Join(dir, "public"), filepath.Join(dir, "cache"), filepath.Join(dir, "fresh")
	m := newModel(3)
	writeSite(t, site, m.files())
	diffBuild(t, site, out, cache, m.now)
	file := filepath.Join(cache, buildcache.FileName)
	old, _ := os.ReadFile(file)
	p := m.pages["zhengce/jia.md"]
	p.body = append(p.body, "第二条　新增的一条。")
	writeSite(t, site, m.files())
	diffBuild(t, site, out, cache, m.now)
	os.WriteFile(file, old, 0o644) // as if killed before the save
	p.body = p.body[:1]
	writeSite(t, site, m.files())
	diffBuild(t, site, out, cache, m.now)
	diffBuild(t, site, fresh, "", m.now)
	sameTrees(t, "stale cache", readTree(t, out), readTree(t, fresh))
}

// Minify and precompress are cached like pages: a rebuild of an unchanged
// site minifies and compresses nothing, and one edit minifies and
// compresses only the files whose content changed (issue 16 point 4).
func TestCacheMinifyCompressOnce(t *testing.T) {
	site := writeTxtar(t, strings.Replace(goldenSite, `baseURL = "https://fzb.example.gov.cn/"`,
		"baseURL = \"https://fzb.example.gov.cn/\"\nminify = true\nprecompress = true", 1))
	dir := t.TempDir()
	out, cache, fresh := filepath.Join(dir, "public"), filepath.Join(dir, "cache"), filepath.Join(dir, "fresh")
	m0, c0 := build.Work()
	diffBuild(t, site, out, cache, fazhitest.Now)
	m1, c1 := build.Work()
	if m1-m0 < 20 || c1-c0 < 20 {
		t.Fatalf("the first build minified %d and compressed %d files", m1-m0, c1-c0)
	}
	res := diffBuild(t, site, out, cache, fazhitest.Now)
	m2, c2 := build.Work()
	if m2 != m1 || c2 != c1 {
		t.Errorf("an unchanged rebuild minified %d and compressed %d files, want none", m2-m1, c2-c1)
	}
	if len(res.Published.Written) != 0 {
		t.Errorf("an unchanged rebuild wrote %v", res.Published.Written)
	}
	body := filepath.Join(site, "content/pufa/anli.md")
	data, _ := os.ReadFile(body)
	os.WriteFile(body, append(data, "新增一句。\n"...), 0o644)
	res = diffBuild(t, site, out, cache, fazhitest.Now)
	_, c3 := build.Work()
	n := 0
	for _, w := range res.Published.Written {
		if strings.HasSuffix(w, ".gz") || strings.HasSuffix(w, ".br") {
			n++
		}
	}
	if c3-c2 != int64(n) || n == 0 || n > 8 {
		t.Errorf("after one edit %d files were compressed for %d compressed files written: %v", c3-c2, n, res.Published.Written)
	}
	diffBuild(t, site, fresh, "", fazhitest.Now)
	sameTrees(t, "minify and precompress", readTree(t, out), readTree(t, fresh))
}

// A list shows a member's body only as its summary: an edit further down
// a body renders that page again and no list, while an edit of the first
// paragraph (the summary) renders the lists that show it. Either way the
// output is a fresh build's.
func TestCacheListKeyedBySummary(t *testing.T) {
	site := writeTxtar(t, goldenSite)
	dir := t.TempDir()
	out, cache, fresh := filepath.Join(dir, "public"), filepath.Join(dir, "cache"), filepath.Join(dir, "fresh")
	diffBuild(t, site, out, cache, fazhitest.Now)
	file := filepath.Join(site, "content/zhengce/banfa/index.md")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, old, new string
		lists          bool // lists rendered again
	}{
		{"below the summary", "第二条　依照本办法第一条的规定执行。", "第二条　依照本办法第一条的规定执行，另有规定的除外。", false},
		{"the summary", "第一条　为了规范行政复议工作，制定本办法。", "第一条　为了规范和监督行政复议工作，制定本办法。", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			edited := strings.Replace(string(src), c.old, c.new, 1)
			if edited == string(src) {
				t.Fatalf("%q not in the page", c.old)
			}
			if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
				t.Fatal(err)
			}
			res := diffBuild(t, site, out, cache, fazhitest.Now)
			if n := res.Pages["page"]; res.Reused != n-1 {
				t.Errorf("%d of %d content pages carried forward, want all but the edited one", res.Reused, n)
			}
			lists := res.Pages["list"]
			if c.lists && res.ReusedLists == lists || !c.lists && res.ReusedLists != lists {
				t.Errorf("%d of %d list pages carried forward; lists rendered again: want %v", res.ReusedLists, lists, c.lists)
			}
			os.RemoveAll(fresh)
			diffBuild(t, site, fresh, "", fazhitest.Now)
			sameTrees(t, c.name, readTree(t, out), readTree(t, fresh))
			src = []byte(edited)
		})
	}
}

// A page file defaced in place at the same size, with its modification
// time set back, is rendered again: the check of the previous output by
// stamp (Linux) sees its ctime move, and the portable check its bytes.
func TestCacheCatchesSameSizeDefacement(t *testing.T) {
	site := writeTxtar(t, goldenSite)
	dir := t.TempDir()
	out, cache, fresh := filepath.Join(dir, "public"), filepath.Join(dir, "cache"), filepath.Join(dir, "fresh")
	diffBuild(t, site, fresh, "", fazhitest.Now)
	diffBuild(t, site, out, cache, fazhitest.Now)
	diffBuild(t, site, out, cache, fazhitest.Now) // records stamps of linked files too
	file := filepath.Join(out, "zhengce/banfa/index.html")
	info, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(string(data), "行政复议")
	if i < 0 {
		t.Fatal("no 行政复议 in the page")
	}
	copy(data[i:], "行政处罚") // the same number of bytes
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(file, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	res := diffBuild(t, site, out, cache, fazhitest.Now)
	if res.Reused != res.Pages["page"]-1 {
		t.Errorf("%d of %d pages carried forward, want all but the defaced one", res.Reused, res.Pages["page"])
	}
	sameTrees(t, "defaced", readTree(t, out), readTree(t, fresh))
}

// A --now step across one policy's effective date renders again only the
// lists that show that policy (its column, its tag, the home page, the
// site map and the taxonomy indexes, which list every term), not the
// other columns and terms, whose templates read terms' pages but reach no
// term beyond their own.
func TestCacheNowStepRendersOnlyListsShowingTheChange(t *testing.T) {
	site := writeTxtar(t, goldenSite+`
-- content/pufa/qita.md --
+++
title = "普法小课堂"
date = 2026-10-10
tags = ["普法"]
+++
正文。
`)
	dir := t.TempDir()
	out, cache, fresh := filepath.Join(dir, "public"), filepath.Join(dir, "cache"), filepath.Join(dir, "fresh")
	diffBuild(t, site, out, cache, fazhitest.Now)
	step := time.Date(2026, 12, 1, 10, 0, 0, 0, fazhitest.Now.Location()) // 某市行政复议办法 comes into force
	res := diffBuild(t, site, out, cache, step)
	want := []string{"home", "section:zhengce", "tags", "tags:行政复议", "series", "sitemap"}
	if got := res.RenderedLists; !reflect.DeepEqual(got, want) {
		t.Errorf("list jobs rendered again: %q, want %q", got, want)
	}
	diffBuild(t, site, fresh, "", step)
	sameTrees(t, "--now step", readTree(t, out), readTree(t, fresh))
}

// A column's list that reads other columns' pages (here through
// .Site.Sections) is rendered again when a page is added to another
// column: only the reads that lead to the column's own pages are covered
// by its members.
func TestCacheColumnListReadingOtherColumns(t *testing.T) {
	site := writeTxtar(t, goldenSite+`
-- layouts/_default/section.html --
{{ range .Site.Sections }}<p>{{ .Title }} {{ len .Pages }}</p>{{ end }}
`)
	dir := t.TempDir()
	out, cache, fresh := filepath.Join(dir, "public"), filepath.Join(dir, "cache"), filepath.Join(dir, "fresh")
	diffBuild(t, site, out, cache, fazhitest.Now)
	if err := os.WriteFile(filepath.Join(site, "content/pufa/xin.md"), []byte("+++\ntitle = \"新的普法文章\"\ndate = 2026-10-10\n+++\n正文。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	diffBuild(t, site, out, cache, fazhitest.Now)
	diffBuild(t, site, fresh, "", fazhitest.Now)
	sameTrees(t, "after adding a page to another column", readTree(t, out), readTree(t, fresh))
}
