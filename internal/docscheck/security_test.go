package docscheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/config"
)

// TestSecurityHeaders: the policy printed in docs/security.md, and the
// nginx and CDN snippets made from it, are exactly the one fazhi puts in
// its <meta> tag (plus frame-ancestors for a header), so that a server
// configured from the docs never blocks what the theme needs.
func TestSecurityHeaders(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(repoRoot(t), "docs", "security.md"))
	if err != nil {
		t.Fatal(err)
	}
	doc := string(src)
	cfg := config.Default()
	if !strings.Contains(doc, "\n"+cfg.CSP()+"\n") {
		t.Errorf("docs/security.md does not show the meta policy on a line of its own:\n%s", cfg.CSP())
	}
	nginx := `add_header Content-Security-Policy "` + cfg.CSPHeader() + `" always;`
	if !strings.Contains(doc, nginx) {
		t.Errorf("docs/security.md lacks the nginx line:\n%s", nginx)
	}
	cdn := "| `Content-Security-Policy` | `" + cfg.CSPHeader() + "` |"
	if !strings.Contains(doc, cdn) {
		t.Errorf("docs/security.md lacks the CDN row:\n%s", cdn)
	}
	for _, want := range []string{"contentSecurityPolicy = true", "'wasm-unsafe-eval'", "X-Content-Type-Options", "FAZHI_DART_SASS", "static-script"} {
		if !strings.Contains(doc, want) {
			t.Errorf("docs/security.md does not mention %s", want)
		}
	}
}
