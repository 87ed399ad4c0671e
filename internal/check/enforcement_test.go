package check_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/fazhitest"
)

// Codes follow GB 32100-2015 with region 99, which no real body has; the
// identity number has the right check character but region 83, which no
// mainland identity card carries.
const (
	enfOrgCode = "91990102MA0000001D"
	enfAuth    = "11990000000000001G"
	enfID      = "830101199001011236"
)

const enfHeader = "行政相对人名称,行政相对人类别,统一社会信用代码,法定代表人,证件类型,证件号码,行政处罚决定书文号,违法行为类型,违法事实,处罚依据,处罚类别,处罚内容,罚款金额（万元）,处罚决定日期,公示截止期,处罚机关,处罚机关统一社会信用代码,公示日期,严重程度,状态,撤销说明,未成年人,承办人"

// enfRow is a valid row (a company fined on 2026-11-02, online two days
// later) numbered n, with the cells of set changed (column letter →
// value).
func enfRow(n int, set map[string]string) string {
	cells := strings.Split("某市甲乙商贸有限公司,法人及非法人组织,"+enfOrgCode+",王五,,,某市监罚〔2026〕"+fmt.Sprint(n)+"号,虚假宣传,在店内张贴虚假广告,《中华人民共和国广告法》第五十五条,罚款,罚款人民币五千元,0.5,2026-11-02,,某市市场监督管理局,"+enfAuth+",2026-11-04,一般,,,,李四", ",")
	for col, v := range set {
		cells[col[0]-'A'] = v
	}
	return strings.Join(cells, ",")
}

// enforcementSite is a site with one 行政处罚 column reading data/chufa.csv.
func enforcementSite(rows ...string) string {
	return base + `
-- content/chufa/_index.md --
+++
title = "行政处罚公示"
kind = "enforcement"
[enforcement]
type = "行政处罚"
data = "chufa.csv"
+++
本栏目公示本机关作出的行政处罚决定。
-- data/chufa.csv --
` + enfHeader + "\n" + strings.Join(rows, "\n") + "\n"
}

