package render

import (
	"html/template"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/markup"
)

func TestTableOfContents(t *testing.T) {
	d := &Data{TOC: []markup.Heading{
		{Level: 2, ID: "第一章", Text: "第一章　总则"},
		{Level: 3, ID: "a-b_c.d~e f/g?h#i%j+k", Text: `<“引号”> & 'x' + "y"` + "\x00"},
	}}
	want := "<ul>\n" +
		`<li class="toc-l2"><a href="#%e7%ac%ac%e4%b8%80%e7%ab%a0">第一章　总则</a></li>` + "\n" +
		`<li class="toc-l3"><a href="#a-b_c.d~e%20f%2fg%3fh%23i%25j%2bk">&lt;“引号”&gt; &amp; &#39;x&#39; &#43; &#34;y&#34;` + "\uFFFD</a></li>\n" +
		"</ul>"
	if got := string(d.TableOfContents()); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// The same as the template loop it replaces.
	tp := template.Must(template.New("").Parse(`<ul>
{{ range .TOC }}<li class="toc-l{{ .Level }}"><a href="#{{ .ID }}">{{ .Text }}</a></li>
{{ end }}</ul>`))
	var b strings.Builder
	if err := tp.Execute(&b, d); err != nil {
		t.Fatal(err)
	}
	if b.String() != want {
		t.Errorf("template loop gives\n%s", b.String())
	}
	if (&Data{}).TableOfContents() != "" {
		t.Error("no headings: want empty")
	}
}
