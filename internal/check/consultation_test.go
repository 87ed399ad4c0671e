package check_test

import (
	"strings"
	"testing"
	"time"
)

// closedConsultation ended on 2026-10-27 (through 24:00) and has no
// 采纳情况: the 30 days run out at 2026-11-27 00:00.
const closedConsultation = `
-- content/zhengji/_index.md --
+++
title = "意见征集"
columnType = "征集调查"
kind = "article"
+++
-- content/zhengji/a.md --
+++
title = "关于《某市养犬管理办法（草案）》公开征求意见的公告"
date = 2026-10-01
[consultation]
from = 2026-10-01
to = 2026-10-27
channel = "fzb@moushi.gov.cn"
+++
草案全文如下。
`

// TestConsultationFeedback (issue 19 point 3): a consultation that ended
// more than consultationFeedbackDays (default 30) days ago without a
// result is a warning at its to line; not before, not with a result, and
// the limit is a setting.
func TestConsultationFeedback(t *testing.T) {
	sh := time.FixedZone("CST", 8*3600)
	due := time.Date(2026, 11, 27, 0, 0, 0, 0, sh)
	msg := "意见征集已于 2026-10-27 结束，超过 30 天仍未公布采纳情况：请发布意见采纳情况，并在 [consultation] 中写 result = \"采纳情况页面的路径\" (consultation ended 30 days ago without a result)"
	assertFindings(t, run(t, base+closedConsultation, due).Findings, []want{
		{"consultation-feedback", "content/zhengji/a.md", 6, 0, W, msg},
	})
	assertFindings(t, run(t, base+closedConsultation, due.Add(-time.Second)).Findings, nil)

	withResult := base + closedConsultation + `
-- content/zhengji/caina.md --
+++
title = "采纳情况"
date = 2026-11-20
+++
共收到意见 3 条。
`
	withResult = replaceOnce(t, withResult, `channel = "fzb@moushi.gov.cn"`, `channel = "fzb@moushi.gov.cn"
result = "zhengji/caina.md"`)
	assertFindings(t, run(t, withResult, due).Findings, nil)

	longer := replaceOnce(t, base+closedConsultation, "[identity]", "[legal]\nconsultationFeedbackDays = 25\n[identity]")
	assertFindings(t, run(t, longer, due.AddDate(0, 0, -5).Add(-time.Second)).Findings, nil)
	assertFindings(t, run(t, longer, due.AddDate(0, 0, -5)).Findings, []want{
		{"consultation-feedback", "content/zhengji/a.md", 6, 0, W, "意见征集已于 2026-10-27 结束，超过 25 天仍未公布采纳情况"},
	})
}

func replaceOnce(t *testing.T, s, old, new string) string {
	t.Helper()
	if !strings.Contains(s, old) {
		t.Fatalf("%q not in the test site", old)
	}
	return strings.Replace(s, old, new, 1)
}