// TestEnforcementFindings (issue 18 points 2, 4 and 6 through fazhi
// check): one row per bad input, each reported at its Excel row and
// column with the column's letter and header and what to write; the
// personal-data scanners run over every cell; a minor's row and identity
// numbers in the file are warnings; a late 公示日期 is an error counted
// with the holiday calendar, and a year without one is named once.
func TestEnforcementFindings(t *testing.T) {
	files := enforcementSite(
		enfRow(2, nil),
		enfRow(3, map[string]string{"I": ""}),
		enfRow(4, map[string]string{"N": "2026-09-31"}),
		enfRow(5, map[string]string{"C": "91990102MA0000001E"}),
		enfRow(6, map[string]string{"G": "某市监罚[2026]6号"}),
		enfRow(7, map[string]string{"M": "5000元"}),
		enfRow(8, map[string]string{"B": "法人"}),
		enfRow(9, map[string]string{"G": "某市监罚〔2026〕2号"}),
		// Friday 2026-09-25: the 7th working day is Monday 10-12, past
		// the 国庆 holiday and Saturday 10-10 (调休); Monday to Friday
		// counting would end on 10-06.
		enfRow(10, map[string]string{"N": "2026-09-25", "R": "2026-10-13"}),
		enfRow(11, map[string]string{"A": "王小明", "B": "自然人", "C": "", "D": "", "V": "是"}),
		enfRow(12, map[string]string{"A": "张明华", "B": "自然人", "C": "", "D": "", "E": "身份证", "F": enfID, "I": "张明华（电话13800138000）无证经营"}),
		enfRow(13, map[string]string{"N": "2021-12-28", "R": "2021-12-30"}),
	)
	rep := run(t, files, fazhitest.Now)
	const f = "data/chufa.csv"
	want := []string{
		"enforcement-column " + f + ":1:23 warning: 第 1 行 W 列的列名「承办人」不是行政处罚公示表的列，这一列的内容不会使用：请对照《作者指南》中的列名改正，或删去这一列 (unknown column)",
		"enforcement-required " + f + ":3:9 error: 第 3 行 I 列「违法事实」没有填写：这一列必须填写，简要写明违法事实 (required)",
		"enforcement-date " + f + ":4:14 error: 第 4 行 N 列「处罚决定日期」：「2026-09-31」：2026 年 9 月没有 31 日 (bad date)",
		"enforcement-code " + f + ":5:3 error: 第 5 行 C 列「统一社会信用代码」：统一社会信用代码「91990102MA0000001E」的校验位（第 18 位）不对：按前 17 位计算应为「D」；请先对照营业执照或登记证书核对前 17 位，前 17 位无误时，应写成「91990102MA0000001D」 (bad credit code)",
		"enforcement-number " + f + ":6:7 error: 第 6 行 G 列「行政处罚决定书文号」：文号「某市监罚[2026]6号」中的年份应使用六角括号〔〕，应写成「某市监罚〔2026〕6号」 (use 〔〕 around the year)",
		"enforcement-amount " + f + ":7:13 error: 第 7 行 M 列「罚款金额（万元）」：这一列的单位是万元，只写数字：5000 元应写成 0.5 (not a number)",
		"enforcement-value " + f + ":8:2 error: 第 8 行 B 列「行政相对人类别」：「法人」不是行政相对人类别，只能写「法人及非法人组织」「自然人」「个体工商户」之一，这里应写「法人及非法人组织」 (invalid party kind)",
		"enforcement-duplicate " + f + ":9:7 error: 第 9 行 G 列「行政处罚决定书文号」：文号「某市监罚〔2026〕2号」与第 2 行重复：每个决定的文号只能出现一次，请核对是否重复录入或文号写错 (duplicate number)",
		"enforcement-late " + f + ":10:18 error: 第 10 行 R 列「公示日期」：公示日期 2026-10-13 比决定日期 2026-09-25 晚 8 个工作日，超过 7 个工作日：行政处罚决定应在作出决定之日起 7 个工作日内（即 2026-10-12 以前）上网公示（国办发〔2015〕51号）；公示日期请如实填写 (published late)",
		"enforcement-minor " + f + ":11:22 warning: 第 11 行 V 列「未成年人」：这一行的当事人是未成年人，按规定不予公开，fazhi 不会发布这一行（数据源保留这一行是对的，这里只是提醒） (minor: not published)",
		"enforcement-id-data " + f + ":12:6 warning: 第 12 行 F 列：这个数据文件有 1 个证件号码。网站不会发布证件号码，但数据文件本身含有个人信息：存放网站源文件的仓库必须保持不公开，不要把源文件交给无关人员 (identity numbers in the data file)",
		"enforcement-personal " + f + ":12:9 warning: 第 12 行 I 列中有手机号码「13800138000」：网站发布时会自动隐去，但请在数据源中删去或只保留部分号码 (personal-phone)",
		"holidays data/holidays.toml:0:0 warning: 没有 2021 年的节假日安排，这些年份的工作日按周一至周五计算，放假和调休上班未计入：请在 data/holidays.toml 中按国务院办公厅当年的放假通知补上，如 [2021] off = [\"2021-01-01\"] work = [] (no holiday calendar for these years)",
	}
	var got []string
	for _, g := range rep.Findings {
		got = append(got, fmt.Sprintf("%s %s:%d:%d %s: %s", g.Rule, g.File, g.Line, g.Col, g.Level, g.Msg))
	}
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("findings:\n%s\n\nwant:\n%s", g, w)
	}
	if rep.Errors != 8 || rep.Warnings != 5 || !rep.Failed() {
		t.Errorf("%d errors, %d warnings", rep.Errors, rep.Warnings)
	}
}

// TestEnforcementLevels: [check] sets the level of every finding of an
// enforcement rule, and the clean rows of a file with bad ones are still
// built (so that the check sees the whole site).
func TestEnforcementLevels(t *testing.T) {
	files := enforcementSite(enfRow(2, nil), enfRow(3, map[string]string{"N": "2026-09-25", "R": "2026-10-13"}), enfRow(4, map[string]string{"V": "是"}))
	files = strings.Replace(files, "[[menu.main]]", "[check]\nenforcement-late = \"warning\"\nenforcement-minor = \"off\"\nenforcement-column = \"off\"\n[[menu.main]]", 1)
	rep := run(t, files, fazhitest.Now)
	assertFindings(t, rep.Findings, []want{
		{"enforcement-late", "data/chufa.csv", 3, 18, W, "晚 8 个工作日"},
	})
	if rep.Failed() {
		t.Error("a late publication set to warning still fails the check")
	}
}

// TestEnforcementClean: a good file gives no finding at all.
func TestEnforcementClean(t *testing.T) {
	files := strings.Replace(enforcementSite(enfRow(2, nil)), ",承办人", "", 1)
	files = strings.Replace(files, ",李四\n", "\n", 1)
	rep := run(t, files, fazhitest.Now)
	assertFindings(t, rep.Findings, nil)
	_ = diag.LevelError
}
