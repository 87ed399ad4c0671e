package check_test

import (
	"testing"

	"github.com/fazhi-dev/fazhi/internal/check"
	"github.com/fazhi-dev/fazhi/internal/enforcement"
	"github.com/fazhi-dev/fazhi/internal/fazhitest"
)

// TestFindingURLs: the report names the page of each file it has a
// finding in, for the preview's panel to link to: a content page's URL,
// and for a row of a 行政执法公示 data file the column's. A late 公示日期
// is one of the deadline rules the panel lists first.
func TestFindingURLs(t *testing.T) {
	files := enforcementSite(enfRow(2, map[string]string{"R": "2026-11-20"})) + `
-- content/gongzuo/_index.md --
+++
title = "工作动态"
+++
-- content/gongzuo/a.md --
+++
title = "甲"
date = 2026-11-25
+++
见[通知](/gongzuo/nowhere/)。
`
	rep := run(t, files, fazhitest.Now)
	got := map[string]bool{}
	for _, f := range rep.Findings {
		got[f.Rule+" "+f.File] = true
	}
	for _, k := range []string{enforcement.RuleLate + " data/chufa.csv", check.RuleLinkBroken + " content/gongzuo/a.md"} {
		if !got[k] {
			t.Errorf("no finding %q in %v", k, rep.Findings)
		}
	}
	if u := rep.URLs["data/chufa.csv"]; u != "/chufa/" {
		t.Errorf("URL of the data file = %q, want the column /chufa/", u)
	}
	if u := rep.URLs["content/gongzuo/a.md"]; u != "/gongzuo/a/" {
		t.Errorf("URL of the page = %q", u)
	}
	if _, ok := rep.URLs["site.toml"]; ok {
		t.Errorf("site.toml has a URL: %v", rep.URLs)
	}
	if !check.Deadlines[enforcement.RuleLate] || !check.Deadlines[check.RuleReportLate] || check.Deadlines[check.RuleLinkBroken] {
		t.Errorf("deadline rules: %v", check.Deadlines)
	}
}
