package check_test

import (
	"strings"
	"testing"
	"time"

	"github.com/fazhi-dev/fazhi/internal/check"
	"github.com/fazhi-dev/fazhi/internal/diag"
)

// normativeFiles are three 行政规范性文件: one whose 有效期 (explicit)
// ends on 2027-05-26, one without expires that takes the site's default
// of 5 years from 2022-06-01 (last day 2027-05-31), and one published
// after it took effect.
const normativeFiles = `
-- site.toml --
title = "某市法治政府网"
baseURL = "https://fzb.example.gov.cn/"
[identity]
sponsor = "某市人民政府办公室"
siteCode = "9900000001"
icp = "某ICP备00000001号"
police = "某公网安备 99010202000001号"
[legal]
normativeValidityYears = 5
[[menu.main]]
name = "工作动态"
url = "/gongzuo/"
[[menu.main]]
name = "政策文件"
url = "/zhengce/"
-- content/zhengce/daoqi.md --
+++
title = "某市行政执法公示办法"
date = 2022-05-20
[policy]
issuer = "某市人民政府"
genre = "行政规范性文件"
effective = 2022-05-27
expires = 2027-05-26
+++
正文。
-- content/zhengce/moren.md --
+++
title = "某市行政执法全过程记录办法"
date = 2022-05-25
[policy]
issuer = "某市人民政府"
genre = "行政规范性文件"
effective = 2022-06-01
+++
正文。
-- content/zhengce/daoguo.md --
+++
title = "某市行政执法案卷评查办法"
date = 2026-11-10
[policy]
issuer = "某市人民政府"
genre = "行政规范性文件"
effective = 2026-11-01
+++
正文。
`

func lifecycle(rep *check.Report) []diag.Error {
	var out []diag.Error
	for _, f := range rep.Findings {
		if f.Rule == check.RuleNormativeReview || f.Rule == check.RuleEffectiveBeforeDate {
			out = append(out, f)
		}
	}
	return out
}

// TestNormativeLifecycle (issue 17.4): the 评估 reminder starts six months
// before the 有效期 ends, to the day, for an explicit and a default
// 有效期; a 施行日期 before the 发布日期 is an error.
func TestNormativeLifecycle(t *testing.T) {
	cst := time.FixedZone("CST", 8*3600)
	files := base + normativeFiles
	// 2026-11-26 23:59: neither 有效期 is within six months yet.
	rep := run(t, files, time.Date(2026, 11, 26, 23, 59, 0, 0, cst))
	assertFindings(t, lifecycle(rep), []want{
		{"effective-before-date", "content/zhengce/daoguo.md", 7, 0, E, "施行日期 effective（2026-11-01）早于发布日期 date（2026-11-10）"},
	})
	// 2026-11-27 00:00: the explicit one (ends 2027-05-26) is due.
	rep = run(t, files, time.Date(2026, 11, 27, 0, 0, 0, 0, cst))
	assertFindings(t, lifecycle(rep), []want{
		{"effective-before-date", "content/zhengce/daoguo.md", 7, 0, E, "早于发布日期"},
		{"normative-review", "content/zhengce/daoqi.md", 8, 0, W, "《某市行政执法公示办法》的有效期至 expires到 2027-05-26 为止，不足 6 个月：请组织评估"},
	})
	// 2026-12-01 23:59 vs 2026-12-02 00:00 for the default 有效期.
	if got := lifecycle(run(t, files, time.Date(2026, 12, 1, 23, 59, 0, 0, cst))); len(got) != 2 {
		t.Errorf("2026-12-01 23:59: %d findings, want 2:\n%s", len(got), format(got))
	}
	rep = run(t, files, time.Date(2026, 12, 2, 0, 0, 0, 0, cst))
	got := lifecycle(rep)
	if len(got) != 3 || got[2].File != "content/zhengce/moren.md" || got[2].Line != 7 ||
		!strings.Contains(got[2].Msg, "默认有效期 5 年（site.toml [legal]）到 2027-05-31 为止") {
		t.Errorf("2026-12-02 00:00: want the default 有效期's reminder on moren.md:7:\n%s", format(got))
	}
	// Once expired, no reminder.
	if got := lifecycle(run(t, files, time.Date(2027, 6, 1, 0, 0, 0, 0, cst))); len(got) != 1 {
		t.Errorf("2027-06-01: %d findings, want only effective-before-date:\n%s", len(got), format(got))
	}
}
