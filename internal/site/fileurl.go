package site

import (
	"net/url"
	"strings"
)

// FileURLs returns the absolute URLs at which the output file name (a
// slash-separated path, "a/index.html") is served under baseURL
// ("https://x.gov.cn/"): the file's own URL and, for an index.html, its
// folder's URL, which a CDN caches separately. Each segment is
// percent-encoded.
func FileURLs(baseURL, name string) []string {
	if !strings.HasSuffix(baseURL, "/") {
		baseURL += "/"
	}
	segs := strings.Split(name, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	own := baseURL + strings.Join(segs, "/")
	if segs[len(segs)-1] != "index.html" {
		return []string{own}
	}
	return []string{strings.TrimSuffix(own, "index.html"), own}
}
