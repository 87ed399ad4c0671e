package alt

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestPostingsRoundTrip(t *testing.T) {
	lists := [][]Posting{
		{{Page: 0, TF: 1}},
		{{Page: 7, TF: 3, Title: true}, {Page: 8, TF: 1}, {Page: 300, TF: 1 << 20, Title: true}, {Page: 1<<32 - 1, TF: 2}},
		{{Page: 5, TF: 0, Title: true}, {Page: 127, TF: 127}, {Page: 128, TF: 128}},
	}
	for _, ps := range lists {
		b := EncodePostings(ps)
		got, err := DecodePostings(b, len(ps))
		if err != nil || !reflect.DeepEqual(got, ps) {
			t.Errorf("round trip of %v = %v, %v", ps, got, err)
		}
		// The builder appends one posting at a time: the same bytes.
		var inc []byte
		for i, p := range ps {
			var prev uint32
			if i > 0 {
				prev = ps[i-1].Page
			}
			inc = AppendPosting(inc, prev, p, i == 0)
		}
		if !bytes.Equal(inc, b) {
			t.Errorf("AppendPosting % x, EncodePostings % x", inc, b)
		}
		if _, err := DecodePostings(b[:len(b)-1], len(ps)); err == nil {
			t.Errorf("truncated list of %v decoded without error", ps)
		}
		if _, err := DecodePostings(append(b, 0, 1), len(ps)); err == nil {
			t.Errorf("list with trailing bytes decoded without error")
		}
	}
	// Page gaps and tf<<1|title as varints: 7 → 07, tf 3 title → 07;
	// gap 1 → 01, tf 1 → 02.
	if b := EncodePostings([]Posting{{Page: 7, TF: 3, Title: true}, {Page: 8, TF: 1}}); !bytes.Equal(b, []byte{7, 7, 1, 2}) {
		t.Errorf("encoding = % x", b)
	}
}

func TestChunkRoundTrip(t *testing.T) {
	in := []List{
		{Term: "复议", DF: 2, Data: EncodePostings([]Posting{{Page: 1, TF: 2}, {Page: 9, TF: 1, Title: true}})},
		{Term: "4581", DF: 1, Data: EncodePostings([]Posting{{Page: 3, TF: 1}})},
		{Term: "行政", DF: 1, Data: EncodePostings([]Posting{{Page: 0, TF: 5}})},
	}
	b := EncodeChunk(append([]List(nil), in...))
	got, err := DecodeChunk(b)
	if err != nil {
		t.Fatal(err)
	}
	var terms []string
	for _, l := range got {
		terms = append(terms, l.Term)
		for _, w := range in {
			if w.Term == l.Term && (w.DF != l.DF || !bytes.Equal(w.Data, l.Data)) {
				t.Errorf("%s: got %+v, want %+v", l.Term, l, w)
			}
		}
	}
	if strings.Join(terms, " ") != "4581 复议 行政" {
		t.Errorf("terms %v, want sorted by bytes", terms)
	}
	for i := range b {
		if _, err := DecodeChunk(b[:i]); err == nil {
			t.Errorf("chunk cut to %d of %d bytes decoded without error", i, len(b))
		}
	}
}

func TestQueryTerms(t *testing.T) {
	tests := []struct {
		q           string
		cover, want string // terms, * marks the optional ones
	}{
		{"行政复议", "行政 政复* 复议", "行政 政复 复议"},
		{"复议申请", "复议 议申* 申请", "复议 议申 申请"},
		{"行政诉讼法", "行政 政诉* 诉讼 讼法", "行政 政诉 诉讼 讼法"},
		{"民初4581", "民初 4581", "民初 4581"},
		{"4581号", "4581 号", "4581 号"},
		{"某府令〔2026〕31号", "某府 府令 2026 31 号", "某府 府令 2026 31 号"},
		{"009990011/2026-00118", "009990011 2026 00118", "009990011 2026 00118"},
		{"ＧＢ１８０３０ 标准", "gb18030 标准", "gb18030 标准"},
		{"法法法", "法法", "法法"},
		{"  ，。", "", ""},
	}
	for _, tt := range tests {
		for _, cover := range []bool{true, false} {
			var got []string
			for _, x := range QueryTerms(tt.q, cover) {
				if x.Required {
					got = append(got, x.Text)
				} else {
					got = append(got, x.Text+"*")
				}
			}
			want := tt.want
			if cover {
				want = tt.cover
			}
			if strings.Join(got, " ") != want {
				t.Errorf("QueryTerms(%q, %v) = %q, want %q", tt.q, cover, strings.Join(got, " "), want)
			}
		}
	}
}

