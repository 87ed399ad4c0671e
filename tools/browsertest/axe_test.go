package browsertest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// onNewDocument runs the script in every document the tab loads from now on.
func onNewDocument(script string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument,
			page.AddScriptToEvaluateOnNewDocumentParams{Source: script})
		return err
	})
}

// axePages are the pages axe-core checks: the home page, every column, one
// page of each kind, the special pages and the list pages.
func axePages(s *suite) []string {
	pages := []string{
		"/",
		"/gongzuo/", "/zhengce/", "/jiedu/", "/sifa/", "/pufa/", "/jianghua/",
		pathPolicy, pathRepealed, pathAmended, pathExpired, pathNotYet,
		pathVersionOld, pathVersionCurrent, pathVersionPending, pathCompare, pathNotice, pathArticle, "/about/", pathFAQ, pathTasks,
		"/404.html", "/tags/", "/zhengce/year/2026/", "/sifa/hearings/",
		pathXxgkReport, pathFazhiReport,
		"/zhengji/", pathConsultationOpen, pathConsultationClosed, pathConsultationResult,
		"/xxgk/", "/xxgk/zhinan/", "/xxgk/mulu/", "/xxgk/fading/", "/xxgk/yishenqing/", "/xxgk/nianbao/", "/sitemap/",
		"/zhifa/", pathPenalties, pathPenalty, pathPenaltyGone, pathPenaltyYear, pathPermits, pathPermit,
	}
	if s.has("/search/") {
		pages = append(pages, "/search/")
	}
	return pages
}

// axeModes are the reading modes checked, as fazhi.js stores them.
var axeModes = []struct {
	name  string
	prefs map[string]any
}{
	{"default", nil},
	{"fs-xlarge", map[string]any{"fs": "fs-xlarge"}},
	{"high-contrast", map[string]any{"hc": true}},
}

type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  string `json:"target"`
		Summary string `json:"summary"`
	} `json:"nodes"`
}

const axeRun = `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})
  .then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))})))`

// TestAxe runs axe-core (WCAG 2.1 A and AA rules) on every page in
// axePages at 375 and 1280 px, in the default, large-text and
// high-contrast modes, and expects no violation.
func TestAxe(t *testing.T) {
	s := portal(t)
	src, err := os.ReadFile(filepath.Join(s.root, "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatalf("axe-core not installed (run make test or npm ci): %v", err)
	}
	pages := axePages(s)
	var (
		mu       sync.Mutex
		failures = map[string][]string{} // rule → "page [width mode]: target"
		checked  int
	)
	for _, width := range []int64{375, 1280} {
		for _, mode := range axeModes {
			t.Run(fmt.Sprintf("%d-%s", width, mode.name), func(t *testing.T) {
				t.Parallel()
				ctx := s.tab(t, width)
				if mode.prefs != nil {
					s.prefs(t, ctx, mode.prefs)
				}
				// Every document of the tab gets axe-core before its own
				// scripts; cheaper than evaluating it after each load.
				if err := chromedp.Do(ctx, onNewDocument(string(src))); err != nil {
					t.Fatalf("inject axe: %v", err)
				}
				for _, p := range pages {
					s.open(t, ctx, p)
					vs := eval[[]axeViolation](t, ctx, axeRun)
					mu.Lock()
					checked++
					for _, v := range vs {
						for _, n := range v.Nodes {
							msg := fmt.Sprintf("%s [%d %s] %s — %s", p, width, mode.name, n.Target, firstLine(n.Summary))
							failures[v.ID+" ("+v.Impact+": "+v.Help+")"] = append(failures[v.ID+" ("+v.Impact+": "+v.Help+")"], msg)
						}
					}
					mu.Unlock()
				}
			})
		}
	}
	t.Cleanup(func() {
		if len(failures) == 0 {
			t.Logf("axe-core: %d page loads, no violations", checked)
			return
		}
		rules := make([]string, 0, len(failures))
		for r := range failures {
			rules = append(rules, r)
		}
		sort.Strings(rules)
		var b strings.Builder
		for _, r := range rules {
			fmt.Fprintf(&b, "\n%s: %d nodes", r, len(failures[r]))
			for i, m := range failures[r] {
				if i == 12 {
					fmt.Fprintf(&b, "\n    … %d more", len(failures[r])-i)
					break
				}
				fmt.Fprintf(&b, "\n    %s", m)
			}
		}
		t.Errorf("axe-core violations over %d page loads:%s", checked, b.String())
	})
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	s = strings.ReplaceAll(s, "\n", " ")
	if len(s) > 160 {
		s = s[:160] + "…"
	}
	return s
}
