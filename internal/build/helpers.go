package build

import (
	"errors"
	"sort"
	"time"

	"github.com/fazhi-dev/fazhi/internal/config"
	"github.com/fazhi-dev/fazhi/internal/diag"
)

// menu returns the menu sorted by weight, then name.
func menu(items []config.MenuItem) []config.MenuItem {
	out := append([]config.MenuItem(nil), items...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Weight != out[j].Weight {
			return out[i].Weight < out[j].Weight
		}
		return out[i].Name < out[j].Name
	})
	return out
}

func startOfDay(t time.Time, cfg *config.Config) time.Time {
	t = config.InZone(t, cfg.Location)
	if t.Location().String() == "UTC" && cfg.Location != nil {
		t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, cfg.Location)
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

func asDiag(err error, target **diag.Error) bool {
	var l diag.List
	if errors.As(err, &l) {
		return true
	}
	return errors.As(err, target)
}
