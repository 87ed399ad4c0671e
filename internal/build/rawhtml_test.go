package build_test

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/fazhi-dev/fazhi/internal/fazhitest"
	"github.com/fazhi-dev/fazhi/internal/overlay"
)

// With markup.unsafeHTML on, the bundled portal's own links get no
// rel="nofollow": the sanitizer sees only raw HTML, and marks only links
// that leave the site.
func TestPortalUnsafeHTMLNoNofollow(t *testing.T) {
	root := fazhitest.RepoRoot(t)
	toml, err := os.ReadFile(root + "/site.toml")
	if err != nil {
		t.Fatal(err)
	}
	on := strings.Replace(string(toml), "unsafeHTML = false", "unsafeHTML = true", 1)
	if on == string(toml) {
		t.Fatal("site.toml has no line unsafeHTML = false to turn on")
	}
	src := overlay.New(fstest.MapFS{"site.toml": {Data: []byte(on)}}, os.DirFS(root))
	r := fazhitest.BuildFS(t, src, fazhitest.WithTheme())
	if r.Err != nil {
		t.Fatalf("bundled portal does not build with unsafeHTML on:\n%v", r.Err)
	}
	tag := regexp.MustCompile(`<a\s[^>]*>`)
	href := regexp.MustCompile(`href="([^"]*)"`)
	pages, internal := 0, 0
	for _, name := range r.Names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		for _, a := range tag.FindAllString(string(r.Files[name]), -1) {
			m := href.FindStringSubmatch(a)
			if m == nil || strings.Contains(m[1], "://") || strings.HasPrefix(m[1], "//") {
				continue
			}
			internal++
			if strings.Contains(a, "nofollow") {
				t.Errorf("%s: internal link with nofollow: %s", name, a)
			}
		}
	}
	if pages < 30 || internal < 500 {
		t.Errorf("only %d pages with %d internal links checked", pages, internal)
	}
}
