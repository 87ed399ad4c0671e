package markup

import (
	"bytes"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

var linkRefCases = []string{
	"[a]: /x\n\n见[a]。\n",
	"   [a]: /x \"标题\"\n[a]\n",
	"    [a]: /x\n\n[a]\n",
	"\t[a]: /x\n\n[a]\n",
	"正文\n[a]: /x\n\n[a]\n",
	"[a]:\n/x\n[b]: /y\n正文[a][b]\n",
	"[a]: /x\n[b]: /y\n\n[a] [b]\n",
	"> [a]: /x\n\n[a]\n",
	"- [a]: /x\n\n[a]\n",
	"[^1]: 注释\n\n正文[^1]\n",
	"第一条　[不是定义]\n",
	"[a]\n\n[a]: <> 'x'\n",
	"| a |\n|---|\n| [b] |\n\n[b]: /b\n",
}

// newReference is goldmark with fazhi's extensions and its own link
// reference transformer: what linkRefs must match.
func newReference(own bool) goldmark.Markdown {
	opts := []goldmark.Option{goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList, extension.CJK)}
	if own {
		opts = append([]goldmark.Option{newParser()}, opts...)
	}
	return goldmark.New(opts...)
}

func sameAsGoldmark(t *testing.T, src string) {
	t.Helper()
	var want, got bytes.Buffer
	if err := newReference(false).Convert([]byte(src), &want); err != nil {
		t.Fatal(err)
	}
	if err := newReference(true).Convert([]byte(src), &got); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("%q:\ngot  %s\nwant %s", src, got.String(), want.String())
	}
}

func TestLinkRefsSameAsGoldmark(t *testing.T) {
	for _, c := range linkRefCases {
		sameAsGoldmark(t, c)
	}
	// And the definitions are still found.
	var b bytes.Buffer
	newReference(true).Convert([]byte("  [a]: /x\n\n见[a]。\n"), &b)
	if want := "<p>见<a href=\"/x\">a</a>。</p>\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

func FuzzLinkRefs(f *testing.F) {
	for _, c := range linkRefCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) {
			// Render repairs invalid UTF-8 before goldmark sees it (its
			// CJK handling can panic on it).
			return
		}
		sameAsGoldmark(t, src)
	})
}
