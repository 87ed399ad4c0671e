package browsertest

import (
	"context"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// recordViolations makes every document of the tab keep the
// Content-Security-Policy violations it sees in window.__csp.
const recordViolations = `window.__csp = [];
document.addEventListener("securitypolicyviolation", e => window.__csp.push(
	e.effectiveDirective + " blocked " + (e.blockedURI || "inline") + " at " + (e.sourceFile || location.href) + ":" + e.lineNumber));`

// TestContentSecurityPolicy opens the main pages of the portal, the search
// page with a query included, under the policy fazhi ships: in each page's
// <meta> tag (site.toml turns it on) and as the response header the test
// server sends (as docs/security.md configures nginx). No page may report
// a violation, throw, or log a security message, and search must return
// results with Pagefind's worker and WebAssembly allowed. A script
// injected into a page must be blocked, which shows the policy is active.
func TestContentSecurityPolicy(t *testing.T) {
	s := portal(t)
	ctx := s.tab(t, 1280)
	var mu sync.Mutex
	var console []string
	cctx, stop := context.WithCancel(ctx)
	defer stop()
	msgs := chromedp.Console(cctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			text := m.String()
			if m.Source == "network" && strings.Contains(text, "404") && strings.HasSuffix(m.URL, "/no-such-page/") {
				continue // the 404 page's own status
			}
			if m.IsException() || m.Type == chromedp.ConsoleError || m.Source == "security" ||
				strings.Contains(text, "Content Security Policy") || strings.Contains(text, "Pagefind web worker") {
				mu.Lock()
				console = append(console, m.URL+": "+text)
				mu.Unlock()
			}
		}
	}()
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: recordViolations}); err != nil {
		t.Fatal(err)
	}
	pages := []string{"/", "/zhengce/", pathPolicy, pathStatute, pathNotice, pathArticle, pathFAQ, pathTasks,
		"/sifa/", "/sifa/hearings/", "/tags/", "/no-such-page/"}
	search := s.has("/search/")
	if search {
		// The index is in batches (PortalBatchBytes): search merges
		// bundles under the policy.
		var list struct{ Bundles []string }
		data, err := os.ReadFile(filepath.Join(s.out, "pagefind", "fazhi-bundles.json"))
		if err != nil || json.Unmarshal(data, &list) != nil || len(list.Bundles) < 2 {
			t.Errorf("the portal's search index is not in batches: fazhi-bundles.json %s (%v)", data, err)
		}
		pages = append(pages, "/search/?q="+url.QueryEscape("行政复议"))
	} else {
		t.Error("the portal has no search page: Pagefind was not found (make test installs it)")
	}
	for _, p := range pages {
		s.open(t, ctx, p)
		meta := eval[string](t, ctx, `(document.querySelector('meta[http-equiv="Content-Security-Policy"]') || {content: ""}).content`)
		if want := PortalPolicy().CSP(); meta != want {
			t.Errorf("%s: CSP meta tag %q, want %q (site.toml [security] contentSecurityPolicy = true)", p, meta, want)
		}
		if strings.HasPrefix(p, "/search/") {
			if err := poll(ctx, `document.querySelectorAll("#search-results li").length > 0`); err != nil {
				t.Errorf("search under the policy gives no results: %v", err)
			}
		} else {
			// Use the toolbar, which fazhi.js wires up.
			if eval[bool](t, ctx, `!!document.querySelector('[data-fs="fs-large"]')`) {
				click(t, ctx, `[data-fs="fs-large"]`)
			}
		}
		if v := eval[[]string](t, ctx, `window.__csp`); len(v) > 0 {
			t.Errorf("%s: CSP violations:\n  %s", p, strings.Join(v, "\n  "))
		}
	}
	stop()
	mu.Lock()
	if len(console) > 0 {
		t.Errorf("console errors and security messages:\n  %s", strings.Join(console, "\n  "))
	}
	mu.Unlock()

	// The policy is in force, and the listener sees what it blocks: a
	// script added to a page (in a tab of its own) does not run and is
	// reported.
	ctx = s.tab(t, 1280)
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: recordViolations}); err != nil {
		t.Fatal(err)
	}
	s.open(t, ctx, "/")
	ran := eval[bool](t, ctx, `(() => { const e = document.createElement("script"); e.textContent = "window.__ran = true"; document.head.appendChild(e); return !!window.__ran; })()`)
	if ran {
		t.Error("an inline script ran under the policy")
	}
	if err := poll(ctx, `window.__csp.length > 0`); err != nil {
		t.Error("the blocked inline script was not reported as a violation; the listener would miss real ones")
	}
}
