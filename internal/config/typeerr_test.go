package config

import (
	"testing"
)

// A value of the wrong type is reported at its key's line, with the key
// and what to write, whichever table or list it is in; the key is found
// from the decoded values, not from the decoder's English message.
func TestWrongTypeErrors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"title = \"a\"\npaginate = \"ten\"\n", "site.toml:2: 设置值类型不对：「paginate」的值应为整数，如 10 (wrong type)"},
		{"title = 3\n", "site.toml:1: 「title」的值类型不对：应为文字，用英文双引号括起来，如 \"某市司法局\" (wrong type)"},
		{"title = \"a\"\n\n[identity]\nsponsor = \"x\"\ndomain = [\"a\"]\n", "site.toml:5: 「identity.domain」的值类型不对：应为文字，用英文双引号括起来，如 \"某市司法局\" (wrong type)"},
		{"identity = \"x\"\n", "site.toml:1: 设置值类型不对：「identity」的值应为一个表，如 [identity] 下面的若干行 (wrong type)"},
		{"precompress = \"yes\"\n", "site.toml:1: 「precompress」的值类型不对：应为true 或 false (wrong type)"},
		{"[[menu.main]]\nname = \"首页\"\nurl = \"/\"\nweight = \"1\"\n", "site.toml:4: 设置值类型不对：「menu.main.weight」的值应为整数，如 10 (wrong type)"},
		{"[markup]\niframeHosts = \"v.example.cn\"\n", "site.toml:2: 「markup.iframeHosts」的值类型不对：应为列表，如 [\"行政复议\", \"法治政府\"] (wrong type)"},
	} {
		_, err := Parse([]byte(c.src))
		if err == nil || err.Error() != c.want {
			t.Errorf("Parse(%q) error =\n  %v\nwant\n  %s", c.src, err, c.want)
		}
	}
}
