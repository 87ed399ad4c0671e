package statute_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/markup/statute"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// corpusDir returns ../shared/corpus/laws relative to the module root, or
// skips the test when it is absent.
func corpusDir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("go.mod not found above the package directory")
		}
		dir = parent
	}
	laws := filepath.Join(dir, "..", "shared", "corpus", "laws")
	if fi, err := os.Stat(laws); err != nil || !fi.IsDir() {
		tb.Skipf("corpus %s not present", laws)
	}
	return laws
}

// corpusFiles lists the statute files of the corpus.
func corpusFiles(tb testing.TB, root string) []string {
	tb.Helper()
	var files []string
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(path, ".md") && d.Name() != "_index.md" {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return files
}

// stripCorpusHeader removes a leading YAML front matter block and
// everything up to <!-- INFO END -->.
func stripCorpusHeader(src []byte) []byte {
	if rest, ok := bytes.CutPrefix(src, []byte("---\n")); ok {
		if i := bytes.Index(rest, []byte("\n---\n")); i >= 0 {
			src = rest[i+len("\n---\n"):]
		}
	}
	if i := bytes.Index(src, []byte("<!-- INFO END -->")); i >= 0 {
		src = src[i+len("<!-- INFO END -->"):]
	}
	return src
}

// sourceLabel returns the article label at the start of line when it is
// followed by a space, or "".
func sourceLabel(line string) string {
	i := strings.Index(line, "条")
	if !strings.HasPrefix(line, "第") || i < 0 {
		return ""
	}
	end := i + len("条")
	if strings.HasPrefix(line[end:], "之") {
		j := end + len("之")
		k := j
		for k < len(line) && !strings.HasPrefix(line[k:], " ") && !strings.HasPrefix(line[k:], "\u3000") && k-j < 9 {
			k++
		}
		if _, ok := statute.ArticleID(line[:k]); ok {
			end = k
		}
	}
	rest := line[end:]
	if !strings.HasPrefix(rest, " ") && !strings.HasPrefix(rest, "\u3000") {
		return ""
	}
	if _, ok := statute.ArticleID(line[:end]); !ok {
		return ""
	}
	return line[:end]
}

// expectedArticleIDs reads the article labels that start a paragraph in
// the source (the line before is blank or a heading) and gives them ids
// the way the package documents: the first free of id, id-2, id-3, ….
func expectedArticleIDs(src []byte) (ids []string, skips int) {
	seen := map[string]bool{}
	prev := ""
	lastNum := 0
	for _, line := range strings.Split(string(src), "\n") {
		startsPara := strings.TrimSpace(prev) == "" || strings.HasPrefix(prev, "#")
		prev = line
		label := sourceLabel(line)
		if label == "" || !startsPara {
			continue
		}
		base, _ := statute.ArticleID(label)
		id := base
		for n := 2; seen[id]; n++ {
			id = base + "-" + strconv.Itoa(n)
		}
		seen[id] = true
		ids = append(ids, id)
		num, _ := strconv.Atoi(strings.Split(base, "-")[1])
		if num != lastNum+1 && !strings.Contains(base[len("art-"):], "-") {
			skips++
		}
		lastNum = num
	}
	return ids, skips
}

func TestCorpusArticles(t *testing.T) {
	root := corpusDir(t)
	md := newMarkdown()
	files := corpusFiles(t, root)
	articles, skips, xrefs := 0, 0, 0
	for _, path := range files {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		src := stripCorpusHeader(raw)
		name, _ := filepath.Rel(root, path)
		doc := md.Parser().Parse(text.NewReader(src))

		var got, fragments []string
		seen := map[string]bool{}
		for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
			if c.Lines().Len() == 0 || c.Kind() != ast.KindParagraph {
				continue
			}
			first := c.Lines().At(0)
			label := sourceLabel(string(first.Value(src)))
			if label == "" {
				continue
			}
			id, _ := statute.ID(c)
			if !strings.HasPrefix(id, "art-") {
				t.Errorf("%s:%d: 条文「%s」没有锚点 (article without art- id)", name, lineOf(src, first.Start), label)
				continue
			}
			if l, ok := c.FirstChild().(*statute.Label); !ok || l.ID != id {
				t.Errorf("%s:%d: 条文「%s」的标签没有链接到 #%s (label link missing)", name, lineOf(src, first.Start), label, id)
			}
			got = append(got, id)
		}
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			if id, _ := statute.ID(n); id != "" {
				if seen[id] {
					t.Errorf("%s: id %q 重复 (duplicate id)", name, id)
				}
				seen[id] = true
			}
			if l, ok := n.(*statute.Label); ok {
				fragments = append(fragments, l.ID)
			}
			if l, ok := n.(*ast.Link); ok && bytes.HasPrefix(l.Destination, []byte("#")) {
				fragments = append(fragments, string(l.Destination[1:]))
				if attr(l, "class") == "xref" {
					xrefs++
				}
			}
			return ast.WalkContinue, nil
		})
		for _, f := range fragments {
			if !seen[f] {
				t.Errorf("%s: 链接 #%s 指向不存在的锚点 (link to a missing anchor)", name, f)
			}
		}
		want, s := expectedArticleIDs(src)
		skips += s
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s: article ids differ from the labels in the source\n got: %v\nwant: %v", name, got, want)
		}
		articles += len(got)
	}
	if articles == 0 {
		t.Fatalf("no articles found in %d files", len(files))
	}
	t.Logf("%d files, %d articles, %d internal cross-reference links, %d places where the source itself skips or repeats a number",
		len(files), articles, xrefs, skips)
}

