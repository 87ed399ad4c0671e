// Package config reads site.toml: the site's identity, menus, markup
// switches and check settings. Loading is strict: a key that fazhi does not
// know is an error naming the key and its line, because a misspelt key would
// otherwise be ignored without a word.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/tomlpos"
)

// FileName is the name of the site configuration file.
const FileName = "site.toml"

// Config is the decoded site.toml.
type Config struct {
	Title        string         `toml:"title"`
	BaseURL      string         `toml:"baseURL"`
	LanguageCode string         `toml:"languageCode"`
	TimeZone     string         `toml:"timeZone"`
	Paginate     int            `toml:"paginate"`
	URLStyle     string         `toml:"urlStyle"`
	Search       *bool          `toml:"search"`
	Minify       bool           `toml:"minify"`
	Precompress  bool           `toml:"precompress"`
	Identity     Identity       `toml:"identity"`
	Menu         Menus          `toml:"menu"`
	Markup       Markup         `toml:"markup"`
	Params       map[string]any `toml:"params"`
	Mourning     []Mourning     `toml:"mourning"`
	Check        Check          `toml:"check"`
	Legal        Legal          `toml:"legal"`
	Deploy       Deploy         `toml:"deploy"`
	Security     Security       `toml:"security"`
	CMS          CMS            `toml:"cms"`

	// Location is TimeZone loaded; set by Load.
	Location *time.Location `toml:"-"`
}

// URL styles of content pages (site.toml urlStyle).
const (
	// URLStyleDir publishes a page as a folder: /zhengce/banfa/ is
	// zhengce/banfa/index.html. It is the default.
	URLStyleDir = "dir"
	// URLStyleHTML publishes a page as a file: /zhengce/banfa.html. Any
	// object store serves it without an index-document setting, and it
	// needs one file system entry per page instead of two.
	URLStyleHTML = "html"
)

// Identity is the footer block that government-website rules require.
type Identity struct {
	Sponsor       string `toml:"sponsor"`       // 主办单位
	Operator      string `toml:"operator"`      // 承办单位
	SiteCode      string `toml:"siteCode"`      // 网站标识码
	ICP           string `toml:"icp"`           // ICP备案号
	Police        string `toml:"police"`        // 公安机关备案号
	Address       string `toml:"address"`       // 地址
	Phone         string `toml:"phone"`         // 电话
	Email         string `toml:"email"`         // 邮箱
	Postcode      string `toml:"postcode"`      // 邮编
	CorrectionURL string `toml:"correctionURL"` // 我要纠错
	Domain        string `toml:"domain"`        // SiteDomain meta
	// ConacID is the ID of the site's 党政机关网站标识, issued by the
	// 机构编制部门: the footer shows the 标识 linked to its verification
	// page, ConacURL with {id} replaced by it.
	ConacID  string `toml:"conacID"`
	ConacURL string `toml:"conacURL"`
	// Emblem is the site's emblem image (国徽 or the department's logo),
	// a path in the site's static/ folder such as "/images/guohui.png";
	// the default theme shows it before the site's name.
	Emblem string `toml:"emblem"`
	// FindErrorURL is the 「我为政府网站找错」 link, with {siteCode} and
	// {url} (the page's address) replaced; shown when SiteCode is set.
	FindErrorURL string `toml:"findErrorURL"`
}

// DefaultConacURL and DefaultFindErrorURL are the link forms that
// government sites use for the 党政机关网站标识 and the national
// 「我为政府网站找错」 platform (as seen on many sites, not confirmed by an
// official text: [identity] conacURL and findErrorURL replace them).
const (
	DefaultConacURL     = "https://bszs.conac.cn/sitename?method=show&id={id}"
	DefaultFindErrorURL = "https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code={siteCode}&url={url}"
)

// PoliceCode returns the digits of the 公安机关备案号, used to link the
// number to its public record page.
func (id Identity) PoliceCode() string {
	return digitRun.FindString(id.Police)
}

var digitRun = regexp.MustCompile(`[0-9]{6,}`)

// Menus holds the named menus; only "main" is used by the default theme.
type Menus struct {
	Main []MenuItem `toml:"main"`
}

