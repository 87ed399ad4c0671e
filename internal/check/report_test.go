package check_test

import (
	"strings"
	"testing"
	"time"

	"github.com/fazhi-dev/fazhi/internal/diag"
)

// xxgkReport is a 政府信息公开工作年度报告 whose arithmetic holds; the
// tests below break one number at a time. Line numbers: the file starts
// with +++ on line 1.
const xxgkReport = `
-- content/gongzuo/nianbao.md --
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
## 一、总体情况
本年度工作情况。
## 二、主动公开政府信息情况
【表二】
## 三、收到和处理政府信息公开申请情况
【表三】
## 四、政府信息公开行政复议、行政诉讼情况
【表四】
## 五、存在的主要问题及改进情况
无。
## 六、其他需要报告的事项
无。
`

const fazhiReport = `
-- content/gongzuo/fazhi.md --
+++
title = "某市司法局关于2025年度法治政府建设情况的报告"
date = 2026-03-20
[report]
type = "法治政府建设年度报告"
year = 2025
+++
## 一、上一年度推进法治政府建设的主要举措和成效
略。
## 二、存在的不足和原因
略。
## 三、党政主要负责人履行推进法治建设第一责任人职责情况
略。
## 四、下一年度推进法治政府建设的主要安排
略。
## 五、其他需要报告的情况
无。
`

// reportFindings are the findings of the report-* rules only: the base
// site is not fresh at the boundary dates of these tests.
func reportFindings(t *testing.T, files string, now time.Time) []diag.Error {
	t.Helper()
	var out []diag.Error
	for _, f := range run(t, files, now).Findings {
		if strings.HasPrefix(f.Rule, "report-") || f.Rule == "build" {
			out = append(out, f)
		}
	}
	return out
}

func withLevel(level string) string {
	return strings.Replace(base, "[identity]", "[legal]\nreportLevel = \""+level+"\"\n[identity]", 1)
}

func at(s string) time.Time {
	t, err := time.Parse("2006-01-02 15:04 -0700", s+" +0800")
	if err != nil {
		panic(err)
	}
	return t
}

