package browsertest

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// The annual reports of the bundled portal (issue 19 points 1 and 2).
const (
	pathXxgkReport  = "/xxgk/nianbao/2025-zhengfu-xinxi-gongkai-nianbao/"
	pathFazhiReport = "/xxgk/nianbao/2025-fazhi-zhengfu-jianshe-baogao/"
	// The consultations of the portal: one open, one closed with its
	// 采纳情况, and that page.
	pathConsultationOpen   = "/zhengji/2026-11-20-yangquan-banfa-zhengqiu/"
	pathConsultationClosed = "/zhengji/2026-08-03-tiaojie-guiding-zhengqiu/"
	pathConsultationResult = "/zhengji/2026-09-28-tiaojie-guiding-caina/"
)

// TestReportTables: at 375 px the wide tables 表三 and 表四 scroll inside
// their focusable region, with the hint shown, and the page itself does not
// scroll sideways; at 1280 px they fit and the hint is hidden. Each table
// is saved as a screenshot at both widths.
func TestReportTables(t *testing.T) {
	s := portal(t)
	dir := artifacts(t)
	for _, width := range []int64{375, 1280} {
		ctx := s.tab(t, width)
		s.open(t, ctx, pathXxgkReport)
		type table struct {
			ID                  string
			Scroll, Client, Tab int
			Hint                bool
			Caption             string
		}
		type res struct {
			Page, View int
			Tables     []table
		}
		r := eval[res](t, ctx, `(() => ({
			Page: document.documentElement.scrollWidth, View: document.documentElement.clientWidth,
			Tables: [...document.querySelectorAll(".report-table-wrap")].map(w => {
				const hint = w.previousElementSibling;
				return {ID: w.querySelector("table").id, Scroll: w.scrollWidth, Client: w.clientWidth, Tab: w.tabIndex,
					Hint: !!hint && hint.classList.contains("table-hint") && getComputedStyle(hint).display !== "none",
					Caption: w.querySelector("caption").textContent};
			}),
		}))()`)
		if r.Page > r.View {
			t.Errorf("%d px: the report page scrolls sideways: %d > %d", width, r.Page, r.View)
		}
		if len(r.Tables) != 3 {
			t.Fatalf("%d px: %d report tables, want 表二, 表三, 表四: %+v", width, len(r.Tables), r.Tables)
		}
		for _, tb := range r.Tables {
			wide := tb.Scroll > tb.Client
			if tb.Tab != 0 {
				t.Errorf("%d px: %s region is not focusable (tabIndex %d)", width, tb.ID, tb.Tab)
			}
			switch {
			case width == 375 && tb.ID != "t2" && (!wide || !tb.Hint):
				t.Errorf("375 px: %s should scroll inside its region with the hint shown: scroll %d client %d hint %v", tb.ID, tb.Scroll, tb.Client, tb.Hint)
			case width == 1280 && (wide || tb.Hint):
				t.Errorf("1280 px: %s should fit without a hint: scroll %d client %d hint %v", tb.ID, tb.Scroll, tb.Client, tb.Hint)
			case tb.ID == "t2" && wide:
				t.Errorf("%d px: 表二 should fit: scroll %d client %d", width, tb.Scroll, tb.Client)
			}
		}
		if width == 375 {
			// Scrolled to its last column, 表三 still shows every row's
			// labels beside the numbers, and the last column whole.
			type scrolled struct {
				Moved       bool
				Hidden      []string
				LastVisible bool
			}
			r := eval[scrolled](t, ctx, `(() => {
				const w = document.getElementById("t3").closest(".report-table-wrap");
				w.scrollLeft = w.scrollWidth;
				const box = w.getBoundingClientRect(), hidden = [];
				w.querySelectorAll("tbody th").forEach(th => {
					const r = th.getBoundingClientRect();
					if (r.left < box.left - 1 || r.right > box.right + 1) hidden.push(th.id + " left=" + Math.round(r.left - box.left));
				});
				const last = w.querySelector("tbody tr td:last-child").getBoundingClientRect();
				return {Moved: w.scrollLeft > 0, Hidden: hidden, LastVisible: last.right <= box.right + 1 && last.left >= box.left};
			})()`)
			if !r.Moved || len(r.Hidden) > 0 || !r.LastVisible {
				t.Errorf("375 px: 表三 scrolled to the end: moved %v, labels out of view %q, last column visible %v", r.Moved, r.Hidden, r.LastVisible)
			}
			png, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(".report-table-wrap:has(#t3)")))
			if err != nil {
				t.Fatalf("screenshot: %v", err)
			}
			if err := os.WriteFile(filepath.Join(dir, "report-t3-375-scrolled.png"), png, 0o644); err != nil {
				t.Fatal(err)
			}
			eval[int](t, ctx, `document.getElementById("t3").closest(".report-table-wrap").scrollLeft = 0`)
		}
		for _, id := range []string{"t2", "t3", "t4"} {
			png, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS("#"+id)))
			if err != nil {
				t.Fatalf("screenshot %s: %v", id, err)
			}
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("report-%s-%d.png", id, width)), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	t.Logf("screenshots in %s", dir)
}
