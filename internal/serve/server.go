// Package serve is `fazhi serve`: it builds a site in memory, serves it
// over HTTP, watches the site folder and rebuilds what an edit touches,
// and reloads open browser tabs through server-sent events. The reload
// script is added to HTML responses by the server only; build output
// never contains it. When an edit breaks the build, the last good site is
// still served and every page shows the error over it.
package serve

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/diag"
)

// Prefix is the URL prefix of the server's own endpoints.
const Prefix = "/__fazhi/"

// Server serves a Session and tells browsers when to reload.
type Server struct {
	session *build.Session
	log     *slog.Logger

	hosts hostPolicy

	mu      sync.Mutex
	gen     int       // increases with every successful rebuild
	problem []Problem // the current build error, if any
	clients map[chan event]struct{}

	ck *checker // nil unless EnableCheck was called
}

// Problem is one build error shown in the overlay.
type Problem struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Message string `json:"message"`
}

type event struct {
	name string
	data string
}

// New returns a server for a session that has been built once.
func New(s *build.Session, log *slog.Logger) *Server {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Server{session: s, log: log, clients: map[chan event]struct{}{}}
}

// Rebuilt reports the outcome of a rebuild to the browsers: a reload on
// success, the error overlay on failure.
//
// After a good rebuild, when checks are enabled, it starts a check in the
// background; its findings follow in a "check" event.
func (s *Server) Rebuilt(u *build.Update, err error) {
	s.rebuilt(err)
	if err == nil && s.ck != nil {
		s.startCheck()
	}
}

func (s *Server) rebuilt(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var ev event
	if err != nil {
		s.problem = problems(err)
		b, _ := json.Marshal(s.problem)
		ev = event{"problem", string(b)}
	} else {
		s.problem = nil
		s.gen++
		ev = event{"reload", fmt.Sprint(s.gen)}
	}
	s.broadcast(ev)
}

// broadcast sends ev to every browser; s.mu is held.
func (s *Server) broadcast(ev event) {
	for c := range s.clients {
		select {
		case c <- ev:
		default: // a slow client misses one event; it reconnects or reloads later
		}
	}
}

func problems(err error) []Problem {
	var out []Problem
	for _, e := range diag.Errors(err) {
		out = append(out, Problem{File: e.File, Line: e.Line, Col: e.Col, Message: e.Msg})
	}
	return out
}

// Clients returns the number of connected browsers.
func (s *Server) Clients() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.clients)
}

// ServeHTTP serves the site, the event stream and the reload script.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if !s.checkHost(w, r) {
		return
	}
	switch r.URL.Path {
	case Prefix + "events":
		if !sameOrigin(r) {
			http.Error(w, "实时刷新只提供给预览自己的页面 (cross-origin event stream refused)", http.StatusForbidden)
			return
		}
		s.events(w, r)
		return
	case Prefix + "reload.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		io.WriteString(w, reloadScript)
		return
	case Prefix + "panel.css":
		if s.ck == nil {
			break
		}
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		io.WriteString(w, panelCSS)
		return
	case Prefix + "panel":
		if s.ck == nil {
			break
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write(s.panel())
		return
	}
	name, ok := resolve(r.URL.Path)
	files := s.session.Files()
	var data []byte
	if ok {
		data, ok = files[name]
		if !ok && !strings.HasSuffix(name, "index.html") {
			if _, found := files[name+"/index.html"]; found {
				// From the cleaned name, never from the request: a path
				// such as //evil.example/x would make the Location a
				// link to another host. (Output names never hold "?"
				// or "#"; Redirect escapes what is not ASCII.)
				http.Redirect(w, r, "/"+name+"/", http.StatusMovedPermanently)
				return
			}
		}
	}
	status := http.StatusOK
	if !ok {
		status = http.StatusNotFound
		name = "404.html"
		data = files[name]
		if data == nil {
			data = []byte("<!DOCTYPE html><html lang=\"zh-CN\"><title>404</title><body><p>页面未找到</p></body></html>")
		}
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	if strings.HasPrefix(ctype, "text/html") {
		var panel []byte
		if s.ck != nil {
			panel = s.panel()
		}
		data = inject(data, panel)
	}
	w.WriteHeader(status)
	if r.Method == http.MethodGet {
		w.Write(data)
	}
}

// resolve maps a URL path to an output file name. It reports false for a
// path that is not a clean path inside the site ("..", NUL, backslash).
// Files are only ever looked up in the in-memory output, never on disk.
func resolve(p string) (string, bool) {
	if strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." || seg == "." {
			return "", false
		}
	}
	c := path.Clean("/" + p)
	name := strings.TrimPrefix(c, "/")
	if name == "" || strings.HasSuffix(p, "/") {
		if name != "" {
			name += "/"
		}
		name += "index.html"
	}
	return name, true
}

// inject adds the check panel (when there is one) and the reload script
// before </body> (or at the end).
func inject(html, panel []byte) []byte {
	tag := append(panel, `<script src="`+Prefix+`reload.js"></script>`...)
	s := string(html)
	if i := strings.LastIndex(s, "</body>"); i >= 0 {
		return []byte(s[:i] + string(tag) + s[i:])
	}
	return append(append([]byte(nil), html...), tag...)
}

// events streams reload and problem events to one browser.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	c := make(chan event, 4)
	s.mu.Lock()
	s.clients[c] = struct{}{}
	hello := event{"hello", fmt.Sprint(s.gen)}
	var pending *event
	if s.problem != nil {
		b, _ := json.Marshal(s.problem)
		pending = &event{"problem", string(b)}
	} else if s.ck != nil && s.ck.gen > 0 {
		// the page may have been served before the last check finished
		pending = &event{"check", fmt.Sprint(s.ck.gen)}
	}
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, c)
		s.mu.Unlock()
	}()
	write := func(ev event) bool {
		_, err := fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev.name, ev.data)
		fl.Flush()
		return err == nil
	}
	if !write(hello) {
		return
	}
	if pending != nil && !write(*pending) {
		return
	}
	keep := time.NewTicker(25 * time.Second)
	defer keep.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case ev := <-c:
			if !write(ev) {
				return
			}
		case <-keep.C:
			if _, err := io.WriteString(w, ": keep-alive\n\n"); err != nil {
				return
			}
			fl.Flush()
		}
	}
}
