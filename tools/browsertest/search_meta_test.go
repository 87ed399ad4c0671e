package browsertest

import (
	"net/url"
	"strings"
	"testing"
)

// searchHit is one result as the search page shows it.
type searchHit struct {
	Title, Href, Meta, Excerpt string
}

func searchFor(t *testing.T, s *suite, q string) []searchHit {
	t.Helper()
	ctx := s.tab(t, 1280)
	s.open(t, ctx, "/search/?q="+url.QueryEscape(q))
	if err := poll(ctx, `document.querySelectorAll("#search-results li").length > 0`); err != nil {
		t.Fatalf("no results for %s: %v", q, err)
	}
	return eval[[]searchHit](t, ctx, `[...document.querySelectorAll("#search-results li")].map(li => ({
		Title: li.querySelector("a").textContent, Href: li.querySelector("a").getAttribute("href"),
		Meta: (li.querySelector(".search-meta") || {}).textContent || "",
		Excerpt: (li.querySelector(".search-excerpt") || {}).textContent || ""}))`)
}

// TestSearchResultMeta (issue 17 point 5): a policy's result shows its 文号
// and its state, read from Pagefind metadata outside ignored regions; the
// excerpt comes from the text of the document, not from the metadata
// table or the status line.
func TestSearchResultMeta(t *testing.T) {
	s := portal(t)
	if !s.has("/search/") {
		t.Skip("the portal was built without Pagefind")
	}
	hits := searchFor(t, s, "养犬")
	var dog *searchHit
	for i := range hits {
		if hits[i].Title == "某市养犬管理条例" {
			dog = &hits[i]
		}
	}
	if dog == nil {
		t.Fatalf("某市养犬管理条例 not among the results: %+v", hits)
	}
	for _, want := range []string{"某人常公〔2025〕9号", "现行有效 · 2025年12月1日起施行"} {
		if !strings.Contains(dog.Meta, want) {
			t.Errorf("result meta %q lacks %q", dog.Meta, want)
		}
	}
	for _, bad := range []string{"某人常公", "现行有效", "文件信息", "索引号"} {
		if strings.Contains(dog.Excerpt, bad) {
			t.Errorf("excerpt %q contains %q from the metadata or the status line", dog.Excerpt, bad)
		}
	}
}

// TestSearchArticle (issue 17 point 5): a query for 「第十二条之一」 finds
// the article and links to it.
func TestSearchArticle(t *testing.T) {
	s := portal(t)
	if !s.has("/search/") {
		t.Skip("the portal was built without Pagefind")
	}
	hits := searchFor(t, s, "第十二条之一")
	if hits[0].Title != "某市养犬管理条例" {
		t.Fatalf("first result %+v, want 某市养犬管理条例", hits[0])
	}
	if !strings.HasSuffix(hits[0].Href, "#art-12-1") {
		t.Errorf("first result links %s, want the article #art-12-1", hits[0].Href)
	}
	if !strings.Contains(hits[0].Excerpt, "居民委员会") || strings.Count(hits[0].Excerpt, "第十二条之一") != 1 {
		t.Errorf("excerpt %q is not the article", hits[0].Excerpt)
	}
	// The articles' search words never show.
	for _, q := range []string{"第十二条之一", "行政复议", "第三条"} {
		for _, h := range searchFor(t, s, q) {
			if strings.Contains(h.Excerpt, "tiao") {
				t.Errorf("%s: excerpt %q shows a search word", q, h.Excerpt)
			}
		}
	}
}
