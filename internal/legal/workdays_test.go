package legal

import (
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, time.FixedZone("CST", 8*3600))
	if err != nil {
		panic(err)
	}
	return t
}

// 2024-03-01 is a Friday, 2024-03-02 a Saturday, 2024-03-03 a Sunday.
var addWorkdaysTests = []struct {
	from string
	n    int
	want string
}{
	{"2024-03-01 09:30", 0, "2024-03-01 09:30"},
	{"2024-03-02 09:30", 0, "2024-03-02 09:30"},
	{"2024-03-01 09:30", 1, "2024-03-04 09:30"},
	{"2024-03-02 09:30", 1, "2024-03-04 09:30"},
	{"2024-03-03 09:30", 1, "2024-03-04 09:30"},
	{"2024-03-04 09:30", 4, "2024-03-08 09:30"},
	{"2024-03-04 09:30", 5, "2024-03-11 09:30"},
	{"2024-03-02 09:30", 5, "2024-03-08 09:30"},
	{"2024-03-03 09:30", 10, "2024-03-15 09:30"},
	{"2024-03-01 09:30", 20, "2024-03-29 09:30"},
	{"2024-03-04 09:30", -1, "2024-03-01 09:30"},
	{"2024-03-02 09:30", -1, "2024-03-01 09:30"},
	{"2024-03-03 09:30", -1, "2024-03-01 09:30"},
	{"2024-03-03 09:30", -5, "2024-02-26 09:30"},
	{"2024-03-08 17:00", -7, "2024-02-28 17:00"},
	{"2023-12-29 08:00", 1, "2024-01-01 08:00"}, // New Year's Day is not modelled
}

func TestAddWorkdays(t *testing.T) {
	for _, tc := range addWorkdaysTests {
		got := AddWorkdays(day(tc.from), tc.n)
		if !got.Equal(day(tc.want)) {
			t.Errorf("AddWorkdays(%s, %d) = %s, want %s", tc.from, tc.n, got.Format("2006-01-02 15:04 Mon"), tc.want)
		}
	}
}

func TestWorkdaysBetween(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"2024-03-01 09:00", "2024-03-01 18:00", 0},
		{"2024-03-01 18:00", "2024-03-04 08:00", 1},
		{"2024-03-01 00:00", "2024-03-03 23:59", 0},
		{"2024-03-02 00:00", "2024-03-04 00:00", 1},
		{"2024-03-04 00:00", "2024-03-08 00:00", 4},
		{"2024-03-04 00:00", "2024-03-11 00:00", 5},
		{"2024-03-01 00:00", "2024-03-29 00:00", 20},
		{"2024-03-29 00:00", "2024-03-01 00:00", -20},
		{"2024-03-04 00:00", "2024-03-03 00:00", -1},
		{"2023-12-01 00:00", "2024-12-01 00:00", 260},
		{"1969-12-26 00:00", "1970-01-05 00:00", 6},
	}
	for _, tc := range tests {
		if got := WorkdaysBetween(day(tc.a), day(tc.b)); got != tc.want {
			t.Errorf("WorkdaysBetween(%s, %s) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestWorkdaysInverse checks the two functions against each other and
// against a day-by-day count over a few years of dates.
func TestWorkdaysInverse(t *testing.T) {
	start := day("2023-12-25 10:00")
	for i := range 21 {
		a := start.AddDate(0, 0, i)
		for n := -30; n <= 30; n++ {
			b := AddWorkdays(a, n)
			if wd := b.Weekday(); n != 0 && (wd == time.Saturday || wd == time.Sunday) {
				t.Fatalf("AddWorkdays(%s, %d) = %s, a weekend day", a.Format("2006-01-02 Mon"), n, b.Format("2006-01-02 Mon"))
			}
			if wd := a.Weekday(); wd == time.Saturday || wd == time.Sunday {
				continue
			}
			if got := WorkdaysBetween(a, b); got != n {
				t.Fatalf("WorkdaysBetween(%s, AddWorkdays(.., %d)=%s) = %d", a.Format("2006-01-02 Mon"), n, b.Format("2006-01-02 Mon"), got)
			}
		}
	}
	for i := range 800 {
		a := start.AddDate(0, 0, i-400)
		b := a
		want := 0
		for range 40 {
			b = b.AddDate(0, 0, 1)
			if wd := b.Weekday(); wd != time.Saturday && wd != time.Sunday {
				want++
			}
		}
		if got := WorkdaysBetween(a, b); got != want {
			t.Fatalf("WorkdaysBetween(%s, %s) = %d, want %d", a.Format("2006-01-02"), b.Format("2006-01-02"), got, want)
		}
	}
}

func FuzzAddWorkdays(f *testing.F) {
	for _, tc := range addWorkdaysTests {
		f.Add(day(tc.from).Unix(), tc.n)
	}
	f.Fuzz(func(t *testing.T, sec int64, n int) {
		if sec < -1e11 || sec > 1e11 || n < -100000 || n > 100000 {
			t.Skip()
		}
		a := time.Unix(sec, 0).UTC()
		b := AddWorkdays(a, n)
		if h, m, s := b.Clock(); h != a.Hour() || m != a.Minute() || s != a.Second() {
			t.Fatalf("clock changed: %s -> %s", a, b)
		}
		if wd := a.Weekday(); wd != time.Saturday && wd != time.Sunday {
			if got := WorkdaysBetween(a, b); got != n {
				t.Fatalf("WorkdaysBetween(%s, %s) = %d, want %d", a, b, got, n)
			}
		}
	})
}
