package config

import (
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/legal"
)

func TestLegalDefaults(t *testing.T) {
	cfg, err := Parse([]byte(`title = "某市法治政府网"`))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Legal.Mask() != "某" {
		t.Errorf("Mask = %q", cfg.Legal.Mask())
	}
	p := cfg.Legal.Periods()
	if p["轻微"] != (legal.Period{Months: 3}) || p["一般"] != (legal.Period{Months: 12}) || p["严重"] != (legal.Period{Months: 36}) {
		t.Errorf("Periods = %v", p)
	}
}

func TestLegalSettings(t *testing.T) {
	cfg, err := Parse([]byte(`title = "某市法治政府网"
[legal]
nameMask = "*"
[legal.publicityPeriods]
"一般" = "6个月"
`))
	if err != nil {
		t.Fatal(err)
	}
	p := cfg.Legal.Periods()
	if cfg.Legal.Mask() != "*" || p["一般"] != (legal.Period{Months: 6}) || p["严重"] != (legal.Period{Months: 36}) {
		t.Errorf("Mask %q, Periods %v", cfg.Legal.Mask(), p)
	}
}

func TestLegalErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"[legal]\n[legal.publicityPeriods]\n\"较重\" = \"1年\"\n", "site.toml:3:9: 「legal.publicityPeriods」的值不对：[legal.publicityPeriods] 中的「较重」不是严重程度，只能写 轻微、一般、严重"},
		{"[legal.publicityPeriods]\n\"一般\" = \"一年\"\n", "[legal.publicityPeriods] 一般 的期限「一年」无效，应写成 \"3个月\" 或 \"1年\" 这样的形式"},
		{"[legal.publicityPeriods]\n\"一般\" = 12\n", "一般 应写成 \"3个月\" 或 \"1年\" 这样的文字"},
		{"[legal]\nmask = \"某\"\n", "site.toml:3: 未知的设置项「legal.mask」"},
	}
	for _, tc := range tests {
		_, err := Parse([]byte("title = \"某市法治政府网\"\n" + tc.src))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q) error = %v\nwant it to contain %q", tc.src, err, tc.want)
		}
	}
}

func TestLegalValidityYears(t *testing.T) {
	cfg, err := Parse([]byte("title = \"t\"\n[legal]\nnormativeValidityYears = 5\nprovisionalValidityYears = 2\n"))
	if err != nil {
		t.Fatal(err)
	}
	if y := cfg.Legal.ValidityYears("某市行政规范性文件管理办法"); y != 5 {
		t.Errorf("normative years = %d, want 5", y)
	}
	if y := cfg.Legal.ValidityYears("某市网络预约出租汽车经营服务管理暂行办法"); y != 2 {
		t.Errorf("provisional years = %d, want 2", y)
	}
	off, _ := Parse([]byte("title = \"t\"\n"))
	if y := off.Legal.ValidityYears("某市行政规范性文件管理办法"); y != 0 {
		t.Errorf("default years = %d, want 0 (off)", y)
	}
	_, err = Parse([]byte("title = \"t\"\n[legal]\nnormativeValidityYears = -5\n"))
	if err == nil || !strings.Contains(err.Error(), "site.toml:3:") || !strings.Contains(err.Error(), "normativeValidityYears = -5 无效") {
		t.Errorf("negative years: %v", err)
	}
}
