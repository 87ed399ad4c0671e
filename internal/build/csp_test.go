package build_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/config"
	"github.com/fazhi-dev/fazhi/internal/fazhitest"
)

var (
	scriptTag  = regexp.MustCompile(`(?is)<script\b([^>]*)>(.*?)</script>`)
	handlerAtt = regexp.MustCompile(`(?i)<[a-z][^>]*\son[a-z]+\s*=`)
	jsURL      = regexp.MustCompile(`(?i)(href|src|action)\s*=\s*["']?\s*javascript:`)
)

// TestDefaultThemeNeedsNoInlineScript: every page of the default theme,
// of every kind, satisfies the Content-Security-Policy fazhi ships: no
// inline script (JSON-LD is data, not script), no event-handler attribute,
// no javascript: address. With [security] contentSecurityPolicy = true,
// each page carries the policy in a <meta http-equiv> tag before any
// script.
func TestDefaultThemeNeedsNoInlineScript(t *testing.T) {
	src := strings.Replace(goldenSite, "[identity]", "[security]\ncontentSecurityPolicy = true\n[identity]", 1)
	r := fazhitest.Build(t, src, fazhitest.WithTheme())
	cfg, err := config.Parse(r.Source["site.toml"].Data)
	if err != nil {
		t.Fatal(err)
	}
	meta := `<meta http-equiv="Content-Security-Policy" content="` + strings.ReplaceAll(cfg.CSP(), "'", "&#39;") + `">`
	pages := 0
	for _, name := range r.Names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		html := r.File(name)
		for _, m := range scriptTag.FindAllStringSubmatch(html, -1) {
			attrs, body := m[1], m[2]
			if strings.Contains(attrs, `type="application/ld+json"`) {
				continue
			}
			if !strings.Contains(attrs, "src=") || strings.TrimSpace(body) != "" {
				t.Errorf("%s: inline script %.80q", name, m[0])
			}
		}
		if m := handlerAtt.FindString(html); m != "" {
			t.Errorf("%s: event-handler attribute in %.80q", name, m)
		}
		if m := jsURL.FindString(html); m != "" {
			t.Errorf("%s: javascript: address %q", name, m)
		}
		i := strings.Index(html, meta)
		if i < 0 {
			t.Errorf("%s: no CSP meta tag %s", name, meta)
			continue
		}
		if j := strings.Index(html, "<script"); j >= 0 && j < i {
			t.Errorf("%s: a script comes before the CSP meta tag", name)
		}
	}
	if pages < 12 {
		t.Errorf("only %d pages checked", pages)
	}
	// Off by default: no tag.
	r = fazhitest.Build(t, goldenSite, fazhitest.WithTheme())
	if strings.Contains(r.File("index.html"), "Content-Security-Policy") {
		t.Error("CSP meta tag without [security] contentSecurityPolicy = true")
	}
}
