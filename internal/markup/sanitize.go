package markup

import (
	"regexp"
	"strings"

	"github.com/microcosm-cc/bluemonday"
)

// sanitizer is the policy for raw HTML that a site lets through: what user
// generated content may hold, plus tables, figures, video, ids and classes,
// and iframes whose source is on one of the listed hosts over HTTPS.
func sanitizer(iframeHosts []string) *bluemonday.Policy {
	p := bluemonday.UGCPolicy()
	// rel="nofollow" only on links that leave the site: the site's own
	// pages are what a search engine should follow.
	p.RequireNoFollowOnLinks(false)
	p.RequireNoFollowOnFullyQualifiedLinks(true)
	p.AllowAttrs("id", "class").Globally()
	p.AllowAttrs("aria-label", "role").Globally()
	p.AllowElements("nav", "section", "figure", "figcaption", "caption", "mark", "abbr", "time")
	p.AllowAttrs("src", "controls", "poster", "width", "height", "preload").OnElements("video")
	p.AllowAttrs("src", "type").OnElements("source")
	p.AllowURLSchemes("https", "http", "mailto", "tel")
	if len(iframeHosts) > 0 {
		quoted := make([]string, len(iframeHosts))
		for i, h := range iframeHosts {
			quoted[i] = regexp.QuoteMeta(strings.TrimSpace(h))
		}
		src := regexp.MustCompile(`^https://(` + strings.Join(quoted, "|") + `)(/|$)`)
		p.AllowElements("iframe")
		p.AllowAttrs("src").Matching(src).OnElements("iframe")
		p.AllowAttrs("width", "height", "title", "allowfullscreen", "loading").OnElements("iframe")
	}
	return p
}