// MenuItem is one entry of a menu.
type MenuItem struct {
	Name   string `toml:"name"`
	URL    string `toml:"url"`
	Weight int    `toml:"weight"`
}

// Markup holds the Markdown switches.
type Markup struct {
	// UnsafeHTML lets raw HTML in Markdown through (sanitized unless TrustHTML).
	UnsafeHTML bool `toml:"unsafeHTML"`
	// TrustHTML skips the sanitizer for raw HTML.
	TrustHTML bool `toml:"trustHTML"`
	// IframeHosts lists the hosts whose iframes the sanitizer keeps.
	IframeHosts []string `toml:"iframeHosts"`
}

// Mourning is a period during which the whole site is shown in grey.
type Mourning struct {
	From   Date   `toml:"from"`
	To     Date   `toml:"to"`
	Banner string `toml:"banner"`
}

// Check holds the levels of check rules ("off", "warning", "error") and the
// freshness limits in days by column type.
type Check struct {
	Rules     map[string]string `toml:"-"`
	Freshness map[string]int    `toml:"freshness"`
}

// UnmarshalTOML reads [check] where every key but "freshness" is a rule id.
func (c *Check) UnmarshalTOML(v any) error {
	m, ok := v.(map[string]any)
	if !ok {
		return errors.New("[check] 必须是一个表 (must be a table)")
	}
	c.Rules = map[string]string{}
	for k, val := range m {
		if k == "freshness" {
			fm, ok := val.(map[string]any)
			if !ok {
				return errors.New("[check.freshness] 必须是一个表，如 \"工作动态\" = 14")
			}
			c.Freshness = map[string]int{}
			for ct, d := range fm {
				n, ok := d.(int64)
				if !ok || n < 0 {
					return fmt.Errorf("[check.freshness] %s 应为天数（整数），如 \"%s\" = 14（栏目类型要加英文双引号）", ct, ct)
				}
				c.Freshness[ct] = int(n)
			}
			continue
		}
		s, ok := val.(string)
		if !ok {
			return fmt.Errorf("[check] %s 应为 \"off\"、\"warning\" 或 \"error\"", k)
		}
		if _, ok := diag.ParseLevel(s); !ok {
			return fmt.Errorf("[check] %s = %q 无效，应为 \"off\"、\"warning\" 或 \"error\"", k, s)
		}
		c.Rules[k] = s
	}
	return nil
}

// Date is a calendar date or date-time from TOML or a string.
type Date struct{ time.Time }

// UnmarshalTOML accepts a TOML date, date-time or a "YYYY-MM-DD" string.
func (d *Date) UnmarshalTOML(v any) error {
	switch x := v.(type) {
	case time.Time:
		d.Time = x
		return nil
	case string:
		t, err := ParseTime(x, time.UTC)
		if err != nil {
			return err
		}
		d.Time = t
		return nil
	}
	return fmt.Errorf("应为日期，如 2024-03-01 (expected a date)")
}

// SearchEnabled reports whether the Pagefind index should be built.
func (c *Config) SearchEnabled() bool { return c.Search == nil || *c.Search }

// Default returns the configuration with every default set.
func Default() *Config {
	return &Config{
		Title:        "fazhi",
		BaseURL:      "/",
		LanguageCode: "zh-CN",
		TimeZone:     "Asia/Shanghai",
		Paginate:     20,
		URLStyle:     URLStyleDir,
		Params:       map[string]any{},
	}
}

// Load reads and validates site.toml from fsys.
func Load(fsys fs.FS) (*Config, error) {
	src, err := fs.ReadFile(fsys, FileName)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, diag.New(FileName, 0, "找不到 site.toml：请在站点文件夹中创建它，至少写上 title = \"网站名称\" (site.toml not found)")
		}
		return nil, diag.New(FileName, 0, "无法读取：%v", err)
	}
	return Parse(src)
}

