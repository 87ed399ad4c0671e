package legal

import (
	"strings"
	"testing"
	"time"
)

func ymd(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02", s, time.FixedZone("CST", 8*3600))
	if err != nil {
		panic(err)
	}
	return t
}

// TestDefaultCalendarDays checks every day the notices name, and that
// each 放假 span and 调休 day is what the notice says.
func TestDefaultCalendarDays(t *testing.T) {
	c := DefaultCalendar()
	if got := c.Years(); len(got) != 5 || got[0] != 2022 || got[4] != 2026 {
		t.Fatalf("Years() = %v, want [2022 … 2026]", got)
	}
	off := map[int][]string{
		2022: {"01-01..01-03", "01-31..02-06", "04-03..04-05", "04-30..05-04", "06-03..06-05", "09-10..09-12", "10-01..10-07"},
		2023: {"01-01..01-02", "01-21..01-27", "04-05", "04-29..05-03", "06-22..06-24", "09-29..10-06"},
		2024: {"01-01", "02-10..02-17", "04-04..04-06", "05-01..05-05", "06-10", "09-15..09-17", "10-01..10-07"},
		2025: {"01-01", "01-28..02-04", "04-04..04-06", "05-01..05-05", "05-31..06-02", "10-01..10-08"},
		2026: {"01-01..01-03", "02-15..02-23", "04-04..04-06", "05-01..05-05", "06-19..06-21", "09-25..09-27", "10-01..10-07"},
	}
	work := map[int][]string{
		2022: {"01-29", "01-30", "04-02", "04-24", "05-07", "10-08", "10-09"},
		2023: {"01-28", "01-29", "04-23", "05-06", "06-25", "10-07", "10-08"},
		2024: {"02-04", "02-18", "04-07", "04-28", "05-11", "09-14", "09-29", "10-12"},
		2025: {"01-26", "02-08", "04-27", "09-28", "10-11"},
		2026: {"01-04", "02-14", "02-28", "05-09", "09-20", "10-10"},
	}
	for year := 2022; year <= 2026; year++ {
		want := map[string]bool{} // date -> working day
		for _, r := range off[year] {
			a, b, _ := strings.Cut(r, "..")
			if b == "" {
				b = a
			}
			for d := ymd(itoa(year) + "-" + a); !d.After(ymd(itoa(year) + "-" + b)); d = d.AddDate(0, 0, 1) {
				want[d.Format("2006-01-02")] = false
			}
		}
		for _, w := range work[year] {
			d := ymd(itoa(year) + "-" + w)
			if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
				t.Errorf("%s is a %s: a 调休 working day must be a weekend day", d.Format("2006-01-02"), wd)
			}
			want[d.Format("2006-01-02")] = true
		}
		for d := ymd(itoa(year) + "-01-01"); d.Year() == year; d = d.AddDate(0, 0, 1) {
			key := d.Format("2006-01-02")
			w, listed := want[key]
			if !listed {
				w = d.Weekday() != time.Saturday && d.Weekday() != time.Sunday
			}
			if got := c.IsWorkday(d); got != w {
				t.Errorf("IsWorkday(%s %s) = %v, want %v", key, d.Weekday(), got, w)
			}
		}
		if n := c.Notice(year); !strings.Contains(n, "国务院办公厅关于"+itoa(year)+"年部分节假日安排的通知") {
			t.Errorf("Notice(%d) = %q, want the State Council notice", year, n)
		}
	}
}

