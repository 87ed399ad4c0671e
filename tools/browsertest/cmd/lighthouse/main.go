// Command lighthouse builds the bundled portal, serves it on loopback,
// measures the page weight of the home page and a policy page in Chromium,
// runs the pinned Lighthouse (npm lighthouse, see package.json) on both, and
// writes the figures into the browser section of docs/benchmarks.md.
//
//	go -C tools run ./browsertest/cmd/lighthouse [-runs 3] [-doc docs/benchmarks.md] [-n]
//
// It needs `npm ci` (Dart Sass, Pagefind, Lighthouse) and Debian's Chromium.
// It exits 1 when a page misses a target, after writing the figures.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/fazhi-dev/fazhi/tools/browsertest"
)

// Pages measured: the home page and a policy page.
var pages = []string{"/", "/zhengce/2026-gonggong-falv-fuwu-banfa/"}

func main() {
	runs := flag.Int("runs", 3, "Lighthouse runs per page; the median by performance score is reported")
	doc := flag.String("doc", "", "Markdown file to write the section into (default: docs/benchmarks.md of the repository)")
	dry := flag.Bool("n", false, "print the section, do not write it")
	flag.Parse()
	if err := run(*runs, *doc, *dry); err != nil {
		fmt.Fprintln(os.Stderr, "lighthouse:", err)
		os.Exit(2)
	}
}

func run(runs int, doc string, dry bool) error {
	root, err := browsertest.RepoRoot()
	if err != nil {
		return err
	}
	if doc == "" {
		doc = filepath.Join(root, "docs", "benchmarks.md")
	}
	tmp, err := os.MkdirTemp("", "fazhi-lighthouse-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	ctx := context.Background()

	tools, err := browsertest.StartTools(root)
	if err != nil {
		return err
	}
	defer tools.Close()
	out := filepath.Join(tmp, "public")
	if _, err := tools.Build(ctx, os.DirFS(root), out); err != nil {
		return fmt.Errorf("build: %w", err)
	}
	srv, err := browsertest.Serve(out)
	if err != nil {
		return err
	}
	defer srv.Close()
	fmt.Fprintln(os.Stderr, "portal served at", srv.URL)

	f := &browsertest.Figures{Date: time.Now().Format("2006-01-02")}
	if v, err := exec.Command(browsertest.ChromiumPath, "--version").Output(); err == nil {
		f.Chromium = strings.TrimSpace(string(v))
	}
	if la, err := os.ReadFile("/proc/loadavg"); err == nil {
		if fs := strings.Fields(string(la)); len(fs) >= 3 {
			f.Load = strings.Join(fs[:3], " ")
		}
	}

	// Page weight in Chromium at phone width.
	bctx, stop, err := browsertest.NewBrowser(ctx, filepath.Join(tmp, "profile"))
	if err != nil {
		return err
	}
	for _, p := range pages {
		tctx, cancel := chromedp.NewContext(bctx, chromedp.WithNewBrowserContext())
		err := chromedp.Do(tctx, chromedp.EmulateViewport(375, 812, chromedp.EmulateMobile), chromedp.Navigate(srv.URL+p))
		var w *browsertest.Weight
		if err == nil {
			w, err = browsertest.MeasurePage(tctx, srv.URL, out)
		}
		cancel()
		if err != nil {
			stop()
			return fmt.Errorf("weight of %s: %w", p, err)
		}
		f.Pages = append(f.Pages, browsertest.PageFigures{Path: p, Weight: w})
	}
	stop()

	// Lighthouse, one run at a time.
	failed := false
	for i := range f.Pages {
		pf := &f.Pages[i]
		for n := 0; n < runs; n++ {
			r, err := browsertest.RunLighthouse(ctx, root, srv.URL+pf.Path, tmp)
			if err != nil {
				return err
			}
			pf.Runs = append(pf.Runs, r)
			fmt.Fprintf(os.Stderr, "%s run %d: performance %d, accessibility %d, best practices %d, SEO %d\n", pf.Path, n+1,
				r.Score("performance"), r.Score("accessibility"), r.Score("best-practices"), r.Score("seo"))
			f.Lighthouse = r.LighthouseVersion
			f.Benchmark = r.Benchmark()
		}
		sorted := append([]*browsertest.LighthouseReport(nil), pf.Runs...)
		sort.SliceStable(sorted, func(a, b int) bool { return sorted[a].Score("performance") < sorted[b].Score("performance") })
		pf.Median = sorted[len(sorted)/2]
		for _, c := range browsertest.LighthouseCategories {
			if s := pf.Median.Score(c.ID); s < c.Target {
				failed = true
				fmt.Fprintf(os.Stderr, "%s: %s %d, target %d; %s\n", pf.Path, c.Name, s, c.Target, strings.Join(pf.Median.Failing(c.ID), "; "))
			}
		}
	}
	section := f.Markdown()
	if dry {
		fmt.Print(section)
	} else {
		if err := browsertest.WriteSection(doc, section); err != nil {
			return err
		}
		fmt.Fprintln(os.Stderr, "wrote", doc)
	}
	if failed {
		os.Exit(1)
	}
	return nil
}
