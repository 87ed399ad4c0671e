package build_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/fazhi-dev/fazhi/internal/fazhitest"
	"github.com/fazhi-dev/fazhi/internal/legal"
	"github.com/fazhi-dev/fazhi/internal/tabular"
)

// The bundled portal's 阳光执法 data: data/zhifa-chufa.xlsx (行政处罚, a
// workbook as a case system exports it, with a title row and date cells)
// and data/zhifa-xuke.csv (行政许可, GB18030 as Excel on Chinese Windows
// saves CSV). Every name, code and case is invented for an imaginary
// city. The files are generated from the tables below:
//
//	go test ./internal/build/ -run TestPortalEnforcementData -update
//
// and TestPortalEnforcementData fails when the committed files no longer
// hold what the tables say. At the portal's build time (2026-11-27) the
// data covers every state: 公示中, past its 公示期, 撤销, 撤回, not yet
// online; 有效, 已过期. Rows of minors live in the test fixtures only.

// Authorities of the imaginary city, with their codes (GB 32100-2015,
// region 99).
var portalAuthorities = map[string][2]string{
	"某市监罚": {"某市市场监督管理局", "11990000000000001G"},
	"某公罚":  {"某市公安局", "11990000000000002K"},
	"某环罚":  {"某市生态环境局", "11990000000000003N"},
	"某交罚":  {"某市交通运输局", "11990000000000004R"},
	"某城管罚": {"某市城市管理综合行政执法局", "11990000000000005W"},
}

// portalViolation is one kind of case: what was done, under which
// article, and what was decided.
type portalViolation struct {
	prefix, vtype, facts, basis, category, content string
	fine, confiscated                              float64
	licence, severity                              string
}

var portalViolations = []portalViolation{
	{"某市监罚", "食品安全", "在经营场所销售超过保质期的预包装食品", "《中华人民共和国食品安全法》第三十四条、第一百二十四条", "罚款、没收违法所得", "没收违法所得，并处罚款", 5, 0.06, "", "一般"},
	{"某市监罚", "虚假宣传", "在店招和宣传单上使用「全市销量第一」等无依据的用语", "《中华人民共和国反不正当竞争法》第八条、第二十条", "罚款", "责令停止违法行为，罚款", 2, 0, "", "一般"},
	{"某市监罚", "价格违法", "销售商品未按规定明码标价", "《中华人民共和国价格法》第十三条、第四十二条", "警告", "责令改正，给予警告", 0, 0, "", "轻微"},
	{"某公罚", "违规养犬", "携犬出户未束犬链，经劝阻拒不改正", "《某市养犬管理条例》第八条、第十四条", "罚款", "罚款", 0.03, 0, "", "轻微"},
	{"某公罚", "违规养犬", "饲养的犬只未办理犬只登记，逾期不改正", "《某市养犬管理条例》第五条、第十三条", "罚款", "罚款", 0.08, 0, "", "一般"},
	{"某环罚", "大气污染", "露天喷涂作业未采取有效污染防治措施", "《中华人民共和国大气污染防治法》第一百零八条", "罚款", "责令改正，罚款", 3, 0, "", "一般"},
	{"某环罚", "水污染", "通过雨水管网排放未经处理的清洗废水", "《中华人民共和国水污染防治法》第八十三条", "罚款、责令停产停业", "责令停产整治，罚款", 20, 0, "", "严重"},
	{"某交罚", "超限运输", "货车车货总质量超过限定标准上路行驶", "《中华人民共和国公路法》第五十条、第七十六条", "罚款", "罚款", 0.3, 0, "", "一般"},
	{"某交罚", "无证经营", "未取得道路运输经营许可，擅自从事道路运输经营", "《中华人民共和国道路运输条例》第六十三条", "罚款、没收违法所得、暂扣许可证件", "没收违法所得，罚款，暂扣车辆营运证", 3, 0.45, "道路运输证 某交运证字990101号", "严重"},
	{"某城管罚", "占道经营", "在人行道上摆摊经营，经责令改正拒不改正", "《某市市容和环境卫生管理条例》第二十一条", "罚款", "罚款", 0.05, 0, "", "轻微"},
	{"某城管罚", "违法建设", "未取得建设工程规划许可证在屋顶搭建彩钢房", "《中华人民共和国城乡规划法》第六十四条", "罚款", "限期拆除，罚款", 1.2, 0, "", "一般"},
}

// portalParty is a party: a company, a 个体工商户 with its 经营者, or a
// natural person (whose name the portal masks).
type portalParty struct {
	name, kind, code, rep string
}

