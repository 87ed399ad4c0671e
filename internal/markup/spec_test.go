package markup

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// specExample is one Markdown example of a third-party test suite.
type specExample struct {
	Name     string
	Markdown string
}

// goldmarkDir returns the folder of the goldmark module in the module
// cache, where its own copies of the CommonMark and GFM test suites are.
func goldmarkDir(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/yuin/goldmark").Output()
	if err != nil {
		t.Fatalf("go list -m github.com/yuin/goldmark: %v", err)
	}
	return strings.TrimSpace(string(out))
}

// specExamples reads the CommonMark spec examples (goldmark's
// _test/spec.json, taken from the CommonMark spec) and goldmark's GFM
// extension cases (extension/_test/*.txt: task lists, tables,
// strikethrough, autolinks, footnotes, definition lists).
func specExamples(t *testing.T) []specExample {
	t.Helper()
	dir := goldmarkDir(t)
	data, err := os.ReadFile(filepath.Join(dir, "_test", "spec.json"))
	if err != nil {
		t.Fatal(err)
	}
	var spec []struct {
		Markdown string `json:"markdown"`
		Example  int    `json:"example"`
	}
	if err := json.Unmarshal(data, &spec); err != nil {
		t.Fatal(err)
	}
	var out []specExample
	for _, e := range spec {
		out = append(out, specExample{Name: "CommonMark " + itoa(e.Example), Markdown: e.Markdown})
	}
	const sep = "//- - - - - - - - -//"
	for _, name := range []string{"tasklist", "table", "strikethrough", "linkify", "footnote", "definition_list"} {
		data, err := os.ReadFile(filepath.Join(dir, "extension", "_test", name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range strings.Split(string(data), "//= = = = = = = = = = = = = = = = = = = = = = = =//") {
			parts := strings.Split(c, sep+"\n")
			if len(parts) < 3 {
				continue
			}
			title := strings.TrimSpace(strings.SplitN(strings.TrimSpace(parts[0]), "\n", 2)[0])
			out = append(out, specExample{Name: "GFM " + name + " " + title, Markdown: parts[1]})
		}
	}
	return out
}

func itoa(n int) string {
	var b []byte
	for n >= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(append([]byte{byte('0' + n)}, b...))
}

// With raw HTML let in (and sanitized), a document without raw HTML
// renders exactly as with raw HTML off: the sanitizer sees only raw HTML.
func TestUnsafeHTMLChangesOnlyRawHTML(t *testing.T) {
	off := New(Options{})
	on := New(Options{UnsafeHTML: true})
	trusted := New(Options{UnsafeHTML: true, TrustHTML: true})
	compared := 0
	for _, e := range specExamples(t) {
		want, err := off.Render(Doc{Body: []byte(e.Markdown)})
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(want.HTML, "<!-- raw HTML omitted -->") {
			continue // has raw HTML
		}
		compared++
		for _, c := range []*Converter{on, trusted} {
			got, err := c.Render(Doc{Body: []byte(e.Markdown)})
			if err != nil {
				t.Fatal(err)
			}
			if got.HTML != want.HTML {
				t.Errorf("%s %q:\nwith unsafeHTML: %s\nwithout:         %s", e.Name, e.Markdown, got.HTML, want.HTML)
			}
		}
	}
	if compared < 550 {
		t.Errorf("only %d examples without raw HTML compared", compared)
	}
	t.Logf("%d examples without raw HTML compared", compared)
}
