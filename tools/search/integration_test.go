package search_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/fazhitest"
	"github.com/fazhi-dev/fazhi/internal/search"
	"github.com/fazhi-dev/fazhi/tools/search/browser"
)

// pagefind returns the installed Pagefind. Full test runs (make test)
// install it, so there a missing binary fails the test.
func pagefind(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("needs Pagefind and Chromium (run make test)")
	}
	bin, err := search.Program.InRepo(fazhitest.RepoRoot(t))
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

// site is a small Chinese portal: three policies (one with two issuers),
// a notice, an article and a root page.
const site = `
-- site.toml --
title = "某市法治政府网"
baseURL = "https://fzb.example.gov.cn/"
[identity]
sponsor = "某市人民政府办公室"
operator = "某市司法局"
-- content/_index.md --
+++
title = "某市法治政府网"
+++
首页不进入索引：行政复议。
-- content/zhengce/_index.md --
+++
title = "政策文件"
kind = "policy"
+++
栏目说明不进入索引：行政复议。
-- content/zhengce/fuyi.md --
+++
title = "某市行政复议办法"
date = 2026-03-01
[policy]
issuer = ["某市人民政府", "某市司法局"]
docNumber = "某府规〔2026〕3号"
+++
第一条　公民、法人或者其他组织提出行政复议申请，适用本办法。
-- content/zhengce/yingsu.md --
+++
title = "某市行政机关负责人出庭应诉规定"
date = 2025-06-01
[policy]
issuer = "某市人民政府办公室"
docNumber = "某政办规〔2025〕7号"
+++
第一条　行政机关负责人应当出庭应诉。
-- content/zhengce/feizhi.md --
+++
title = "某市不动产登记暂行办法"
date = 2020-01-10
[policy]
issuer = "某市人民政府"
status = "废止"
+++
第一条　不动产登记适用本办法。
-- content/sifa/_index.md --
+++
title = "司法公开"
kind = "notice"
+++
-- content/sifa/songda.md --
+++
title = "公告送达（2026）某0102民初4581号"
date = 2026-11-10
[notice]
type = "送达公告"
caseNumber = "（2026）某0102民初4581号"
court = "某市东城区人民法院"
+++
本院受理原告诉被告买卖合同纠纷一案，向你公告送达起诉状副本。
-- content/pufa/_index.md --
+++
title = "普法宣传"
+++
-- content/pufa/fangwei.md --
+++
title = "正当防卫的界限"
date = 2026-05-01
+++
正当防卫不负刑事责任。
-- content/about.md --
+++
title = "关于本网"
+++
本网由某市司法局承办。
`

func buildSite(t *testing.T, idx build.Indexer) *fazhitest.Result {
	t.Helper()
	return fazhitest.Build(t, site, fazhitest.WithTheme(), fazhitest.WithOptions(func(o *build.Options) { o.Search = idx }))
}

