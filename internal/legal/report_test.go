package legal

import (
	"strings"
	"testing"
	"time"
)

func TestReportDue(t *testing.T) {
	sh, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Skip("no zone data:", err)
	}
	at := func(s string) time.Time {
		x, err := time.ParseInLocation("2006-01-02 15:04", s, sh)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	tests := []struct {
		t     ReportType
		level ReportLevel
		now   string
		late  bool
	}{
		{ReportXxgk, LevelDepartment, "2026-01-31 23:59", false},
		{ReportXxgk, LevelDepartment, "2026-02-01 00:00", true},
		{ReportXxgk, "", "2026-02-01 00:00", true}, // no level: the department's deadline
		{ReportXxgk, LevelGovernment, "2026-03-31 23:59", false},
		{ReportXxgk, LevelGovernment, "2026-04-01 00:00", true},
		{ReportFazhi, LevelGovernment, "2026-04-01 23:59", false},
		{ReportFazhi, LevelDepartment, "2026-04-02 00:00", true},
	}
	for _, tt := range tests {
		due := ReportDue(tt.t, tt.level, 2025, sh)
		if got := Overdue(at(tt.now), due); got != tt.late {
			t.Errorf("%s %q at %s: overdue %v, want %v (due %s)", tt.t, tt.level, tt.now, got, tt.late, due)
		}
	}
	// 23:59 on the due day in Beijing is 15:59 UTC: the zone decides.
	if Overdue(at("2026-01-31 23:59").UTC(), ReportDue(ReportXxgk, LevelDepartment, 2025, sh)) {
		t.Error("a UTC clock made 1月31日 23:59 Beijing time late")
	}
}

func TestReportLevelText(t *testing.T) {
	for in, want := range map[string]ReportLevel{"department": LevelDepartment, "部门": LevelDepartment, "government": LevelGovernment, "政府": LevelGovernment} {
		var l ReportLevel
		if err := l.UnmarshalText([]byte(in)); err != nil || l != want {
			t.Errorf("%q: %q, %v; want %q", in, l, err, want)
		}
	}
	var l ReportLevel
	err := l.UnmarshalText([]byte("county"))
	if err == nil || !strings.Contains(err.Error(), `reportLevel = "county" 无效：政府部门写 "department"`) {
		t.Errorf("county: %v", err)
	}
}

func TestCheckTable3Clean(t *testing.T) {
	tb := map[string][]int{}
	for _, r := range Table3Rows {
		tb[r.Key] = make([]int, len(Table3Columns))
	}
	if m := CheckTable3(tb); len(m) != 0 {
		t.Errorf("all zeros: %v", m)
	}
	tb["本年新收"] = []int{1, 0, 0, 0, 0, 0, 1}
	tb["不予处理-5"] = []int{1, 0, 0, 0, 0, 0, 1}
	tb["总计"] = []int{1, 0, 0, 0, 0, 0, 1}
	if m := CheckTable3(tb); len(m) != 0 {
		t.Errorf("one application refused: %v", m)
	}
	tb["总计"] = []int{0, 0, 0, 0, 0, 0, 0}
	got := CheckTable3(tb)
	var msgs []string
	for _, m := range got {
		msgs = append(msgs, m.Error())
	}
	want := []string{
		"表三「三、本年度办理结果（七）总计」行「自然人」列：（七）总计应为（一）至（六）各项之和 1，表中写的是 0 (total 0, want 1)",
		"表三「四、结转下年度继续办理」行「自然人」列：一 本年新收 1 ＋ 二 上年结转 0 ＝ 1，应等于 三（七）总计 0 ＋ 四 结转下年度 0 ＝ 0：请核对这一列（按此算，四 应为 1） (一+二 ≠ 三（七）+四)",
		"表三「三、本年度办理结果（七）总计」行「总计」列：（七）总计应为（一）至（六）各项之和 1，表中写的是 0 (total 0, want 1)",
		"表三「四、结转下年度继续办理」行「总计」列：一 本年新收 1 ＋ 二 上年结转 0 ＝ 1，应等于 三（七）总计 0 ＋ 四 结转下年度 0 ＝ 0：请核对这一列（按此算，四 应为 1） (一+二 ≠ 三（七）+四)",
	}
	if strings.Join(msgs, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
}

func TestTable2Width(t *testing.T) {
	for k, want := range map[string]int{"规章": 3, string(GenreNormative): 3, "行政许可": 1, "行政事业性收费": 1, "行政复议": 0} {
		if got := Table2Width(k); got != want {
			t.Errorf("%s: %d, want %d", k, got, want)
		}
	}
}
