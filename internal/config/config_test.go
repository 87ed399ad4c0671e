package config

import (
	"strings"
	"testing"
	"time"
)

func TestParseDefaults(t *testing.T) {
	cfg, err := Parse([]byte(`title = "某市法治政府网"`))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.LanguageCode != "zh-CN" || cfg.TimeZone != "Asia/Shanghai" || cfg.Paginate != 20 || cfg.BaseURL != "/" || !cfg.SearchEnabled() {
		t.Fatalf("defaults not applied: %+v", cfg)
	}
	if cfg.Location.String() != "Asia/Shanghai" {
		t.Fatalf("location = %v", cfg.Location)
	}
}

func TestParseFull(t *testing.T) {
	src := `title = "网"
baseURL = "https://fzb.example.gov.cn/sub"
paginate = 5
search = false
[identity]
sponsor = "某市人民政府办公室"
police = "某公网安备 99010202000001号"
[[menu.main]]
name = "首页"
url = "/"
weight = 1
[params]
anything = { nested = true }
[[mourning]]
from = 2024-04-04
to = 2024-04-04
banner = "深切哀悼"
[check]
stale-column = "off"
[check.freshness]
"工作动态" = 7
`
	cfg, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.BaseURL != "https://fzb.example.gov.cn/sub/" {
		t.Errorf("baseURL = %q", cfg.BaseURL)
	}
	if cfg.SearchEnabled() {
		t.Error("search should be off")
	}
	if cfg.Identity.PoliceCode() != "99010202000001" {
		t.Errorf("police code = %q", cfg.Identity.PoliceCode())
	}
	if len(cfg.Menu.Main) != 1 || cfg.Menu.Main[0].Name != "首页" {
		t.Errorf("menu = %+v", cfg.Menu)
	}
	if cfg.Check.Rules["stale-column"] != "off" || cfg.Check.Freshness["工作动态"] != 7 {
		t.Errorf("check = %+v", cfg.Check)
	}
	if len(cfg.Mourning) != 1 || cfg.Mourning[0].From.Year() != 2024 {
		t.Errorf("mourning = %+v", cfg.Mourning)
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct{ src, want string }{
		{"title = \"a\"\n\n[identity]\nsponsr = \"x\"\n", `site.toml:4: 未知的设置项「identity.sponsr」`},
		{"title = \"a\"\ntitel = \"b\"\n", `site.toml:2: 未知的设置项「titel」`},
		{"title = \"a\n", `site.toml:1:`},
		{"title = \"a\"\npaginate = \"ten\"\n", `site.toml:2: 设置值类型不对`},
		{"timeZone = \"Mars/Base\"\n", `site.toml:1: 时区「Mars/Base」无效`},
		{"[check]\nlinks = \"loud\"\n", `无效，应为 "off"、"warning" 或 "error"`},
		{"[identity]\nconacURL = \"https://bszs.conac.cn/sitename?method=show\"\n", `site.toml:2: [identity] conacURL = "https://bszs.conac.cn/sitename?method=show" 无效：应为以 https:// 开头、含有 {id} 的网址`},
		{"[identity]\nsiteCode = \"9900000001\"\nfindErrorURL = \"zfwzgl.www.gov.cn/{siteCode}\"\n", `site.toml:3: [identity] findErrorURL = "zfwzgl.www.gov.cn/{siteCode}" 无效`},
		{"[identity]\nemblem = \"static/guohui.png\"\n", `site.toml:2: [identity] emblem = "static/guohui.png" 无效：应为网站 static 文件夹里的图片`},
		{"[identity]\nemblem = \"/images/guohui.html\"\n", `site.toml:2: [identity] emblem = "/images/guohui.html" 无效`},
		{"[identity]\nemblem = \"//cdn.example.com/a.png\"\n", `site.toml:2: [identity] emblem = "//cdn.example.com/a.png" 无效`},
		{"title = \"a\"\nurlStyle = \"ugly\"\n", `site.toml:2: urlStyle = "ugly" 无效：应为 "dir"（默认，内容页网址如 /zhengce/banfa/）或 "html"（如 /zhengce/banfa.html） (unknown urlStyle)`},
	}
	for _, c := range cases {
		_, err := Parse([]byte(c.src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Parse(%q) error = %v, want containing %q", c.src, err, c.want)
		}
	}
}

func TestParseTime(t *testing.T) {
	loc, _ := time.LoadLocation("Asia/Shanghai")
	for in, want := range map[string]string{
		"2024-03-01":                "2024-03-01T00:00:00+08:00",
		"2024-03-01T09:30:00":       "2024-03-01T09:30:00+08:00",
		"2024-03-01 09:30":          "2024-03-01T09:30:00+08:00",
		"2024-03-01T09:30:00Z":      "2024-03-01T09:30:00Z",
		"2024-03-01T09:30:00+09:00": "2024-03-01T09:30:00+09:00",
	} {
		got, err := ParseTime(in, loc)
		if err != nil || got.Format(time.RFC3339) != want {
			t.Errorf("ParseTime(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
	if _, err := ParseTime("2024/03/01", loc); err == nil {
		t.Error("expected error")
	}
}

// TestProgramKeysRefused: a site cannot name a program to run; the error
// names the line and says what to do instead.
func TestProgramKeysRefused(t *testing.T) {
	_, err := Parse([]byte("title = \"网\"\ndartSass = \"tools/sass\"\n"))
	want := "site.toml:2: site.toml 不能再用 dartSass 指定 Dart Sass 程序：请删除这一行，改为设置环境变量 FAZHI_DART_SASS"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("err = %v\nwant prefix %q", err, want)
	}
	_, err = Parse([]byte("title = \"网\"\n\npagefind = \"node_modules/x\"\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "site.toml:3: site.toml 不能指定 Pagefind 程序") || !strings.Contains(err.Error(), "FAZHI_PAGEFIND") {
		t.Fatalf("err = %v", err)
	}
}

func TestDeploySettings(t *testing.T) {
	cfg, err := Parse([]byte("title = \"x\"\n[deploy]\ntarget = \"s3://b/p?endpoint=https://oss.example.com\"\nkeep = [\"baidu_*.html\"]\nsignature = \"sm2\"\n[deploy.cacheControl]\nshort = \"no-cache\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Deploy.Signature != "sm2" || cfg.Deploy.CacheControl.Short != "no-cache" || cfg.Deploy.Keep[0] != "baidu_*.html" {
		t.Errorf("deploy = %+v", cfg.Deploy)
	}
	for src, msg := range map[string]string{
		"[deploy]\nsignature = \"rsa\"\n":            "site.toml:2: [deploy] signature = \"rsa\" 无效",
		"[deploy]\nkeep = [\"[\"]\n":                 "site.toml:2: [deploy] keep 中的「[」不是有效的路径模式",
		"[deploy]\ntarget = \"s3://AK:SK@bucket\"\n": "site.toml:2: [deploy] target 不能含有访问密钥",
		"[deploy]\naccessKey = \"x\"\n":              "未知的设置项「deploy.accessKey」",
	} {
		_, err := Parse([]byte(src))
		if err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("%q: err = %v, want %q", src, err, msg)
		}
	}
}

func TestContentSecurityPolicy(t *testing.T) {
	cfg, err := Parse([]byte("title = \"网\"\n[security]\ncontentSecurityPolicy = true\n[markup]\nunsafeHTML = true\niframeHosts = [\"v.example.cn\", \"player.example.cn\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !cfg.Security.ContentSecurityPolicy {
		t.Error("[security] contentSecurityPolicy not read")
	}
	want := "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; media-src 'self' https:; " +
		"frame-src 'self' https://player.example.cn https://v.example.cn; object-src 'none'; base-uri 'self'; form-action 'self'"
	if got := cfg.CSP(); got != want {
		t.Errorf("CSP:\n got %s\nwant %s", got, want)
	}
	if got := cfg.CSPHeader(); got != want+"; frame-ancestors 'self'" {
		t.Errorf("CSPHeader: %s", got)
	}
	if Default().Security.ContentSecurityPolicy {
		t.Error("the policy is on by default")
	}
}
