package site

import "testing"

func TestControlSegment(t *testing.T) {
	for u, want := range map[string]string{
		"/.htaccess":                ".htaccess",
		"/.well-known/security.txt": ".well-known",
		"/zhengce/.user.ini":        ".user.ini",
		"/Web.Config":               "Web.Config",
		"/a/web.config/":            "web.config",
		"/crossdomain.xml":          "crossdomain.xml",
		"/_redirects":               "_redirects",
		"/zhengce/2026-banfa/":      "",
		"/old/c.html":               "",
		"/zhengce/web.config.html":  "",
		"/":                         "",
	} {
		if got := ControlSegment(u); got != want {
			t.Errorf("ControlSegment(%q) = %q, want %q", u, got, want)
		}
	}
}