func TestIndexBundledTheme(t *testing.T) {
	bin := pagefind(t)
	idx := search.New(bin)
	r := buildSite(t, idx)

	entry, err := search.ParseEntry([]byte(r.File("pagefind/pagefind-entry.json")))
	if err != nil {
		t.Fatal(err)
	}
	// Only content pages carry data-pagefind-body: lists, pagers,
	// taxonomies, the home and search pages are not indexed.
	if got, want := entry.Pages(), r.Build.Pages["page"]; got != want || want != 6 {
		t.Errorf("indexed %d pages, want the %d content pages (6)", got, want)
	}
	if _, ok := entry.Languages[search.DefaultLanguage]; !ok || len(entry.Languages) != 1 {
		t.Errorf("languages %v, want one %q index", entry.Languages, search.DefaultLanguage)
	}
	for _, name := range []string{"pagefind/pagefind.js", "pagefind/pagefind-worker.js", "search/index.html"} {
		r.File(name)
	}
	r.AssertNoFile("pagefind/pagefind-ui.js")
	r.AssertFileContent(".fazhi-manifest.json", `"pagefind/pagefind-entry.json"`, `"pagefind/pagefind.js"`)
	r.AssertFileContent("search/index.html", `<script src="/js/search.`, `.js" defer></script>`, "<noscript>", `aria-live="polite"`, `<label for="search-q">`)
	r.AssertNoFile("pagefind/pagefind-highlight.js")
	if !strings.Contains(r.File("zhengce/fuyi/index.html"), "data-pagefind-body") || strings.Contains(r.File("zhengce/index.html"), "data-pagefind-body") {
		t.Error("data-pagefind-body should be on content pages only")
	}
	if st := idx.Last(); st.Pages != 6 || st.MaxRSS <= 0 {
		t.Errorf("stats %+v", st)
	}

	// The same input gives the same index.
	r2 := buildSite(t, search.New(bin))
	for name, data := range r.Files {
		if strings.HasPrefix(name, "pagefind/") && !bytes.Equal(data, r2.Files[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
	for name := range r2.Files {
		if _, ok := r.Files[name]; !ok && strings.HasPrefix(name, "pagefind/") {
			t.Errorf("%s only in the second build", name)
		}
	}

	checkSearch(t, r.Files)
}

// TestIndexInBatches indexes the same site with every content page in a
// batch of its own (a batch size of one byte): the search page, its
// filters and every query must give what one index gives, Pagefind's
// mergeIndex joining the bundles in the browser.
func TestIndexInBatches(t *testing.T) {
	bin := pagefind(t)
	idx := search.New(bin, search.BatchBytes(1))
	r := buildSite(t, idx)
	var list struct{ Bundles []string }
	if err := json.Unmarshal([]byte(r.File("pagefind/"+search.BundlesFile)), &list); err != nil {
		t.Fatal(err)
	}
	st := idx.Last()
	if st.Pages != 6 || st.Indexed < 4 || len(list.Bundles) != st.Indexed-1 {
		t.Fatalf("stats %+v, bundles %q: want the 6 pages in at least 4 batches", st, list.Bundles)
	}
	for _, b := range list.Bundles {
		r.File("pagefind/" + b + "pagefind-entry.json")
		r.AssertNoFile("pagefind/" + b + "pagefind.js")
	}
	checkSearch(t, r.Files)
}

// checkSearch runs the search page and queries in Chromium over the
// built files of the site.
func checkSearch(t *testing.T, files map[string][]byte) {
	t.Helper()
	srv := browser.Serve(files)
	defer srv.Close()
	b, err := browser.Start(context.Background(), filepath.Join(t.TempDir(), "profile"))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	tab, err := b.Open(srv.URL, "/search/")
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()

	// The search page: prefilled from ?q=, results with marked hits.
	status, hits, err := tab.SearchPage("行政复议")
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || hits[0].Title != "某市行政复议办法" || hits[0].URL != "/zhengce/fuyi/" {
		t.Fatalf("search page hits %+v, want 某市行政复议办法", hits)
	}
	if !strings.Contains(status, "找到 1 条") || !strings.Contains(hits[0].Excerpt, "<mark>") {
		t.Errorf("status %q, excerpt %q", status, hits[0].Excerpt)
	}
	var value string
	if err := tab.Eval(`document.getElementById("search-q").value`, &value); err != nil || value != "行政复议" {
		t.Errorf("search box holds %q (%v), want the query", value, err)
	}
	var filters []string
	if err := tab.Eval(`[...document.querySelectorAll("#search-filters label")].map(l => l.textContent + "=" + l.control.options.length)`, &filters); err != nil {
		t.Fatal(err)
	}
	// 栏目: 全部 + 3 columns; 发文机关: 全部 + 3 issuers (each one of a
	// joint document counted alone); 年份: 全部 + 3 (关于本网 has no
	// date); 公告类型; 有效性 (有效, 已废止).
	if want := []string{"栏目=4", "发文机关=4", "年份=4", "公告类型=2", "有效性=3"}; !slices.Equal(filters, want) {
		t.Errorf("filters %v, want %v", filters, want)
	}
	if _, _, err := tab.SearchPage("不存在的词语组合"); err != nil {
		t.Errorf("no-result search: %v", err)
	}
	// A facet narrows the results of every bundle: 有效性=已废止 leaves
	// the one repealed policy.
	_, hits, err = tab.SearchPageWith(url.Values{"q": {"本办法"}, "有效性": {"已废止"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || hits[0].URL != "/zhengce/feizhi/" {
		t.Errorf("本办法 with 有效性=已废止: hits %+v, want /zhengce/feizhi/", hits)
	}

	// Queries through Pagefind's JS API.
	tests := []struct {
		q    string
		want []string // result URLs in any order
	}{
		{"行政复议", []string{"/zhengce/fuyi/"}},
		{"复议申请", []string{"/zhengce/fuyi/"}},
		{"出庭应诉", []string{"/zhengce/yingsu/"}},
		{"送达公告", []string{"/sifa/songda/"}},
		{"民初4581", []string{"/sifa/songda/"}},
		{"正当防卫", []string{"/pufa/fangwei/"}},
		{"不动产登记", []string{"/zhengce/feizhi/"}},
		{"某府规〔2026〕", []string{"/zhengce/fuyi/"}},
		{"承办", []string{"/about/"}},
	}
	for _, tt := range tests {
		a, err := tab.Query(tt.q, 10)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range a.Hits {
			got = append(got, h.URL)
		}
		slices.Sort(got)
		want := slices.Sorted(slices.Values(tt.want))
		if !slices.Equal(got, want) {
			t.Errorf("query %q found %v, want %v", tt.q, got, want)
		}
	}
}