func TestIndexTerms(t *testing.T) {
	var got []string
	IndexTerms("第十二条 民初4581号，ＡＢ", func(term string, counted bool) {
		if !counted {
			term += "·"
		}
		got = append(got, term)
	})
	want := "第十 第· 十二 十· 二条 二· 条· 民初 民· 初· 4581 号· ab"
	if strings.Join(got, " ") != want {
		t.Errorf("IndexTerms = %q, want %q", strings.Join(got, " "), want)
	}
}

func TestQuantizeLen(t *testing.T) {
	for _, n := range []int{0, 1, 2, 10, 100, 1234, 4450, 99999} {
		l := LenOf(QuantizeLen(n))
		if d := l - float64(n); d > 0.03*float64(n)+0.5 || -d > 0.03*float64(n)+0.5 {
			t.Errorf("LenOf(QuantizeLen(%d)) = %.1f", n, l)
		}
	}
	if QuantizeLen(1<<40) != 255 {
		t.Errorf("a huge length is not clamped to 255")
	}
}

const page = `<!doctype html><html><head><title>站点</title></head><body>
<nav>导航 行政复议</nav>
<article data-pagefind-body>
<h1 data-pagefind-meta="title, column:政策">关于行政复议的通知</h1>
<p class="print-url" data-pagefind-ignore>本文网址：https://example.org/a/</p>
<p>第一段<b>加粗</b>文字。</p><div>第二段</div>
<script>var x = "脚本";</script>
<span data-pagefind-index-attrs="data-docno,data-index-number" data-docno="某政规〔2026〕3号" data-index-number="009990011/2026-00118"></span>
</article>
<footer>页脚</footer>
</body></html>`

func TestExtract(t *testing.T) {
	d, ok, err := Extract(strings.NewReader(page), "/a/")
	if err != nil || !ok {
		t.Fatalf("Extract: %v, %v", ok, err)
	}
	if d.Title != "关于行政复议的通知" || d.URL != "/a/" {
		t.Errorf("title %q, url %q", d.Title, d.URL)
	}
	got := strings.Join(strings.Fields(d.Text), " ")
	want := "关于行政复议的通知 第一段加粗文字。 第二段 某政规〔2026〕3号 009990011/2026-00118"
	if got != want {
		t.Errorf("text %q, want %q", got, want)
	}
	if _, ok, _ := Extract(strings.NewReader(`<html><body><h1>栏目</h1></body></html>`), "/list/"); ok {
		t.Errorf("a page without data-pagefind-body was indexed")
	}
}

