package site

import (
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/fazhi-dev/fazhi/internal/config"
)

// A mourning period written as TOML dates covers its whole days in the
// site's zone, whatever zone the build clock is in.
func TestMourningAt(t *testing.T) {
	sh, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Skip("no zoneinfo")
	}
	var cfg config.Config
	if _, err := toml.Decode("[[mourning]]\nfrom = 2026-04-04\nto = 2026-04-05\n[[mourning]]\nfrom = \"2026-05-12\"\nto = \"2026-05-12\"\n", &cfg); err != nil {
		t.Fatal(err)
	}
	cfg.Location = sh
	for _, c := range []struct {
		now  time.Time
		want int // index of the period, -1 for none
	}{
		{time.Date(2026, 4, 3, 23, 59, 59, 0, sh), -1},
		{time.Date(2026, 4, 4, 0, 0, 0, 0, sh), 0},
		{time.Date(2026, 4, 3, 16, 0, 0, 0, time.UTC), 0}, // 00:00 on 4 April in Beijing
		{time.Date(2026, 4, 5, 23, 59, 59, 0, sh), 0},
		{time.Date(2026, 4, 6, 0, 0, 0, 0, sh), -1},
		{time.Date(2026, 5, 12, 8, 0, 0, 0, sh), 1},
		{time.Date(2026, 5, 12, 16, 0, 0, 0, time.UTC), -1}, // 00:00 on 13 May in Beijing
	} {
		got := MourningAt(&cfg, c.now)
		switch {
		case c.want < 0 && got != nil:
			t.Errorf("MourningAt(%v) = %v, want none", c.now, got.From)
		case c.want >= 0 && got != &cfg.Mourning[c.want]:
			t.Errorf("MourningAt(%v) = %v, want period %d", c.now, got, c.want)
		}
	}
}
