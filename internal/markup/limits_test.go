package markup

import (
	"errors"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/diag"
)

// Hostile input is refused before goldmark sees it, with an error that
// names the limit and the line; the check reads the body about twice,
// whatever its shape (the work is counted, not timed).
func TestLimits(t *testing.T) {
	cases := []struct {
		name, body string
		line       int
		want       string
	}{
		{"unclosed links", strings.Repeat("[a](", 100000), 3, "没有写完的链接「](」太多"},
		{"unclosed images", "正文\n\n" + strings.Repeat("![a](", 50000), 5, "没有写完的链接"},
		{"unclosed <links", strings.Repeat("[a](<", 50000), 3, "没有写完的链接"},
		{"brackets", strings.Repeat("[a](\n", 20000), 3 + MaxBrackets, "方括号「[」超过 10000 个"},
		{"nested brackets", strings.Repeat("[", 20000) + "a" + strings.Repeat("]", 20000), 3, "方括号"},
		{"references", strings.Repeat("[a]: b\n", 20000), 3 + MaxBrackets, "方括号"},
		{"deep quote", strings.Repeat(">", 20000) + " a\n", 3, "嵌套了 20000 层"},
		{"deep list", strings.Repeat("- ", 5000) + "a\n", 3, "嵌套了 5000 层"},
		{"deep ordered list", strings.Repeat("1. ", 5000) + "a\n", 3, "嵌套了 5000 层"},
		{"indented list", "- a\n" + strings.Repeat(" ", 400) + "- b\n", 4, "嵌套了 201 层"},
		{"size", strings.Repeat("甲", MaxBodyBytes/3+1), 0, "超过每个页面 32 MB 的上限"},
	}
	c := New(Options{})
	for _, tc := range cases {
		_, err := c.Render(Doc{Body: []byte(tc.body), Line: 3})
		var de *diag.Error
		if !errors.As(err, &de) {
			t.Errorf("%s: err = %v, want a *diag.Error", tc.name, err)
			continue
		}
		if de.Line != tc.line || !strings.Contains(de.Msg, tc.want) {
			t.Errorf("%s: line %d %q, want line %d and %q", tc.name, de.Line, de.Msg, tc.line, tc.want)
		}
		lc := limitCheck{body: []byte(tc.body), first: 3}
		_ = lc.run()
		if lc.steps > 2*len(tc.body)+2 {
			t.Errorf("%s: the check took %d steps for %d bytes", tc.name, lc.steps, len(tc.body))
		}
	}
}

// Real documents stay well inside the limits.
func TestLimitsLetRealPagesThrough(t *testing.T) {
	var b strings.Builder
	for i := range 3000 {
		b.WriteString("- [第" + itoa(i) + "号文件](/zhengce/a" + itoa(i) + "/) 与 [附件](files/a.pdf)\n")
	}
	b.WriteString("\n" + strings.Repeat("> ", 20) + "引用\n\n")
	b.WriteString(strings.Repeat("  ", 30) + "- 深层列表\n\n")
	b.WriteString(strings.Repeat("行政机关应当依法行政。", 1<<20/33) + "\n")
	if err := checkLimits([]byte(b.String()), 1); err != nil {
		t.Fatal(err)
	}
}
