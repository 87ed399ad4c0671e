package config

import (
	"sort"
	"strings"
)

// Security is the [security] table of site.toml.
type Security struct {
	// ContentSecurityPolicy puts the policy of CSP() on every page as a
	// <meta http-equiv="Content-Security-Policy"> tag.
	ContentSecurityPolicy bool `toml:"contentSecurityPolicy"`
}

// CSP returns the Content-Security-Policy that the default theme
// satisfies, in the form a <meta http-equiv> tag may carry:
//
//   - scripts only from the site itself, no inline script, no eval; Pagefind
//     compiles its WebAssembly search engine, which needs
//     'wasm-unsafe-eval' (not 'unsafe-eval');
//   - styles from the site, plus style attributes ('unsafe-inline' for
//     styles only): Markdown tables align cells with them, and a public
//     page holds no secret that CSS could leak;
//   - images from the site, data: URLs and any https: host, audio and
//     video from the site and any https: host (neither can run script;
//     the sanitizer lets authors' <video src> through);
//   - frames from the site and the hosts of [markup] iframeHosts;
//   - no plug-ins, <base> and forms only to the site.
func (c *Config) CSP() string {
	frames := []string{"'self'"}
	hosts := append([]string(nil), c.Markup.IframeHosts...)
	sort.Strings(hosts)
	for _, h := range hosts {
		if h = strings.TrimSpace(h); h != "" && !strings.ContainsAny(h, " ;,'\"") {
			frames = append(frames, "https://"+strings.TrimPrefix(h, "https://"))
		}
	}
	return strings.Join([]string{
		"default-src 'self'",
		"script-src 'self' 'wasm-unsafe-eval'",
		"style-src 'self' 'unsafe-inline'",
		"img-src 'self' data: https:",
		"media-src 'self' https:",
		"frame-src " + strings.Join(frames, " "),
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
	}, "; ")
}

// CSPHeader returns CSP() for an HTTP response header, which may also say
// that only the site itself may show its pages in a frame
// (frame-ancestors; a <meta> tag cannot carry it).
func (c *Config) CSPHeader() string {
	return c.CSP() + "; frame-ancestors 'self'"
}
