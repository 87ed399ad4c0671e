package enforcement

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/legal"
	"github.com/fazhi-dev/fazhi/internal/tabular"
)

// Codes below were computed with GB 32100-2015 (see legal's tests); the
// identity number has the right check character but region 83, which no
// mainland identity card carries.
const (
	orgCode  = "91990102MA0000001D"
	authCode = "11990000000000001G"
	idNumber = "830101199001011236"
)

const penaltyHeader = "行政相对人名称,行政相对人类别,统一社会信用代码,法定代表人,证件类型,证件号码,行政处罚决定书文号,违法行为类型,违法事实,处罚依据,处罚类别,处罚内容,罚款金额（万元）,处罚决定日期,公示截止期,处罚机关,处罚机关统一社会信用代码,公示日期,严重程度,状态,撤销说明,未成年人\n"

// goodPenalty is a valid row (line 2 when first): a company fined on
// Friday 2024-09-27, online on 2024-10-08 (3 working days later).
const goodPenalty = "某市甲乙商贸有限公司,法人及非法人组织," + orgCode + ",王五,,,某市监罚〔2024〕12号,虚假宣传,在店内张贴虚假广告,《中华人民共和国广告法》第五十五条,罚款,罚款人民币五千元,0.5,2024-09-27,,某市市场监督管理局," + authCode + ",2024-10-08,一般,,,\n"