var portalParties = []portalParty{
	{"某市恒通食品有限公司", "法人及非法人组织", "91990102MA0000010B", "周立群"},
	{"某市青禾商贸有限公司", "法人及非法人组织", "91990102MA0000011E", "吴海燕"},
	{"东城区韩东林修车铺", "个体工商户", "92990102MA00000108", "韩东林"},
	{"柳青山", "自然人", "", ""},
	{"某市远景物流有限公司", "法人及非法人组织", "91990102MA0000012H", "郑凯"},
	{"某市绿源印染有限公司", "法人及非法人组织", "91990103MA0000010R", "冯国栋"},
	{"西城区麦田面包坊", "个体工商户", "92990102MA0000011B", "陈秀兰"},
	{"欧阳春晓", "自然人", "", ""},
	{"某市宏达建材有限公司", "法人及非法人组织", "91990103MA0000011W", "蒋文博"},
	{"某市安顺汽车运输有限公司", "法人及非法人组织", "91990104MA00000108", "沈志强"},
	{"南城区老杨水果店", "个体工商户", "92990102MA0000012E", "杨德明"},
	{"邵明远", "自然人", "", ""},
}

// portalDates are the decision dates: 2025 and 2026, with no decision in
// 2026-02 and 2026-07, so those months say 当月未公布信息.
var portalDates = []string{
	"2025-02-11", "2025-03-06", "2025-04-15", "2025-05-20", "2025-06-12", "2025-07-08", "2025-08-19",
	"2025-09-09", "2025-10-14", "2025-11-04", "2025-11-20", "2025-12-09", "2025-12-23",
	"2026-01-08", "2026-01-20", "2026-03-03", "2026-03-17", "2026-03-26", "2026-04-09", "2026-04-21",
	"2026-05-07", "2026-05-19", "2026-06-02", "2026-06-16", "2026-06-25", "2026-08-04", "2026-08-18",
	"2026-08-27", "2026-09-08", "2026-09-15", "2026-09-24", "2026-10-13", "2026-10-20", "2026-10-29",
	"2026-11-03", "2026-11-05", "2026-11-10", "2026-11-12", "2026-11-17", "2026-11-19", "2026-11-23",
	"2026-11-24", "2026-11-25", "2026-11-26",
}

var portalPenaltyHeader = []string{"行政相对人名称", "行政相对人类别", "统一社会信用代码", "法定代表人", "证件类型", "证件号码",
	"行政处罚决定书文号", "违法行为类型", "违法事实", "处罚依据", "处罚类别", "处罚内容", "罚款金额（万元）",
	"没收违法所得、没收非法财物的金额（万元）", "暂扣或吊销证照名称及编号", "处罚决定日期", "公示截止期", "处罚机关",
	"处罚机关统一社会信用代码", "数据来源单位", "公示日期", "严重程度", "状态", "撤销说明", "备注"}

// portalPenalties returns the rows of the 行政处罚 workbook below its
// title and header rows. Dates are time.Time (date cells in the
// workbook); amounts float64 or "" when none.
func portalPenalties() [][]any {
	cal := legal.DefaultCalendar()
	seq := map[string]int{}
	var rows [][]any
	for i, d := range portalDates {
		decided, _ := time.Parse("2006-01-02", d)
		v := portalViolations[i%len(portalViolations)]
		p := portalParties[(i*5)%len(portalParties)]
		auth := portalAuthorities[v.prefix]
		seq[v.prefix+d[:4]]++
		number := fmt.Sprintf("%s〔%s〕%d号", v.prefix, d[:4], 10+seq[v.prefix+d[:4]]*3)
		facts := p.name + v.facts
		if p.kind == "个体工商户" {
			facts = p.rep + "经营的" + p.name + v.facts
		}
		online := cal.AddWorkdays(decided, 2)
		var deadline any = ""
		status, note, remark := "正常", "", ""
		switch d {
		case "2026-03-17":
			status, note = "撤销", "经行政复议，复议机关于2026年5月12日决定撤销本处罚决定"
		case "2026-06-16":
			status, note = "撤回", "处罚机关发现适用依据有误，于2026年7月3日撤回本处罚决定，另行处理"
		case "2026-04-09", "2026-09-15":
			deadline = legal.AddPeriod(decided, legal.Period{Months: 6}) // 公示截止期 given in the data
			remark = "公示截止期按处罚决定书载明的期限填写"
		case "2026-11-25":
			online = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC) // not yet online on 2026-11-27
		}
		amount := func(f float64) any {
			if f == 0 {
				return ""
			}
			return f
		}
		rows = append(rows, []any{p.name, p.kind, p.code, p.rep, "", "", number, v.vtype, facts, v.basis, v.category, v.content,
			amount(v.fine), amount(v.confiscated), v.licence, decided, deadline, auth[0], auth[1], auth[0],
			online.Format("2006-01-02"), v.severity, status, note, remark})
	}
	return rows
}

