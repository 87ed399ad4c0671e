package browsertest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// The statistics pages of the portal's 行政处罚 column (issue 18 point 7).
const (
	pathStatsYear = "/zhifa/chufa/stats/2026/"
	pathStatsAll  = "/zhifa/chufa/stats/"
)

// TestStatsPages screenshots the statistics pages at 375 and 1280 px,
// runs axe-core on them in the default and high-contrast modes, and
// checks that the chart follows the reading mode: its bars take the text
// colour in 高对比度 (no colour of their own), and its text alternative
// names every month.
func TestStatsPages(t *testing.T) {
	s := portal(t)
	if !s.has(pathStatsYear) {
		t.Fatalf("the portal has no %s", pathStatsYear)
	}
	src, err := os.ReadFile(filepath.Join(s.root, "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatalf("axe-core not installed (run make test or npm ci): %v", err)
	}
	dir := artifacts(t)
	pages := []struct{ name, path string }{{"stats-year", pathStatsYear}, {"stats-all", pathStatsAll}}
	for _, width := range []int64{375, 1280} {
		for _, mode := range []struct {
			name  string
			prefs map[string]any
		}{{"", nil}, {"-hc", map[string]any{"hc": true}}} {
			ctx := s.tab(t, width)
			if mode.prefs != nil {
				s.prefs(t, ctx, mode.prefs)
			}
			if err := chromedp.Do(ctx, onNewDocument(string(src))); err != nil {
				t.Fatalf("inject axe: %v", err)
			}
			shoot(t, s, ctx, dir, width, mode.name, pages)
			for _, p := range pages {
				s.open(t, ctx, p.path)
				for _, v := range eval[[]axeViolation](t, ctx, axeRun) {
					for _, n := range v.Nodes {
						t.Errorf("%s [%d%s] axe %s (%s): %s — %s", p.path, width, mode.name, v.ID, v.Impact, n.Target, firstLine(n.Summary))
					}
				}
				type chart struct {
					Bar, Text, Label string
					Bars             int
				}
				c := eval[chart](t, ctx, `(() => {
					const svg = document.querySelector("svg.chart"), bar = svg.querySelector(".chart-bar");
					return {Bar: bar ? getComputedStyle(bar).fill : "", Text: getComputedStyle(svg).color,
						Label: svg.getAttribute("role") + " " + svg.querySelector("title").textContent + " " + svg.querySelector("desc").textContent,
						Bars: svg.querySelectorAll(".chart-bar").length};
				})()`)
				if c.Bars == 0 {
					t.Errorf("%s: the chart has no bar", p.path)
				}
				if !strings.HasPrefix(c.Label, "img ") || !strings.Contains(c.Label, "件") {
					t.Errorf("%s: chart role and text alternative %q", p.path, c.Label)
				}
				if mode.prefs != nil && c.Bar != c.Text {
					t.Errorf("%s [%d high contrast]: bars are %s, text is %s: the bars must take the text colour", p.path, width, c.Bar, c.Text)
				}
				if mode.prefs == nil && c.Bar == c.Text {
					t.Errorf("%s [%d]: bars have the text colour %s, want the theme's --chart-bar", p.path, width, c.Bar)
				}
			}
		}
	}
	t.Logf("screenshots in %s", dir)
}
