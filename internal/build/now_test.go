package build_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/fazhitest"
)

// TestNoBuildDateInHTML builds the golden site at two --now values a day
// apart, with no effective, expiry, hearing or mourning date between them,
// and expects every HTML page to be byte for byte the same: the header's
// 「今天是…」 line is written by the theme's script from the reader's clock,
// so a nightly rebuild of an unchanged site changes no page (issue 16 point 1).
func TestNoBuildDateInHTML(t *testing.T) {
	day1 := fazhitest.Build(t, goldenSite, fazhitest.WithTheme())
	day2 := fazhitest.Build(t, goldenSite, fazhitest.WithTheme(), fazhitest.WithNow(fazhitest.Now.AddDate(0, 0, 1)))
	var pages, differ []string
	for name, a := range day1.Files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages = append(pages, name)
		if b, ok := day2.Files[name]; !ok || string(a) != string(b) {
			differ = append(differ, name)
		}
	}
	for name := range day2.Files {
		if _, ok := day1.Files[name]; !ok && strings.HasSuffix(name, ".html") {
			differ = append(differ, name+" (only in the second build)")
		}
	}
	sort.Strings(differ)
	if len(pages) < 10 {
		t.Fatalf("only %d HTML pages built: %v", len(pages), pages)
	}
	if len(differ) > 0 {
		t.Errorf("%d of %d HTML pages differ between builds at %s and a day later: %s",
			len(differ), len(pages), fazhitest.Now.Format("2006-01-02"), strings.Join(differ, ", "))
	}
	day1.AssertFileContent("index.html", `<p class="topbar-date" id="fz-date" hidden></p>`, "! 今天是")
}
