// Package outputs writes the machine-readable files of a site from its
// graph: Atom feeds, sitemap.xml, robots.txt, the policy catalogue
// (/zhengce/index.json) and the hearing calendar (/sifa/hearings.ics).
// Each output is a pure function of the site that returns bytes.
package outputs

import (
	"net/url"
	"strings"
)

// URLs turns site-relative URLs into absolute ones.
type URLs struct {
	// Base is the site's base URL, "https://x.gov.cn/sub/".
	Base string
}

// Abs returns the absolute URL of a site-relative path ("/zhengce/a/"),
// with non-ASCII path characters percent-encoded.
func (u URLs) Abs(p string) string {
	base := strings.TrimSuffix(u.Base, "/")
	return base + escapePath(p)
}

func escapePath(p string) string {
	return (&url.URL{Path: p}).EscapedPath()
}