var portalPermitHeader = []string{"行政相对人名称", "行政相对人类别", "统一社会信用代码", "法定代表人", "行政许可决定文书名称",
	"行政许可决定文书号", "许可类别", "许可证书名称", "许可编号", "许可内容", "许可决定日期", "有效期自", "有效期至",
	"许可机关", "许可机关统一社会信用代码", "公示日期", "备注"}

// portalPermits are the rows of the 行政许可 CSV; at 2026-11-27 two have
// lapsed (已过期) and one is not online yet.
var portalPermits = [][]string{
	{"某市恒通食品有限公司", "法人及非法人组织", "91990102MA0000010B", "周立群", "准予行政许可决定书", "某市监许〔2026〕101号", "普通", "食品经营许可证", "JY19901020000101", "食品销售经营者（预包装食品销售）", "2026-03-02", "2026-03-02", "2031-03-01", "某市市场监督管理局", "11990000000000001G", "2026-03-04", ""},
	{"西城区麦田面包坊", "个体工商户", "92990102MA0000011B", "陈秀兰", "准予行政许可决定书", "某市监许〔2026〕137号", "普通", "食品经营许可证", "JY29901020000137", "食品制售（糕点类食品制售）", "2026-05-11", "2026-05-11", "2031-05-10", "某市市场监督管理局", "11990000000000001G", "2026-05-13", ""},
	{"某市青禾商贸有限公司", "法人及非法人组织", "91990102MA0000011E", "吴海燕", "准予变更行政许可决定书", "某市监许〔2026〕160号", "普通", "食品经营许可证", "JY19901020000160", "增加经营项目：散装食品销售", "2026-06-22", "2026-06-22", "2030-12-31", "某市市场监督管理局", "11990000000000001G", "2026-06-24", ""},
	{"某市安顺汽车运输有限公司", "法人及非法人组织", "91990104MA00000108", "沈志强", "道路运输经营许可决定书", "某交运许〔2025〕12号", "普通", "道路运输经营许可证", "某交运管许字990104000012号", "道路普通货物运输", "2025-04-08", "2025-04-08", "2029-04-07", "某市交通运输局", "11990000000000004R", "2025-04-10", ""},
	{"某市远景物流有限公司", "法人及非法人组织", "91990102MA0000012H", "郑凯", "道路运输经营许可决定书", "某交运许〔2026〕31号", "普通", "道路运输经营许可证", "某交运管许字990102000031号", "道路普通货物运输、货物专用运输（冷藏保鲜）", "2026-09-14", "2026-09-14", "2030-09-13", "某市交通运输局", "11990000000000004R", "2026-09-16", ""},
	{"邵明远", "自然人", "", "", "准予行政许可决定书", "某交运许〔2026〕44号", "普通", "道路运输从业资格证", "某交从字990144号", "经营性道路货物运输驾驶员", "2026-10-19", "2026-10-19", "2032-10-18", "某市交通运输局", "11990000000000004R", "2026-10-21", ""},
	{"某市绿源印染有限公司", "法人及非法人组织", "91990103MA0000010R", "冯国栋", "排污许可决定书", "某环许〔2023〕8号", "普通", "排污许可证", "91990103MA0000010R001P", "纺织印染废水、废气排放", "2023-06-20", "2023-06-20", "2026-06-19", "某市生态环境局", "11990000000000003N", "2023-06-21", "已提出延续申请，审查中"},
	{"某市宏达建材有限公司", "法人及非法人组织", "91990103MA0000011W", "蒋文博", "排污许可决定书", "某环许〔2026〕21号", "普通", "排污许可证", "91990103MA0000011W001V", "建材生产废气排放", "2026-08-03", "2026-08-03", "2031-08-02", "某市生态环境局", "11990000000000003N", "2026-08-05", ""},
	{"东城区韩东林修车铺", "个体工商户", "92990102MA00000108", "韩东林", "备案回执", "某交运备〔2024〕5号", "登记", "", "", "机动车维修经营备案（三类维修）", "2024-11-18", "2024-11-18", "长期", "某市交通运输局", "11990000000000004R", "2024-11-20", ""},
	{"南城区老杨水果店", "个体工商户", "92990102MA0000012E", "杨德明", "准予行政许可决定书", "某市监许〔2021〕88号", "普通", "食品经营许可证", "JY29901020021088", "预包装食品、散装食品销售", "2021-09-06", "2021-09-06", "2026-09-05", "某市市场监督管理局", "11990000000000001G", "2021-09-08", ""},
	{"某市青禾商贸有限公司", "法人及非法人组织", "91990102MA0000011E", "吴海燕", "准予行政许可决定书", "某城管许〔2026〕17号", "普通", "", "", "设置户外广告设施（店招），期限五年", "2026-11-16", "2026-11-16", "2031-11-15", "某市城市管理综合行政执法局", "11990000000000005W", "2026-11-18", ""},
	{"某市恒通食品有限公司", "法人及非法人组织", "91990102MA0000010B", "周立群", "准予行政许可决定书", "某城管许〔2026〕19号", "普通", "", "", "临时占用城市道路堆放建筑材料", "2026-11-25", "2026-12-01", "2026-12-31", "某市城市管理综合行政执法局", "11990000000000005W", "2026-12-01", ""},
}

