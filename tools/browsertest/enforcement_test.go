package browsertest

import (
	"strings"
	"testing"
)

// The 阳光执法 pages of the portal (issue 18): the 行政处罚 list, a
// decision in 公示 (with a 个体工商户 whose 经营者 is masked), the
// tombstone of a revoked one, a year page with months without decisions,
// and the 行政许可 list and a permit.
const (
	pathPenalties   = "/zhifa/chufa/"
	pathPenalty     = "/zhifa/chufa/某交罚〔2026〕28号/"
	pathPenaltyGone = "/zhifa/chufa/某环罚〔2026〕13号/"
	pathPenaltyYear = "/zhifa/chufa/year/2026/"
	pathPermits     = "/zhifa/xuke/"
	pathPermit      = "/zhifa/xuke/某交运许〔2026〕44号/"
)

// TestDecisionTablePhone: at 375 px the list of decisions is one card per
// decision, each cell under its column's name, with nothing to scroll
// sideways; at 1280 px it is a table.
func TestDecisionTablePhone(t *testing.T) {
	s := portal(t)
	for _, c := range []struct {
		width   int64
		display string
	}{{375, "block"}, {1280, "table-row"}} {
		ctx := s.tab(t, c.width)
		s.open(t, ctx, pathPenalties)
		type res struct {
			Display        string
			Rows           int
			Label          string
			Scroll, Client int
		}
		r := eval[res](t, ctx, `(() => {
			const tr = document.querySelector("table.decisions tbody tr");
			const td = tr.querySelector("td");
			return {Display: getComputedStyle(tr).display, Rows: document.querySelectorAll("table.decisions tbody tr").length,
				Label: getComputedStyle(td, "::before").content,
				Scroll: document.documentElement.scrollWidth, Client: document.documentElement.clientWidth};
		})()`)
		if r.Display != c.display {
			t.Errorf("%d px: a decision row is displayed %q, want %q", c.width, r.Display, c.display)
		}
		if r.Rows != 10 {
			t.Errorf("%d px: %d decisions on the first page, want 10", c.width, r.Rows)
		}
		if c.width == 375 && !strings.Contains(r.Label, "文号") {
			t.Errorf("375 px: the first cell is not labelled 文号: %s", r.Label)
		}
		if r.Scroll > r.Client {
			t.Errorf("%d px: the list scrolls sideways (%d > %d)", c.width, r.Scroll, r.Client)
		}
	}
}