func TestReportArithmetic(t *testing.T) {
	const f = "content/gongzuo/nianbao.md"
	tests := []struct {
		name, old, new string
		want           []want
	}{
		{"clean", "", "", nil},
		{"row total", `"予以公开" = [6, 1, 0, 0, 1, 0, 8]`, `"予以公开" = [6, 1, 0, 0, 1, 0, 9]`, []want{
			{"report-arithmetic", f, 17, 0, E, "表三「三、本年度办理结果（一）予以公开」行「总计」列：总计应为自然人与法人或其他组织各列之和 8，表中写的是 9"},
			{"report-arithmetic", f, 38, 0, E, "表三「三、本年度办理结果（七）总计」行「总计」列：（七）总计应为（一）至（六）各项之和 13，表中写的是 12"},
		}},
		{"sub-row changes column sum", `"不予公开-4" = [1, 0, 0, 0, 0, 0, 1]`, `"不予公开-4" = [0, 1, 0, 0, 0, 0, 1]`, []want{
			{"report-arithmetic", f, 38, 0, E, "表三「三、本年度办理结果（七）总计」行「商业企业」列：（七）总计应为（一）至（六）各项之和 2，表中写的是 1"},
			{"report-arithmetic", f, 38, 0, E, "表三「三、本年度办理结果（七）总计」行「自然人」列：（七）总计应为（一）至（六）各项之和 9，表中写的是 10"},
		}},
		{"一+二 ≠ 三（七）+四", `"结转下年度" = [1, 1, 0, 0, 0, 0, 2]`, `"结转下年度" = [1, 0, 0, 0, 0, 0, 1]`, []want{
			{"report-arithmetic", f, 39, 0, E, "表三「四、结转下年度继续办理」行「商业企业」列：一 本年新收 2 ＋ 二 上年结转 0 ＝ 2，应等于 三（七）总计 1 ＋ 四 结转下年度 0 ＝ 1：请核对这一列（按此算，四 应为 1）"},
			{"report-arithmetic", f, 39, 0, E, "表三「四、结转下年度继续办理」行「总计」列：一 本年新收 13 ＋ 二 上年结转 1 ＝ 14，应等于 三（七）总计 12 ＋ 四 结转下年度 1 ＝ 13"},
		}},
		{"表四 total", `"未经复议直接起诉" = [0, 0, 0, 1, 1]`, `"未经复议直接起诉" = [0, 0, 0, 1, 2]`, []want{
			{"report-arithmetic", f, 42, 0, E, "表四「未经复议直接起诉」行「未经复议直接起诉·总计」列：总计应为结果维持、结果纠正、其他结果、尚未审结之和 1，表中写的是 2"},
		}},
		{"missing section", "## 五、存在的主要问题及改进情况\n", "## 五、问题\n", []want{
			{"report-sections", f, 45, 0, W, "缺少「五、存在的主要问题及改进情况」部分"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := strings.Replace(xxgkReport, tt.old, tt.new, 1)
			if tt.old != "" && files == xxgkReport {
				t.Fatalf("%q not in the report", tt.old)
			}
			assertFindings(t, reportFindings(t, base+files+fazhiReport, at("2026-11-27 10:00")), tt.want)
		})
	}
}

// TestReportCatalogue: 表二's 本年制发件数 of 行政规范性文件 is compared
// with the catalogue's 行政规范性文件 of the report year, once the site has
// any.
func TestReportCatalogue(t *testing.T) {
	const f = "content/gongzuo/nianbao.md"
	doc := func(date, no string) string {
		return "\n-- content/zhengce/gf-" + no + ".md --\n+++\ntitle = \"某市规范性文件" + no + "\"\ndate = " + date +
			"\n[policy]\nissuer = \"某市人民政府\"\ndocNumber = \"某府规〔" + date[:4] + "〕" + no + "号\"\ngenre = \"行政规范性文件\"\n+++\n第一条　本办法自发布之日起施行。\n"
	}
	three := doc("2025-03-01", "1") + doc("2025-07-01", "2") + doc("2025-12-31", "3")
	tests := []struct {
		name, files string
		want        []want
	}{
		{"no 行政规范性文件 in the catalogue: not compared", "", nil},
		{"three in 2025, 表二 says 3", three, nil},
		{"one is of 2024", doc("2024-12-31", "1") + doc("2025-07-01", "2") + doc("2025-12-31", "3"), []want{
			{"report-catalogue", f, 9, 0, W, "表二「行政规范性文件」本年制发件数写的是 3，本站政策文件目录中发布日期在2025年的行政规范性文件有 2 件（content/zhengce/gf-2.md、content/zhengce/gf-3.md）"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []want
			for _, f := range reportFindings(t, base+xxgkReport+fazhiReport+tt.files, at("2026-11-27 10:00")) {
				if f.Rule == "report-catalogue" || f.Rule == "build" {
					got = append(got, want{f.Rule, f.File, f.Line, f.Col, f.Level, f.Msg})
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if g, w := got[i], tt.want[i]; g.rule != w.rule || g.file != w.file || g.line != w.line || g.level != w.level || !strings.Contains(g.msg, w.msg) {
					t.Errorf("got %+v\nwant %+v", g, w)
				}
			}
		})
	}
}

func TestReportShape(t *testing.T) {
	const f = "content/gongzuo/nianbao.md"
	tests := []struct {
		name, old, new string
		want           []want
	}{
		{"unknown type", `type = "政府信息公开工作年度报告"`, `type = "年报"`, []want{
			{"build", f, 5, 0, E, "年度报告类型 type = \"年报\" 无效，应为「政府信息公开工作年度报告」「法治政府建设年度报告」之一"},
		}},
		{"unknown row", `"部分公开" =`, `"部份公开" =`, []want{
			{"build", f, 14, 0, E, "表三缺少「部分公开」这一行"},
			{"build", f, 18, 0, E, "表三没有「部份公开」这一行"},
		}},
		{"wrong count", `"行政复议" = [1, 0, 0, 0, 1]`, `"行政复议" = [1, 0, 0, 1]`, []want{
			{"build", f, 41, 0, E, "表四「行政复议」应写 5 个数，依次是「结果维持」「结果纠正」「其他结果」「尚未审结」「总计」之一；这里写了 4 个"},
		}},
		{"表二", `"规章" = [0, 0, 0]`, `"规章" = 0`, []want{
			{"build", f, 8, 0, E, "表二「规章」应写 3 个数"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := strings.Replace(xxgkReport, tt.old, tt.new, 1)
			assertFindings(t, reportFindings(t, base+files+fazhiReport, at("2026-11-27 10:00")), tt.want)
		})
	}
}

// TestReportDeadlines: the report on Y−1 is late from 2月1日 00:00 (a
// department), 4月1日 00:00 (a government) and, for the 法治政府建设年度
// 报告, 4月2日 00:00 — "4月1日之前" is taken to allow 4月1日 itself; from
// 3月2日 check warns that it is due.
func TestReportDeadlines(t *testing.T) {
	xxgkLate := want{"report-late", "site.toml", 4, 0, E, "网站上没有2025年度的政府信息公开工作年度报告：按《政府信息公开条例》第四十九条，政府部门应在2026年1月31日前公开，已经逾期"}
	govLate := want{"report-late", "site.toml", 4, 0, E, "网站上没有2025年度的政府信息公开工作年度报告：按《政府信息公开条例》第四十九条，县级以上人民政府应在2026年3月31日前公开，已经逾期"}
	fazhiLate := want{"report-late", "site.toml", 4, 0, E, "网站上没有2025年度的法治政府建设年度报告：按《法治政府建设与责任落实督察工作规定》，地方各级政府和县级以上政府部门应在2026年4月1日前公开，已经逾期"}
	fazhiDue := want{"report-due", "site.toml", 4, 0, W, "网站上还没有2025年度的法治政府建设年度报告：应在2026年4月1日前（含当日）向社会公开"}
	tests := []struct {
		name, files string
		now         string
		want        []want
	}{
		{"no reportLevel, no reports: no duty", base, "2026-11-27 10:00", nil},
		{"department 1月31日 23:59", withLevel("department"), "2026-01-31 23:59", nil},
		{"department 2月1日 00:00", withLevel("department"), "2026-02-01 00:00", []want{xxgkLate}},
		{"department, report online", withLevel("department") + xxgkReport, "2026-02-01 00:00", nil},
		{"government 3月31日 23:59", withLevel("government"), "2026-03-31 23:59", []want{fazhiDue}},
		{"government 4月1日 00:00", withLevel("government"), "2026-04-01 00:00", []want{fazhiDue, govLate}},
		{"fazhi 3月1日 23:59", withLevel("department") + xxgkReport, "2026-03-01 23:59", nil},
		{"fazhi 3月2日 00:00", withLevel("department") + xxgkReport, "2026-03-02 00:00", []want{fazhiDue}},
		{"fazhi 4月1日 23:59", withLevel("department") + xxgkReport, "2026-04-01 23:59", []want{fazhiDue}},
		{"fazhi 4月2日 00:00", withLevel("department") + xxgkReport, "2026-04-02 00:00", []want{fazhiLate}},
		{"fazhi online", withLevel("department") + xxgkReport + fazhiReport, "2026-04-02 00:00", nil},
		{"last year's report does not count", withLevel("department") + strings.Replace(xxgkReport, "year = 2025", "year = 2024", 1), "2026-02-01 00:00", []want{xxgkLate}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assertFindings(t, reportFindings(t, tt.files, at(tt.now)), tt.want)
		})
	}
}
