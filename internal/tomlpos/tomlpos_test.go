package tomlpos

import "testing"

func TestLine(t *testing.T) {
	src := `title = "x"
# comment
[identity]
sponsor = "a"
  "siteCode" = "1"

[[menu.main]]
name = "首页"
[[menu.main]]
name = "政策"
url = "/zhengce/"
body = """
a = 1
"""
[markup]
unsafeHTML = true
`
	idx := New([]byte(src))
	cases := map[string]int{
		"title":             1,
		"identity":          3,
		"identity.sponsor":  4,
		"identity.siteCode": 5,
		"menu.main.0.name":  8,
		"menu.main.1.name":  10,
		"menu.main.1.url":   11,
		"menu.main.1.zzz":   9,
		"markup.unsafeHTML": 16,
		"a":                 0,
		"nothing.here":      0,
	}
	for k, want := range cases {
		if got := idx.Line(k); got != want {
			t.Errorf("Line(%q) = %d, want %d", k, got, want)
		}
	}
}
