package site

import (
	"time"

	"github.com/fazhi-dev/fazhi/internal/config"
	"github.com/fazhi-dev/fazhi/internal/legal"
)

// MourningAt returns the mourning period (哀悼日, [[mourning]] in
// site.toml) that now falls in, or nil. A period runs from 00:00 of its
// first day to 24:00 of its last day in the site's time zone, whatever
// zone the dates were written in.
func MourningAt(cfg *config.Config, now time.Time) *config.Mourning {
	for i, m := range cfg.Mourning {
		if legal.InDays(now, siteDay(m.From.Time, cfg.Location), siteDay(m.To.Time, cfg.Location)) {
			return &cfg.Mourning[i]
		}
	}
	return nil
}

// siteDay returns t with its calendar date read in the site's zone loc: a
// TOML local date, or a date decoded as UTC, names that day in loc; a time
// with another explicit offset is kept.
func siteDay(t time.Time, loc *time.Location) time.Time {
	t = config.InZone(t, loc)
	if t.Location().String() == "UTC" && loc != nil {
		t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc)
	}
	return t
}
