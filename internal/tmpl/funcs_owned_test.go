package tmpl

import (
	"html/template"
	"strings"
	"testing"
)

// markdownify and asset are tmpl's own: the build hands in only the
// Markdown renderer and the table of fingerprinted files.
func TestMarkdownifyAndAsset(t *testing.T) {
	funcs := Funcs(FuncOptions{
		Markdownify: func(s string) (template.HTML, error) { return template.HTML(s), nil },
		Asset: func(p string) (string, bool) {
			if p == "js/search.js" {
				return "/js/search.0123456789.js", true
			}
			return "", false
		},
	})
	for _, c := range []struct{ tpl, want string }{
		{`{{ markdownify "<p>某市<em>司法局</em></p>\n" }}`, "某市<em>司法局</em>"},
		{`{{ markdownify "<p>一</p>\n<p>二</p>\n" }}`, "<p>一</p>\n<p>二</p>"},
		{`{{ markdownify "<ul><li>a</li></ul>" }}`, "<ul><li>a</li></ul>"},
		{`{{ asset "js/search.js" }}`, "/js/search.0123456789.js"},
		{`{{ asset "/js/search.js" }}`, "/js/search.0123456789.js"},
		{`{{ asset "js/other.js" }}`, "/js/other.js"},
	} {
		tp := template.Must(template.New("t").Funcs(funcs).Parse(c.tpl))
		var b strings.Builder
		if err := tp.Execute(&b, nil); err != nil {
			t.Fatal(err)
		}
		if b.String() != c.want {
			t.Errorf("%s = %q, want %q", c.tpl, b.String(), c.want)
		}
	}
	if got := Funcs(FuncOptions{})["asset"].(func(string) string)("css/x.css"); got != "/css/x.css" {
		t.Errorf("asset without a table = %q", got)
	}
}
