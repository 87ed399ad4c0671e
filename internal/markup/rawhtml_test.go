package markup

import (
	"strings"
	"testing"
)

// Under a sub-path base URL, the addresses in raw HTML are rewritten like
// Markdown links: root-relative ones get the base path, relative ones are
// resolved against Doc.Folder; others are left as written.
func TestRawHTMLRebased(t *testing.T) {
	body := "<div class=\"box\"><a href=\"/zhengce/a/\">甲</a></div>\n\n" +
		"见<a href=\"/x/\" title=\"t\">乙</a>、<img src=\"img/t.png\" alt=\"图\">、<a href=\"https://x.cn/\">丙</a>、<a href=\"#art-1\">丁</a>、<a href=\"//cdn.cn/a\">戊</a>\n\n" +
		"<https://x.cn/y> [md](/m/)\n"
	for _, trust := range []bool{false, true} {
		r := render(t, Options{BasePath: "/sub/", UnsafeHTML: true, TrustHTML: trust}, Doc{Body: []byte(body), Folder: "/zhengce/b/"})
		for _, want := range []string{
			`<a href="/sub/zhengce/a/">甲</a>`, `<a href="/sub/x/" title="t">乙</a>`, `src="/sub/zhengce/b/img/t.png"`,
			`href="https://x.cn/"`, `href="#art-1"`, `href="//cdn.cn/a"`, `<a href="https://x.cn/y">`, `<a href="/sub/m/">md</a>`,
		} {
			if !strings.Contains(r.HTML, want) {
				t.Errorf("trust=%v: missing %s in\n%s", trust, want, r.HTML)
			}
		}
	}
	r := render(t, Options{BasePath: "/sub/", UnsafeHTML: true, TrustHTML: true}, Doc{Body: []byte("<A HREF='https://x.cn/'  >a</A>\n")})
	if r.HTML != "<p><A HREF='https://x.cn/'  >a</A></p>\n" {
		t.Errorf("trusted HTML with nothing to rebase should be left as written: %q", r.HTML)
	}
}

// Inline <script> or <style> dropped by the sanitizer takes its content
// with it, as when the sanitizer saw the whole document.
func TestRawHTMLInlineDroppedContent(t *testing.T) {
	r := render(t, Options{UnsafeHTML: true}, Doc{Body: []byte("甲<script>alert(1)</script>乙<style>p{}</style>丙<b>丁</b>\n")})
	if want := "<p>甲乙丙<b>丁</b></p>\n"; r.HTML != want {
		t.Errorf("got %q, want %q", r.HTML, want)
	}
}
