package markup_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark"

	"github.com/fazhi-dev/fazhi/internal/markup"
	"github.com/fazhi-dev/fazhi/internal/markup/statute"
)

// FuzzPipeline runs the whole Markdown pipeline with every extension on
// (GFM, footnotes, definition lists, CJK, statute anchors and
// cross-references), as the build uses it for policies.
func FuzzPipeline(f *testing.F) {
	for _, s := range []string{
		"## 第一章　总则\n\n第一条　为了规范，依照本法第二条和《某市办法》第三条。\n\n第二条　之一。\n",
		"| a | b |\n|---|---|\n| 第一条 | 第二条 |\n\n- [x] 完成\n\n术语\n: 定义\n\n注[^1]\n\n[^1]: 脚注",
		"第十二条之一　\n第二款\n\n> 第三条　引用\n",
		"\x8b\n00",
		"<script>alert(1)</script>[x](javascript:alert(1))",
	} {
		f.Add(s)
	}
	c := markup.New(markup.Options{
		BasePath: "/sub/",
		Statute: []goldmark.Extender{statute.New(statute.WithResolver(statute.ResolverFunc(func(t string) (string, bool) {
			return "/zhengce/" + t + "/", strings.HasPrefix(t, "某市")
		})))},
	})
	f.Fuzz(func(t *testing.T, s string) {
		for _, st := range []bool{false, true} {
			r, err := c.Render(markup.Doc{Body: []byte(s), Statute: st, FAQ: true, Facts: st})
			if err != nil {
				t.Fatal(err)
			}
			if !utf8.ValidString(r.HTML) {
				t.Fatalf("invalid UTF-8 out for %q", s)
			}
			if strings.Contains(string(r.HTML), "<script") || strings.Contains(string(r.HTML), `href="javascript:`) {
				t.Fatalf("unsafe output for %q: %s", s, r.HTML)
			}
		}
	})
}
