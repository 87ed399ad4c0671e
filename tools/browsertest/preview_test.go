package browsertest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/fazhi-dev/fazhi"
	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/check"
	"github.com/fazhi-dev/fazhi/internal/serve"
)

// previewCheckTime is a day on which the bundled portal has findings of
// every kind: the reports on 2026 are overdue (期限), the home page and
// columns are stale (错误, 提醒, 单项否决).
var previewCheckTime = time.Date(2027, 4, 5, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))

// TestPreviewPanel serves the bundled portal as `fazhi serve` does, with
// the checks on, under the portal's Content-Security-Policy (meta tag and
// header). On each page it opens the 「发布前检查」 panel from the keyboard
// and expects the findings with their file:line, no policy violation and
// no axe-core violation, at 375 and 1280 px; after a rebuild the reloaded
// page shows the newer panel, still open. The open panel is saved as a
// screenshot.
func TestPreviewPanel(t *testing.T) {
	s := portal(t)
	dir := artifacts(t)
	session := build.NewSession(build.Options{
		Source: os.DirFS(s.root), Theme: fazhi.Theme, ThemeCSS: fazhi.ThemeCSS, Now: BuildTime, Sass: s.tools.Sass,
	})
	if _, err := session.Build(context.Background()); err != nil {
		t.Fatal(err)
	}
	srv := serve.New(session, nil)
	srv.EnableCheck(check.Options{Source: os.DirFS(s.root), Theme: fazhi.Theme, Now: previewCheckTime}, nil)
	t.Cleanup(srv.StopCheck)
	srv.WaitCheck()
	csp := PortalPolicy().CSPHeader()
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", csp)
		srv.ServeHTTP(w, r)
	}))
	t.Cleanup(ts.Close)
	axeSrc, err := os.ReadFile(filepath.Join(s.root, "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatalf("axe-core not installed (run make test or npm ci): %v", err)
	}
	pages := []string{"/", pathXxgkReport, pathConsultationOpen, pathPolicy}
	for _, width := range []int64{375, 1280} {
		ctx := s.tab(t, width)
		for _, script := range []string{recordViolations, string(axeSrc)} {
			if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: script}); err != nil {
				t.Fatal(err)
			}
		}
		for _, p := range pages {
			if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+p)); err != nil {
				t.Fatalf("open %s: %v", p, err)
			}
			type state struct {
				Summary string
				Open    bool
				Items   []string
				Links   int
			}
			read := `(() => { const b = document.getElementById("fazhi-check"); return {
				Summary: b.querySelector("summary").textContent, Open: b.querySelector("details").open,
				Items: [...b.querySelectorAll("li")].map(l => l.textContent), Links: b.querySelectorAll("li a[href]").length}; })()`
			before := eval[state](t, ctx, read)
			// The panel starts closed; once opened it stays open on the
			// next pages of the tab.
			if first := p == pages[0]; before.Open == first {
				t.Errorf("%d %s: the panel starts open = %v", width, p, before.Open)
			}
			if p == pages[0] {
				// Open it from the keyboard: focus the summary, press Enter.
				if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector("#fazhi-check summary").focus()`), chromedp.KeyEvent(kb.Enter)); err != nil {
					t.Fatal(err)
				}
			}
			st := eval[state](t, ctx, read)
			if !st.Open {
				t.Errorf("%d %s: the panel is not open", width, p)
			}
			if !strings.HasPrefix(st.Summary, "发布前检查：") || !strings.Contains(st.Summary, "个错误") || strings.HasPrefix(st.Summary, "发布前检查：0 个错误") {
				t.Errorf("%d %s: summary %q", width, p, st.Summary)
			}
			if !strings.Contains(strings.Join(st.Items, "\n"), "[年度报告逾期未公开 report-late]") {
				t.Errorf("%d %s: the overdue report is not listed: %q", width, p, st.Items)
			}
			if st.Links == 0 {
				t.Errorf("%d %s: no finding links to its page", width, p)
			}
			vs := eval[[]axeViolation](t, ctx, axeRun)
			for _, v := range vs {
				for _, n := range v.Nodes {
					t.Errorf("%d %s: axe %s (%s): %s — %s", width, p, v.ID, v.Impact, n.Target, firstLine(n.Summary))
				}
			}
			if v := eval[[]string](t, ctx, `window.__csp`); len(v) > 0 {
				t.Errorf("%d %s: Content-Security-Policy violations: %q", width, p, v)
			}
		}
		// A save: the page reloads, the check that follows replaces the
		// panel (a newer data-gen), and the panel the author opened stays
		// open.
		before := eval[string](t, ctx, `document.getElementById("fazhi-check").dataset.gen`)
		srv.Rebuilt(&build.Update{}, nil)
		srv.WaitCheck()
		if err := poll(ctx, `(() => { const b = document.getElementById("fazhi-check");
			return !!b && Number(b.dataset.gen) > `+before+` && b.querySelector("details").open; })()`); err != nil {
			t.Errorf("%d: after a rebuild the panel is not the new one, or not open: %v (gen before %s)", width, err, before)
		}
		png, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS("#fazhi-check")))
		if err != nil {
			t.Fatalf("screenshot: %v", err)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("preview-panel-%d.png", width)), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("screenshots in %s", dir)
}