// portalXLSX builds the 行政处罚 workbook: a title row, the header, the rows.
func portalXLSX(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "处罚"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	date, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		t.Fatal(err)
	}
	rows := append([][]any{{"某市行政处罚信息公示表（2025—2026年）"}, toAny(portalPenaltyHeader)}, portalPenalties()...)
	for i, row := range rows {
		for j, v := range row {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := f.SetCellValue(sheet, cell, v); err != nil {
				t.Fatal(err)
			}
			if _, ok := v.(time.Time); ok {
				if err := f.SetCellStyle(sheet, cell, cell, date); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// portalCSV builds the 行政许可 CSV in GB18030 with CRLF line ends.
func portalCSV(t *testing.T) []byte {
	t.Helper()
	var b strings.Builder
	for _, row := range append([][]string{portalPermitHeader}, portalPermits...) {
		b.WriteString(strings.Join(row, ","))
		b.WriteString("\r\n")
	}
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(b.String())
	if err != nil {
		t.Fatal(err)
	}
	return []byte(gb)
}

// cellText is how a generated value reads back from the file.
func cellText(v any) string {
	switch x := v.(type) {
	case time.Time:
		return x.Format("2006-01-02")
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}

// TestPortalEnforcementData writes the portal's data files with -update
// and otherwise checks that the committed files hold the generated rows.
func TestPortalEnforcementData(t *testing.T) {
	root := fazhitest.RepoRoot(t)
	xlsxPath, csvPath := filepath.Join(root, "data", "zhifa-chufa.xlsx"), filepath.Join(root, "data", "zhifa-xuke.csv")
	if len(portalDates) < 40 {
		t.Fatalf("%d decisions, the portal shows at least 40", len(portalDates))
	}
	if *fazhitest.Update {
		if err := os.MkdirAll(filepath.Dir(xlsxPath), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(xlsxPath, portalXLSX(t), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(csvPath, portalCSV(t), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	check := func(file string, want [][]any, sheet string) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		tab, err := tabular.Read(file, data, sheet)
		if err != nil {
			t.Fatal(err)
		}
		rows := tab.Rows
		if sheet != "" {
			rows = rows[1:] // the title row
		}
		if len(rows) != len(want) {
			t.Fatalf("%s: %d rows, generated %d (run go test -update)", file, len(rows), len(want))
		}
		for i, w := range want {
			for j, v := range w {
				c := rows[i].Cell(j + 1)
				got := c.Text
				if _, ok := v.(time.Time); ok {
					d, err := c.Date()
					if err != nil {
						t.Fatalf("%s row %d col %d: %v", file, rows[i].Line, j+1, err)
					}
					got = d.Format("2006-01-02")
				}
				if got != cellText(v) {
					t.Errorf("%s row %d col %d: %q, generated %q (run go test -update)", file, rows[i].Line, j+1, got, cellText(v))
				}
			}
		}
	}
	check(xlsxPath, append([][]any{toAny(portalPenaltyHeader)}, portalPenalties()...), "处罚")
	var permits [][]any
	for _, r := range append([][]string{portalPermitHeader}, portalPermits...) {
		permits = append(permits, toAny(r))
	}
	check(csvPath, permits, "")
}
