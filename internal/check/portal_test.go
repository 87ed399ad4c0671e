package check_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/fazhi-dev/fazhi"
	"github.com/fazhi-dev/fazhi/internal/check"
)

// TestBundledPortal checks the example portal at the repository root: it
// must pass with no finding and no veto at 2026-11-27 (issue 18: the
// minor's row and the other bad rows live in test fixtures, so the
// portal's own data gives no warning either).
func TestBundledPortal(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 27, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))
	rep, err := check.Run(context.Background(), check.Options{Source: os.DirFS(root), Theme: fazhi.Theme, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rep.Findings {
		t.Errorf("%s", f.Error())
	}
	for _, v := range rep.Vetoes {
		t.Errorf("veto: %s [%s]", v.Message, v.Rule)
	}
	t.Logf("\n%s", rep.Summary())
}
