package config

import (
	"testing"
	"time"
)

// TestInZone: a local date-time is read in the site's zone; one with an
// offset keeps its instant and is shown in the site's zone, whatever offset
// the author (or the web editor, which writes UTC) used.
func TestInZone(t *testing.T) {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	// TOML's local values carry these zone names (as BurntSushi/toml and
	// frontmatter's string dates give them).
	local := func(name string, h int) time.Time {
		return time.Date(2026, 11, 27, h, 0, 0, 0, time.FixedZone(name, 0))
	}
	var v struct{ A, B, C, D time.Time }
	v.A, v.D = local("datetime-local", 7), local("date-local", 0)
	v.B = time.Date(2026, 11, 27, 7, 0, 0, 0, time.FixedZone("", 8*3600))
	v.C = time.Date(2026, 11, 26, 23, 0, 0, 0, time.UTC)
	for name, tc := range map[string]struct {
		in   time.Time
		want string
	}{
		"local":  {v.A, "2026-11-27T07:00:00+08:00"},
		"offset": {v.B, "2026-11-27T07:00:00+08:00"},
		"utc":    {v.C, "2026-11-27T07:00:00+08:00"},
		"date":   {v.D, "2026-11-27T00:00:00+08:00"},
	} {
		got := InZone(tc.in, loc)
		if s := got.Format(time.RFC3339); s != tc.want {
			t.Errorf("%s: InZone = %s, want %s", name, s, tc.want)
		}
		if got.Location() != loc {
			t.Errorf("%s: zone %v, want the site's", name, got.Location())
		}
	}
}
