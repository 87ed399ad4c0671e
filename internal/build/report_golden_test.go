package build_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/fazhitest"
)

// reportSite is a 政府信息公开工作年度报告 with all three tables: 表二 and 表三
// at their markers, 表四 without one (it follows the body).
const reportSite = `
-- site.toml --
title = "某市法治政府网"
baseURL = "https://fzb.example.gov.cn/"
-- content/_index.md --
+++
title = "首页"
+++
-- content/nianbao/_index.md --
+++
title = "信息公开年报"
columnType = "信息公开年报"
kind = "article"
+++
-- content/nianbao/2025.md --
+++
title = "某市司法局2025年政府信息公开工作年度报告"
date = 2026-01-20
[report]
type = "政府信息公开工作年度报告"
year = 2025
[report.table2]
"规章" = [0, 0, 0]
"行政规范性文件" = [3, 1, 17]
"行政许可" = 286
"行政处罚" = 14
"行政强制" = 0
"行政事业性收费" = 1.5
[report.table3]
"本年新收" = [10, 2, 0, 0, 1, 0, 13]
"上年结转" = [1, 0, 0, 0, 0, 0, 1]
"予以公开" = [6, 1, 0, 0, 1, 0, 8]
"部分公开" = [1, 0, 0, 0, 0, 0, 1]
"不予公开-1" = [0, 0, 0, 0, 0, 0, 0]
"不予公开-2" = [0, 0, 0, 0, 0, 0, 0]
"不予公开-3" = [0, 0, 0, 0, 0, 0, 0]
"不予公开-4" = [1, 0, 0, 0, 0, 0, 1]
"不予公开-5" = [0, 0, 0, 0, 0, 0, 0]
"不予公开-6" = [0, 0, 0, 0, 0, 0, 0]
"不予公开-7" = [0, 0, 0, 0, 0, 0, 0]
"不予公开-8" = [0, 0, 0, 0, 0, 0, 0]
"无法提供-1" = [2, 0, 0, 0, 0, 0, 2]
"无法提供-2" = [0, 0, 0, 0, 0, 0, 0]
"无法提供-3" = [0, 0, 0, 0, 0, 0, 0]
"不予处理-1" = [0, 0, 0, 0, 0, 0, 0]
"不予处理-2" = [0, 0, 0, 0, 0, 0, 0]
"不予处理-3" = [0, 0, 0, 0, 0, 0, 0]
"不予处理-4" = [0, 0, 0, 0, 0, 0, 0]
"不予处理-5" = [0, 0, 0, 0, 0, 0, 0]
"其他处理-1" = [0, 0, 0, 0, 0, 0, 0]
"其他处理-2" = [0, 0, 0, 0, 0, 0, 0]
"其他处理-3" = [0, 0, 0, 0, 0, 0, 0]
"总计" = [10, 1, 0, 0, 1, 0, 12]
"结转下年度" = [1, 1, 0, 0, 0, 0, 2]
[report.table4]
"行政复议" = [1, 0, 0, 0, 1]
"未经复议直接起诉" = [0, 0, 0, 1, 1]
"复议后起诉" = [0, 0, 0, 0, 0]
+++
## 二、主动公开政府信息情况

【表二】

## 三、收到和处理政府信息公开申请情况

【表三】

## 四、政府信息公开行政复议、行政诉讼情况
`

// TestReportTablesGolden: the three tables in the official layout of 国办
// 公开办函〔2021〕30号, one line of the golden file per table row.
func TestReportTablesGolden(t *testing.T) {
	r := fazhitest.Build(t, reportSite, fazhitest.WithTheme())
	page := r.File("nianbao/2025/index.html")
	tables := regexp.MustCompile(`(?s)(<p class="table-hint">[^<]*</p>\s*)?<div class="table-wrap report-table-wrap".*?</table>\s*</div>`).FindAllString(page, -1)
	if len(tables) != 3 {
		t.Fatalf("%d report tables, want 3:\n%s", len(tables), page)
	}
	for _, m := range []string{"【表二】", "【表三】"} {
		if strings.Contains(page, "<p>"+m+"</p>") {
			t.Errorf("marker %s left in the page", m)
		}
	}
	// The description (the summary of the body's text) has no markers.
	if strings.Contains(page, "【表") {
		t.Errorf("a table marker is left in the page:\n%s", page)
	}
	// 表四 has no marker: it follows the last heading.
	if i, j := strings.Index(page, "四、政府信息公开行政复议、行政诉讼情况</h2>"), strings.Index(page, `id="t4"`); i < 0 || j < i {
		t.Errorf("表四 is not after the body: heading at %d, table at %d", i, j)
	}
	fazhitest.Golden(t, "report-tables", strings.Join(tables, "\n")+"\n")
}
