package tmpl

import (
	"html/template"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

type item struct {
	Title string
	Type  string
	Date  time.Time
	N     int
}

func (i item) Upper() string { return strings.ToUpper(i.Title) }

// TestFuncExamples runs examples of every template function (at least
// one each, checked below) and compares the whole output.
func TestFuncExamples(t *testing.T) {
	day := time.Date(2024, 3, 1, 9, 5, 0, 0, time.FixedZone("CST", 8*3600))
	items := []item{{"b", "policy", day, 2}, {"a", "notice", day.AddDate(0, 0, 1), 1}, {"c", "policy", day.AddDate(0, 0, -1), 3}}
	funcs := Funcs(FuncOptions{BaseURL: "https://fzb.example.gov.cn/sub/",
		Markdownify: func(s string) (template.HTML, error) { return template.HTML("<em>" + s + "</em>"), nil },
		Asset: func(p string) (string, bool) {
			return "/sub/js/search.0123456789.js", p == "js/search.js"
		},
		QR: func(s string) (template.HTML, error) {
			return template.HTML("<svg><title>" + s + "</title></svg>"), nil
		},
		Now: day,
	})
	cases := []struct{ tpl, want string }{
		{`{{ cnDate .Day }}`, "2024年3月1日"},
		{`{{ cnTime .Day }}`, "2024年3月1日 09:05"},
		{`{{ cnTime .Midnight }}`, "2024年3月1日"},
		{`{{ isoDate .Wrapped }}`, "2024-03-01"},
		{`{{ isoDate .Zero }}`, ""},
		{`{{ isoDate .Day }}`, "2024-03-01"},
		{`{{ pubDate .Day }}`, "2024-03-01 09:05"},
		{`{{ pubDate .Midnight }}`, "2024-03-01"},
		{`{{ dateFormat "2006/1/2" .Day }}`, "2024/3/1"},
		{`{{ rfc3339 .Day }}`, "2024-03-01T09:05:00&#43;08:00"}, // "+" escaped in HTML text
		{`{{ relURL "/zhengce/" }}`, "/sub/zhengce/"},
		{`{{ absURL "/zhengce/" }}`, "https://fzb.example.gov.cn/sub/zhengce/"},
		{`{{ markdownify "x" }}`, "<em>x</em>"},
		{`<script src="{{ asset "js/search.js" }}"></script>`, `<script src="/sub/js/search.0123456789.js"></script>`},
		{`{{ asset "js/other.js" }}`, "/js/other.js"},
		{`{{ qr "https://x.cn/a" }}`, "<svg><title>https://x.cn/a</title></svg>"},
		{`{{ truncate 5 "中华人民共和国宪法" }}`, "中华人民…"},
		{`{{ truncate 20 "中华人民共和国宪法" }}`, "中华人民共和国宪法"},
		{`{{ range where .Items "Type" "policy" }}{{ .Title }}{{ end }}`, "bc"},
		{`{{ range sortBy .Items "Title" "asc" }}{{ .Title }}{{ end }}`, "abc"},
		{`{{ range sortBy .Items "Date" "desc" }}{{ .Title }}{{ end }}`, "abc"},
		{`{{ range sortBy .Items "N" "desc" }}{{ .Title }}{{ end }}`, "cba"},
		{`{{ range sortBy .Items "Upper" "desc" }}{{ .Title }}{{ end }}`, "cba"},
		{`{{ range first 2 .Items }}{{ .Title }}{{ end }}`, "ba"},
		{`{{ "<b>粗</b>" }}|{{ safeHTML "<b>粗</b>" }}`, "&lt;b&gt;粗&lt;/b&gt;|<b>粗</b>"},
		{`<a href="{{ "tel:12348" }}">|<a href="{{ safeURL "tel:12348" }}">`, `<a href="#ZgotmplZ">|<a href="tel:12348">`},
		{`{{ humanSize 2048 }}`, "2.0 KB"},
		{`{{ (dict "a" 1).a }}`, "1"},
		{`{{ range list "甲" "乙" }}[{{ . }}]{{ end }}`, "[甲][乙]"},
		{`{{ add 2 3 }} {{ sub 2 3 }}`, "5 -1"},
		{`{{ default "无" "" }}|{{ default "无" "有" }}`, "无|有"},
		{`{{ join (slice .Strings 0 2) "、" }}`, "某市人民政府、某市司法局"},
		{`{{ contains "某市司法局" "司法" }} {{ hasPrefix "（2026）某01民初1号" "（" }}`, "true true"},
		{`{{ now.Year }}`, "2024"},
		{`{{ runeCount "行政复议" }}`, "4"},
		{`<script>var x = {{ jsonify (first 1 .Items) }}.length</script>`,
			`<script>var x = [{"Title":"b","Type":"policy","Date":"2024-03-01T09:05:00+08:00","N":2}].length</script>`},
	}
	data := map[string]any{"Day": day, "Items": items, "Wrapped": struct{ time.Time }{day}, "Zero": time.Time{},
		"Midnight": time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), "Strings": []string{"某市人民政府", "某市司法局", "x"}}
	for _, c := range cases {
		tp := template.Must(template.New("t").Funcs(funcs).Parse(c.tpl))
		var b strings.Builder
		if err := tp.Execute(&b, data); err != nil {
			t.Errorf("%s: %v", c.tpl, err)
			continue
		}
		if b.String() != c.want {
			t.Errorf("%s = %q, want %q", c.tpl, b.String(), c.want)
		}
	}
	// Every function has an example.
	for name := range funcs {
		word := regexp.MustCompile(`(?:[{(|]|range) *` + name + `\b`)
		if !slices.ContainsFunc(cases, func(c struct{ tpl, want string }) bool { return word.MatchString(c.tpl) }) {
			t.Errorf("template function %s has no example", name)
		}
	}
}

