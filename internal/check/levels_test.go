package check_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/check"
	"github.com/fazhi-dev/fazhi/internal/fazhitest"
)

// columns returns n columns of columnType 工作动态; stale ones hold an item
// from 2026-10-01, empty ones nothing.
func columns(n int, stale bool) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "-- content/c%d/_index.md --\n+++\ntitle = \"栏目%d\"\ncolumnType = \"工作动态\"\n+++\n", i, i)
		if stale {
			fmt.Fprintf(&b, "-- content/c%d/a.md --\n+++\ntitle = \"旧动态%d\"\ndate = 2026-10-01\n+++\n", i, i)
		}
	}
	return b.String()
}

func TestVetoes(t *testing.T) {
	tests := []struct {
		name      string
		files     string
		warnings  int
		vetoRules []string
		summary   string
	}{
		{"4 stale columns", columns(4, true), 4, nil, "单项否决 0 项\n"},
		{"5 stale columns", columns(5, true), 5, []string{"column-stale-veto"},
			"单项否决 1 项：栏目不更新：5 个栏目未及时更新（「栏目1」「栏目2」「栏目3」「栏目4」「栏目5」），达到 5 个即单项否决 [column-stale-veto]\n错误 0 个，警告 5 个\n结论：不合格（存在单项否决项）\n"},
		{"4 empty columns", columns(4, false), 4, nil, "结论：未发现单项否决项"},
		{"5 empty columns", columns(5, false), 5, []string{"column-empty-veto"}, "单项否决 1 项：空白栏目：5 个栏目没有任何信息"},
		{"veto switched off", columns(5, false) + "-- site.toml --\ntitle = \"x\"\n[identity]\nsponsor = \"某\"\nsiteCode = \"1\"\nicp = \"2\"\npolice = \"3\"\n[check]\ncolumn-empty-veto = \"off\"\n", 5, nil, "单项否决 0 项"},
		{"veto as warning", columns(5, false) + "-- site.toml --\ntitle = \"x\"\n[identity]\nsponsor = \"某\"\nsiteCode = \"1\"\nicp = \"2\"\npolice = \"3\"\n[check]\ncolumn-empty-veto = \"warning\"\n", 6, nil, "警告 6 个"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := run(t, base+tt.files, fazhitest.Now)
			if rep.Errors != 0 || rep.Warnings != tt.warnings {
				t.Errorf("errors %d, warnings %d; want 0, %d:\n%s", rep.Errors, rep.Warnings, tt.warnings, format(rep.Findings))
			}
			var rules []string
			for _, v := range rep.Vetoes {
				rules = append(rules, v.Rule)
			}
			if fmt.Sprint(rules) != fmt.Sprint(tt.vetoRules) {
				t.Errorf("vetoes %v, want %v", rules, tt.vetoRules)
			}
			if got := rep.Summary(); !strings.Contains(got, tt.summary) {
				t.Errorf("summary:\n%s\ndoes not contain:\n%s", got, tt.summary)
			}
			if rep.Failed() != (len(tt.vetoRules) > 0) {
				t.Errorf("Failed() = %v", rep.Failed())
			}
		})
	}
}

func TestHomeStaleVeto(t *testing.T) {
	rep := run(t, base, fazhitest.Now.AddDate(0, 1, 0))
	if len(rep.Vetoes) != 1 || rep.Vetoes[0].Rule != check.RuleHomeStale {
		t.Fatalf("vetoes %v", rep.Vetoes)
	}
	want := "单项否决 1 项：首页不更新：最新信息《市司法局召开会议》发布于 2026-11-20，已 37 天未更新（超过 14 天） [home-stale]\n错误 1 个，警告 1 个\n结论：不合格（存在单项否决项）\n"
	if got := rep.Summary(); got != want {
		t.Errorf("summary:\n%s\nwant:\n%s", got, want)
	}
}

func TestLevels(t *testing.T) {
	site := `
-- site.toml --
title = "某市法治政府网"
[identity]
sponsor = "某市人民政府办公室"
siteCode = "9900000001"
icp = "某ICP备00000001号"
[check]
identity = "warning"
column-empty = "off"
wording = "warning"
home-stale = "off"
link-brokn = "error"
[check.freshness]
"工作动态" = 0
-- content/kong/_index.md --
+++
title = "空栏目"
+++
-- content/gongzuo/b.md --
+++
title = "建设法制政府"
date = 2026-11-21
+++
`
	rep := run(t, base+site, fazhitest.Now.AddDate(0, 1, 0))
	assertFindings(t, rep.Findings, []want{
		{"wording", "content/gongzuo/b.md", 2, 12, W, "「法制政府」应为「法治政府」"},
		{"identity", "site.toml", 2, 0, W, "缺少公安机关备案号"},
		{"check-config", "site.toml", 11, 0, W, "[check] 中的「link-brokn」不是已知的检查规则"},
	})
	if len(rep.Vetoes) != 0 || rep.Failed() {
		t.Errorf("vetoes %v, failed %v", rep.Vetoes, rep.Failed())
	}
}
