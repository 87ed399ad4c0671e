package build_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/fazhi-dev/fazhi/internal/fazhitest"
)

// TestEnforcementOpenData (issue 18 point 7): data.csv and data.json of a
// column hold exactly the decisions listed on its page, masked as shown,
// with no identity number, no tombstone, nothing not yet online and no
// minor; data.json matches docs/schema/enforcement.schema.json.
func TestEnforcementOpenData(t *testing.T) {
	r := fazhitest.Build(t, goldenSite+penalties, fazhitest.WithTheme())
	raw := []byte(r.File("chufa/data.csv"))
	if !bytes.HasPrefix(raw, []byte("\xEF\xBB\xBF行政相对人名称,")) {
		t.Fatalf("data.csv does not start with a UTF-8 BOM and the header: %q", raw[:40])
	}
	rows, err := csv.NewReader(bytes.NewReader(raw[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var numbers []string
	for _, row := range rows[1:] {
		numbers = append(numbers, row[4]+" "+row[0])
	}
	if got, want := strings.Join(numbers, "\n"), "某市监罚〔2026〕41号 某区李某小吃店\n某市监罚〔2026〕40号 张某\n某市监罚〔2026〕31号 某市甲乙商贸有限公司"; got != want {
		t.Errorf("data.csv rows:\n%s\nwant:\n%s", got, want)
	}
	js := r.File("chufa/data.json")
	for name, out := range map[string]string{"data.csv": string(raw), "data.json": js} {
		for _, secret := range []string{"张明华", "李建国", "王小明", "830101199001011236", "830101198502021235", "830101201205051230",
			"13800138000", "6222021234567890128", "〔2025〕7号", "〔2026〕20号", "〔2026〕45号", "〔2026〕46号", "身份证"} {
			if strings.Contains(out, secret) {
				t.Errorf("%s contains %q", name, secret)
			}
		}
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	path, _ := filepath.Abs(filepath.Join(fazhitest.RepoRoot(t), "docs", "schema", "enforcement.schema.json"))
	sch, err := c.Compile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal([]byte(js), &doc); err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(doc); err != nil {
		t.Fatalf("data.json does not match its schema:\n%v\n%s", err, js)
	}
	for _, want := range []string{`"type": "行政处罚"`, `"column": "行政处罚公示"`, `"url": "/chufa/"`, `"count": 3`,
		// the list last changed when 〔2026〕41号 went online (2026-11-05),
		// not on the build day (fazhitest.Now, 2026-11-27)
		`"asOf": "2026-11-05"`} {
		if !strings.Contains(js, want) {
			t.Errorf("data.json lacks %s:\n%s", want, js)
		}
	}
	// The column list links the downloads and the statistics.
	r.AssertFileContent("chufa/index.html", `href="/chufa/data.csv"`, `href="/chufa/data.json"`, `href="/chufa/stats/"`)
}

// TestEnforcementStatsPage (issue 18 point 7): the yearly statistics page
// counts the listed decisions by month and by 类别 with the sums of 罚款,
// in a table and in an inline SVG chart, and agrees with data.csv.
func TestEnforcementStatsPage(t *testing.T) {
	r := fazhitest.Build(t, goldenSite+penalties, fazhitest.WithTheme())
	got := r.File("chufa/stats/2026/index.html")
	fazhitest.Golden(t, "decisions-stats", got)
	// Differential: the page's totals are those of data.csv's rows.
	rows, _ := csv.NewReader(strings.NewReader(strings.TrimPrefix(r.File("chufa/data.csv"), "\xEF\xBB\xBF"))).ReadAll()
	n, fines := 0, 0.0
	for _, row := range rows[1:] {
		if strings.HasPrefix(row[13], "2026-") {
			n++
			var f float64
			json.Unmarshal([]byte(row[10]), &f)
			fines += f
		}
	}
	if n != 3 || fines != 0.6 {
		t.Fatalf("data.csv: %d decisions in 2026, fines %v", n, fines)
	}
	for _, want := range []string{`<li>决定数：<strong>3</strong> 件</li>`, `<li>罚款金额合计：<strong>0.6</strong> 万元（2 件）</li>`,
		`<tfoot>
<tr><th scope="row">合计</th><td>3</td><td>0.6</td></tr>`} {
		if !strings.Contains(got, want) {
			t.Errorf("stats page lacks %q", want)
		}
	}
	r.AssertFileContent("chufa/stats/index.html", `<caption>各年度行政处罚决定数量</caption>`,
		`<tr><th scope="row"><a href="/chufa/stats/2026/">2026年</a></th><td>3</td><td>0.6</td></tr>`,
		`<title id="stats-years-title">行政处罚决定数量（按年份）</title><desc id="stats-years-desc">2026年 3 件。</desc>`)
	r.AssertNoFile("chufa/stats/2025/index.html") // 2025 has only a tombstone
}
