package frontmatter

import (
	"testing"
	"time"
)

// A value of the wrong type in front matter is reported at its line,
// naming the key and what to write.
func TestWrongTypeErrors(t *testing.T) {
	for _, c := range []struct{ fm, want string }{
		{"title = 3\n", "content/a.md:2: 「title」的值类型不对：应为文字，用英文双引号括起来，如 \"某市司法局\" (wrong type)"},
		{"title = \"a\"\ndraft = \"no\"\n", "content/a.md:3: 「draft」的值类型不对：应为true 或 false (wrong type)"},
		{"title = \"a\"\nweight = \"1\"\n", "content/a.md:3: 设置值类型不对：「weight」的值应为整数，如 10 (wrong type)"},
		{"title = \"a\"\naliases = \"/old/\"\n", "content/a.md:3: 「aliases」的值类型不对：应为列表，如 [\"行政复议\", \"法治政府\"] (wrong type)"},
		{"title = \"a\"\n[notice]\ntype = \"开庭公告\"\nparties = \"张某\"\n", "content/a.md:5: 「notice.parties」的值类型不对：应为列表，如 [\"行政复议\", \"法治政府\"] (wrong type)"},
	} {
		_, err := Decode("content/a.md", []byte(c.fm), 2, time.UTC)
		if err == nil || err.Error() != c.want {
			t.Errorf("Decode(%q) error =\n  %v\nwant\n  %s", c.fm, err, c.want)
		}
	}
}
