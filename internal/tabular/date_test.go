package tabular

import (
	"strings"
	"testing"
	"time"
)

var dateTests = []struct {
	in, want string
}{
	{"2024-03-01", "2024-03-01"},
	{"2024-3-1", "2024-03-01"},
	{"2024/3/1", "2024-03-01"},
	{"2024/03/01", "2024-03-01"},
	{"2024.3.1", "2024-03-01"},
	{"20240301", "2024-03-01"},
	{"2024年3月1日", "2024-03-01"},
	{"2024年03月01日", "2024-03-01"},
	{"２０２４年３月１日", "2024-03-01"},
	{" 2024-03-01 00:00:00 ", "2024-03-01"},
	{"2024/3/1 9:30", "2024-03-01"},
	{"2024-03-01T09:30:00", "2024-03-01"},
	{"45352", "2024-03-01"},
	{"45352.3958333333", "2024-03-01"},
	{"03-01-24", "2024-03-01"}, // excelize, number format 14
	{"3/1/24 09:30", "2024-03-01"},
	{"12-31-99", "1999-12-31"},
	{"2024-02-29", "2024-02-29"},
	{"61", ""}, // 1900-03-01: out of range, see the error tests
	{"18264", "1950-01-01"},
	{"73415", "2100-12-31"},
}

func TestParseDate(t *testing.T) {
	for _, tc := range dateTests {
		if tc.want == "" {
			continue
		}
		got, err := ParseDate(tc.in)
		if err != nil || got.Format("2006-01-02") != tc.want || got.Location() != time.UTC || got.Hour() != 0 {
			t.Errorf("ParseDate(%q) = %v, %v; want %s", tc.in, got, err, tc.want)
		}
	}
}

func TestParseDateErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "日期为空，请写成 2024-03-01 这样的日期（年-月-日）"},
		{"2024-13-01", "「2024-13-01」的月份 13 不在 1 至 12 之间：请写成 2024-03-01 这样的日期（年-月-日）"},
		{"2023-02-29", "「2023-02-29」：2023 年 2 月没有 29 日"},
		{"2024/4/31", "2024 年 4 月没有 31 日"},
		{"1024-03-01", "「1024-03-01」的年份 1024 不在 1949 至 2100 之间"},
		{"01/03/2024", "「01/03/2024」把年份写在了最后，看不出哪个是月、哪个是日"},
		{"2024年3月", "「2024年3月」不是日期：年、月、日都要用阿拉伯数字写全"},
		{"二〇二四年三月一日", "年、月、日都要用阿拉伯数字写全"},
		{"60", "「60」是 Excel 中不存在的日期 1900年2月29日"},
		{"61", "「61」作为 Excel 日期序号是 1900-03-01，年份不在 1949 至 2100 之间"},
		{"9999999", "年份不在 1949 至 2100 之间"},
		{"3.1", "「3.1」不是日期"},
		{"2024-3", "「2024-3」不是日期"},
		{"长期", "「长期」不是日期"},
		{"2024—03—01x", "不是日期"},
	}
	for _, tc := range tests {
		_, err := ParseDate(tc.in)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseDate(%q) error = %v\nwant it to contain %q", tc.in, err, tc.want)
		}
	}
}

func TestCellDate(t *testing.T) {
	// An XLSX date cell shown as "Mar-24" still gives its day.
	if d, err := (Cell{Text: "Mar-24", Raw: "45352"}).Date(); err != nil || d.Format("2006-01-02") != "2024-03-01" {
		t.Errorf("Date = %v, %v", d, err)
	}
	// A text cell is read as text.
	if d, err := (Cell{Text: "2024年3月1日", Raw: "2024年3月1日"}).Date(); err != nil || d.Format("2006-01-02") != "2024-03-01" {
		t.Errorf("Date = %v, %v", d, err)
	}
	if _, err := (Cell{Text: "待定", Raw: "待定"}).Date(); err == nil {
		t.Error("待定 accepted")
	}
}

func FuzzParseDate(f *testing.F) {
	for _, tc := range dateTests {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !strings.Contains(err.Error(), "日") {
				t.Fatalf("error without advice: %v", err)
			}
			return
		}
		if d.Year() < MinYear || d.Year() > MaxYear || d.Location() != time.UTC || d.Hour() != 0 || d.Minute() != 0 {
			t.Fatalf("ParseDate(%q) = %v", s, d)
		}
		// The canonical form reads back as the same date.
		if back, err := ParseDate(d.Format("2006-01-02")); err != nil || !back.Equal(d) {
			t.Fatalf("round trip of %q: %v, %v", s, back, err)
		}
	})
}
