package alt

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/tools/search/browser"
)

// TestClientAgrees runs client.js in Chromium over a small site and
// requires the same query terms and the same ranking (page ids, in order,
// and the OR fallback) as QueryTerms and Index.Search: client.js repeats
// their rules in JavaScript.
func TestClientAgrees(t *testing.T) {
	if testing.Short() {
		t.Skip("needs Chromium (run make test)")
	}
	site := t.TempDir()
	for i, d := range corpus {
		p := filepath.Join(site, fmt.Sprintf("p%d", i), "index.html")
		os.MkdirAll(filepath.Dir(p), 0o755)
		html := strings.Replace(page, "关于行政复议的通知", d.Title, 1)
		if err := os.WriteFile(p, []byte(strings.Replace(html, "第一段", d.Text, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(site, "index.html"), []byte(`<!doctype html><html><body>首页</body></html>`), 0o644)
	if _, err := BuildSite(site, DefaultParams, 4); err != nil {
		t.Fatal(err)
	}
	x, err := Open(os.DirFS(filepath.Join(site, Dir)))
	if err != nil {
		t.Fatal(err)
	}
	b, err := browser.Start(context.Background(), filepath.Join(t.TempDir(), "profile"))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	srv := browser.ServeDir(site)
	defer srv.Close()
	tab, err := b.Open(srv.URL, "/")
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()
	queries := []string{
		"行政复议", "复议申请", "民初4581", "4581号", "养犬", "养犬4581", "刑法", "，", "",
		"某政规〔2026〕3号", "009990011/2026-00118", "ＧＢ１８０３０标准", "Café ①② かな 한국어 〇",
		strings.Repeat("x", 50) + "复", "行政复议申请行政复议",
	}
	for _, q := range queries {
		qs, _ := json.Marshal(q)
		var got struct {
			Terms []Term `json:"terms"`
			Pages []int  `json:"pages"`
			Or    bool   `json:"or"`
		}
		js := fmt.Sprintf(`(async q => {
  const s = await import("/%s/client.js");
  window.__x = window.__x || await s.open("/%s/");
  const r = await window.__x.search(q);
  return {terms: s.queryTerms(q, true).map(t => ({Text: t.text, Required: t.required})), pages: r.hits.map(h => h.page), or: r.or};
})(%s)`, Dir, Dir, qs)
		if err := tab.Eval(js, &got); err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		want := QueryTerms(q, true)
		if len(want) == 0 && len(got.Terms) == 0 {
			want, got.Terms = nil, nil
		}
		if !reflect.DeepEqual(got.Terms, want) {
			t.Errorf("%q: client.js terms %+v, Go %+v", q, got.Terms, want)
		}
		res, err := x.Search(q)
		if err != nil {
			t.Fatal(err)
		}
		var pages []int
		for _, h := range res.Hits {
			pages = append(pages, h.Page)
		}
		if len(pages) == 0 && len(got.Pages) == 0 {
			continue
		}
		if !reflect.DeepEqual(got.Pages, pages) || got.Or != res.Or {
			t.Errorf("%q: client.js pages %v (or %v), Go %v (or %v)", q, got.Pages, got.Or, pages, res.Or)
		}
	}
}