// Parse decodes and validates site.toml's text.
func Parse(src []byte) (*Config, error) {
	cfg := Default()
	pos := tomlpos.New(src)
	md, err := toml.Decode(string(src), cfg)
	if err != nil {
		return nil, DecodeError(FileName, 0, err, pos, string(src), cfg)
	}
	var errs diag.List
	for _, k := range md.Undecoded() {
		key := k.String()
		if strings.HasPrefix(key, "params.") || strings.HasPrefix(key, "check.") {
			continue
		}
		if msg, ok := programKeys[key]; ok {
			errs = append(errs, diag.New(FileName, pos.Line(key), "%s", msg))
			continue
		}
		errs = append(errs, diag.New(FileName, pos.Line(key),
			"未知的设置项「%s」：请检查拼写，可用的设置项见 docs (unknown key %q)", key, key))
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if err := cfg.finish(pos); err != nil {
		return nil, err
	}
	return cfg, nil
}

// programKeys are keys that once named a program to run. A site may not
// choose a program (a file committed to the site repository would run as
// whoever builds it), so each is an error saying what to do instead.
var programKeys = map[string]string{
	"dartSass": "site.toml 不能再用 dartSass 指定 Dart Sass 程序：请删除这一行，改为设置环境变量 FAZHI_DART_SASS 指向 sass 程序，或把 Dart Sass（dart-sass 文件夹）放在 fazhi 程序旁边 (dartSass is no longer read: set FAZHI_DART_SASS or put dart-sass/ beside the fazhi binary)",
	"pagefind": "site.toml 不能指定 Pagefind 程序：请删除这一行，改为设置环境变量 FAZHI_PAGEFIND 指向 pagefind_extended，或把它放在 fazhi 程序旁边 (set FAZHI_PAGEFIND or put pagefind_extended beside the fazhi binary)",
}

func (c *Config) finish(pos *tomlpos.Index) error {
	var errs diag.List
	errs = append(errs, c.Deploy.check(pos)...)
	errs = append(errs, c.Identity.check(pos)...)
	errs = append(errs, c.CMS.check(pos)...)
	loc, err := time.LoadLocation(c.TimeZone)
	if err != nil {
		errs = append(errs, diag.New(FileName, pos.Line("timeZone"),
			"时区「%s」无效，应写成 \"Asia/Shanghai\" 这样的名称 (unknown time zone)", c.TimeZone))
	}
	c.Location = loc
	if c.Paginate < 1 {
		errs = append(errs, diag.New(FileName, pos.Line("paginate"), "paginate 应为正整数，如 paginate = 20"))
	}
	if c.URLStyle != URLStyleDir && c.URLStyle != URLStyleHTML {
		errs = append(errs, diag.New(FileName, pos.Line("urlStyle"),
			"urlStyle = \"%s\" 无效：应为 \"dir\"（默认，内容页网址如 /zhengce/banfa/）或 \"html\"（如 /zhengce/banfa.html） (unknown urlStyle)", c.URLStyle))
	}
	c.SetBaseURL(c.BaseURL)
	if c.BaseURL != "/" && !strings.HasPrefix(c.BaseURL, "http://") && !strings.HasPrefix(c.BaseURL, "https://") && !strings.HasPrefix(c.BaseURL, "/") {
		errs = append(errs, diag.New(FileName, pos.Line("baseURL"),
			"baseURL「%s」应以 https:// 开头，如 baseURL = \"https://fzb.example.gov.cn/\"", c.BaseURL))
	}
	for _, k := range []struct {
		key string
		v   int
	}{{"normativeValidityYears", c.Legal.NormativeValidityYears}, {"provisionalValidityYears", c.Legal.ProvisionalValidityYears}} {
		if k.v < 0 || k.v > 50 {
			errs = append(errs, diag.New(FileName, pos.Line("legal."+k.key),
				"[legal] %s = %d 无效：应为有效期的年数，如 5；不设默认有效期时删去这一行 (years between 1 and 50)", k.key, k.v))
		}
	}
	for i, m := range c.Mourning {
		if m.From.IsZero() || m.To.IsZero() || m.To.Before(m.From.Time) {
			errs = append(errs, diag.New(FileName, pos.Line(fmt.Sprintf("mourning.%d", i)),
				"[[mourning]] 需要 from 和 to 两个日期，且 to 不早于 from，如 from = 2024-04-04、to = 2024-04-04"))
		}
	}
	return errs.Err()
}

// SetBaseURL sets baseURL (the command line's --baseURL overrides the
// one in site.toml), ending it in "/" as site.toml's is.
func (c *Config) SetBaseURL(u string) {
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	c.BaseURL = u
}
