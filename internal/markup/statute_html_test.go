package markup

import (
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"

	"github.com/fazhi-dev/fazhi/internal/markup/statute"
)

// statuteHTML renders src as a statute with raw HTML allowed.
func statuteHTML(t *testing.T, src string) string {
	t.Helper()
	o := Options{Statute: []goldmark.Extender{statute.New()}, UnsafeHTML: true}
	return render(t, o, Doc{Body: []byte(src), Statute: true}).HTML
}

var idAttr = regexp.MustCompile(`\sid="([^"]*)"`)

// A heading whose automatic id is also a statute anchor yields: the
// anchor keeps its stable id, the heading takes the next free one.
func TestStatuteIDsUnique(t *testing.T) {
	cases := []struct{ src, want string }{
		{"## Art 1\n\n第一条　内容\n", `<h2 id="art-1-1">Art 1</h2>` + "\n" + `<p id="art-1" class="article">`},
		{"第一条　内容\n\n## Art 1\n", `<h2 id="art-1-1">Art 1</h2>`},
		{"# 第一章 总则\n\n## chap 1\n", `<h1 id="chap-1">第一章 总则</h1>` + "\n" + `<h2 id="chap-1-1">chap 1</h2>`},
		{"## chap 1\n\n# 第一章 总则\n\n## chap 1\n", `<h2 id="chap-1-2">chap 1</h2>` + "\n" + `<h1 id="chap-1">第一章 总则</h1>` + "\n" + `<h2 id="chap-1-1">chap 1</h2>`},
		{"> ## Art 1\n\n第一条　内容\n", `<h2 id="art-1-1">Art 1</h2>`},
	}
	for _, c := range cases {
		html := statuteHTML(t, c.src)
		if !strings.Contains(html, c.want) {
			t.Errorf("%q:\nwant %s\nin   %s", c.src, c.want, html)
		}
		seen := map[string]bool{}
		for _, m := range idAttr.FindAllStringSubmatch(html, -1) {
			if seen[m[1]] {
				t.Errorf("%q: id %q twice in\n%s", c.src, m[1], html)
			}
			seen[m[1]] = true
		}
	}
}

// A statute reference inside a link the author wrote in raw HTML is not
// linked again: <a> inside <a> is not valid HTML.
func TestStatuteNoLinkInRawLink(t *testing.T) {
	src := "第一条　甲。\n\n见<a href=\"/x\">本法第一条</a>，又见第一条。\n\n见<A HREF=/x>**本法第一条**</A>和第一条\n\n<a href=\"/y\">未闭合的第一条\n\n另段第一条\n\n<abbr title=\"x\">本法第一条</abbr>\n"
	html := statuteHTML(t, src)
	for _, want := range []string{
		`<p>见<a href="/x">本法第一条</a>，又见<a href="#art-1" class="xref">第一条</a>。</p>`,
		`<p>见<a href="/x"><strong>本法第一条</strong></a>和<a href="#art-1" class="xref">第一条</a></p>`,
		`<p>另段<a href="#art-1" class="xref">第一条</a></p>`,
		`<abbr title="x">本法<a href="#art-1" class="xref">第一条</a></abbr>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("want %s\nin   %s", want, html)
		}
	}
}

// A label alone on its line keeps the line break after it, as the same
// text without the statute extension does (goldmark drops a soft line
// break only between two wide characters).
func TestLabelAloneKeepsLineBreak(t *testing.T) {
	plain := New(Options{})
	for _, c := range []struct{ src, want string }{
		{"第二条\nThe text.\n", "<a href=\"#art-2\" class=\"art-label\">第二条</a>\nThe text.</p>"},
		{"第二条\n2024年起施行。\n", "<a href=\"#art-2\" class=\"art-label\">第二条</a>\n2024年起施行。</p>"},
		{"第二条\n正文。\n", "<a href=\"#art-2\" class=\"art-label\">第二条</a>正文。</p>"},
		{"第二条\n*正文*。\n", "<a href=\"#art-2\" class=\"art-label\">第二条</a><em>正文</em>。</p>"},
	} {
		o := Options{Statute: []goldmark.Extender{statute.New()}}
		got := render(t, o, Doc{Body: []byte(c.src), Statute: true}).HTML
		if !strings.Contains(got, c.want) {
			t.Errorf("%q:\nwant %s\nin   %s", c.src, c.want, got)
		}
		p, err := plain.Render(Doc{Body: []byte(c.src)})
		if err != nil {
			t.Fatal(err)
		}
		if a, b := tagless(got), tagless(p.HTML); a != b {
			t.Errorf("%q: text differs from the plain rendering:\n%q\n%q", c.src, a, b)
		}
	}
}

var tags = regexp.MustCompile(`<[^>]*>`)

func tagless(html string) string { return tags.ReplaceAllString(html, "") }
