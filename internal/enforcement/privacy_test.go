package enforcement

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/fazhi-dev/fazhi/internal/legal"
	"github.com/fazhi-dev/fazhi/internal/tabular"
)

const (
	phone    = "19900001111"
	bankCard = "6222000000000009"
)

// privacyCSV has a natural person with an identity number (in its column
// and in the facts), a phone number and a bank card in free text, and a
// 个体工商户 whose 经营者 is named in the party's name.
var privacyCSV = penaltyHeader +
	"张三丰,自然人,,,身份证,830101199001011236,某市监罚〔2024〕21号,无照经营,张三丰（身份证号" + idNumber + "，电话" + phone + "）在某路摆摊经营,《无证无照经营查处办法》第十三条,罚款,对张三丰罚款二千元，缴入银行卡 " + bankCard + " 以外的账户,0.2,2024-03-01,,某市市场监督管理局," + authCode + ",2024-03-05,一般,,,否\n" +
	"某区欧阳明小吃店,个体工商户,92990103MA00KX2Y3X,欧阳明,身份证,830101199001011236,某市监罚〔2024〕22号,超范围经营,欧阳明超范围经营,《中华人民共和国食品安全法》第一百二十二条,警告,警告,,2024-03-01,,某市市场监督管理局," + authCode + ",2024-03-05,轻微,,,\n" +
	"李小龙,自然人,,,,,某市监罚〔2024〕23号,无照经营,李小龙无照经营,《无证无照经营查处办法》第十三条,警告,警告,,2024-03-01,,某市市场监督管理局," + authCode + ",2024-03-05,一般,撤销,经复议，李小龙的处罚决定被撤销,\n"

func TestPublishMasksAndRemoves(t *testing.T) {
	s, fs := load(t, Penalty, privacyCSV)
	if len(fs) != 0 || len(s.Decisions) != 3 {
		t.Fatalf("%d decisions, findings:\n%s", len(s.Decisions), formatFindings(fs))
	}
	loc := time.FixedZone("CST", 8*3600)
	now := time.Date(2024, 4, 1, 12, 0, 0, 0, loc)
	var recs []*Published
	for _, d := range s.Decisions {
		r, ok := Publish(d, Privacy{}, now, loc)
		if !ok {
			t.Fatalf("row %d not published", d.Line)
		}
		recs = append(recs, r)
	}
	p := recs[0]
	if p.Party != "张某" || p.State != "公示中" || !p.Listed() || p.CreditCode != "" {
		t.Errorf("natural person: %+v", p)
	}
	if want := "张某（身份证号" + Removed + "，电话" + Removed + "）在某路摆摊经营"; p.Facts != want {
		t.Errorf("Facts = %q, want %q", p.Facts, want)
	}
	if want := "对张某罚款二千元，缴入银行卡 " + Removed + " 以外的账户"; p.Content != want {
		t.Errorf("Content = %q, want %q", p.Content, want)
	}
	if p.Fine == nil || *p.Fine != 0.2 || p.Deadline != "2025-03-01" || p.Decided != "2024-03-01" || p.Online != "2024-03-05" {
		t.Errorf("amount and dates: %+v", p)
	}
	g := recs[1]
	if g.Party != "某区欧阳某小吃店" || g.LegalRep != "欧阳某" || g.Facts != "欧阳某超范围经营" || g.CreditCode != "92990103MA00KX2Y3X" || g.Deadline != "2024-06-01" {
		t.Errorf("个体工商户: %+v", g)
	}
	r := recs[2]
	if r.State != "撤销" || r.Listed() || r.Party != "" || r.Facts != "" || r.RevokeNote != "经复议，李某的处罚决定被撤销" || r.Number != "某市监罚〔2024〕23号" {
		t.Errorf("tombstone: %+v", r)
	}
	// Masked by a site setting.
	if p, _ := Publish(s.Decisions[0], Privacy{NameMask: "*"}, now, loc); p.Party != "张*" {
		t.Errorf("nameMask *: %q", p.Party)
	}
	// The whole published data holds none of the raw names or numbers.
	out, err := json.Marshal(recs)
	if err != nil {
		t.Fatal(err)
	}
	for _, raw := range []string{"张三丰", "欧阳明", "李小龙", idNumber, phone, bankCard, "身份证\""} {
		if bytes.Contains(out, []byte(raw)) {
			t.Errorf("published JSON contains %q:\n%s", raw, out)
		}
	}
	// After the 公示期: a tombstone without the party.
	later := time.Date(2025, 3, 2, 0, 0, 0, 0, loc)
	if p, _ := Publish(s.Decisions[0], Privacy{}, later, loc); p.State != "已期满" || p.Party != "" || p.Facts != "" || p.Listed() {
		t.Errorf("expired: %+v", p)
	}
}

