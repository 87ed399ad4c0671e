package config

import (
	"fmt"
	"strings"
	"time"
)

// ParseTime reads an RFC 3339 time, "YYYY-MM-DD HH:MM[:SS]", or "YYYY-MM-DD".
// A time without a zone is taken in loc.
func ParseTime(s string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("时间「%s」无法识别，应写成 2024-03-01 或 2024-03-01T09:30:00+08:00", s)
}

// InZone reinterprets a TOML local date or local date-time (which carries
// no zone) in loc; a time with an explicit offset keeps its instant and is
// shown in loc, so that 2026-11-26T23:00:00Z (which the web editor writes
// for 07:00 in Beijing) is dated 11月27日 like 2026-11-27T07:00:00+08:00.
func InZone(t time.Time, loc *time.Location) time.Time {
	switch t.Location().String() {
	case "date-local", "datetime-local", "time-local":
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), loc)
	}
	if loc == nil {
		return t
	}
	return t.In(loc)
}
