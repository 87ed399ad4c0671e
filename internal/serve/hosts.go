package serve

import (
	"net"
	"net/http"
	"net/url"
	"strings"
)

// hostPolicy decides which Host names the preview answers, so that a
// page on another site cannot read the preview (drafts included) through
// DNS rebinding: its requests carry its own host name, which is never one
// of these. Allowed are loopback addresses and names ("localhost",
// "*.localhost"), the address the server listens on and, when it listens
// on every address (--bind 0.0.0.0, to preview on a phone), the
// addresses of the machine's own network interfaces.
type hostPolicy struct {
	bind   net.IP // nil: loopback only
	anyIf  bool   // bind is 0.0.0.0 or ::
	ifAddr func() ([]net.Addr, error)
}

// SetBind tells the server the address it listens on (the --bind flag,
// without the port). Until it is called only loopback hosts are served.
func (s *Server) SetBind(bind string) {
	ip := net.ParseIP(strings.Trim(bind, "[]"))
	s.hosts = hostPolicy{bind: ip, anyIf: ip != nil && ip.IsUnspecified(), ifAddr: net.InterfaceAddrs}
}

// allowed reports whether hostport (a Host header, or the host of an
// Origin) names this server.
func (p hostPolicy) allowed(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.ToLower(strings.Trim(host, "[]"))
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	if i := strings.IndexByte(host, '%'); i >= 0 {
		host = host[:i] // IPv6 zone
	}
	ip := net.ParseIP(host)
	switch {
	case ip == nil:
		return false
	case ip.IsLoopback():
		return true
	case p.bind != nil && ip.Equal(p.bind):
		return true
	case p.anyIf:
		// Looked up on each request: a laptop's address changes with
		// its network while the preview runs.
		addrs, err := p.ifAddr()
		if err != nil {
			return false
		}
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok && n.IP.Equal(ip) {
				return true
			}
		}
	}
	return false
}

// checkHost answers 403 and reports false when r's Host, or its Origin
// when it has one, is not this server.
func (s *Server) checkHost(w http.ResponseWriter, r *http.Request) bool {
	if !s.hosts.allowed(r.Host) {
		http.Error(w, "预览服务器只回答本机地址的请求：请用 fazhi serve 显示的地址打开预览，例如 http://127.0.0.1:1313/；"+
			"要在手机上预览，请用 --bind 0.0.0.0 启动，再用本机的局域网地址打开 (host not allowed)", http.StatusForbidden)
		return false
	}
	return true
}

// sameOrigin reports whether r has no Origin header or one naming this
// server: an event stream is only for pages of the preview itself.
func sameOrigin(r *http.Request) bool {
	o := r.Header.Get("Origin")
	if o == "" {
		return true
	}
	u, err := url.Parse(o)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return false
	}
	return strings.EqualFold(u.Host, r.Host)
}
