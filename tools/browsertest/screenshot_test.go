package browsertest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// artifacts is the folder for screenshots: $FAZHI_ARTIFACTS, or a
// temporary folder of the test (CI never writes into the repository).
func artifacts(t *testing.T) string {
	dir := os.Getenv("FAZHI_ARTIFACTS")
	if dir == "" {
		return t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestScreenshots saves full-page screenshots of the home page, columns,
// a policy in each state, the versions of a revised document and their
// comparison, a statute, a notice, the hearings and the search page at 375
// and 1280 px, in the default reading mode and in 长者模式 with 大 text,
// and checks that nothing is wider than the viewport (no sideways
// scrolling on a phone).
func TestScreenshots(t *testing.T) {
	s := portal(t)
	dir := artifacts(t)
	pages := []struct{ name, path string }{
		{"home", "/"}, {"column", "/zhengce/"}, {"policy", pathPolicy}, {"notice", pathNotice},
		{"statute", pathStatute}, {"sifa", "/sifa/"}, {"hearings", "/sifa/hearings/"},
		{"report", pathXxgkReport}, {"fazhi-report", pathFazhiReport},
		{"consultations", "/zhengji/"}, {"consultation", pathConsultationOpen}, {"consultation-closed", pathConsultationClosed},
		{"xxgk", "/xxgk/"}, {"yishenqing", "/xxgk/yishenqing/"}, {"sitemap-page", "/sitemap/"},
		{"penalties", pathPenalties}, {"penalty", pathPenalty}, {"penalty-gone", pathPenaltyGone},
		{"penalty-year", pathPenaltyYear}, {"permits", pathPermits},
		// Every validity state, the versions of a revised 办法 with their
		// list, and a comparison page (issue 17).
		{"state-repealed", pathRepealed}, {"state-amended", pathAmended}, {"state-expired", pathExpired},
		{"state-not-yet", pathNotYet}, {"version-old", pathVersionOld}, {"version-current", pathVersionCurrent},
		{"version-pending", pathVersionPending}, {"compare", pathCompare},
	}
	if s.has("/search/") {
		pages = append(pages, struct{ name, path string }{"search", "/search/?q=" + url.QueryEscape("行政复议")},
			struct{ name, path string }{"search-none", "/search/?q=" + url.QueryEscape("xyzzyq")})
	}
	modes := []struct {
		name  string
		prefs map[string]any
	}{{"", nil}, {"-elder", map[string]any{"elder": true, "fs": "fs-large"}}}
	for _, width := range []int64{375, 1280} {
		for _, mode := range modes {
			ctx := s.tab(t, width)
			if mode.prefs != nil {
				s.prefs(t, ctx, mode.prefs)
			}
			shoot(t, s, ctx, dir, width, mode.name, pages)
		}
	}
	t.Logf("screenshots in %s", dir)
}

func shoot(t *testing.T, s *suite, ctx context.Context, dir string, width int64, mode string, pages []struct{ name, path string }) {
	t.Helper()
	{
		for _, p := range pages {
			s.open(t, ctx, p.path)
			if strings.HasPrefix(p.path, "/search/") {
				// Wait for the results (or the no-result advice) before the shot.
				_ = poll(ctx, `!!document.querySelector("#search-results li") || !document.getElementById("search-none").hidden`)
			}
			type res struct {
				Scroll, Client int
				Wide           []string
			}
			r := eval[res](t, ctx, `(() => {
				const w = document.documentElement.clientWidth, wide = [];
				document.querySelectorAll("body *").forEach(e => {
					const r = e.getBoundingClientRect();
					if (r.width > 0 && r.right > w + 1 && !e.closest(".table-wrap, .vh, .skip-link") && getComputedStyle(e).position !== "fixed")
						wide.push(e.tagName.toLowerCase() + (e.className && typeof e.className === "string" ? "." + e.className.split(" ").join(".") : "") + " right=" + Math.round(r.right));
				});
				return {Scroll: document.documentElement.scrollWidth, Client: w, Wide: wide.slice(0, 8)};
			})()`)
			if r.Scroll > r.Client {
				t.Errorf("%s at %d px scrolls sideways: scrollWidth %d > %d; wide: %s", p.path, width, r.Scroll, r.Client, strings.Join(r.Wide, ", "))
			}
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatalf("screenshot %s: %v", p.path, err)
			}
			name := filepath.Join(dir, fmt.Sprintf("%s-%d%s.png", p.name, width, mode))
			if err := os.WriteFile(name, png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
