package markup

import (
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark"

	"github.com/fazhi-dev/fazhi/internal/markup/statute"
)

func render(t *testing.T, o Options, d Doc) *Rendered {
	t.Helper()
	r, err := New(o).Render(d)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestRenderFeatures(t *testing.T) {
	src := "## 如何申请 行政复议\n\n## 如何申请 行政复议\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~删除~~ https://example.org\n\n- [x] 完成\n\n注释[^1]\n\n[^1]: 脚注内容\n\n术语\n: 定义\n\n第一行\n第二行\n"
	r := render(t, Options{}, Doc{Body: []byte(src), Line: 1, Facts: true})
	html := string(r.HTML)
	for _, want := range []string{
		`<h2 id="如何申请-行政复议">如何申请 行政复议</h2>`,
		`<h2 id="如何申请-行政复议-1">`,
		`<table>`, `<del>删除</del>`, `<a href="https://example.org">https://example.org</a>`,
		`<input checked="" disabled="" type="checkbox" aria-label="已完成"> 完成`, `class="footnote-ref"`,
		`<dl>`, `<dt>术语</dt>`, `<p>第一行第二行</p>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("missing %q in\n%s", want, html)
		}
	}
	if len(r.TOC) != 2 || r.TOC[1].ID != "如何申请-行政复议-1" || r.TOC[0].Text != "如何申请 行政复议" {
		t.Errorf("toc = %+v", r.TOC)
	}
}

func TestRawHTML(t *testing.T) {
	src := []byte("<script>alert(1)</script>\n\n<iframe src=\"https://v.example.cn/x\"></iframe>\n\n<iframe src=\"https://evil.test/x\"></iframe>\n\n[x](javascript:alert(1))\n")
	off := string(render(t, Options{}, Doc{Body: src}).HTML)
	if strings.Contains(off, "<script") || strings.Contains(off, "<iframe") || strings.Contains(off, "javascript:") {
		t.Errorf("raw HTML should be omitted by default:\n%s", off)
	}
	san := string(render(t, Options{UnsafeHTML: true, IframeHosts: []string{"v.example.cn"}}, Doc{Body: src}).HTML)
	if strings.Contains(san, "<script") || strings.Contains(san, "evil.test") || strings.Contains(san, "javascript:") {
		t.Errorf("sanitizer let through:\n%s", san)
	}
	if !strings.Contains(san, `<iframe src="https://v.example.cn/x">`) {
		t.Errorf("allowed iframe missing:\n%s", san)
	}
	trusted := string(render(t, Options{UnsafeHTML: true, TrustHTML: true}, Doc{Body: src}).HTML)
	if !strings.Contains(trusted, "<script>alert(1)</script>") {
		t.Errorf("trusted HTML should pass:\n%s", trusted)
	}
}

func TestSummary(t *testing.T) {
	long := strings.Repeat("这是一句话，", 15) + "结束。" + strings.Repeat("后文", 30)
	cases := []struct{ in, want string }{
		{"短文。", "短文。"},
		{strings.Repeat("甲", 100) + "。" + strings.Repeat("乙", 30) + "。", strings.Repeat("甲", 100) + "。"},
		{strings.Repeat("丙", 130), strings.Repeat("丙", 119) + "…"},
		{long, strings.Repeat("这是一句话，", 15) + "结束。"},
	}
	for _, c := range cases {
		if got := Summarize(c.in, 120); got != c.want {
			t.Errorf("Summarize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	r := render(t, Options{}, Doc{Body: []byte("# 标题\n\n第一段**加粗**文字。\n\n第二段。\n")})
	if r.Summary != "第一段加粗文字。" {
		t.Errorf("summary = %q", r.Summary)
	}
}

func TestLinksAndFAQ(t *testing.T) {
	src := "+++\n+++\n## 问：什么是行政复议？\n\n答：一种救济途径，见[办法](/zhengce/a/#art-3)。\n\n另一段。\n\n### 问：多久？\n\n六十日。\n\n![图](/img/a.png)\n"
	body := []byte(src[strings.Index(src, "## "):])
	r := render(t, Options{}, Doc{Body: body, Line: 3, FAQ: true, Facts: true})
	want := []QA{{"问：什么是行政复议？", "答：一种救济途径，见办法。\n另一段。"}, {"问：多久？", "六十日。\n图"}}
	if !reflect.DeepEqual(r.FAQ, want) {
		t.Errorf("faq = %#v", r.FAQ)
	}
	if len(r.Links) != 2 || r.Links[0].Dest != "/zhengce/a/#art-3" || r.Links[0].Line != 5 || r.Links[0].Col != 11 {
		t.Errorf("links = %+v", r.Links)
	}
	if !r.Links[1].Image || r.Links[1].Alt != "图" || r.Links[1].Line != 13 {
		t.Errorf("image = %+v", r.Links[1])
	}
	if !reflect.DeepEqual(r.IDs, []string{"问什么是行政复议", "问多久"}) {
		t.Errorf("ids = %q", r.IDs)
	}
}

func FuzzMarkdown(f *testing.F) {
	f.Add("## 标题\n\n正文[链接](/a/)。\n\n| a |\n|---|\n| b |\n")
	f.Add("<script>x</script>\n\n- [ ] a\n\n[^1]\n\n[^1]: b")
	f.Add("> > > > 引用\n\n1. a\n   1. b\n")
	c := New(Options{})
	f.Fuzz(func(t *testing.T, s string) {
		r, err := c.Render(Doc{Body: []byte(s), FAQ: true})
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(r.HTML), "<script") {
			t.Fatalf("script in output for %q", s)
		}
	})
}

func TestBasePath(t *testing.T) {
	r := render(t, Options{BasePath: "/sub/"}, Doc{Body: []byte("[a](/zhengce/a/) [b](https://x.cn/) [c](#art-1) ![i](/img/x.png)"), Facts: true})
	html := string(r.HTML)
	for _, want := range []string{`href="/sub/zhengce/a/"`, `href="https://x.cn/"`, `href="#art-1"`, `src="/sub/img/x.png"`} {
		if !strings.Contains(html, want) {
			t.Errorf("missing %s in %s", want, html)
		}
	}
	if r.Links[0].Dest != "/zhengce/a/" {
		t.Errorf("collected link should be site-relative: %q", r.Links[0].Dest)
	}
}

// TestBasePathXRef checks that a statute's cross-references to another
// document get the base path like any other link, while those within the
// document stay fragments.
func TestBasePathXRef(t *testing.T) {
	resolve := statute.ResolverFunc(func(title string) (string, bool) {
		return "/laws/civil-code/", title == "民法典"
	})
	o := Options{BasePath: "/sub/", Statute: []goldmark.Extender{statute.New(statute.WithResolver(resolve))}}
	r := render(t, o, Doc{Body: []byte("第一条　依照《民法典》第三条和本法第一条。\n"), Line: 1, Statute: true, Facts: true})
	want := `<p id="art-1" class="article"><a href="#art-1" class="art-label">第一条</a>　依照<a href="/sub/laws/civil-code/#art-3" class="xref">《民法典》第三条</a>和本法<a href="#art-1" class="xref">第一条</a>。</p>` + "\n"
	if string(r.HTML) != want {
		t.Errorf("html =\n%s\nwant\n%s", r.HTML, want)
	}
	wantLinks := []Link{{Dest: "/laws/civil-code/#art-3", Class: "xref", Line: 1, Col: 7}, {Dest: "#art-1", Class: "xref", Line: 1, Col: 18}}
	if !reflect.DeepEqual(r.Links, wantLinks) {
		t.Errorf("links = %+v, want %+v", r.Links, wantLinks)
	}
}

// TestFolder checks that relative destinations are made site-absolute
// against Doc.Folder (then given the base path), and that the collected
// links keep what the author wrote.
func TestFolder(t *testing.T) {
	body := "[a](file.pdf?v=1#p) [b](../b.html) [c](./x/) [d](/abs/) [e](#top) [f](mailto:a@b.cn) [g](../../../up) ![i](img/t.png) [h](..)"
	r := render(t, Options{BasePath: "/sub/"}, Doc{Body: []byte(body), Folder: "/zhengce/a/", Facts: true})
	for _, want := range []string{`href="/sub/zhengce/a/file.pdf?v=1#p"`, `href="/sub/zhengce/b.html"`, `href="/sub/zhengce/a/x/"`,
		`href="/sub/abs/"`, `href="#top"`, `href="mailto:a@b.cn"`, `href="../../../up"`, `src="/sub/zhengce/a/img/t.png"`, `href="/sub/zhengce/"`} {
		if !strings.Contains(r.HTML, want) {
			t.Errorf("missing %s in %s", want, r.HTML)
		}
	}
	if r.Links[0].Dest != "file.pdf?v=1#p" {
		t.Errorf("collected link should be as written: %q", r.Links[0].Dest)
	}
	r = render(t, Options{}, Doc{Body: []byte("[a](file.pdf)"), Folder: "/zhengce/a/"})
	if !strings.Contains(r.HTML, `href="/zhengce/a/file.pdf"`) {
		t.Errorf("without a base path: %s", r.HTML)
	}
}

// TestFactsOnlyWhenAsked checks that ids and links are collected only for
// checks, while the summary, character count, TOC and HTML do not depend
// on it; and that statute articles render with their id, class and label.
func TestFactsOnlyWhenAsked(t *testing.T) {
	body := []byte("## 第一章 总则\n\n第一条 为了规范管理，制定本办法。\n\n第二条　本办法第一条所称管理，见[说明](/zhengce/a/)。\n")
	o := Options{Statute: []goldmark.Extender{statute.New()}}
	with := render(t, o, Doc{Body: body, Line: 1, Statute: true, Facts: true})
	without := render(t, o, Doc{Body: body, Line: 1, Statute: true})
	if len(without.IDs) != 0 || len(without.Links) != 0 {
		t.Errorf("without Facts: ids %q, links %+v; want none", without.IDs, without.Links)
	}
	wantIDs := []string{"chap-1", "art-1", "art-2"}
	if !reflect.DeepEqual(with.IDs, wantIDs) {
		t.Errorf("ids = %q, want %q", with.IDs, wantIDs)
	}
	wantLinks := []Link{{Dest: "#chap-1"}, {Dest: "#art-1", Class: "xref", Line: 5, Col: 8}, {Dest: "/zhengce/a/", Line: 5, Col: 17}}
	if !reflect.DeepEqual(with.Links, wantLinks) {
		t.Errorf("links = %+v, want %+v", with.Links, wantLinks)
	}
	if with.HTML != without.HTML || with.Summary != without.Summary || !reflect.DeepEqual(with.TOC, without.TOC) {
		t.Errorf("output depends on Facts:\n%s\n%s", with.HTML, without.HTML)
	}
	if with.Summary != "第一条 为了规范管理，制定本办法。" {
		t.Errorf("summary %q", with.Summary)
	}
	// A label followed by an ideographic space is cut from the text
	// after it, and the summary still starts with it.
	fw := render(t, o, Doc{Body: []byte("第一条　为了规范管理，制定本办法。\n"), Statute: true})
	if fw.Summary != "第一条 为了规范管理，制定本办法。" {
		t.Errorf("summary %q", fw.Summary)
	}
	for _, want := range []string{
		`<p id="art-1" class="article"><a href="#art-1" class="art-label">第一条</a> 为了规范管理，制定本办法。</p>`,
		`<p id="art-2" class="article"><a href="#art-2" class="art-label">第二条</a>　本办法<a href="#art-1" class="xref">第一条</a>所称管理，见<a href="/zhengce/a/">说明</a>。</p>`,
	} {
		if !strings.Contains(with.HTML, want) {
			t.Errorf("HTML lacks %s\n%s", want, with.HTML)
		}
	}
}

func TestRuneCount(t *testing.T) {
	for _, s := range []string{"", "abc", "中文，English。", "🙂 表情", "\u00e9\u3000x"} {
		if got, want := runeCount([]byte(s)), len([]rune(s)); got != want {
			t.Errorf("runeCount(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestRenderTransient checks that RenderTransient gives the same HTML as
// Render, that its buffer is reused only after release, and that the
// sanitizer's output (an almost empty one too) is what it returns.
func TestRenderTransient(t *testing.T) {
	c := New(Options{})
	a := Doc{Body: []byte("第一段**重点**。\n\n- 一\n- 二\n")}
	want, err := c.Render(a)
	if err != nil {
		t.Fatal(err)
	}
	got, release, err := c.RenderTransient(a)
	if err != nil {
		t.Fatal(err)
	}
	if got.HTML != want.HTML || got.Summary != want.Summary {
		t.Errorf("transient %q, want %q", got.HTML, want.HTML)
	}
	// While got is held, other documents rendered and released must not
	// write into its buffer (they are short enough to fit in it): compare
	// got itself, not a copy of it.
	for range 5 {
		b, rel, err := c.RenderTransient(Doc{Body: []byte("另一页。")})
		if err != nil {
			t.Fatal(err)
		}
		if b.HTML != "<p>另一页。</p>\n" {
			t.Errorf("second page %q", b.HTML)
		}
		rel()
	}
	if got.HTML != want.HTML {
		t.Errorf("held transient HTML changed before its release: %q", got.HTML)
	}
	release()
	s := New(Options{UnsafeHTML: true})
	r, rel, err := s.RenderTransient(Doc{Body: []byte("<script>alert(1)</script>\n")})
	if err != nil {
		t.Fatal(err)
	}
	defer rel()
	if r.HTML != "\n" {
		t.Errorf("sanitized script should leave only the line break, got %q", r.HTML)
	}
}

func TestResolvePath(t *testing.T) {
	for _, c := range []struct{ base, u, want string }{
		{"/gongzuo/b/", "../zhengce/a/", "/gongzuo/zhengce/a/"},
		{"/gongzuo/b.html", "a.html", "/gongzuo/a.html"},
		{"/gongzuo/b.html", "../zhengce/", "/zhengce/"},
		{"/gongzuo/b/", "..", "/gongzuo/"},
		{"/gongzuo/b/", ".", "/gongzuo/b/"},
		{"/gongzuo/b/", "/abs/x.pdf", "/abs/x.pdf"},
		{"/gongzuo/b/", "../../..", ""},
		{"/", "../x", ""},
	} {
		if got := ResolvePath(c.base, c.u); got != c.want {
			t.Errorf("ResolvePath(%q, %q) = %q, want %q", c.base, c.u, got, c.want)
		}
	}
}

// A short first paragraph ending in a colon is a salutation (同志们：) and
// says nothing about the page: the summary is the next paragraph.
func TestSummarySkipsSalutation(t *testing.T) {
	cases := []struct{ in, want string }{
		{"同志们：\n\n今年以来，全市法治政府建设取得新进展。\n", "今年以来，全市法治政府建设取得新进展。"},
		{"赵某：\n\n本院受理原告诉被告一案，现依法向你公告送达起诉状副本。\n", "本院受理原告诉被告一案，现依法向你公告送达起诉状副本。"},
		{"Dear all:\n\n正文。\n", "正文。"},
		{"各区人民政府，市政府各部门、各直属机构：\n\n现将有关事项通知如下。\n", "现将有关事项通知如下。"},
		{"同志们：\n", "同志们："},
		{"下列事项应当公开：\n\n- 甲\n", "下列事项应当公开："},
		{strings.Repeat("长", 40) + "：\n\n第二段。\n", strings.Repeat("长", 40) + "："},
	}
	for _, c := range cases {
		if got := render(t, Options{}, Doc{Body: []byte(c.in)}).Summary; got != c.want {
			t.Errorf("%q: summary = %q, want %q", c.in, got, c.want)
		}
	}
}