func TestLookupOrder(t *testing.T) {
	fsys := fstest.MapFS{
		"layouts/_default/baseof.html":  {Data: []byte(`<main>{{ block "main" . }}base{{ end }}</main>`)},
		"layouts/_default/page.html":    {Data: []byte(`{{ define "main" }}default-page {{ partial "p.html" . }}{{ end }}`)},
		"layouts/section.html":          {Data: []byte(`top-section`)},
		"layouts/_default/section.html": {Data: []byte(`default-section`)},
		"layouts/zhengce/page.html":     {Data: []byte(`{{ define "main" }}zhengce-page{{ end }}`)},
		"layouts/partials/p.html":       {Data: []byte(`[{{ . }}]`)},
		"layouts/partials/loop.html":    {Data: []byte(`{{ partial "loop.html" . }}`)},
		"layouts/_default/404.html":     {Data: []byte(`{{ partial "loop.html" . }}`)},
	}
	s, err := Load(fsys, Funcs(FuncOptions{}))
	if err != nil {
		t.Fatal(err)
	}
	e, _ := s.Get()
	defer s.Put(e)
	for _, c := range []struct{ sec, kind, want string }{
		{"zhengce", "page", "<main>zhengce-page</main>"},
		{"sifa", "page", "<main>default-page [x]</main>"},
		{"sifa", "section", "top-section"},
		{"sifa", "archive", "top-section"},
	} {
		var b strings.Builder
		if err := e.Execute(&b, c.sec, c.kind, "x"); err != nil {
			t.Fatal(err)
		}
		if b.String() != c.want {
			t.Errorf("%s/%s = %q, want %q", c.sec, c.kind, b.String(), c.want)
		}
	}
	var b strings.Builder
	err = e.Execute(&b, "", "404", "x")
	if err == nil || !strings.Contains(err.Error(), "嵌套超过 64 层") {
		t.Errorf("recursion error = %v", err)
	}
}

