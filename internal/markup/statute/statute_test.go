package statute_test

import (
	"bufio"
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/fazhi-dev/fazhi/internal/markup/statute"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the out.html sections of testdata/*.txtar")

// newMarkdown returns the converter used by all tests.
func newMarkdown(opts ...statute.Option) goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(extension.GFM, extension.CJK, statute.New(opts...)))
}

// mapResolver resolves the titles in a map.
type mapResolver map[string]string

func (m mapResolver) ResolveTitle(title string) (string, bool) {
	u, ok := m[title]
	return u, ok
}

// parseOptions reads the options section of a case file. Each line is
// key=value: toc=false, crossrefs=false, self=Title, resolve=Title URL.
func parseOptions(t *testing.T, data []byte) []statute.Option {
	t.Helper()
	var opts []statute.Option
	resolver := mapResolver{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		key, value, ok := strings.Cut(text, "=")
		if !ok {
			t.Fatalf("options:%d: 缺少「=」 (want key=value): %q", line, text)
		}
		switch key {
		case "toc":
			opts = append(opts, statute.WithTOC(value == "true"))
		case "crossrefs":
			opts = append(opts, statute.WithCrossRefs(value == "true"))
		case "self":
			opts = append(opts, statute.WithSelfTitle(value))
		case "resolve":
			title, url, ok := strings.Cut(value, " ")
			if !ok {
				t.Fatalf("options:%d: resolve 应写成「resolve=标题 网址」: %q", line, text)
			}
			resolver[title] = url
		default:
			t.Fatalf("options:%d: unknown option %q", line, key)
		}
	}
	if len(resolver) > 0 {
		opts = append(opts, statute.WithResolver(resolver))
	}
	return opts
}

// section returns the named section of a, or nil.
func section(a *txtar.Archive, name string) *txtar.File {
	for i := range a.Files {
		if a.Files[i].Name == name {
			return &a.Files[i]
		}
	}
	return nil
}

func caseFiles(t testing.TB) []string {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no case files in testdata: %v", err)
	}
	return files
}

func TestCases(t *testing.T) {
	for _, file := range caseFiles(t) {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			a, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			in := section(a, "in.md")
			if in == nil {
				t.Fatalf("%s: 缺少「-- in.md --」 section", file)
			}
			var opts []statute.Option
			if o := section(a, "options"); o != nil {
				opts = parseOptions(t, o.Data)
			}
			var out bytes.Buffer
			if err := newMarkdown(opts...).Convert(in.Data, &out); err != nil {
				t.Fatal(err)
			}
			want := section(a, "out.html")
			if *update {
				if want == nil {
					a.Files = append(a.Files, txtar.File{Name: "out.html"})
					want = &a.Files[len(a.Files)-1]
				}
				want.Data = out.Bytes()
				if err := os.WriteFile(file, txtar.Format(a), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want == nil {
				t.Fatalf("%s: 缺少「-- out.html --」 section (run with -update)", file)
			}
			if got := out.String(); got != string(want.Data) {
				t.Errorf("%s: output differs\n--- got ---\n%s\n--- want ---\n%s", file, got, want.Data)
			}
		})
	}
}

// FuzzStatute runs arbitrary Markdown through goldmark with the extension.
func FuzzStatute(f *testing.F) {
	for _, file := range caseFiles(f) {
		a, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		if in := section(a, "in.md"); in != nil {
			f.Add(string(in.Data))
		}
	}
	// goldmark's CJK line-break handling panics on invalid UTF-8 by itself
	// (yuin/goldmark issue 597), so invalid input runs without extension.CJK.
	type converters struct{ full, noTOC, plain goldmark.Markdown }
	build := func(base ...goldmark.Extender) converters {
		opts := []statute.Option{
			statute.WithSelfTitle("某市条例"),
			statute.WithResolver(mapResolver{"中华人民共和国民法典": "/l/civil/", "民法典": "/l/civil/"}),
		}
		return converters{
			full:  goldmark.New(goldmark.WithExtensions(append(base, statute.New(opts...))...)),
			noTOC: goldmark.New(goldmark.WithExtensions(append(base, statute.New(append(opts, statute.WithTOC(false))...))...)),
			plain: goldmark.New(goldmark.WithExtensions(base...)),
		}
	}
	valid := build(extension.GFM, extension.CJK)
	invalid := build(extension.GFM)
	f.Fuzz(func(t *testing.T, src string) {
		c := valid
		if !utf8.ValidString(src) {
			c = invalid
		}
		var out bytes.Buffer
		if err := c.full.Convert([]byte(src), &out); err != nil {
			t.Fatal(err)
		}
		if utf8.ValidString(src) && !utf8.Valid(out.Bytes()) {
			t.Fatalf("invalid UTF-8 output for %q", src)
		}
		// Links never change the text: without the table of contents the
		// visible text equals goldmark's own output, whitespace aside.
		var got, want bytes.Buffer
		if err := c.noTOC.Convert([]byte(src), &got); err != nil {
			t.Fatal(err)
		}
		if err := c.plain.Convert([]byte(src), &want); err != nil {
			t.Fatal(err)
		}
		if g, w := visibleText(got.String()), visibleText(want.String()); g != w {
			t.Fatalf("text changed for %q\n got: %q\nwant: %q", src, g, w)
		}
	})
}

