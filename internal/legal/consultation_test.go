package legal

import (
	"testing"
	"time"
)

// TestConsultationStateBoundaries: a consultation is 征集中 from the instant
// from (Asia/Shanghai) until the instant it ends; a to without a time of
// day runs through 24:00 of that day; after it the state is 已结束, or
// 已反馈 once its 采纳情况 is published.
func TestConsultationStateBoundaries(t *testing.T) {
	sh, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	from := time.Date(2026, 11, 20, 9, 0, 0, 0, sh)
	toDay := time.Date(2026, 12, 20, 0, 0, 0, 0, sh)
	toTime := time.Date(2026, 12, 20, 17, 0, 0, 0, sh)
	if got, want := ConsultationEnd(toDay), time.Date(2026, 12, 21, 0, 0, 0, 0, sh); !got.Equal(want) {
		t.Errorf("ConsultationEnd(date) = %v, want %v", got, want)
	}
	if got := ConsultationEnd(toTime); !got.Equal(toTime) {
		t.Errorf("ConsultationEnd(date-time) = %v, want %v", got, toTime)
	}
	endDay, endTime := ConsultationEnd(toDay), ConsultationEnd(toTime)
	ns := time.Nanosecond
	for _, c := range []struct {
		name     string
		end, now time.Time
		answered bool
		want     ConsultationStatus
	}{
		{"before from", endDay, from.Add(-ns), false, ConsultationPending},
		{"at from", endDay, from, false, ConsultationOpen},
		{"at from, answered", endDay, from, true, ConsultationOpen},
		{"last instant of the to day", endDay, time.Date(2026, 12, 20, 23, 59, 59, 999999999, sh), false, ConsultationOpen},
		{"24:00 of the to day", endDay, time.Date(2026, 12, 21, 0, 0, 0, 0, sh), false, ConsultationClosed},
		{"24:00 of the to day, in UTC", endDay, time.Date(2026, 12, 20, 16, 0, 0, 0, time.UTC), false, ConsultationClosed},
		{"one ns before 24:00, in UTC", endDay, time.Date(2026, 12, 20, 16, 0, 0, 0, time.UTC).Add(-ns), false, ConsultationOpen},
		{"before the closing time", endTime, toTime.Add(-ns), false, ConsultationOpen},
		{"at the closing time", endTime, toTime, false, ConsultationClosed},
		{"at the closing time, answered", endTime, toTime, true, ConsultationAnswered},
	} {
		if got := ConsultationState(from, c.end, c.now, c.answered); got != c.want {
			t.Errorf("%s: state at %v = %s, want %s", c.name, c.now, got, c.want)
		}
	}
	for s, class := range map[ConsultationStatus]string{ConsultationPending: "pending", ConsultationOpen: "open", ConsultationClosed: "closed", ConsultationAnswered: "answered", "其他": ""} {
		if got := s.Class(); got != class {
			t.Errorf("%s.Class() = %q, want %q", s, got, class)
		}
	}
}
