package build

import (
	"errors"
	"sort"

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

func asDiag(err error, target **diag.Error) bool {
	var l diag.List
	if errors.As(err, &l) {
		return true
	}
	return errors.As(err, target)
}