func table(t *testing.T, csv string) *tabular.Table {
	t.Helper()
	tab, err := tabular.ReadCSV("data/chufa.csv", []byte(csv))
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

func load(t *testing.T, typ, csv string) (*Sheet, []diag.Error) {
	t.Helper()
	return Load(table(t, csv), Options{Type: typ, Calendar: legal.DefaultCalendar()})
}

func formatFindings(fs []diag.Error) string {
	var b strings.Builder
	for _, f := range fs {
		pos := fmt.Sprintf("%s:%d", f.File, f.Line)
		if f.Col > 0 {
			pos += fmt.Sprintf(":%d", f.Col)
		}
		fmt.Fprintf(&b, "  %s: %s [%s %s]\n", pos, f.Msg, f.Level, f.Rule)
	}
	return b.String()
}

func TestLoadGoodPenalty(t *testing.T) {
	s, fs := load(t, Penalty, penaltyHeader+goodPenalty)
	if len(fs) != 0 {
		t.Fatalf("findings:\n%s", formatFindings(fs))
	}
	if s.HeaderLine != 1 || len(s.Decisions) != 1 {
		t.Fatalf("header %d, %d decisions", s.HeaderLine, len(s.Decisions))
	}
	d := s.Decisions[0]
	if d.Line != 2 || d.Number != "某市监罚〔2024〕12号" || d.Party != "某市甲乙商贸有限公司" || d.Fine != (Amount{0.5, true}) || d.Status != "正常" {
		t.Errorf("decision %+v", d)
	}
	// 一般: one year after the decision, computed.
	if day(d.Deadline) != "2025-09-27" || !d.DeadlineComputed || day(d.Decided) != "2024-09-27" || day(d.Published) != "2024-10-08" {
		t.Errorf("dates: decided %s deadline %s (computed %v) online %s", day(d.Decided), day(d.Deadline), d.DeadlineComputed, day(d.Published))
	}
	if c := s.Columns[FieldFine]; c != 13 {
		t.Errorf("罚款 column %d, want 13 (M)", c)
	}
}

// TestLoadFindings is the table of bad inputs: each row of the test is a
// CSV data row (line 2) under penaltyHeader, with the findings expected.
func TestLoadFindings(t *testing.T) {
	replace := func(old, new string) string {
		if !strings.Contains(goodPenalty, old) {
			t.Fatalf("goodPenalty lacks %q", old)
		}
		return strings.Replace(goodPenalty, old, new, 1)
	}
	tests := []struct {
		name, row string
		want      []string // "line:col: message [level rule]" as formatted by formatFindings, one per finding
	}{
		{"missing value", replace("虚假宣传,", ","), []string{
			"data/chufa.csv:2:8: 第 2 行 H 列「违法行为类型」没有填写：这一列必须填写，填写违法行为的类型 (required) [error enforcement-required]"}},
		{"placeholder counts as empty", replace("某市市场监督管理局,", "无,"), []string{
			"data/chufa.csv:2:16: 第 2 行 P 列「处罚机关」没有填写：这一列必须填写，填写作出决定的机关全称 (required) [error enforcement-required]"}},
		{"bad date", replace("2024-09-27", "2024-09-31"), []string{
			"data/chufa.csv:2:14: 第 2 行 N 列「处罚决定日期」：「2024-09-31」：2024 年 9 月没有 31 日 (bad date) [error enforcement-date]"}},
		{"unreadable date", replace("2024-09-27", "九月二十七日"), []string{
			"data/chufa.csv:2:14: 第 2 行 N 列「处罚决定日期」：「九月二十七日」不是日期：请写成 2024-03-01 这样的日期（年-月-日） (bad date) [error enforcement-date]"}},
		{"credit code check character", replace(orgCode, "91990102MA0000001E"), []string{
			"data/chufa.csv:2:3: 第 2 行 C 列「统一社会信用代码」：统一社会信用代码「91990102MA0000001E」的校验位（第 18 位）不对：按前 17 位计算应为「D」；请先对照营业执照或登记证书核对前 17 位，前 17 位无误时，应写成「91990102MA0000001D」 (bad credit code) [error enforcement-code]"}},
		{"authority code", replace(authCode, "1199000000000001G"), []string{
			"data/chufa.csv:2:17: 第 2 行 Q 列「处罚机关统一社会信用代码」：统一社会信用代码「1199000000000001G」应为 18 位，现在是 17 位；请对照营业执照或登记证书核对，正确写法如「91990102MA0000001D」 (bad credit code) [error enforcement-code]"}},
		{"number brackets", replace("某市监罚〔2024〕12号", "某市监罚[2024]12号"), []string{
			"data/chufa.csv:2:7: 第 2 行 G 列「行政处罚决定书文号」：文号「某市监罚[2024]12号」中的年份应使用六角括号〔〕，应写成「某市监罚〔2024〕12号」 (use 〔〕 around the year) [error enforcement-number]"}},
		{"number without year", replace("某市监罚〔2024〕12号", "某市监罚2024-12号"), []string{
			"data/chufa.csv:2:7: 第 2 行 G 列「行政处罚决定书文号」：文号「某市监罚2024-12号」中的年份应使用六角括号〔〕括起，如「某市监罚〔2024〕12号」 (use 〔〕 around the year) [error enforcement-number]"}},
		{"amount in yuan", replace(",0.5,", ",5000元,"), []string{
			"data/chufa.csv:2:13: 第 2 行 M 列「罚款金额（万元）」：这一列的单位是万元，只写数字：5000 元应写成 0.5 (not a number) [error enforcement-amount]"}},
		{"amount not a number", replace(",0.5,", ",五千,"), []string{
			"data/chufa.csv:2:13: 第 2 行 M 列「罚款金额（万元）」：「五千」不是金额，这一列只写数字（单位万元），如 0.5 (not a number) [error enforcement-amount]"}},
		{"amount in hex", replace(",0.5,", ",0x1p-1,"), []string{
			"data/chufa.csv:2:13: 第 2 行 M 列「罚款金额（万元）」：「0x1p-1」不是金额，这一列只写数字（单位万元），如 0.5 (not a number) [error enforcement-amount]"}},
		{"fine required by category", replace(",0.5,", ",,"), []string{
			"data/chufa.csv:2:13: 第 2 行 M 列「罚款金额（万元）」：处罚类别包含「罚款」，必须填写「罚款金额（万元）」 (required by category) [error enforcement-required]"}},
		{"confiscation column missing", replace(",罚款,罚款人民币五千元,", ",罚款、没收违法所得,罚款人民币五千元，没收违法所得二百元,"), []string{
			"data/chufa.csv:2:11: 第 2 行 K 列「处罚类别」：处罚类别包含「没收」，表中却没有「没收违法所得、没收非法财物的金额（万元）」一列：请加上这一列并填写 (required by category) [error enforcement-required]"}},
		{"party kind", replace("法人及非法人组织", "法人及其他组织"), []string{
			"data/chufa.csv:2:2: 第 2 行 B 列「行政相对人类别」：「法人及其他组织」不是行政相对人类别，只能写「法人及非法人组织」「自然人」「个体工商户」之一，这里应写「法人及非法人组织」 (invalid party kind) [error enforcement-value]"}},
		{"org without code", replace(orgCode, ""), []string{
			"data/chufa.csv:2:3: 第 2 行 C 列「统一社会信用代码」：法人及非法人组织必须填写「统一社会信用代码」（18 位，见营业执照或登记证书） (credit code required) [error enforcement-required]"}},
		{"severity", replace(",一般,", ",较重,"), []string{
			"data/chufa.csv:2:19: 第 2 行 S 列「严重程度」：「较重」无效，严重程度只能写「轻微」「一般」「严重」之一 (invalid severity) [error enforcement-value]"}},
		{"deadline or severity", replace(",一般,", ",,"), []string{
			"data/chufa.csv:2:19: 第 2 行 S 列「严重程度」：「公示截止期」和「严重程度」至少填写一项：写了严重程度（轻微、一般、严重）时，公示截止期按本站的公示期限自动计算 (deadline or severity required) [error enforcement-required]"}},
		{"deadline before decision", replace("2024-09-27,,", "2024-09-27,2024/9/1,"), []string{
			"data/chufa.csv:2:15: 第 2 行 O 列「公示截止期」：公示截止期 2024-09-01 早于处罚决定日期 2024-09-27，请核对 (deadline before decision) [error enforcement-date]"}},
		{"revoked without reason", replace(",一般,,,", ",一般,撤销,,"), []string{
			"data/chufa.csv:2:21: 第 2 行 U 列「撤销说明」：处罚决定已撤销，必须在「撤销说明」中写明撤销的原因和依据，网站会向公众显示这段说明 (reason required) [error enforcement-required]"}},
		{"status", replace(",一般,,,", ",一般,有效,,"), []string{
			"data/chufa.csv:2:20: 第 2 行 T 列「状态」：「有效」无效，状态只能写「正常」「撤销」「撤回」之一，空着表示正常 (invalid status) [error enforcement-value]"}},
		// 2024-09-27 + 7 working days is Saturday 2024-10-12 (调休); 10-14 is the 8th.
		{"late", replace("2024-10-08", "2024-10-14"), []string{
			"data/chufa.csv:2:18: 第 2 行 R 列「公示日期」：公示日期 2024-10-14 比决定日期 2024-09-27 晚 8 个工作日，超过 7 个工作日：行政处罚决定应在作出决定之日起 7 个工作日内（即 2024-10-12 以前）上网公示（国办发〔2015〕51号）；公示日期请如实填写 (published late) [error enforcement-late]"}},
		{"online before decision", replace("2024-10-08", "2024-09-26"), []string{
			"data/chufa.csv:2:18: 第 2 行 R 列「公示日期」：公示日期 2024-09-26 早于决定日期 2024-09-27，请核对 (online before decided) [error enforcement-date]"}},
		{"minor", strings.TrimSuffix(goodPenalty, "\n") + "是\n", []string{
			"data/chufa.csv:2:22: 第 2 行 V 列「未成年人」：这一行的当事人是未成年人，按规定不予公开，fazhi 不会发布这一行（数据源保留这一行是对的，这里只是提醒） (minor: not published) [warning enforcement-minor]"}},
		{"minor value", strings.TrimSuffix(goodPenalty, "\n") + "未满18岁\n", []string{
			"data/chufa.csv:2:22: 第 2 行 V 列「未成年人」：「未满18岁」无效，当事人是未成年人的写「是」，否则写「否」或空着 (invalid value) [error enforcement-value]"}},
		{"duplicate", goodPenalty + strings.Replace(goodPenalty, "某市甲乙商贸有限公司", "某市丙丁餐饮有限公司", 1), []string{
			"data/chufa.csv:3:7: 第 3 行 G 列「行政处罚决定书文号」：文号「某市监罚〔2024〕12号」与第 2 行重复：每个决定的文号只能出现一次，请核对是否重复录入或文号写错 (duplicate number) [error enforcement-duplicate]"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, fs := load(t, Penalty, penaltyHeader+tc.row)
			got := formatFindings(fs)
			want := ""
			for _, w := range tc.want {
				want += "  " + w + "\n"
			}
			if got != want {
				t.Errorf("findings:\n%s\nwant:\n%s", got, want)
			}
			bad := 0
			for _, f := range fs {
				// A late publication is reported, but the row is kept:
				// it is published all the same.
				if f.Level == diag.LevelError && f.Rule != RuleLate {
					bad++
				}
			}
			rows := strings.Count(tc.row, "\n")
			if bad > 0 && len(s.Decisions) != rows-1 || bad == 0 && len(s.Decisions) != rows {
				t.Errorf("%d decisions from %d rows with %d errors", len(s.Decisions), rows, bad)
			}
		})
	}
}

func TestLoadColumns(t *testing.T) {
	// Variants of the headers, a title row, an unknown column and a
	// column in yuan.
	csv := "某市市场监督管理局行政处罚信息公示表\n" +
		"*相对人名称,行政相对人类别 （必填）,行政相对人代码_1（统一社会信用代码）,法定代表人（负责人）,处罚决定书文号,违法行为类型,主要违法事实,处罚依据,处罚种类,处罚内容,罚款金额（元）,决定日期(YYYY-MM-DD),公示截止日期,处罚机关名称,处罚机关统一社会信用代码,承办人\n" +
		"张三,自然人,,,某市监罚〔2024〕13号,无照经营,未取得营业执照从事经营活动,《无证无照经营查处办法》第十三条,罚款,罚款二千元,2000,2024年3月1日,2024-06-01,某市市场监督管理局," + authCode + ",李四\n"
	s, fs := load(t, Penalty, csv)
	want := "  data/chufa.csv:2:16: 第 2 行 P 列的列名「承办人」不是行政处罚公示表的列，这一列的内容不会使用：请对照《作者指南》中的列名改正，或删去这一列 (unknown column) [warning enforcement-column]\n"
	if got := formatFindings(fs); got != want {
		t.Fatalf("findings:\n%s\nwant:\n%s", got, want)
	}
	if s.HeaderLine != 2 || len(s.Decisions) != 1 {
		t.Fatalf("header %d, %d decisions", s.HeaderLine, len(s.Decisions))
	}
	d := s.Decisions[0]
	if d.Line != 3 || d.Party != "张三" || d.Fine != (Amount{0.2, true}) || day(d.Decided) != "2024-03-01" || day(d.Deadline) != "2024-06-01" || d.DeadlineComputed {
		t.Errorf("decision %+v", d)
	}
}

func TestLoadMissingColumns(t *testing.T) {
	_, fs := load(t, Penalty, "行政相对人名称,行政相对人类别,行政处罚决定书文号,违法行为类型,违法事实,处罚依据,处罚类别,处罚内容,处罚机关,处罚机关统一社会信用代码,文号\n甲,自然人\n")
	want := "  data/chufa.csv:1:11: 第 1 行 K 列的列名「文号」与 C 列「行政处罚决定书文号」是同一列（行政处罚决定书文号）：请删去其中一列 (duplicate column) [error enforcement-column]\n" +
		"  data/chufa.csv:1: 第 1 行的表头缺少「处罚决定日期」列：行政处罚公示表必须有这一列，请在表头加上（列名写「处罚决定日期」） (missing column) [error enforcement-column]\n"
	if got := formatFindings(fs); got != want {
		t.Errorf("findings:\n%s\nwant:\n%s", got, want)
	}
	_, fs = load(t, Penalty, "名称,日期\n甲,2024-03-01\n")
	want = "  data/chufa.csv:1: 找不到表头：前 10 行中没有「行政相对人名称」「行政处罚决定书文号」等列名。请把列名写在第一行（或表格标题下面的一行），列名见《作者指南》 (no header row) [error enforcement-column]\n"
	if got := formatFindings(fs); got != want {
		t.Errorf("findings:\n%s\nwant:\n%s", got, want)
	}
}

const permitHeader = "行政相对人名称,行政相对人类别,统一社会信用代码,法定代表人,行政许可决定文书名称,行政许可决定文书号,许可类别,许可证书名称,许可编号,许可内容,许可决定日期,有效期自,有效期至,许可机关,许可机关统一社会信用代码,公示日期\n"

func TestLoadPermit(t *testing.T) {
	csv := permitHeader +
		"某市甲乙商贸有限公司,法人及非法人组织," + orgCode + ",王五,准予行政许可决定书,某市监许〔2024〕1号,普通,食品经营许可证,JY99901020000001,食品销售,2024/3/1,2024/3/1,2029/2/28,某市市场监督管理局," + authCode + ",2024/3/5\n" +
		"张三,自然人,,,准予行政许可决定书,某市监许〔2024〕2号,一般,,,公共场所卫生许可,2024/3/1,2024/3/1,长期,某市市场监督管理局," + authCode + ",\n" +
		"李四,自然人,,,准予行政许可决定书,某市监许〔2024〕3号,登记,,,道路运输,2024/3/1,2024/3/1,2023/3/1,某市市场监督管理局," + authCode + ",\n"
	s, fs := load(t, Permit, csv)
	want := "  data/chufa.csv:3:7: 第 3 行 G 列「许可类别」：「一般」不是许可类别，只能写「普通」「特许」「认可」「核准」「登记」「其他」之一 (invalid permit kind) [error enforcement-value]\n" +
		"  data/chufa.csv:4:13: 第 4 行 M 列「有效期至」：有效期至 2023-03-01 早于有效期自 2024-03-01，请核对 (validity ends before it starts) [error enforcement-date]\n"
	if got := formatFindings(fs); got != want {
		t.Errorf("findings:\n%s\nwant:\n%s", got, want)
	}
	if len(s.Decisions) != 1 || day(s.Decisions[0].ValidTo) != "2029-02-28" {
		t.Fatalf("decisions %+v", s.Decisions)
	}
	loc := time.FixedZone("CST", 8*3600)
	if st := s.Decisions[0].State(time.Date(2029, 2, 28, 23, 59, 0, 0, loc), loc); st != legal.StateValid {
		t.Errorf("state %s", st)
	}
	if st := s.Decisions[0].State(time.Date(2029, 3, 1, 0, 0, 0, 0, loc), loc); st != legal.StateLapsed {
		t.Errorf("state %s", st)
	}
}

func TestLoadBadType(t *testing.T) {
	_, fs := load(t, "行政强制", penaltyHeader)
	if len(fs) != 1 || !strings.Contains(fs[0].Msg, "表格类型「行政强制」无效") {
		t.Errorf("findings %v", fs)
	}
}

func TestNormHeader(t *testing.T) {
	tests := []struct {
		in, want string
		unit     Unit
	}{
		{"罚款金额（万元）", "罚款金额", WanYuan},
		{" 罚款金额 (元) ", "罚款金额", Yuan},
		{"罚款金额\n（单位：元）", "罚款金额", Yuan},
		{"*行政相对人名称：", "行政相对人名称", WanYuan},
		{"行政相对人代码_1（统一社会信用代码）", "行政相对人代码_1(统一社会信用代码)", WanYuan},
		{"处罚决定日期【必填】", "处罚决定日期", WanYuan},
		{"ＡＢＣ", "abc", WanYuan},
	}
	for _, tc := range tests {
		if got, unit := normHeader(tc.in); got != tc.want || unit != tc.unit {
			t.Errorf("normHeader(%q) = %q, %d; want %q, %d", tc.in, got, unit, tc.want, tc.unit)
		}
	}
	// Every header and variant is recognised, and none is claimed by two
	// columns of a table.
	for _, typ := range []string{Penalty, Permit} {
		seen := map[string]string{}
		for _, names := range Headers(typ) {
			for _, n := range names {
				k, _ := normHeader(n)
				if other, dup := seen[k]; dup && other != names[0] {
					t.Errorf("%s: %q is a variant of both %s and %s", typ, n, other, names[0])
				}
				seen[k] = names[0]
				if c, _, ok := match(columnsOf(typ), n); !ok || c.Header != names[0] {
					t.Errorf("%s: %q not matched to %s", typ, n, names[0])
				}
			}
		}
	}
}

func FuzzLoad(f *testing.F) {
	f.Add(goodPenalty)
	f.Add(privacyCSV[len(penaltyHeader):])
	f.Add("甲,自然人,,,,,某罚[2024]1号,,,,罚款没收吊销,,x,45352,1,,,2024/13/1,严重,撤回,,是\n")
	f.Fuzz(func(t *testing.T, rows string) {
		tab, err := tabular.ReadCSV("a.csv", []byte(penaltyHeader+rows))
		if err != nil {
			return
		}
		s, fs := Load(tab, Options{Type: Penalty, Calendar: legal.DefaultCalendar()})
		for _, f := range fs {
			if f.File != "a.csv" || f.Line < 2 || f.Msg == "" {
				t.Fatalf("finding %+v", f)
			}
		}
		loc := time.UTC
		for _, d := range s.Decisions {
			if d.Number == "" || d.Decided.IsZero() {
				t.Fatalf("decision without number or date: %+v", d)
			}
			if p, ok := Publish(d, Privacy{}, d.Decided, loc); ok && d.IDNumber != "" && strings.Contains(p.Facts+p.Content+p.Note+p.Party, d.IDNumber) && ScrubText(d.IDNumber) != d.IDNumber {
				t.Fatalf("identity number published: %+v", p)
			}
		}
	})
}
