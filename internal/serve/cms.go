package serve

import (
	"encoding/json"
	"io"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/cms"
)

// CMS is the web editor of fazhi serve --cms: Decap CMS at /admin/, its
// configuration generated from the site being served, Decap's local-backend
// API answered in Go on the site folder, and previews rendered by fazhi.
type CMS struct {
	// Site is the site folder the editor reads and writes.
	Site string
	// Decap is the folder of Decap CMS's dist files (decap-cms.js …).
	Decap string
	// Build are the options of the served build; a preview builds with
	// them, the entry laid over the site folder.
	Build build.Options
}

// maxCMSBody bounds a request of the editor: an entry with its assets.
const maxCMSBody = 64 << 20

// WithCMS returns a handler serving the editor at /admin/ and the site
// everywhere else. The editor writes files, so it answers only on a
// loopback address (fazhi serve refuses --cms with another --bind) and only
// to requests from its own pages.
func (s *Server) WithCMS(c *CMS) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, cms.AdminPath) {
			s.ServeHTTP(w, r)
			return
		}
		if !s.checkHost(w, r) {
			return
		}
		if host, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
			if ip := net.ParseIP(host); ip != nil && !ip.IsLoopback() {
				http.Error(w, "编辑器只对本机开放 (the editor answers on loopback only)", http.StatusForbidden)
				return
			}
		}
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("X-Robots-Tag", "noindex")
		rest := strings.TrimPrefix(r.URL.Path, cms.AdminPath)
		if r.Method == http.MethodPost {
			if r.Header.Get("Origin") == "" || !sameOrigin(r) || !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
				http.Error(w, "只接受编辑器自己页面发来的请求 (cross-origin request refused)", http.StatusForbidden)
				return
			}
			r.Body = http.MaxBytesReader(w, r.Body, maxCMSBody)
			switch "/" + rest {
			case strings.TrimPrefix(cms.ProxyURL, "/admin"):
				c.api(w, r)
			case "/preview":
				c.preview(w, r)
			default:
				http.NotFound(w, r)
			}
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD, POST")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		switch rest {
		case "":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(cms.IndexHTML(s.session.Site().Config.Title, cms.Collections(cms.Columns(s.session.Site())), true, ""))
		case "config.yml":
			b, err := cms.Generate(cms.Columns(s.session.Site()), s.session.Site().Config, true)
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			w.Header().Set("Content-Type", "text/yaml; charset=utf-8")
			w.Write(b)
		case cms.ScriptName:
			w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
			w.Write(cms.Script)
		default:
			c.decapFile(w, r, rest)
		}
	})
}

// decapFile serves a file of Decap's dist folder: a name without folders,
// of a type the browser needs.
func (c *CMS) decapFile(w http.ResponseWriter, r *http.Request, rest string) {
	name, ok := strings.CutPrefix(rest, cms.DecapDir+"/")
	ext := path.Ext(name)
	if !ok || strings.ContainsAny(name, "/\\\x00") || strings.HasPrefix(name, ".") || (ext != ".js" && ext != ".wasm" && ext != ".css") {
		http.NotFound(w, r)
		return
	}
	f, err := os.Open(filepath.Join(c.Decap, name))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	w.Header().Set("Content-Type", mime.TypeByExtension(ext))
	io.Copy(w, f)
}

// writeJSON answers with v as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
