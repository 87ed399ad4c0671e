package legal

import (
	"fmt"
	"strings"
)

// XxgkRow is a row of 表三 of the 政府信息公开工作年度报告: its key in the
// report's TOML data and its labels as printed in the official layout
// (国办公开办函〔2021〕30号).
type XxgkRow struct {
	// Key is the TOML key: "本年新收", "不予公开-3".
	Key string
	// Group is the first-level heading the row belongs to ("三、本年度办理
	// 结果"), "" for 一, 二 and 四 whose Label is their heading.
	Group string
	// Sub is the second-level heading of a numbered sub-row ("（三）不予
	// 公开"), "" otherwise.
	Sub string
	// Label is the row's own label.
	Label string
}

// Name is the row's full name for a message: 「三、本年度办理结果（三）不予
// 公开 3.危及“三安全一稳定”」.
func (r XxgkRow) Name() string {
	s := r.Group + r.Sub
	if r.Sub != "" {
		s += " "
	}
	return s + r.Label
}

const (
	xResult   = "三、本年度办理结果"
	xWithheld = "（三）不予公开"
	xUnable   = "（四）本机关不掌握相关政府信息，无法提供"
	xIgnored  = "（五）不予处理"
	xOther    = "（六）其他处理"
)

// Table3Rows are the rows of 表三 收到和处理政府信息公开申请情况, in order.
var Table3Rows = []XxgkRow{
	{"本年新收", "", "", "一、本年新收政府信息公开申请数量"},
	{"上年结转", "", "", "二、上年结转政府信息公开申请数量"},
	{"予以公开", xResult, "", "（一）予以公开"},
	{"部分公开", xResult, "", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"},
	{"不予公开-1", xResult, xWithheld, "1.属于国家秘密"},
	{"不予公开-2", xResult, xWithheld, "2.其他法律行政法规禁止公开"},
	{"不予公开-3", xResult, xWithheld, "3.危及“三安全一稳定”"},
	{"不予公开-4", xResult, xWithheld, "4.保护第三方合法权益"},
	{"不予公开-5", xResult, xWithheld, "5.属于三类内部事务信息"},
	{"不予公开-6", xResult, xWithheld, "6.属于四类过程性信息"},
	{"不予公开-7", xResult, xWithheld, "7.属于行政执法案卷"},
	{"不予公开-8", xResult, xWithheld, "8.属于行政查询事项"},
	{"无法提供-1", xResult, xUnable, "1.本机关不掌握相关政府信息"},
	{"无法提供-2", xResult, xUnable, "2.没有现成信息需要另行制作"},
	{"无法提供-3", xResult, xUnable, "3.补正后申请内容仍不明确"},
	{"不予处理-1", xResult, xIgnored, "1.信访举报投诉类申请"},
	{"不予处理-2", xResult, xIgnored, "2.重复申请"},
	{"不予处理-3", xResult, xIgnored, "3.要求提供公开出版物"},
	{"不予处理-4", xResult, xIgnored, "4.无正当理由大量反复申请"},
	{"不予处理-5", xResult, xIgnored, "5.要求行政机关确认或重新出具已获取信息"},
	{"其他处理-1", xResult, xOther, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"},
	{"其他处理-2", xResult, xOther, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"},
	{"其他处理-3", xResult, xOther, "3.其他"},
	{"总计", xResult, "", "（七）总计"},
	{"结转下年度", "", "", "四、结转下年度继续办理"},
}

// Table3Columns are the columns of 表三: 自然人, the five kinds of 法人或
// 其他组织, and 总计.
var Table3Columns = []string{"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"}

// Table4Groups are the column groups of 表四 政府信息公开行政复议、行政诉讼
// 情况: 行政复议, then 行政诉讼 split in two.
var Table4Groups = []string{"行政复议", "未经复议直接起诉", "复议后起诉"}

// Table4Columns are the five columns of each group of 表四.
var Table4Columns = []string{"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}

// Table2Block is a block of 表二: the item of 条例第二十条 it reports on,
// its columns and its rows (the row keys of the TOML data).
type Table2Block struct {
	Item       string
	Cols, Rows []string
}

// Table2Blocks are the four blocks of 表二 主动公开政府信息情况, in order.
var Table2Blocks = []Table2Block{
	{"第二十条第（一）项", []string{"本年制发件数", "本年废止件数", "现行有效件数"}, []string{"规章", string(GenreNormative)}},
	{"第二十条第（五）项", []string{"本年处理决定数量"}, []string{"行政许可"}},
	{"第二十条第（六）项", []string{"本年处理决定数量"}, []string{"行政处罚", "行政强制"}},
	{"第二十条第（八）项", []string{"本年收费金额（单位：万元）"}, []string{"行政事业性收费"}},
}

// Table2Rows are the keys of 表二. 规章 and 行政规范性文件 take three
// numbers (本年制发件数, 本年废止件数, 现行有效件数), the others one.
var Table2Rows = []string{"规章", string(GenreNormative), "行政许可", "行政处罚", "行政强制", "行政事业性收费"}

// Table2Width is how many numbers row key of 表二 takes: 3 or 1 (0 for an
// unknown key).
func Table2Width(key string) int {
	for _, b := range Table2Blocks {
		for _, r := range b.Rows {
			if r == key {
				return len(b.Cols)
			}
		}
	}
	return 0
}

// Mismatch is an arithmetic error in a table: the cell that disagrees
// with its parts, named by its row key and column.
type Mismatch struct {
	// Table is "表三" or "表四"; Row the row key ("总计", "行政复议").
	Table, Row string
	// Col names the column ("科研机构"; "复议后起诉·总计" in 表四).
	Col string
	// Msg says in Chinese what the cell should be and why.
	Msg string
}

// Error formats the mismatch for a finding.
func (m Mismatch) Error() string {
	return fmt.Sprintf("%s「%s」行「%s」列：%s", m.Table, m.rowName(), m.Col, m.Msg)
}

func (m Mismatch) rowName() string {
	for _, r := range Table3Rows {
		if m.Table == "表三" && r.Key == m.Row {
			return r.Name()
		}
	}
	return m.Row
}

// CheckTable3 verifies the arithmetic of 表三 (勾稽关系): in every row the
// 总计 column is the sum of the six others; in every column 三（七） is the
// sum of （一） to （六）, and 一 + 二 = 三（七） + 四. Each row must have
// len(Table3Columns) numbers; missing rows count as zeros (the caller
// reports them).
func CheckTable3(t map[string][]int) []Mismatch {
	var out []Mismatch
	cell := func(row string, c int) int {
		if v := t[row]; c < len(v) {
			return v[c]
		}
		return 0
	}
	last := len(Table3Columns) - 1
	for _, r := range Table3Rows {
		sum := 0
		for c := 0; c < last; c++ {
			sum += cell(r.Key, c)
		}
		if got := cell(r.Key, last); got != sum {
			out = append(out, Mismatch{"表三", r.Key, "总计", fmt.Sprintf(
				"总计应为自然人与法人或其他组织各列之和 %d，表中写的是 %d (row total %d, want %d)", sum, got, got, sum)})
		}
	}
	for c, col := range Table3Columns {
		sum := 0
		for _, r := range Table3Rows {
			if r.Group == xResult && r.Key != "总计" {
				sum += cell(r.Key, c)
			}
		}
		if got := cell("总计", c); got != sum {
			out = append(out, Mismatch{"表三", "总计", col, fmt.Sprintf(
				"（七）总计应为（一）至（六）各项之和 %d，表中写的是 %d (total %d, want %d)", sum, got, got, sum)})
		}
		in := cell("本年新收", c) + cell("上年结转", c)
		done, carried := cell("总计", c), cell("结转下年度", c)
		if in != done+carried {
			out = append(out, Mismatch{"表三", "结转下年度", col, fmt.Sprintf(
				"一 本年新收 %d ＋ 二 上年结转 %d ＝ %d，应等于 三（七）总计 %d ＋ 四 结转下年度 %d ＝ %d：请核对这一列（按此算，四 应为 %d） (一+二 ≠ 三（七）+四)",
				cell("本年新收", c), cell("上年结转", c), in, done, carried, done+carried, in-done)})
		}
	}
	return out
}

// CheckTable4 verifies 表四: in each of 行政复议, 未经复议直接起诉 and 复议后
// 起诉, 总计 is the sum of 结果维持, 结果纠正, 其他结果 and 尚未审结.
func CheckTable4(t map[string][]int) []Mismatch {
	var out []Mismatch
	last := len(Table4Columns) - 1
	for _, g := range Table4Groups {
		v := t[g]
		if len(v) != len(Table4Columns) {
			continue
		}
		sum := 0
		for _, n := range v[:last] {
			sum += n
		}
		if v[last] != sum {
			out = append(out, Mismatch{"表四", g, g + "·总计", fmt.Sprintf(
				"总计应为%s之和 %d，表中写的是 %d (total %d, want %d)", strings.Join(Table4Columns[:last], "、"), sum, v[last], v[last], sum)})
		}
	}
	return out
}
