package bench

import (
	"os"
	"path/filepath"
	"testing"
)

func TestOutputs(t *testing.T) {
	root := t.TempDir()
	// A folder left by an interrupted benchmark, with fazhi's state beside it.
	stale := filepath.Join(root, "s-fazhi-1")
	if err := os.MkdirAll(filepath.Join(stale, "a"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(root, ".s-fazhi-1.fazhi-state"), 0o755); err != nil {
		t.Fatal(err)
	}
	o := &outputs{root: root}
	a, err := o.fresh("s-fazhi")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := o.fresh("s-fazhi")
	if a != stale || b != filepath.Join(root, "s-fazhi-2") {
		t.Fatalf("fresh gave %s and %s", a, b)
	}
	if _, err := os.Stat(a); !os.IsNotExist(err) {
		t.Fatalf("stale output not removed: %v", err)
	}
	for _, d := range []string{a, b} {
		if err := os.MkdirAll(filepath.Join(d, "x"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	o.clear()
	ents, _ := os.ReadDir(root)
	if len(ents) != 0 || len(o.made) != 0 {
		t.Fatalf("after clear: %d entries left, %d remembered", len(ents), len(o.made))
	}
	os.WriteFile(filepath.Join(root, "left"), nil, 0o644)
	o.reset()
	if _, err := os.Stat(root); !os.IsNotExist(err) {
		t.Fatalf("after reset: root still there: %v", err)
	}
}
