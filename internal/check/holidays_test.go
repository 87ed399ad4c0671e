package check_test

import (
	"testing"

	"github.com/fazhi-dev/fazhi/internal/fazhitest"
)

// guifan is a 行政规范性文件 dated policy and its 解读 dated jiedu.
func guifan(name, policy, jiedu string) string {
	return `
-- content/zhengce/` + name + `.md --
+++
title = "某市规范性文件` + name + `"
date = ` + policy + `
[policy]
issuer = "某市人民政府办公室"
docNumber = "某府办规〔` + policy[:4] + `〕` + name[len(name)-1:] + `号"
genre = "行政规范性文件"
+++
-- content/jiedu/` + name + `.md --
+++
title = "规范性文件` + name + `解读"
date = ` + jiedu + `
interprets = ["zhengce/` + name + `.md"]
+++
`
}

const jieduColumn = `
-- content/jiedu/_index.md --
+++
title = "政策解读"
columnType = "政策解读"
+++
`

// TestJieduHolidays counts the 3 working days of jiedu-late with the
// State Council's holiday notices: 2026-10-01 to 10-07 are holidays and
// Sunday 2026-09-20 is a working day.
func TestJieduHolidays(t *testing.T) {
	files := base + jieduColumn +
		guifan("gf1", "2026-09-30", "2026-10-09") + // 10-08, 10-09: 2 working days, not 7
		guifan("gf2", "2026-09-18", "2026-09-23") // 9-20 (调休), 9-21, 9-22, 9-23: 4, not 3
	rep := run(t, files, fazhitest.Now)
	assertFindings(t, rep.Findings, []want{
		{"jiedu-late", "content/jiedu/gf2.md", 4, 0, W, "晚 4 个工作日，超过 3 个工作日"},
	})
}

func TestHolidaysMissingYear(t *testing.T) {
	files := base + jieduColumn +
		guifan("gf1", "2021-12-30", "2022-01-06") + // 2021 unknown; 12-31, (01-01..03 off), 01-04..06
		guifan("gf2", "2020-06-01", "2020-06-02") +
		guifan("gf3", "2026-11-02", "2026-11-02")
	rep := run(t, files, fazhitest.Now)
	assertFindings(t, rep.Findings, []want{
		{"jiedu-late", "content/jiedu/gf1.md", 4, 0, W, "晚 4 个工作日"},
		{"holidays", "data/holidays.toml", 0, 0, W, "没有 2020、2021 年的节假日安排，这些年份的工作日按周一至周五计算"},
	})

	own := files + `
-- data/holidays.toml --
[2021]
notice = "本站补录"
off = ["2021-12-31"]

[2020]
off = []
`
	// With the site's 2021 (12-31 off) gf1 is 3 working days late: in time.
	rep = run(t, own, fazhitest.Now)
	assertFindings(t, rep.Findings, nil)
}

func TestHolidaysFileError(t *testing.T) {
	files := base + `
-- data/holidays.toml --
[2027]
off = [
  "2027-02-30",
]
`
	rep := run(t, files, fazhitest.Now)
	assertFindings(t, rep.Findings, []want{
		{"holidays", "data/holidays.toml", 3, 0, E, "节假日安排有误：[2027] off 中的「2027-02-30」不是日期"},
	})
}
