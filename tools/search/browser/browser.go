// Package browser queries a built site's Pagefind index in headless
// Chromium, as a reader's browser would: it serves the output on loopback,
// counts the bytes the server sends, and runs Pagefind's own pagefind.js
// through chromedp. It is used by the search tests and benchmarks.
package browser

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"testing/fstest"
	"time"

	"github.com/chromedp/chromedp"
)

// ChromiumPath is Debian's Chromium, which `make test` installs.
const ChromiumPath = "/usr/bin/chromium"

// FindChromium returns $FAZHI_CHROMIUM, ChromiumPath or chromium on PATH.
func FindChromium() (string, error) {
	if p := os.Getenv("FAZHI_CHROMIUM"); p != "" {
		return p, nil
	}
	if _, err := os.Stat(ChromiumPath); err == nil {
		return ChromiumPath, nil
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p, nil
	}
	return "", errors.New("找不到 Chromium：请运行 make chromium 或 sudo apt-get install -y chromium (chromium not found)")
}

// Server serves a site's files and counts the bytes it sends.
type Server struct {
	*httptest.Server
	sent atomic.Int64
	reqs atomic.Int64

	mu  sync.Mutex
	log map[string]int64 // bytes per path since the last Reset
}

// Sent returns the bytes sent per path since the last Reset.
func (s *Server) Sent() map[string]int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]int64, len(s.log))
	for k, v := range s.log {
		out[k] = v
	}
	return out
}

// Serve serves files (slash-separated output paths) on loopback.
func Serve(files map[string][]byte) *Server {
	m := fstest.MapFS{}
	for name, data := range files {
		m[name] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	return ServeHandler(http.FileServer(http.FS(m)))
}

// ServeDir serves a folder on loopback.
func ServeDir(dir string) *Server {
	return ServeHandler(http.FileServer(http.Dir(dir)))
}

// ServeHandler serves h on loopback, counting what it sends.
func ServeHandler(h http.Handler) *Server {
	s := &Server{log: map[string]int64{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.reqs.Add(1)
		c := &counter{ResponseWriter: w, n: &s.sent}
		h.ServeHTTP(c, r)
		s.mu.Lock()
		s.log[r.URL.Path] += c.own
		s.mu.Unlock()
	}))
	return s
}

// Reset zeroes the byte and request counters and returns their values.
func (s *Server) Reset() (bytes, requests int64) {
	s.mu.Lock()
	s.log = map[string]int64{}
	s.mu.Unlock()
	return s.sent.Swap(0), s.reqs.Swap(0)
}

type counter struct {
	http.ResponseWriter
	n   *atomic.Int64
	own int64
}

func (c *counter) Write(b []byte) (int, error) {
	n, err := c.ResponseWriter.Write(b)
	c.n.Add(int64(n))
	c.own += int64(n)
	return n, err
}

// Browser is one headless Chromium with a fresh profile.
type Browser struct {
	ctx    context.Context
	cancel func()
}

// Start launches Chromium with a temporary profile under profile.
func Start(parent context.Context, profile string) (*Browser, error) {
	bin, err := FindChromium()
	if err != nil {
		return nil, err
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin), chromedp.UserDataDir(profile),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
	}
	actx, acancel := chromedp.NewExecAllocator(parent, opts...)
	bctx, bcancel := chromedp.NewContext(actx)
	if err := chromedp.Do(bctx); err != nil {
		bcancel()
		acancel()
		return nil, fmt.Errorf("无法启动 Chromium (start chromium): %w", err)
	}
	return &Browser{ctx: bctx, cancel: func() { bcancel(); acancel() }}, nil
}

// Close stops Chromium.
func (b *Browser) Close() { b.cancel() }

// Tab is one browser tab on a site.
type Tab struct {
	ctx    context.Context
	cancel func()
	base   string
}

// Open opens a new tab in its own browser context (empty cache) at the
// site-relative path p of the site served at base.
func (b *Browser) Open(base, p string) (*Tab, error) {
	ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithNewBrowserContext())
	t := &Tab{ctx: ctx, cancel: cancel, base: strings.TrimSuffix(base, "/")}
	if err := chromedp.Do(ctx, chromedp.Navigate(t.base+p)); err != nil {
		cancel()
		return nil, fmt.Errorf("打开 %s 失败: %w", p, err)
	}
	return t, nil
}

// Close closes the tab.
func (t *Tab) Close() { t.cancel() }

// Eval evaluates a JavaScript expression (awaiting a promise) and
// decodes its JSON result into v.
func (t *Tab) Eval(js string, v any) error {
	ctx, cancel := context.WithTimeout(t.ctx, 60*time.Second)
	defer cancel()
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](js, chromedp.EvalAwaitPromise))
	if err != nil {
		return err
	}
	if v == nil {
		return nil
	}
	return json.Unmarshal(raw, v)
}

// Hit is one search result.
type Hit struct {
	URL     string `json:"url"`
	Title   string `json:"title"`
	Excerpt string `json:"excerpt,omitempty"`
}

// Answer is what one query returned.
type Answer struct {
	// Total is the number of matching pages; Hits the first n loaded.
	Total int   `json:"total"`
	Hits  []Hit `json:"hits"`
	// Millis is the time from the call to the loaded hits (including
	// loading pagefind.js when it is the first query of the tab).
	Millis float64 `json:"ms"`
}

