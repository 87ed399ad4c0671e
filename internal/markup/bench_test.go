package markup

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/fazhi-dev/fazhi/internal/markup/statute"
)

// corpusDocs reads up to n statutes of ../shared/corpus/laws (beside the
// repository), skipping the benchmark when the corpus is not there.
func corpusDocs(b *testing.B, n int) [][]byte {
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", "laws", "*", "*.md"))
	if len(files) == 0 {
		b.Skip("statute corpus not found (../shared/corpus/laws)")
	}
	var docs [][]byte
	for _, f := range files[:min(n, len(files))] {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// BenchmarkCorpus renders 200 real statutes with goldmark alone (GFM and
// CJK, the benchmark floor), with the Converter without and with the
// statute extension. Rerun: go test -run NONE -bench Corpus ./internal/markup/
func BenchmarkCorpus(b *testing.B) {
	docs := corpusDocs(b, 200)
	b.Run("goldmark", func(b *testing.B) {
		md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.CJK))
		var buf bytes.Buffer
		for b.Loop() {
			for _, d := range docs {
				buf.Reset()
				if err := md.Convert(d, &buf); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	for _, c := range []struct {
		name    string
		statute bool
	}{{"plain", false}, {"statute", true}} {
		b.Run(c.name, func(b *testing.B) {
			conv := New(Options{Statute: []goldmark.Extender{statute.New()}})
			for b.Loop() {
				for _, d := range docs {
					if _, err := conv.Render(Doc{Body: d, Statute: c.statute, ValidUTF8: true}); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