// TestPublishedHasNoIdentityField is the structural rule: the published
// record type has no field that could carry a 证件类型 or 证件号码.
func TestPublishedHasNoIdentityField(t *testing.T) {
	typ := reflect.TypeOf(Published{})
	for i := range typ.NumField() {
		f := typ.Field(i)
		name := strings.ToLower(f.Name + " " + f.Tag.Get("json"))
		if strings.Contains(f.Name, "ID") {
			t.Errorf("Published has field %s: identity data must not reach published records", f.Name)
		}
		for _, bad := range []string{"idnumber", "idtype", "zjhm", "zjlx", "identity", "passport", "certno", "证件", "身份"} {
			if strings.Contains(name, bad) {
				t.Errorf("Published has field %s (%s): identity data must not reach published records", f.Name, f.Tag)
			}
		}
		if f.IsExported() && f.Type.Kind() == reflect.Pointer && f.Type.Elem() == reflect.TypeOf(Decision{}) {
			t.Errorf("Published.%s points at a Decision", f.Name)
		}
	}
	// And the Decision does hold them, so the test above is not vacuous.
	dt := reflect.TypeOf(Decision{})
	for _, n := range []string{"IDNumber", "RepIDNumber", "IDType", "RepIDType"} {
		if _, ok := dt.FieldByName(n); !ok {
			t.Errorf("Decision lacks %s", n)
		}
	}
}

func TestPublishMinor(t *testing.T) {
	s, fs := load(t, Penalty, strings.TrimSuffix(penaltyHeader+goodPenalty, "\n")+"是\n")
	if len(fs) != 1 || fs[0].Rule != RuleMinor || len(s.Decisions) != 1 {
		t.Fatalf("findings %v", fs)
	}
	if r, ok := Publish(s.Decisions[0], Privacy{}, time.Now(), time.UTC); ok || r != nil {
		t.Errorf("minor published: %+v", r)
	}
}