// queryJS runs one query through Pagefind's JS API and loads n results.
const queryJS = `(async (q, n) => {
  if (!window.fazhiSearch) await new Promise(ok => {
    const s = document.createElement("script");
    const own = document.querySelector('script[src*="/js/search."]');
    s.src = own ? own.src : "/js/search.js"; s.onload = s.onerror = ok; document.head.appendChild(s);
  });
  const t0 = performance.now();
  window.__pf = window.__pf || (window.fazhiPagefind ? await window.fazhiPagefind(%q, "/") : await import(%q + "pagefind.js"));
  const r = window.__raw || !window.fazhiSearch ? (await window.__pf.search(q)).results : await window.fazhiSearch(window.__pf, q, {});
  const d = await Promise.all(r.slice(0, n).map(x => x.data()));
  return {total: r.length, ms: performance.now() - t0,
    hits: d.map(x => ({url: x.url, title: (x.meta && x.meta.title) || "", excerpt: x.excerpt}))};
})(%s, %d)`

// Query searches q with Pagefind's JS API in the tab and loads the first
// n results' data. Pagefind is loaded through the theme's fazhiPagefind,
// which merges every batch's bundle. The query goes through the theme's search function
// (window.fazhiSearch from /js/search.js, loaded when missing), as on the
// search page; after SetRaw(true) it goes to pagefind.search unchanged.
func (t *Tab) Query(q string, n int) (*Answer, error) {
	qs, _ := json.Marshal(q)
	var a Answer
	if err := t.Eval(fmt.Sprintf(queryJS, "/pagefind/", "/pagefind/", qs, n), &a); err != nil {
		return nil, fmt.Errorf("查询「%s」失败: %w", q, err)
	}
	return &a, nil
}

// SetRaw makes Query call pagefind.search with the query as typed, to
// measure Pagefind without the theme's query preparation.
func (t *Tab) SetRaw(raw bool) error {
	return t.Eval(fmt.Sprintf("window.__raw = %v", raw), nil)
}

// SearchPage loads /search/?q=… in the tab and waits for the theme's
// search script to show results; it returns the status line and the
// result titles and links.
func (t *Tab) SearchPage(q string) (status string, hits []Hit, err error) {
	return t.SearchPageWith(url.Values{"q": {q}})
}

// SearchPageWith is SearchPage with the page's query parameters: q and
// filters by name (栏目, 有效性, …), as the search page writes them.
func (t *Tab) SearchPageWith(params url.Values) (status string, hits []Hit, err error) {
	if err := chromedp.Do(t.ctx, chromedp.Navigate(t.base+"/search/?"+params.Encode())); err != nil {
		return "", nil, err
	}
	var res struct {
		Status string `json:"status"`
		Hits   []Hit  `json:"hits"`
	}
	const js = `({status: document.getElementById("search-status").textContent,
  hits: [...document.querySelectorAll("#search-results li")].map(li => ({
    url: li.querySelector("a").getAttribute("href"), title: li.querySelector("a").textContent,
    excerpt: li.querySelector(".search-excerpt").innerHTML}))})`
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if err := t.Eval(js, &res); err != nil {
			return "", nil, err
		}
		if res.Status != "" && res.Status != "正在搜索……" && (len(res.Hits) > 0 || strings.Contains(res.Status, "没有")) {
			return res.Status, res.Hits, nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return res.Status, res.Hits, errors.New("搜索页在 30 秒内没有显示结果 (search page showed no results)")
}

// distinctJS runs one query as queryJS does and loads results in order
// until it has n distinct titles: the copies a cycled corpus makes,
// "title（副本N）" (bench.GenCorpus), and "title（N）" count as title,
// which is the title returned.
const distinctJS = `(async (q, n) => {
  window.__pf = window.__pf || await window.fazhiPagefind(%q, "/");
  const r = await window.fazhiSearch(window.__pf, q, {});
  const seen = new Set(), hits = [];
  for (const x of r) {
    if (hits.length >= n) break;
    const d = await x.data(), title = (d.meta && d.meta.title) || "", base = title.replace(/（\d+）$/, "").replace(/（副本\d+）$/, "");
    if (seen.has(base)) continue;
    seen.add(base);
    hits.push({url: d.url, title: base});
  }
  return {total: r.length, hits: hits};
})(%s, %d)`

// QueryDistinct is Query counting copies of a page as one: it returns the
// first n results with distinct titles, each without its copy suffix
// ("title（副本N）", "title（N）"), for sites made by cycling a corpus.
func (t *Tab) QueryDistinct(q string, n int) (*Answer, error) {
	qs, _ := json.Marshal(q)
	var a Answer
	if err := t.Eval(fmt.Sprintf(distinctJS, "/pagefind/", qs, n), &a); err != nil {
		return nil, fmt.Errorf("查询「%s」失败: %w", q, err)
	}
	return &a, nil
}

// Submit types q into the search page's box (the tab must be on /search/)
// and submits it, as a reader does, then waits until the results are
// shown; it returns the status line and the number of listed results.
func (t *Tab) Submit(q string) (status string, listed int, err error) {
	qs, _ := json.Marshal(q)
	if err := t.Eval(fmt.Sprintf(`(() => { const i = document.getElementById("search-q"); i.value = %s;
  document.getElementById("search-form").requestSubmit(); return true; })()`, qs), nil); err != nil {
		return "", 0, err
	}
	var res struct {
		Status string `json:"status"`
		Listed int    `json:"listed"`
	}
	deadline := time.Now().Add(120 * time.Second)
	for time.Now().Before(deadline) {
		if err := t.Eval(`({status: document.getElementById("search-status").textContent,
  listed: document.querySelectorAll("#search-results li").length})`, &res); err != nil {
			return "", 0, err
		}
		if res.Status != "" && res.Status != "正在搜索……" && (res.Listed > 0 || strings.Contains(res.Status, "没有")) {
			return res.Status, res.Listed, nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return res.Status, res.Listed, errors.New("搜索页在 120 秒内没有显示结果 (search page showed no results)")
}
