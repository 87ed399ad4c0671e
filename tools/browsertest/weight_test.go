package browsertest

import (
	"testing"
)

// TestPageWeight loads the home page and a policy page, lists what they
// loaded and checks the budget, that nothing comes from another origin and
// that the stylesheet and script names carry a content hash.
func TestPageWeight(t *testing.T) {
	s := portal(t)
	for _, p := range []string{"/", pathPolicy} {
		ctx := s.tab(t, 375)
		s.open(t, ctx, p)
		w, err := MeasurePage(ctx, s.base, s.out)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for _, r := range w.Resources {
			t.Logf("%s: %-7s %6d B raw %6d B gzip %s%s", p, r.Type, r.Raw, r.Gzip, r.Path, map[bool]string{true: " (render-blocking)"}[r.Blocking])
		}
		t.Logf("%s: %d resources, %d B raw, %d B gzip (budget %d B)", p, len(w.Resources), w.Raw, w.Gzip, WeightBudget)
		if w.Gzip > WeightBudget {
			t.Errorf("%s transfers %d B with gzip, over the %d B budget", p, w.Gzip, WeightBudget)
		}
		for _, u := range w.ThirdParty {
			t.Errorf("%s loads a third-party resource: %s", p, u)
		}
		for _, u := range w.Unhashed {
			t.Errorf("%s loads a stylesheet or script without a content hash in its name: %s", p, u)
		}
	}
}
