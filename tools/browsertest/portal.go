// Package browsertest proves the bundled portal in a real browser: it
// builds the example site once, serves it on loopback and drives Debian's
// Chromium with chromedp (axe-core, keyboard, print, no-JavaScript,
// screenshots, page weight), runs the Nu Html Checker over every page, and
// (in cmd/lighthouse) runs Lighthouse.
//
// The helpers in this file are shared by the tests and by the Lighthouse
// program. The tests need Chromium, Java and Dart Sass, so `go test -short`
// skips them.
package browsertest

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/fazhi-dev/fazhi"
	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/config"
	"github.com/fazhi-dev/fazhi/internal/fazhitest"
	"github.com/fazhi-dev/fazhi/internal/publish"
	"github.com/fazhi-dev/fazhi/internal/scss"
	"github.com/fazhi-dev/fazhi/internal/search"
)

// ChromiumPath is Debian's Chromium, which `make test` installs.
const ChromiumPath = "/usr/bin/chromium"

// ChromiumFlags are the flags Chromium needs on the project's machines:
// headless, no sandbox (tests run as root), and no background traffic (the
// machines have no network besides the package registries).
var ChromiumFlags = []string{
	"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
	"--disable-background-networking", "--disable-component-update", "--disable-sync",
}

// BuildTime is the fixed "now" of the bundled portal in every browser test.
var BuildTime = time.Date(2026, 11, 27, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))

// RepoRoot returns the repository root (see fazhitest.Root).
func RepoRoot() (string, error) { return fazhitest.Root() }

// PortalBatchBytes is the search batch size of the browser tests' portal.
const PortalBatchBytes = 256 << 10

// Tools are the external programs a build needs: Dart Sass (always) and
// Pagefind (when the search package finds it).
type Tools struct {
	Sass   *scss.DartSass
	Search build.Indexer
}

// StartTools starts Dart Sass and finds Pagefind below root.
func StartTools(root string) (*Tools, error) {
	bin, err := scss.Program.InRepo(root)
	if err != nil {
		return nil, err
	}
	sass, err := scss.Start(bin)
	if err != nil {
		return nil, err
	}
	t := &Tools{Sass: sass}
	if pf, err := search.Program.InRepo(root); err == nil {
		// The portal's index is split into batches (of 256 KB of pages,
		// about 8), as a large site's is, so that the browser tests run
		// search, its filters and the Content-Security-Policy over
		// bundles merged in the browser.
		t.Search = search.New(pf, search.BatchBytes(PortalBatchBytes))
	}
	return t, nil
}

// Close stops Dart Sass.
func (t *Tools) Close() {
	if t != nil && t.Sass != nil {
		_ = t.Sass.Close()
	}
}

// Build builds the site folder src into the folder out at BuildTime with
// the default theme.
func (t *Tools) Build(ctx context.Context, src fs.FS, out string) (*build.Result, error) {
	dir, err := publish.OpenDir(out)
	if err != nil {
		return nil, err
	}
	opts := build.Options{
		Source: src, Theme: fazhi.Theme, Out: dir, Now: BuildTime, Sass: t.Sass,
	}
	if t.Search != nil {
		opts.Search = t.Search
	}
	return build.Build(ctx, opts)
}

// Serve serves the folder dir on loopback the way the portal's production
// server is meant to be configured: text compressed with gzip, content-hashed
// assets cached for a year, everything else revalidated, unknown paths
// answered with the site's 404.html and status 404, and the security
// headers of docs/security.md (the bundled portal's Content-Security-Policy
// as a header, which also binds Pagefind's web worker, and nosniff) on
// every response.
func Serve(dir string) (*httptest.Server, error) {
	csp := PortalPolicy().CSPHeader()
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", csp)
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Referrer-Policy", "strict-origin-when-cross-origin")
		name := path.Clean("/" + r.URL.Path)
		file := filepath.Join(dir, filepath.FromSlash(name))
		if st, err := os.Stat(file); err == nil && st.IsDir() {
			if !strings.HasSuffix(r.URL.Path, "/") {
				http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
				return
			}
			file = filepath.Join(file, "index.html")
		}
		status := http.StatusOK
		data, err := os.ReadFile(file)
		if err != nil {
			status = http.StatusNotFound
			if data, err = os.ReadFile(filepath.Join(dir, "404.html")); err != nil {
				http.NotFound(w, r)
				return
			}
			file = "404.html"
		}
		ctype := mime.TypeByExtension(filepath.Ext(file))
		if ctype == "" {
			ctype = http.DetectContentType(data)
		}
		w.Header().Set("Content-Type", ctype)
		if hashedAsset.MatchString(file) {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			w.Header().Set("Cache-Control", "no-cache")
		}
		if compressible(ctype) && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			var buf bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
			_, _ = zw.Write(data)
			_ = zw.Close()
			data = buf.Bytes()
			w.Header().Set("Content-Encoding", "gzip")
			w.Header().Add("Vary", "Accept-Encoding")
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(data)))
		w.WriteHeader(status)
		if r.Method != http.MethodHead {
			_, _ = w.Write(data)
		}
	})
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &httptest.Server{Listener: l, Config: &http.Server{Handler: h}}
	s.Start()
	return s, nil
}

// PortalPolicy returns the bundled portal's configuration, which gives its
// Content-Security-Policy; the defaults when site.toml cannot be read.
func PortalPolicy() *config.Config {
	if root, err := RepoRoot(); err == nil {
		if cfg, err := config.Load(os.DirFS(root)); err == nil {
			return cfg
		}
	}
	return config.Default()
}

// hashedAsset matches the content-hashed names fazhi gives stylesheets and
// scripts (main.9892e6a62b.css).
var hashedAsset = regexp.MustCompile(`\.[0-9a-f]{8,}\.(css|js)$`)

func compressible(ctype string) bool {
	for _, t := range []string{"text/", "javascript", "json", "xml", "svg"} {
		if strings.Contains(ctype, t) {
			return true
		}
	}
	return false
}

// NewBrowser starts one headless Chromium with a fresh profile folder under
// profile and returns its context. Tabs made with chromedp.NewContext from
// it share the browser.
func NewBrowser(parent context.Context, profile string) (context.Context, context.CancelFunc, error) {
	if _, err := os.Stat(ChromiumPath); err != nil {
		return nil, nil, fmt.Errorf("chromium not found at %s (make test installs it): %w", ChromiumPath, err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(ChromiumPath),
		chromedp.UserDataDir(profile),
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
		chromedp.WindowSize(1280, 900),
	}
	actx, acancel := chromedp.NewExecAllocator(parent, opts...)
	bctx, bcancel := chromedp.NewContext(actx)
	if err := chromedp.Do(bctx); err != nil {
		bcancel()
		acancel()
		return nil, nil, fmt.Errorf("start chromium: %w", err)
	}
	return bctx, func() { bcancel(); acancel() }, nil
}
