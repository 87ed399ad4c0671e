package browsertest

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// suite is the portal built once per test binary, served on loopback, and
// one Chromium shared by every test (each test opens its own tabs in its
// own browser context, so localStorage never leaks between tests).
type suite struct {
	root  string // repository root
	out   string // built portal
	base  string // http://127.0.0.1:port
	srv   *httptest.Server
	tools *Tools
	bctx  context.Context
	stop  context.CancelFunc
	tmp   string
}

var (
	once     sync.Once
	shared   *suite
	setupErr error
)

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if shared != nil {
		shared.close()
	}
	os.Exit(code)
}

// portal returns the shared suite, building it on first use. Under -short
// the test is skipped: these tests need Chromium, Java and Dart Sass.
func portal(t *testing.T) *suite {
	t.Helper()
	if testing.Short() {
		t.Skip("browser tests need Chromium, Java and Dart Sass; skipped with -short")
	}
	once.Do(func() { shared, setupErr = newSuite() })
	if setupErr != nil {
		t.Fatalf("browser test setup: %v", setupErr)
	}
	return shared
}

func newSuite() (*suite, error) {
	root, err := RepoRoot()
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "fazhi-browsertest-")
	if err != nil {
		return nil, err
	}
	s := &suite{root: root, tmp: tmp, out: filepath.Join(tmp, "public")}
	fail := func(err error) (*suite, error) { s.close(); return nil, err }
	if s.tools, err = StartTools(root); err != nil {
		return fail(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if _, err := s.tools.Build(ctx, os.DirFS(root), s.out); err != nil {
		return fail(fmt.Errorf("build portal: %w", err))
	}
	if s.srv, err = Serve(s.out); err != nil {
		return fail(err)
	}
	s.base = s.srv.URL
	if s.bctx, s.stop, err = NewBrowser(context.Background(), filepath.Join(tmp, "profile")); err != nil {
		return fail(err)
	}
	return s, nil
}

func (s *suite) close() {
	if s.stop != nil {
		s.stop()
	}
	if s.srv != nil {
		s.srv.Close()
	}
	s.tools.Close()
	_ = os.RemoveAll(s.tmp)
}

// url returns the served address of a site path.
func (s *suite) url(path string) string { return s.base + path }

// exists reports whether the built portal has the page at path.
func (s *suite) has(path string) bool {
	p := filepath.Join(s.out, filepath.FromSlash(path))
	if strings.HasSuffix(path, "/") {
		p = filepath.Join(p, "index.html")
	}
	_, err := os.Stat(p)
	return err == nil
}

// tab opens a new tab in a fresh browser context (its own localStorage),
// with a viewport width wide and a per-tab time limit.
func (s *suite) tab(t *testing.T, width int64) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(s.bctx, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("open tab: %v", err)
	}
	tctx, tcancel := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(tcancel)
	if err := chromedp.Do(tctx, viewport(width)); err != nil {
		t.Fatalf("viewport: %v", err)
	}
	return tctx
}

func viewport(width int64) chromedp.Action[chromedp.Void] {
	if width < 600 {
		return chromedp.EmulateViewport(width, 812, chromedp.EmulateMobile)
	}
	return chromedp.EmulateViewport(width, 900)
}

// open navigates to a site path and waits for the load event.
func (s *suite) open(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(s.url(path))); err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
}

// prefs stores the toolbar settings the way fazhi.js does, so the next
// page load starts in that mode.
func (s *suite) prefs(t *testing.T, ctx context.Context, p map[string]any) {
	t.Helper()
	b, _ := json.Marshal(p)
	s.open(t, ctx, "/robots.txt")
	js := fmt.Sprintf(`localStorage.setItem("fazhi-a11y", %q)`, b)
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](js)); err != nil {
		t.Fatalf("set prefs: %v", err)
	}
}

// eval runs a JavaScript expression and decodes its JSON value into T.
func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](js, chromedp.EvalAwaitPromise))
	var v T
	if err != nil {
		t.Fatalf("evaluate %.80q: %v", js, err)
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("evaluate %.80q: decode %s: %v", js, raw, err)
	}
	return v
}

// Pages of each kind in the bundled portal.
const (
	pathPolicy  = "/zhengce/2026-gonggong-falv-fuwu-banfa/"
	pathNotice  = "/sifa/2026-11-23-kaiting-maimai-hetong/"
	pathArticle = "/gongzuo/2026-11-24-fuyi-zhidao/"
	pathFAQ     = "/pufa/fuyi-wenda/"
	pathTasks   = "/gongzuo/anjuan-pingcha-2026/"         // has a Markdown task list
	pathStatute = "/zhengce/2025-yangquan-guanli-tiaoli/" // has a 题注
	// Policies whose status line names the replacing or amending document.
	pathRepealed = "/zhengce/2021-gonggong-falv-fuwu/"
	pathAmended  = "/zhengce/2023-guifanxing-wenjian-guanli/"
	pathExpired  = "/zhengce/2022-xingzheng-zhifa-gongshi/"
	pathNotYet   = "/zhengce/zhongda-xingzheng-juece-chengxu/"
	// The three versions of one revised 办法 (issue 17 point 2): the
	// first (已修改, revised), the current one with a published revision
	// not yet in force, that revision, and its comparison page.
	pathVersionOld     = "/zhengce/chengshi-lvhua-banfa-2018/"
	pathVersionCurrent = "/zhengce/chengshi-lvhua-banfa-2022/"
	pathVersionPending = "/zhengce/chengshi-lvhua-banfa/"
	pathCompare        = "/zhengce/chengshi-lvhua-banfa/compare/"
)