// visibleText drops the tags and all whitespace from HTML.
func visibleText(html string) string {
	var b strings.Builder
	inTag := false
	for _, r := range html {
		switch {
		case r == '<':
			inTag = true
		case r == '>':
			inTag = false
		case !inTag && !unicode.IsSpace(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestVisibleText(t *testing.T) {
	if got := visibleText(`<p id="a">第一条 <a href="#x">甲</a></p>` + "\n"); got != "第一条甲" {
		t.Errorf("visibleText = %q", got)
	}
}

// TestWalker checks that a walk of the tree finds every id (with
// statute.ID) and every link target: goldmark links for the table of
// contents, XRef nodes for cross-references, Label nodes for article
// labels.
func TestWalker(t *testing.T) {
	src := []byte("## 第一章 总则\n\n第一条 见本规定第二条和《民法典》。\n\n第二条 施行。\n")
	md := newMarkdown(statute.WithResolver(mapResolver{"民法典": "/laws/civil-code/"}))
	doc := md.Parser().Parse(text.NewReader(src))
	var ids, hrefs []string
	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if id, ok := statute.ID(n); ok {
			ids = append(ids, id)
		}
		if l, ok := n.(*statute.Label); ok {
			hrefs = append(hrefs, "#"+l.ID+" art-label")
		}
		if l, ok := n.(*ast.Link); ok {
			hrefs = append(hrefs, string(l.Destination)+" "+attr(l, "class"))
		}
		if x, ok := n.(*statute.XRef); ok {
			hrefs = append(hrefs, string(x.Destination)+" xref")
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	wantIDs := []string{"chap-1", "art-1", "art-2"}
	wantHrefs := []string{"#chap-1 ", "#art-1 art-label", "#art-2 xref", "/laws/civil-code/ xref", "#art-2 art-label"}
	if strings.Join(ids, ",") != strings.Join(wantIDs, ",") {
		t.Errorf("ids = %q, want %q", ids, wantIDs)
	}
	if strings.Join(hrefs, ",") != strings.Join(wantHrefs, ",") {
		t.Errorf("links = %q, want %q", hrefs, wantHrefs)
	}
	if k := doc.FirstChild().Kind(); k != statute.KindTOC {
		t.Errorf("first block is %v, want the table of contents", k)
	}
}

// TestResolverGetsInnerTitle checks what the resolver is asked, and that
// each title is asked once per document.
func TestResolverGetsInnerTitle(t *testing.T) {
	var asked []string
	r := statute.ResolverFunc(func(title string) (string, bool) {
		asked = append(asked, title)
		return "/x/", title == "刑法"
	})
	src := []byte("《刑法》第二十条、《刑法》和《关于修改〈某法〉的决定》第一条。\n")
	var out bytes.Buffer
	if err := newMarkdown(statute.WithResolver(r)).Convert(src, &out); err != nil {
		t.Fatal(err)
	}
	want := []string{"刑法", "关于修改〈某法〉的决定"}
	if strings.Join(asked, "|") != strings.Join(want, "|") {
		t.Errorf("resolver asked %q, want %q", asked, want)
	}
	wantHTML := `<p><a href="/x/#art-20" class="xref">《刑法》第二十条</a>、<a href="/x/" class="xref">《刑法》</a>和《关于修改〈某法〉的决定》第一条。</p>` + "\n"
	if out.String() != wantHTML {
		t.Errorf("got  %s\nwant %s", out.String(), wantHTML)
	}
}