// attr returns the string value of attribute name of n, or "".
func attr(n ast.Node, name string) string {
	v, ok := n.AttributeString(name)
	if !ok {
		return ""
	}
	switch v := v.(type) {
	case []byte:
		return string(v)
	case string:
		return v
	}
	return ""
}

// lineOf returns the 1-based line of byte offset off in src.
func lineOf(src []byte, off int) int {
	return bytes.Count(src[:off], []byte("\n")) + 1
}

// BenchmarkStatute converts a generated long statute (about 450 KB) with
// chapters, sections, articles and many cross-references; the goldmark
// sub-benchmark is the same input without the extension, for comparison.
func BenchmarkStatute(b *testing.B) {
	src := generateStatute(1200)
	for _, c := range []struct {
		name string
		md   goldmark.Markdown
	}{
		{"statute", newMarkdown(
			statute.WithSelfTitle("某市示范条例"),
			statute.WithResolver(mapResolver{"中华人民共和国民法典": "/laws/civil-code/"}),
		)},
		{"goldmark", goldmark.New(goldmark.WithExtensions(extension.GFM, extension.CJK))},
	} {
		b.Run(c.name, func(b *testing.B) {
			var out bytes.Buffer
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				out.Reset()
				if err := c.md.Convert(src, &out); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCorpusLargest converts the largest corpus file when present.
func BenchmarkCorpusLargest(b *testing.B) {
	root := corpusDir(b)
	var largest []byte
	for _, path := range corpusFiles(b, root) {
		raw, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		if len(raw) > len(largest) {
			largest = raw
		}
	}
	md := newMarkdown()
	var out bytes.Buffer
	b.SetBytes(int64(len(largest)))
	b.ReportAllocs()
	for b.Loop() {
		out.Reset()
		if err := md.Convert(largest, &out); err != nil {
			b.Fatal(err)
		}
	}
}

// generateStatute writes n articles in chapters of 40 and sections of 10,
// each with a second paragraph full of references.
func generateStatute(n int) []byte {
	var b strings.Builder
	b.WriteString("# 某市示范条例\n\n")
	for i := 1; i <= n; i++ {
		if i%40 == 1 {
			b.WriteString("## 第" + chineseNumber(i/40+1) + "章 示 范\n\n")
		}
		if i%10 == 1 {
			b.WriteString("### 第" + chineseNumber(i%40/10+1) + "节 示范\n\n")
		}
		b.WriteString("第" + chineseNumber(i) + "条 有关单位应当依照本条例第" + chineseNumber(i/2+1) +
			"条第二款的规定履行职责，并遵守《中华人民共和国民法典》第一千一百六十五条。\n\n")
		b.WriteString("违反第" + chineseNumber(i/3+1) + "条、第" + chineseNumber(i/4+1) +
			"条和《某市示范条例》第一条规定的，由主管部门责令改正；情节严重的，依照前款处理，本条例第九千九百条不存在。\n\n")
	}
	return []byte(b.String())
}

// chineseNumber writes 1..9999 in Chinese numerals (test helper).
func chineseNumber(n int) string {
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	units := []string{"千", "百", "十", ""}
	vals := []int{1000, 100, 10, 1}
	var b strings.Builder
	zero := false
	for k, v := range vals {
		d := n / v % 10
		if d == 0 {
			zero = b.Len() > 0
			continue
		}
		if zero {
			b.WriteString("零")
			zero = false
		}
		if !(v == 10 && d == 1 && b.Len() == 0) {
			b.WriteString(digits[d])
		}
		b.WriteString(units[k])
	}
	return b.String()
}
