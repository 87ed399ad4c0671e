package render

import (
	"fmt"
	"strings"
	"testing"
)

func TestPagerLinks(t *testing.T) {
	show := func(n, total int) string {
		var parts []string
		for _, l := range pagerLinks("/c/", n, total) {
			switch {
			case l.Gap:
				parts = append(parts, "…")
			case l.Current:
				parts = append(parts, fmt.Sprintf("[%d]", l.Number))
			default:
				parts = append(parts, fmt.Sprint(l.Number))
			}
		}
		return strings.Join(parts, " ")
	}
	for _, c := range []struct {
		n, total int
		want     string
	}{
		{1, 1, "[1]"},
		{1, 3, "[1] 2 3"},
		{1, 10, "[1] 2 3 … 10"},
		{5, 10, "1 … 3 4 [5] 6 7 … 10"},
		{4, 10, "1 2 3 [4] 5 6 … 10"},
		{10, 10, "1 … 8 9 [10]"},
		{5000, 10000, "1 … 4998 4999 [5000] 5001 5002 … 10000"},
	} {
		if got := show(c.n, c.total); got != c.want {
			t.Errorf("page %d of %d: %q, want %q", c.n, c.total, got, c.want)
		}
	}
	if l := pagerLinks("/c/", 3, 9); l[0].URL != "/c/" || l[1].URL != "/c/page/2/" {
		t.Errorf("urls: %+v", l)
	}
}