// tiny builds an index of docs with p in a temporary folder.
func tiny(t *testing.T, p Params, docs ...Doc) *Index {
	t.Helper()
	b := NewBuilder(p)
	for _, d := range docs {
		b.Add(d)
	}
	dir := t.TempDir()
	if _, err := b.Write(dir, 4); err != nil {
		t.Fatal(err)
	}
	x, err := Open(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func titles(t *testing.T, x *Index, q string) string {
	t.Helper()
	res, err := x.Search(q)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, h := range res.Hits {
		m, err := x.Meta(h.Page)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, m.Title)
	}
	s := strings.Join(out, " | ")
	if res.Or {
		s = "OR: " + s
	}
	return s
}

func doc(title, body string) Doc {
	return Doc{URL: "/" + title + "/", Title: title, Text: title + "\n" + body}
}

var corpus = []Doc{
	doc("某市行政复议办法", "申请行政复议的，向复议机关提出。行政复议机关应当受理。"),
	doc("行政复议常见问题问答", "问：怎样申请？答：可以书面申请行政复议，也可以口头申请。"),
	doc("某市养犬管理规定", "养犬人应当办理登记。违反本规定的，由公安机关处罚，当事人可以申请复议。"),
	doc("某市政府信息公开指南", "申请人可以通过网站提交政府信息公开申请。对答复不服的，可以申请行政复议或者提起行政诉讼。"),
	doc("关于民初4581号案件的送达公告", "本院受理原告诉被告民间借贷纠纷一案，案号（2026）某民初4581号。"),
}

func TestRanking(t *testing.T) {
	x := tiny(t, DefaultParams, corpus...)
	tests := []struct{ q, want string }{
		// Every page with 行政 and 复议; the two with 行政复议 in the title
		// first, the shorter title ahead.
		{"行政复议", "某市行政复议办法 | 行政复议常见问题问答 | 某市政府信息公开指南"},
		// 复议 and 申请 are required, 议申 (in no page) would only score:
		// four pages; the guide has 申请 three times, the dog rules once.
		{"复议申请", "某市行政复议办法 | 行政复议常见问题问答 | 某市政府信息公开指南 | 某市养犬管理规定"},
		{"民初4581", "关于民初4581号案件的送达公告"},
		{"4581号", "关于民初4581号案件的送达公告"},
		{"养犬", "某市养犬管理规定"},
		// No page has 养犬 and 4581: the pages with either, by score.
		{"养犬4581", "OR: 某市养犬管理规定 | 关于民初4581号案件的送达公告"},
		{"刑法", "OR: "},
		{"，", ""},
	}
	for _, tt := range tests {
		if got := titles(t, x, tt.q); got != tt.want {
			t.Errorf("Search(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
	// Requiring every bigram: 议申 occurs nowhere, so 复议申请 falls back
	// to OR.
	strict := DefaultParams
	strict.Cover = false
	if got := titles(t, tiny(t, strict, corpus...), "复议申请"); !strings.HasPrefix(got, "OR: ") {
		t.Errorf("strict Search(复议申请) = %q, want the OR fallback", got)
	}
}

// TestTitleBoost: two pages with the same body, the term in one's title.
func TestTitleBoost(t *testing.T) {
	body := "本办法所称居住权，是指按照合同约定对他人的住宅享有占有、使用的用益物权。"
	a, b := Doc{URL: "/a/", Title: "某市不动产登记办法", Text: body}, Doc{URL: "/b/", Title: "某市居住权登记办法", Text: body}
	for _, p := range []Params{DefaultParams, {K1: 1.2, B: 0.75, TitleWeight: 0.5, Cover: true}} {
		if got := titles(t, tiny(t, p, a, b), "居住权"); got != "某市居住权登记办法 | 某市不动产登记办法" {
			t.Errorf("title weight %v: %q", p.TitleWeight, got)
		}
	}
	// Without a title weight the two tie and the lower page id wins.
	if got := titles(t, tiny(t, Params{K1: 1.2, B: 0.75, Cover: true}, a, b), "居住权"); got != "某市不动产登记办法 | 某市居住权登记办法" {
		t.Errorf("no title weight: %q", got)
	}
}

// TestWriteDeterministic: the same pages give the same files, and the
// page ids of BuildSite do not follow the file paths.
func TestWriteDeterministic(t *testing.T) {
	site := t.TempDir()
	for i, d := range corpus {
		p := filepath.Join(site, fmt.Sprintf("p%d", i), "index.html")
		os.MkdirAll(filepath.Dir(p), 0o755)
		html := strings.Replace(page, "关于行政复议的通知", d.Title, 1)
		html = strings.Replace(html, "第一段", d.Text, 1)
		if err := os.WriteFile(p, []byte(html), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(site, "index.html"), []byte(`<html><body>首页</body></html>`), 0o644)
	var first map[string][]byte
	for range 2 {
		st, err := BuildSite(site, DefaultParams, 4)
		if err != nil {
			t.Fatal(err)
		}
		if st.Pages != len(corpus) {
			t.Errorf("%d pages indexed, want %d", st.Pages, len(corpus))
		}
		files := map[string][]byte{}
		filepath.WalkDir(filepath.Join(site, Dir), func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				files[p], _ = os.ReadFile(p)
			}
			return err
		})
		if len(files) != st.Files {
			t.Errorf("%d files written, stats say %d", len(files), st.Files)
		}
		if first != nil && !reflect.DeepEqual(files, first) {
			t.Errorf("a second index of the same site differs")
		}
		first = files
	}
	x, err := Open(os.DirFS(filepath.Join(site, Dir)))
	if err != nil {
		t.Fatal(err)
	}
	var urls []string
	for id := range len(corpus) {
		m, err := x.Meta(id)
		if err != nil {
			t.Fatal(err)
		}
		urls = append(urls, m.URL)
	}
	if strings.Join(urls, " ") == "/p0/ /p1/ /p2/ /p3/ /p4/" {
		t.Errorf("page ids follow the paths: %v", urls)
	}
}
