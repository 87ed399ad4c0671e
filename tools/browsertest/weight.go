package browsertest

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/chromedp/chromedp"
)

// WeightBudget is the most a page may transfer, gzip-compressed, before
// search is used: the HTML and every stylesheet, script, image, icon and
// font it loads.
const WeightBudget = 60 * 1024

// Resource is one file a page loaded.
type Resource struct {
	Path     string // site path
	Type     string // document, link, script, img, css, …
	Raw      int    // bytes on disk
	Gzip     int    // bytes after gzip at the default level
	Blocking bool   // Chromium reported it render-blocking
}

// Weight is what one page load transferred.
type Weight struct {
	Resources  []Resource
	Raw, Gzip  int
	ThirdParty []string // URLs of another origin
	Unhashed   []string // stylesheets and scripts without a content hash
}

// MeasurePage lists what the page open in ctx loaded (its navigation entry
// and Resource Timing entries), and gzips each same-origin file from the
// built folder out to sum what a server with gzip would send. The server
// used in tests does not compress, so the sizes are computed, not read off
// the wire.
func MeasurePage(ctx context.Context, base, out string) (*Weight, error) {
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](`[{name: location.href, type: "document", blocking: "non-blocking"}].concat(
		performance.getEntriesByType("resource").map(e => ({name: e.name, type: e.initiatorType, blocking: e.renderBlockingStatus || ""})),
		[...document.querySelectorAll('link[rel~="icon"][href]')].map(e => ({name: e.href, type: "icon", blocking: "non-blocking"})),
		[...document.querySelectorAll('link[rel~="stylesheet"][href], script[src]')].map(e => ({name: e.href || e.src, type: "tag", blocking: ""})))`))
	if err != nil {
		return nil, err
	}
	var entries []struct{ Name, Type, Blocking string }
	if err := json.Unmarshal(raw, &entries); err != nil {
		return nil, err
	}
	origin, err := url.Parse(base)
	if err != nil {
		return nil, err
	}
	w := &Weight{}
	seen := map[string]bool{}
	for _, e := range entries {
		u, err := url.Parse(e.Name)
		if err != nil {
			return nil, err
		}
		if u.Scheme == "data" {
			continue
		}
		if u.Host != origin.Host {
			if !seen[e.Name] {
				w.ThirdParty = append(w.ThirdParty, e.Name+" ("+e.Type+", "+e.Blocking+")")
			}
			seen[e.Name] = true
			continue
		}
		if ext := path.Ext(u.Path); (ext == ".css" || ext == ".js") && !hashedAsset.MatchString(u.Path) && !seen["h"+u.Path] {
			seen["h"+u.Path] = true
			w.Unhashed = append(w.Unhashed, u.Path)
		}
		if e.Type == "tag" || seen[u.Path] {
			continue
		}
		seen[u.Path] = true
		file := filepath.Join(out, filepath.FromSlash(u.Path))
		if strings.HasSuffix(u.Path, "/") {
			file = filepath.Join(file, "index.html")
		}
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("%s was loaded but is not in the output: %w", u.Path, err)
		}
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		_, _ = zw.Write(data)
		_ = zw.Close()
		r := Resource{Path: u.Path, Type: e.Type, Raw: len(data), Gzip: buf.Len(), Blocking: e.Blocking == "blocking"}
		w.Resources = append(w.Resources, r)
		w.Raw += r.Raw
		w.Gzip += r.Gzip
	}
	return w, nil
}