func TestTemplateErrorsNameFileAndLine(t *testing.T) {
	fsys := fstest.MapFS{
		"layouts/_default/page.html": {Data: []byte("<p>\n{{ .Title \n</p>")},
	}
	_, err := Load(fsys, Funcs(FuncOptions{}))
	if err == nil || !strings.HasPrefix(err.Error(), "layouts/_default/page.html:3:") {
		t.Fatalf("err = %v", err)
	}
	fsys = fstest.MapFS{"layouts/_default/page.html": {Data: []byte("<p>\n\n{{ .Nope }}</p>")}}
	s, err := Load(fsys, Funcs(FuncOptions{}))
	if err != nil {
		t.Fatal(err)
	}
	e, _ := s.Get()
	var b strings.Builder
	err = e.Execute(&b, "", "page", struct{ Title string }{})
	if err == nil || !strings.HasPrefix(err.Error(), "layouts/_default/page.html:3:") {
		t.Fatalf("exec err = %v", err)
	}
}

func TestPartialCached(t *testing.T) {
	fsys := fstest.MapFS{
		"layouts/_default/page.html":  {Data: []byte(`{{ partialCached "p.html" .N }}|{{ partialCached "p.html" .N .K }}|{{ partial "p.html" .N }}`)},
		"layouts/_default/404.html":   {Data: []byte(`{{ partialCached "loop.html" . }}`)},
		"layouts/partials/p.html":     {Data: []byte(`<b>{{ . }}</b>`)},
		"layouts/partials/loop.html":  {Data: []byte(`{{ partialCached "loop.html" . }}`)},
		"layouts/_default/alias.html": {Data: []byte(`{{ partialCached "p.html" 1 .P }}`)},
	}
	s, err := Load(fsys, Funcs(FuncOptions{}))
	if err != nil {
		t.Fatal(err)
	}
	e, _ := s.Get()
	defer s.Put(e)
	run := func(kind string, data any) string {
		t.Helper()
		var b strings.Builder
		if err := e.Execute(&b, "", kind, data); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	type d struct {
		N int
		K string
	}
	for _, c := range []struct {
		data d
		want string
	}{
		{d{1, "a"}, "<b>1</b>|<b>1</b>|<b>1</b>"},
		// Same keys: the first rendering is reused, whatever the data.
		{d{2, "a"}, "<b>1</b>|<b>1</b>|<b>2</b>"},
		// A new key renders again.
		{d{3, "b"}, "<b>1</b>|<b>3</b>|<b>3</b>"},
	} {
		if got := run("page", c.data); got != c.want {
			t.Errorf("%v: got %q, want %q", c.data, got, c.want)
		}
	}
	s.ResetCache()
	if got, want := run("page", d{4, "a"}), "<b>4</b>|<b>4</b>|<b>4</b>"; got != want {
		t.Errorf("after ResetCache: got %q, want %q", got, want)
	}
	// A page or a list is not a key: its address may be reused.
	type page struct{ P *int }
	x := 1
	var b strings.Builder
	err = e.Execute(&b, "", "alias", page{&x})
	want := `layouts/_default/alias.html:1:3: 模板错误：executing "layouts/_default/alias.html" at <partialCached "p.html" 1 .P>: error calling partialCached: partialCached「p.html」的第 1 个键是 *int：键只能是字符串、数字或布尔值`
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("pointer key: %v\nwant %s…", err, want)
	}
	b.Reset()
	err = e.Execute(&b, "", "404", "x")
	if err == nil || !strings.Contains(err.Error(), "嵌套超过 64 层") {
		t.Errorf("recursion error = %v", err)
	}
}

// TestExecutorsKept checks that an executor handed back is handed out
// again, also after garbage collections, and that a second one is made
// only while the first is in use: making one parses every layout.
func TestExecutorsKept(t *testing.T) {
	fsys := fstest.MapFS{"layouts/_default/page.html": {Data: []byte(`{{ .Title }}`)}}
	s, err := Load(fsys, Funcs(FuncOptions{}))
	if err != nil {
		t.Fatal(err)
	}
	e1, _ := s.Get()
	e2, _ := s.Get()
	if e1 == e2 {
		t.Fatal("two callers got the same executor")
	}
	s.Put(e2)
	s.Put(e1)
	runtime.GC()
	runtime.GC()
	a, _ := s.Get()
	b, _ := s.Get()
	if !(a == e1 && b == e2) {
		t.Errorf("executors were not reused after garbage collection")
	}
}
