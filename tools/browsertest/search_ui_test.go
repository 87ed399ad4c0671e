package browsertest

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// TestSearchPage (issue 14 point 24): /search/ has one search box (none
// in the header); each excerpt starts at a word boundary, after the title,
// and nothing is joined with an English 「. 」; a query without results
// suggests the columns, 12348 and the national law and regulation
// database.
func TestSearchPage(t *testing.T) {
	s := portal(t)
	if !s.has("/search/") {
		t.Skip("the portal was built without Pagefind")
	}
	ctx := s.tab(t, 375)
	s.open(t, ctx, "/search/?q="+url.QueryEscape("行政复议"))
	if n := eval[int](t, ctx, `document.querySelectorAll('input[type="search"]').length`); n != 1 {
		t.Errorf("/search/ has %d search boxes, want 1", n)
	}
	if err := poll(ctx, `document.querySelectorAll("#search-results li").length > 0`); err != nil {
		t.Fatalf("no results for 行政复议: %v", err)
	}
	type hit struct{ Title, Excerpt string }
	hits := eval[[]hit](t, ctx, `[...document.querySelectorAll("#search-results li")].map(li =>
		({Title: li.querySelector("a").textContent, Excerpt: li.querySelector(".search-excerpt").textContent}))`)
	if len(hits) < 5 {
		t.Fatalf("only %d results for 行政复议", len(hits))
	}
	ascii := regexp.MustCompile(`[^\x00-\x7f]\. `)
	for _, h := range hits {
		ex := strings.TrimPrefix(h.Excerpt, "…")
		if ascii.MatchString(h.Excerpt) {
			t.Errorf("%s: excerpt joins with an English 「. 」: %q", h.Title, h.Excerpt)
		}
		if strings.HasPrefix(ex, h.Title) || strings.HasPrefix(ex, "。") || strings.HasPrefix(ex, " ") {
			t.Errorf("%s: excerpt starts with the title or punctuation: %q", h.Title, h.Excerpt)
		}
	}
	// The first result, 「市司法局召开全市行政复议工作业务指导会」, had the
	// excerpt 「局召开全市行政复议工作业务指导会. 11月24日，…」.
	if first := hits[0]; first.Title == "市司法局召开全市行政复议工作业务指导会" && !strings.HasPrefix(first.Excerpt, "11月24日") {
		t.Errorf("first excerpt %q, want it to start with the text after the title: 11月24日", first.Excerpt)
	}
	for _, h := range hits {
		if ex := strings.TrimPrefix(h.Excerpt, "…"); strings.HasPrefix(ex, "局") || strings.HasPrefix(ex, "室") {
			t.Errorf("%s: excerpt starts inside a word: %q", h.Title, h.Excerpt)
		}
	}

	s.open(t, ctx, "/search/?q="+url.QueryEscape("xyzzyq"))
	if err := poll(ctx, `!document.getElementById("search-none").hidden`); err != nil {
		t.Fatalf("no suggestions shown for a query without results: %v (status %q)", err, eval[string](t, ctx, `document.getElementById("search-status").textContent`))
	}
	type none struct {
		Text   string
		Links  []string
		Status string
	}
	r := eval[none](t, ctx, `(() => { const b = document.getElementById("search-none");
		return {Text: b.innerText, Links: [...b.querySelectorAll("a")].map(a => a.getAttribute("href")),
			Status: document.getElementById("search-status").textContent}; })()`)
	for _, want := range []string{"/zhengce/", "/sifa/", "tel:12348", "https://flk.npc.gov.cn/"} {
		if !strings.Contains(strings.Join(r.Links, " "), want) {
			t.Errorf("no-result suggestions lack a link to %s: %q", want, r.Links)
		}
	}
	if !strings.Contains(r.Text, "国家法律法规数据库") || !strings.Contains(r.Status, "没有找到") {
		t.Errorf("no-result text %q, status %q", r.Text, r.Status)
	}
	s.open(t, ctx, "/search/?q="+url.QueryEscape("行政复议"))
	if err := poll(ctx, `document.querySelectorAll("#search-results li").length > 0`); err != nil {
		t.Fatal(err)
	}
	if shown := eval[bool](t, ctx, `!document.getElementById("search-none").hidden`); shown {
		t.Errorf("suggestions shown although there are results")
	}
}