func TestScrubText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"联系电话 " + phone, "联系电话 " + Removed},
		{"身份证号码：" + idNumber + "。", "身份证号码：" + Removed + "。"},
		{"办公电话 0571-12345678，决定书某市监罚〔2024〕12号", "办公电话 0571-12345678，决定书某市监罚〔2024〕12号"},
		{"卡号 6222 0000 0000 0009", "卡号 " + Removed},
		// A mistyped identity number (wrong check digit) and an old
		// 15-digit one are removed too; amounts and 文号 stay.
		{"身份证号 830101199001011237 有误", "身份证号 " + Removed + " 有误"},
		{"旧证 830101900101123，罚款 123456789012345 元", "旧证 " + Removed + "，罚款 123456789012345 元"},
		{"罚没款 2026000000000000123 元，某市监罚〔2024〕830101号", "罚没款 2026000000000000123 元，某市监罚〔2024〕830101号"},
	}
	for _, tc := range tests {
		if got := ScrubText(tc.in); got != tc.want {
			t.Errorf("ScrubText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestPrivacyFindings(t *testing.T) {
	s, _ := load(t, Penalty, privacyCSV)
	got := formatFindings(PrivacyFindings(s))
	want := "  data/chufa.csv:2:6: 第 2 行 F 列：这个数据文件有 2 个证件号码。网站不会发布证件号码，但数据文件本身含有个人信息：存放网站源文件的仓库必须保持不公开，不要把源文件交给无关人员 (identity numbers in the data file) [warning enforcement-id-data]\n" +
		"  data/chufa.csv:2:9: 第 2 行 I 列中有身份证号码「" + idNumber + "」：网站发布时会自动隐去，但请在数据源中删去或只保留部分号码 (personal-id) [warning enforcement-personal]\n" +
		"  data/chufa.csv:2:9: 第 2 行 I 列中有手机号码「" + phone + "」：网站发布时会自动隐去，但请在数据源中删去或只保留部分号码 (personal-phone) [warning enforcement-personal]\n" +
		"  data/chufa.csv:2:12: 第 2 行 L 列中有银行卡号「" + bankCard + "」：网站发布时会自动隐去，但请在数据源中删去或只保留部分号码 (personal-bankcard) [warning enforcement-personal]\n"
	if got != want {
		t.Errorf("findings:\n%s\nwant:\n%s", got, want)
	}
}

// TestPrivacyFindingsSuspectedID: check reports a number shaped like an
// identity number whose check digit is wrong as a suspected one.
func TestPrivacyFindingsSuspectedID(t *testing.T) {
	csv := strings.Replace(privacyCSV, ",欧阳明超范围经营,", ",欧阳明（830101199001011237）超范围经营,", 1)
	s, _ := load(t, Penalty, csv)
	got := formatFindings(PrivacyFindings(s))
	want := "  data/chufa.csv:3:9: 第 3 行 I 列中有疑似身份证号码（校验位不对）「830101199001011237」：网站发布时会自动隐去，但请在数据源中删去或只保留部分号码 (personal-id) [warning enforcement-personal]\n"
	if !strings.Contains(got, want) {
		t.Errorf("findings:\n%s\nwant among them:\n%s", got, want)
	}
}

// TestLoadXLSX reads a workbook: findings name the sheet, and a date cell
// is read by its serial number whatever its display format.
func TestLoadXLSX(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "处罚"); err != nil {
		t.Fatal(err)
	}
	f.SetCellValue("处罚", "A1", "某市市场监督管理局行政处罚信息公示表")
	rows := [][]string{strings.Split(strings.TrimSuffix(penaltyHeader, "\n"), ","), strings.Split(strings.TrimSuffix(goodPenalty, "\n"), ",")}
	rows = append(rows, strings.Split(strings.Replace(strings.TrimSuffix(goodPenalty, "\n"), "某市监罚〔2024〕12号", "某市监罚（2024）13号", 1), ","))
	for i, r := range rows {
		for j, v := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+2)
			f.SetCellValue("处罚", cell, v)
		}
	}
	// N3: the decision date as a real date cell shown as "Mar-24" style.
	f.SetCellValue("处罚", "N3", time.Date(2024, 9, 27, 0, 0, 0, 0, time.UTC))
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	tab, err := tabular.Read("data/chufa.xlsx", buf.Bytes(), "")
	if err != nil {
		t.Fatal(err)
	}
	s, fs := Load(tab, Options{Type: Penalty, Calendar: legal.DefaultCalendar()})
	want := "  data/chufa.xlsx:4:7: 工作表「处罚」第 4 行 G 列「行政处罚决定书文号」：文号「某市监罚（2024）13号」中的年份应使用六角括号〔〕，应写成「某市监罚〔2024〕13号」 (use 〔〕 around the year) [error enforcement-number]\n"
	if got := formatFindings(fs); got != want {
		t.Errorf("findings:\n%s\nwant:\n%s", got, want)
	}
	if s.HeaderLine != 2 || len(s.Decisions) != 1 || s.Decisions[0].Line != 3 || day(s.Decisions[0].Decided) != "2024-09-27" {
		t.Errorf("header %d decisions %+v", s.HeaderLine, s.Decisions)
	}
}