func itoa(n int) string { return time.Date(n, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006") }

// TestWorkdaysAcrossAdjustedWeekend counts across 2024's 国庆 holiday: the
// Sunday 9-29 and the Saturday 10-12 are working days, 10-01 to 10-07 are
// not.
func TestWorkdaysAcrossAdjustedWeekend(t *testing.T) {
	c := DefaultCalendar()
	tests := []struct {
		a, b      string
		want      int
		weekdays5 int // the Monday-to-Friday count, for contrast
	}{
		{"2024-09-27", "2024-09-30", 2, 1},  // Sun 9-29 worked, Mon 9-30
		{"2024-09-27", "2024-10-08", 3, 7},  // 9-29, 9-30, 10-08
		{"2024-09-30", "2024-10-14", 6, 10}, // 10-08..10-11, Sat 10-12, 10-14
		{"2024-10-14", "2024-09-30", -6, -10},
		{"2024-02-08", "2024-02-19", 3, 7}, // Fri 2-09, Sun 2-18 worked, Mon 2-19
		{"2025-01-24", "2025-02-10", 7, 11},
		{"2026-02-13", "2026-03-02", 7, 11},
		{"2026-12-31", "2027-01-04", 2, 2}, // 2027 is unknown: Monday to Friday
	}
	for _, tc := range tests {
		a, b := ymd(tc.a), ymd(tc.b)
		if got := c.WorkdaysBetween(a, b); got != tc.want {
			t.Errorf("WorkdaysBetween(%s, %s) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
		if got := WorkdaysBetween(a, b); got != tc.weekdays5 {
			t.Errorf("Monday-to-Friday WorkdaysBetween(%s, %s) = %d, want %d", tc.a, tc.b, got, tc.weekdays5)
		}
		if got := (*Calendar)(nil).WorkdaysBetween(a, b); got != tc.weekdays5 {
			t.Errorf("nil calendar WorkdaysBetween(%s, %s) = %d, want %d", tc.a, tc.b, got, tc.weekdays5)
		}
	}
}

func TestCalendarAddWorkdays(t *testing.T) {
	c := DefaultCalendar()
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2024-09-27", 1, "2024-09-29"}, // Friday + 1 = the 调休 Sunday
		{"2024-09-27", 3, "2024-10-08"},
		{"2024-09-30", 7, "2024-10-15"}, // 10-08..10-12, 10-14, 10-15
		{"2024-10-08", -1, "2024-09-30"},
		{"2026-02-13", 1, "2026-02-14"},
		{"2026-02-13", 2, "2026-02-24"},
		{"2026-02-13", 0, "2026-02-13"},
		{"2026-12-31", 2, "2027-01-04"},
	}
	for _, tc := range tests {
		from := ymd(tc.from).Add(15*time.Hour + 30*time.Minute)
		got := c.AddWorkdays(from, tc.n)
		if want := ymd(tc.want).Add(15*time.Hour + 30*time.Minute); !got.Equal(want) {
			t.Errorf("AddWorkdays(%s, %d) = %s, want %s", tc.from, tc.n, got.Format("2006-01-02 15:04 Mon"), want.Format("2006-01-02 15:04"))
		}
	}
}

// TestCalendarAgainstDayByDay checks WorkdaysBetween and AddWorkdays
// against a plain day-by-day count with IsWorkday over 2023 to 2027.
func TestCalendarAgainstDayByDay(t *testing.T) {
	c := DefaultCalendar()
	start := ymd("2023-12-01")
	for i := 0; i < 1200; i += 3 {
		a := start.AddDate(0, 0, i)
		b, want := a, 0
		for range 45 {
			b = b.AddDate(0, 0, 1)
			if c.IsWorkday(b) {
				want++
			}
		}
		if got := c.WorkdaysBetween(a, b); got != want {
			t.Fatalf("WorkdaysBetween(%s, %s) = %d, want %d", a.Format("2006-01-02"), b.Format("2006-01-02"), got, want)
		}
		if got := c.WorkdaysBetween(a, c.AddWorkdays(a, 7)); got != 7 {
			t.Fatalf("WorkdaysBetween(%s, AddWorkdays(7)) = %d", a.Format("2006-01-02"), got)
		}
	}
}

func TestCalendarMerge(t *testing.T) {
	own, err := ParseCalendar([]byte(`
[2027]
notice = "本站按通知补录"
off = ["2027-01-01", "2027-02-06..2027-02-12"]
work = ["2027-02-14"]

[2024]
notice = "本站替换"
off = []
`))
	if err != nil {
		t.Fatal(err)
	}
	c := DefaultCalendar().Merge(own)
	if got := c.Years(); len(got) != 6 || got[5] != 2027 {
		t.Fatalf("Years() = %v", got)
	}
	if c.IsWorkday(ymd("2027-02-08")) || !c.IsWorkday(ymd("2027-02-14")) || !c.IsWorkday(ymd("2027-02-15")) {
		t.Error("site year 2027 not applied")
	}
	if !c.IsWorkday(ymd("2024-10-08")) || !c.IsWorkday(ymd("2024-10-02")) || c.IsWorkday(ymd("2024-10-12")) {
		t.Error("site year 2024 should replace the built-in year whole")
	}
	if c.IsWorkday(ymd("2025-10-02")) {
		t.Error("built-in 2025 lost")
	}
	if m := c.Missing(ymd("2026-06-01"), ymd("2029-01-01")); len(m) != 2 || m[0] != 2028 || m[1] != 2029 {
		t.Errorf("Missing = %v, want [2028 2029]", m)
	}
	if m := DefaultCalendar().Missing(ymd("2025-06-01"), ymd("2024-01-01")); m != nil {
		t.Errorf("Missing = %v, want none", m)
	}
}

func TestParseCalendarErrors(t *testing.T) {
	tests := []struct {
		src, want string
	}{
		{"[2027]\noff = [\"2027-13-01\"]\n", "第 2 行：[2027] off 中的「2027-13-01」不是日期，应写成 \"2024-10-01\"，放假区间写成 \"2024-10-01..2024-10-07\""},
		{"[2027]\noff = [\"2028-01-01\"]\n", "第 2 行：[2027] off 中的「2028-01-01」不在 2027 年内，请写到 [2028] 表中"},
		{"[2027]\nwork = [\n  \"2027-02-06..2027-02-07\",\n]\n", "第 3 行：[2027] work 中的「2027-02-06..2027-02-07」应为单个日期：调休上班日逐日列出，如 \"2024-02-04\""},
		{"[2027]\noff = [\"2027-02-08..2027-02-06\"]\n", "第 2 行：[2027] off 中的「2027-02-08..2027-02-06」不是有效的日期区间"},
		{"[\"二〇二七\"]\noff = []\n", "第 1 行：表名「二〇二七」应为四位年份，如 [2027]"},
		{"[2027]\nof = []\n", "第 2 行：未知的设置项「2027.of」"},
		{"[2027]\noff = [\"2027-02-06\"]\nwork = [\"2027-02-06\"]\n", "[2027] 中 2027-02-06 既写在 off（放假）又写在 work（上班）中"},
		{"[2027]\noff = [\"2027-02-06\"\n", "第 2 行：TOML 格式错误"},
	}
	for _, tc := range tests {
		_, err := ParseCalendar([]byte(tc.src))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseCalendar(%q) error = %v\nwant it to contain %q", tc.src, err, tc.want)
		}
	}
}

func FuzzParseCalendar(f *testing.F) {
	f.Add(string(builtinHolidays))
	f.Add("[2027]\noff = [\"2027-01-01..2027-01-03\"]\nwork = [\"2027-01-04\"]\n")
	f.Add("[2027]\noff = [\"2027-02-08..2027-02-06\"]\n")
	f.Fuzz(func(t *testing.T, src string) {
		c, err := ParseCalendar([]byte(src))
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		// Every known year counts consistently with IsWorkday.
		for _, y := range c.Years() {
			a := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
			want := 0
			for d := a.AddDate(0, 0, 1); d.Year() == y; d = d.AddDate(0, 0, 1) {
				if c.IsWorkday(d) {
					want++
				}
			}
			if got := c.WorkdaysBetween(a, time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)); got != want {
				t.Fatalf("%d: WorkdaysBetween = %d, day count %d", y, got, want)
			}
		}
	})
}
