package docscheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/enforcement"
)

// TestEnforcementHeaders keeps the author's guide in step with the
// headers of the 行政执法公示 tables: every standard header and every
// variant fazhi recognises is listed there.
func TestEnforcementHeaders(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(repoRoot(t), "docs", "作者指南.md"))
	if err != nil {
		t.Fatal(err)
	}
	guide := string(src)
	for _, typ := range []string{enforcement.Penalty, enforcement.Permit} {
		for _, names := range enforcement.Headers(typ) {
			if !strings.Contains(guide, "| "+names[0]+" |") {
				t.Errorf("docs/作者指南.md lacks the %s column %s", typ, names[0])
			}
			for _, v := range names[1:] {
				if !strings.Contains(guide, "「"+v+"」") {
					t.Errorf("docs/作者指南.md lacks the variant 「%s」 of %s", v, names[0])
				}
			}
		}
	}
}
