package legal

import (
	"testing"
	"time"
)

var cst = time.FixedZone("CST", 8*3600)

func TestStartOfDayAndInDays(t *testing.T) {
	at := func(s string) time.Time {
		v, err := time.ParseInLocation("2006-01-02T15:04:05", s, cst)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if got, want := StartOfDay(at("2026-04-04T17:30:00")), at("2026-04-04T00:00:00"); !got.Equal(want) || got.Location() != cst {
		t.Errorf("StartOfDay = %v, want %v in CST", got, want)
	}
	from, to := at("2026-04-04T12:00:00"), at("2026-04-05T08:00:00")
	for now, want := range map[string]bool{
		"2026-04-03T23:59:59": false,
		"2026-04-04T00:00:00": true,
		"2026-04-05T23:59:59": true,
		"2026-04-06T00:00:00": false,
	} {
		if got := InDays(at(now), from, to); got != want {
			t.Errorf("InDays(%s) = %v, want %v", now, got, want)
		}
	}
	for _, c := range []struct {
		from, now string
		want      int
	}{
		{"2026-04-03T23:59:59", "2026-04-04T00:00:00", 1},
		{"2026-04-04T00:00:00", "2026-04-04T23:59:59", 0},
		{"2026-03-01T10:00:00", "2026-03-04T09:00:00", 3},
		{"2026-04-05T10:00:00", "2026-04-04T09:00:00", -1},
	} {
		if got := CalendarDays(at(c.from), at(c.now)); got != c.want {
			t.Errorf("CalendarDays(%s, %s) = %d, want %d", c.from, c.now, got, c.want)
		}
	}
	// The days are counted in now's zone: 23:00 UTC on 3 April is already
	// 4 April in Beijing.
	if got := CalendarDays(time.Date(2026, 4, 3, 23, 0, 0, 0, time.UTC), at("2026-04-04T12:00:00")); got != 0 {
		t.Errorf("CalendarDays across zones = %d, want 0", got)
	}
}

func TestValidityClass(t *testing.T) {
	seen := map[string]Validity{}
	for v, want := range map[Validity]string{
		InForce: "in-force", NotYetInForce: "not-yet", Amended: "amended", Expired: "expired", Repealed: "repealed",
	} {
		if got := v.Class(); got != want {
			t.Errorf("%s.Class() = %q, want %q", v, got, want)
		}
		if prev, ok := seen[v.Class()]; ok {
			t.Errorf("%s and %s share the class %q", v, prev, v.Class())
		}
		seen[v.Class()] = v
		if got := v.HasForce(); got != (v == InForce || v == Amended) {
			t.Errorf("%s.HasForce() = %v", v, got)
		}
	}
	if Validity("有效期内").Class() != "" {
		t.Error("an unknown state has a class")
	}
}
