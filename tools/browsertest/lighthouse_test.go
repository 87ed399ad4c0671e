package browsertest

import (
	"context"
	"os"
	"strings"
	"testing"
)

// TestLighthouse runs Lighthouse on the home page and a policy page and
// checks the targets. It is slow (about half a minute a page) and its
// performance score depends on the machine's load, so it runs only with
// FAZHI_LIGHTHOUSE=1; cmd/lighthouse records the figures in
// docs/benchmarks.md.
func TestLighthouse(t *testing.T) {
	if os.Getenv("FAZHI_LIGHTHOUSE") != "1" {
		t.Skip("set FAZHI_LIGHTHOUSE=1 to run Lighthouse")
	}
	s := portal(t)
	for _, p := range []string{"/", pathPolicy} {
		r, err := RunLighthouse(context.Background(), s.root, s.url(p), t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range LighthouseCategories {
			got := r.Score(c.ID)
			t.Logf("%s: %s %d", p, c.Name, got)
			if got < c.Target {
				t.Errorf("%s: Lighthouse %s %d, target %d; failing audits: %s", p, c.Name, got, c.Target, strings.Join(r.Failing(c.ID), "; "))
			}
		}
	}
}
