package build_test

import (
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/fazhi-dev/fazhi/internal/fazhitest"
	"github.com/fazhi-dev/fazhi/internal/publish"
)

// TestNoBuildDateInOutput builds the golden site and the bundled portal at
// two --now values a day apart, with no effective, expiry, hearing or
// mourning date between them, and expects every output file to be byte for
// byte the same: the header's 「今天是…」 line is written by the theme's
// script from the reader's clock, and the catalogue, feeds, sitemap,
// calendars and JSON-LD carry dates of the content only, so a nightly
// rebuild of an unchanged site changes no file (issue 16 point 1). Only the
// manifest and its signature, written when publishing, record the build.
func TestNoBuildDateInOutput(t *testing.T) {
	day2 := fazhitest.WithNow(fazhitest.Now.AddDate(0, 0, 1))
	t.Run("golden", func(t *testing.T) {
		a := fazhitest.Build(t, goldenSite, fazhitest.WithTheme())
		b := fazhitest.Build(t, goldenSite, fazhitest.WithTheme(), day2)
		sameOutput(t, a, b, 10)
		a.AssertFileContent("index.html", `<p class="topbar-date" id="fz-date" hidden></p>`, "! 今天是")
	})
	t.Run("portal", func(t *testing.T) {
		src := os.DirFS(fazhitest.RepoRoot(t))
		a := fazhitest.BuildFS(t, src, fazhitest.WithTheme())
		b := fazhitest.BuildFS(t, src, fazhitest.WithTheme(), day2)
		if a.Err != nil || b.Err != nil {
			t.Fatalf("bundled portal does not build:\n%v\n%v", a.Err, b.Err)
		}
		sameOutput(t, a, b, 100)
		for _, name := range []string{"zhengce/index.json", "feed.xml", "sitemap.xml", "sifa/hearings.ics"} {
			if _, ok := a.Files[name]; !ok {
				t.Errorf("the portal wrote no %s to compare", name)
			}
		}
	})
}

// sameOutput fails unless the two builds wrote the same files with the
// same bytes; at least min files must have been written.
func sameOutput(t *testing.T, day1, day2 *fazhitest.Result, min int) {
	t.Helper()
	var differ []string
	for name, a := range day1.Files {
		if name == publish.ManifestName || name == publish.SignatureName {
			continue // it records the build (issue 15 point 5)
		}
		if b, ok := day2.Files[name]; !ok {
			differ = append(differ, name+" (only in the first build)")
		} else if string(a) != string(b) {
			differ = append(differ, name)
		}
	}
	for name := range day2.Files {
		if _, ok := day1.Files[name]; !ok && name != publish.ManifestName && name != publish.SignatureName {
			differ = append(differ, name+" (only in the second build)")
		}
	}
	sort.Strings(differ)
	if len(day1.Files) < min {
		t.Fatalf("only %d files built: %v", len(day1.Files), day1.Names())
	}
	if len(differ) > 0 {
		t.Errorf("%d of %d files differ between builds at %s and a day later: %s",
			len(differ), len(day1.Files), fazhitest.Now.Format("2006-01-02"), strings.Join(differ, ", "))
	}
}

// The catalogue's generated is the day its content last changed: the
// newest publication or update of its policies, or the day a policy's state
// began once that day has come (issue 16 point 1).
func TestCatalogueGenerated(t *testing.T) {
	for _, c := range []struct {
		now  time.Time
		want string
	}{
		{fazhitest.Now, `"generated": "2026-11-20T09:00:00+08:00"`}, // published; takes effect on 12-01
		{time.Date(2026, 11, 30, 23, 0, 0, 0, fazhitest.Now.Location()), `"generated": "2026-11-20T09:00:00+08:00"`},
		{time.Date(2026, 12, 1, 8, 0, 0, 0, fazhitest.Now.Location()), `"generated": "2026-12-01T00:00:00+08:00"`}, // in force now
		{time.Date(2027, 3, 1, 8, 0, 0, 0, fazhitest.Now.Location()), `"generated": "2026-12-01T00:00:00+08:00"`},
	} {
		r := fazhitest.Build(t, goldenSite, fazhitest.WithTheme(), fazhitest.WithNow(c.now))
		r.AssertFileContent("zhengce/index.json", c.want)
	}
}

// An expired policy's state began the day after its last day in force.
func TestCatalogueGeneratedExpired(t *testing.T) {
	r := fazhitest.Build(t, `
-- site.toml --
title = "网"
-- content/zhengce/_index.md --
+++
title = "政策文件"
kind = "policy"
+++
-- content/zhengce/a.md --
+++
title = "某市临时办法"
date = 2025-01-10
[policy]
issuer = "某市人民政府"
effective = 2025-02-01
expires = 2026-06-30
+++
正文。
`, fazhitest.WithTheme())
	r.AssertFileContent("zhengce/index.json", `"generated": "2026-07-01T00:00:00+08:00"`, `"validity": "已失效"`)
}
