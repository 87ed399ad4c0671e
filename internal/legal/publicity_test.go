package legal

import (
	"strings"
	"testing"
	"time"
)

func shanghai(t *testing.T) *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Skip("no time zone data for Asia/Shanghai")
	}
	return loc
}

func at(loc *time.Location, s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
	if err != nil {
		panic(err)
	}
	return t
}

// date parses a calendar date the way table cells arrive: at midnight UTC.
func date(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestParsePeriod(t *testing.T) {
	for in, want := range map[string]int{"3个月": 3, "6 个月": 6, "1年": 12, "3年": 36, "18月": 18, "3 months": 3, "1 year": 12} {
		p, err := ParsePeriod(in)
		if err != nil || p.Months != want {
			t.Errorf("ParsePeriod(%q) = %v, %v; want %d months", in, p, err, want)
		}
	}
	for _, in := range []string{"", "三个月", "0年", "-1年", "1.5年", "3周", "年"} {
		if _, err := ParsePeriod(in); err == nil || !strings.Contains(err.Error(), "应写成 \"3个月\" 或 \"1年\"") {
			t.Errorf("ParsePeriod(%q) error = %v", in, err)
		}
	}
	if s := (Period{3}).String() + (Period{36}).String(); s != "3个月3年" {
		t.Errorf("String = %q", s)
	}
}

func TestAddPeriod(t *testing.T) {
	tests := []struct {
		from   string
		months int
		want   string
	}{
		{"2024-03-01", 12, "2025-03-01"},
		{"2024-02-29", 12, "2025-02-28"}, // no 29th: the month's last day
		{"2024-02-29", 48, "2028-02-29"},
		{"2024-01-31", 1, "2024-02-29"},
		{"2023-01-31", 1, "2023-02-28"},
		{"2024-08-31", 3, "2024-11-30"},
		{"2024-11-30", 3, "2025-02-28"},
		{"2024-12-15", 3, "2025-03-15"},
		{"2026-04-01", 36, "2029-04-01"},
	}
	for _, tc := range tests {
		if got := AddPeriod(date(tc.from), Period{tc.months}); !got.Equal(date(tc.want)) {
			t.Errorf("AddPeriod(%s, %d) = %s, want %s", tc.from, tc.months, got.Format("2006-01-02"), tc.want)
		}
	}
}

func TestPublicityDeadline(t *testing.T) {
	table := DefaultPublicityPeriods()
	for sev, want := range map[string]string{"轻微": "2024-06-10", "一般": "2025-03-10", "严重": "2027-03-10"} {
		got, ok := PublicityDeadline(date("2024-03-10").Add(15*time.Hour), sev, table)
		if !ok || !got.Equal(date(want)) {
			t.Errorf("PublicityDeadline(2024-03-10, %s) = %s, %v; want %s", sev, got.Format("2006-01-02"), ok, want)
		}
	}
	if _, ok := PublicityDeadline(date("2024-03-10"), "较重", table); ok {
		t.Error("unknown severity accepted")
	}
	table["一般"] = Period{6}
	if got, _ := PublicityDeadline(date("2024-03-10"), "一般", table); !got.Equal(date("2024-09-10")) {
		t.Errorf("site table: %s", got.Format("2006-01-02"))
	}
}

// TestPenaltyStateBoundaries checks the instants around midnight in
// Asia/Shanghai: public through 23:59 of the 公示截止期, expired at 00:00
// of the next day; online from 00:00 of the 公示日期.
func TestPenaltyStateBoundaries(t *testing.T) {
	loc := shanghai(t)
	published, deadline := date("2024-03-15"), date("2025-03-10")
	tests := []struct {
		now    string
		status string
		want   State
	}{
		{"2024-03-14 23:59", "", StatePending},
		{"2024-03-15 00:00", "", StatePublic},
		{"2024-03-15 00:00", "正常", StatePublic},
		{"2025-03-10 23:59", "正常", StatePublic},
		{"2025-03-11 00:00", "正常", StateExpired},
		{"2027-01-01 00:00", "", StateExpired},
		{"2024-03-14 23:59", "撤销", StateRevoked},
		{"2024-06-01 12:00", "撤销", StateRevoked},
		{"2025-03-11 00:00", "撤回", StateWithdrawn},
	}
	for _, tc := range tests {
		if got := PenaltyState(tc.status, published, deadline, at(loc, tc.now), loc); got != tc.want {
			t.Errorf("PenaltyState(%q) at %s = %s, want %s", tc.status, tc.now, got, tc.want)
		}
	}
	// 23:59 in Shanghai is 15:59 UTC: the same instant given in UTC.
	utc := at(loc, "2025-03-10 23:59").UTC()
	if got := PenaltyState("", published, deadline, utc, loc); got != StatePublic {
		t.Errorf("at %s UTC: %s, want 公示中", utc.Format("2006-01-02 15:04"), got)
	}
	if got := PenaltyState("", published, deadline, utc.Add(time.Minute), loc); got != StateExpired {
		t.Errorf("at 00:00 Shanghai given in UTC: %s, want 已期满", got)
	}
	if got := PenaltyState("", time.Time{}, time.Time{}, at(loc, "2099-01-01 00:00"), loc); got != StatePublic {
		t.Errorf("no dates: %s", got)
	}
	if StatePublic.Listed() == false || StateExpired.Listed() || StateRevoked.Listed() || StatePending.Listed() || !StateLapsed.Listed() {
		t.Error("Listed")
	}
}

func TestPermitStateBoundaries(t *testing.T) {
	loc := shanghai(t)
	validTo := date("2026-12-31")
	tests := []struct {
		now  string
		want State
	}{
		{"2026-12-31 23:59", StateValid},
		{"2027-01-01 00:00", StateLapsed},
		{"2024-01-31 23:59", StatePending},
	}
	for _, tc := range tests {
		if got := PermitState("", date("2024-02-01"), validTo, at(loc, tc.now), loc); got != tc.want {
			t.Errorf("PermitState at %s = %s, want %s", tc.now, got, tc.want)
		}
	}
	if got := PermitState("正常", time.Time{}, time.Time{}, at(loc, "2099-01-01 00:00"), loc); got != StateValid {
		t.Errorf("长期有效: %s", got)
	}
	// 撤销 and 撤回 win over every date.
	for status, want := range map[string]State{"撤销": StateRevoked, "撤回": StateWithdrawn} {
		for _, now := range []string{"2024-01-31 23:59", "2026-12-31 23:59", "2027-01-01 00:00"} {
			if got := PermitState(status, date("2024-02-01"), validTo, at(loc, now), loc); got != want || got.Listed() {
				t.Errorf("PermitState(%s) at %s = %s, want %s", status, now, got, want)
			}
		}
	}
}

// TestLatePublication uses 2024's 国庆 holiday: a decision of Friday
// 2024-09-27 may go online through Saturday 2024-10-12 (the working days
// are Sunday 9-29, 9-30, 10-08 … 10-11 and Saturday 10-12), not through
// 2024-10-08 as Monday-to-Friday would say.
func TestLatePublication(t *testing.T) {
	cal := DefaultCalendar()
	decided := date("2024-09-27")
	if got := PublishDeadline(cal, decided); !got.Equal(date("2024-10-12")) {
		t.Errorf("PublishDeadline = %s, want 2024-10-12", got.Format("2006-01-02"))
	}
	if n, late := LatePublication(cal, decided, date("2024-10-12")); n != 7 || late {
		t.Errorf("LatePublication(10-12) = %d, %v; want 7, false", n, late)
	}
	if n, late := LatePublication(cal, decided, date("2024-10-14")); n != 8 || !late {
		t.Errorf("LatePublication(10-14) = %d, %v; want 8, true", n, late)
	}
	if n, late := LatePublication(nil, decided, date("2024-10-12")); n != 10 || !late {
		t.Errorf("Monday-to-Friday LatePublication(10-12) = %d, %v; want 10, true", n, late)
	}
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"3个月", "1年", "18月", "3 months", "0年", "年"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err != nil {
			return
		}
		if p.Months <= 0 || p.Months > 1200 {
			t.Fatalf("ParsePeriod(%q) = %d months", s, p.Months)
		}
		if back, err := ParsePeriod(p.String()); err != nil || back != p {
			t.Fatalf("round trip of %q: %v, %v", s, back, err)
		}
	})
}
