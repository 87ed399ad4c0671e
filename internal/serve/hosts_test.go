package serve_test

import (
	"bufio"
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/fazhitest"
	"github.com/fazhi-dev/fazhi/internal/serve"
)

// newServer serves the test site without a watcher; bind, when not
// empty, is passed to SetBind.
func newServer(t *testing.T, bind string) *httptest.Server {
	t.Helper()
	dir := t.TempDir()
	writeSite(t, dir, site)
	session := build.NewSession(build.Options{Source: os.DirFS(dir), Now: fazhitest.Now, Workers: 2})
	if _, err := session.Build(context.Background()); err != nil {
		t.Fatal(err)
	}
	srv := serve.New(session, nil)
	if bind != "" {
		srv.SetBind(bind)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return ts
}

// do sends GET path with the given Host (when not empty) and headers and
// does not follow redirects.
func do(t *testing.T, ts *httptest.Server, path, host string, header ...string) *http.Response {
	t.Helper()
	req, err := http.NewRequest("GET", ts.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if host != "" {
		req.Host = host
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

// A path that starts with two slashes must not redirect to another host.
func TestRedirectStaysOnTheSite(t *testing.T) {
	ts := newServer(t, "")
	for path, want := range map[string]string{
		"//gongzuo/a":    "/gongzuo/a/",
		"/gongzuo/a":     "/gongzuo/a/",
		"///gongzuo//a":  "/gongzuo/a/",
		"/gongzuo/a?x=1": "/gongzuo/a/",
	} {
		resp := do(t, ts, path, "")
		if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != want {
			t.Errorf("GET %s = %d Location %q, want 301 %q", path, resp.StatusCode, resp.Header.Get("Location"), want)
		}
	}
}

func TestHostMustBeThisMachine(t *testing.T) {
	ts := newServer(t, "127.0.0.1")
	_, port, _ := net.SplitHostPort(ts.Listener.Addr().String())
	for host, want := range map[string]int{
		"127.0.0.1:" + port:         200,
		"localhost:" + port:         200,
		"LOCALHOST":                 200,
		"preview.localhost:" + port: 200,
		"[::1]:" + port:             200,
		"evil.example:" + port:      403,
		"evil.example":              403,
		"127.0.0.1.evil.example":    403,
		"192.0.2.7:" + port:         403,
		"":                          200, // the client's own Host
	} {
		resp := do(t, ts, "/gongzuo/a/", host)
		if resp.StatusCode != want {
			t.Errorf("Host %q: %d, want %d", host, resp.StatusCode, want)
		}
		if want == 403 {
			var b strings.Builder
			sc := bufio.NewScanner(resp.Body)
			for sc.Scan() {
				b.WriteString(sc.Text())
			}
			if !strings.Contains(b.String(), "预览服务器只回答本机地址的请求") {
				t.Errorf("Host %q: body %q lacks the explanation", host, b.String())
			}
		}
	}
	// The event stream is refused too: it tells whether drafts changed.
	if resp := do(t, ts, serve.Prefix+"events", "evil.example:"+port); resp.StatusCode != 403 {
		t.Errorf("events with a foreign Host: %d, want 403", resp.StatusCode)
	}
}

// With --bind 0.0.0.0 the machine's own addresses are served too (a phone
// on the same network), and still no other name.
func TestBindAllAllowsOwnAddresses(t *testing.T) {
	ts := newServer(t, "0.0.0.0")
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		t.Fatal(err)
	}
	own := ""
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && !n.IP.IsLoopback() && n.IP.To4() != nil {
			own = n.IP.String()
			break
		}
	}
	if own == "" {
		t.Log("no non-loopback IPv4 address on this machine; only the refusals are checked")
	} else if resp := do(t, ts, "/gongzuo/a/", own+":1313"); resp.StatusCode != 200 {
		t.Errorf("own address %s: %d, want 200", own, resp.StatusCode)
	}
	for _, host := range []string{"evil.example:1313", "192.0.2.7:1313"} {
		if resp := do(t, ts, "/gongzuo/a/", host); resp.StatusCode != 403 {
			t.Errorf("Host %s: %d, want 403", host, resp.StatusCode)
		}
	}
	if resp := do(t, ts, "/gongzuo/a/", "0.0.0.0:1313"); resp.StatusCode != 200 {
		t.Errorf("the bind address itself: %d, want 200", resp.StatusCode)
	}
}

func TestEventStreamChecksOrigin(t *testing.T) {
	ts := newServer(t, "")
	for origin, want := range map[string]int{
		"http://evil.example": 403,
		"http://evil.example:" + ts.URL[strings.LastIndex(ts.URL, ":")+1:]: 403,
		"null": 403,
		ts.URL: 200,
	} {
		resp := do(t, ts, serve.Prefix+"events", "", "Origin", origin)
		if resp.StatusCode != want {
			t.Errorf("Origin %q: %d, want %d", origin, resp.StatusCode, want)
		}
		if want == 200 {
			line, _ := bufio.NewReader(resp.Body).ReadString('\n')
			if line != "event: hello\n" {
				t.Errorf("Origin %q: first line %q", origin, line)
			}
		}
	}
}
