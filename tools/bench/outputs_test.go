package bench

import (
	"os"
	"path/filepath"
	"testing"
)

// TestOutputs checks that a benchmark never deletes an output before its
// last measurement when it keeps outputs, deletes a set's outputs when it
// does not, and that finish removes everything, including the outputs of
// an earlier benchmark that reset moved aside.
func TestOutputs(t *testing.T) {
	parent := t.TempDir()
	root := filepath.Join(parent, "out")
	// The output of an earlier benchmark, and one an interrupted benchmark
	// moved aside.
	if err := os.MkdirAll(filepath.Join(root, "s-fazhi-1", "a"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(parent, "out.old-1", "b"), 0o755); err != nil {
		t.Fatal(err)
	}
	o := &outputs{root: root, keep: true}
	if err := o.reset(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(root); !os.IsNotExist(err) {
		t.Fatalf("after reset: root still there: %v", err)
	}
	if len(o.old) != 2 {
		t.Fatalf("reset moved aside %v, want the earlier output and the interrupted one", o.old)
	}
	for _, d := range o.old {
		if _, err := os.Stat(d); err != nil {
			t.Fatalf("reset deleted %s: %v", d, err)
		}
	}
	a, err := o.fresh("s-fazhi")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := o.fresh("s-fazhi")
	if a != filepath.Join(root, "s-fazhi-1") || b != filepath.Join(root, "s-fazhi-2") {
		t.Fatalf("fresh gave %s and %s", a, b)
	}
	for _, d := range []string{a, b} {
		if err := os.MkdirAll(filepath.Join(d, "x"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	o.setDone()
	for _, d := range []string{a, b} {
		if _, err := os.Stat(d); err != nil {
			t.Fatalf("setDone deleted %s while keeping outputs: %v", d, err)
		}
	}
	o.finish()
	ents, _ := os.ReadDir(parent)
	if len(ents) != 1 || ents[0].Name() != "out" {
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		t.Fatalf("after finish: %v left beside the outputs, want only out", names)
	}
	if ents, _ := os.ReadDir(root); len(ents) != 0 {
		t.Fatalf("after finish: %d outputs left", len(ents))
	}

	// Without room to keep them, a set's outputs go at its end.
	o = &outputs{root: root}
	c, _ := o.fresh("s-hugo")
	os.MkdirAll(c, 0o755)
	// What fazhi keeps beside an output goes with it.
	os.MkdirAll(filepath.Join(root, "."+filepath.Base(c)+".fazhi-state"), 0o755)
	o.setDone()
	if ents, _ := os.ReadDir(root); len(ents) != 0 {
		t.Fatalf("after setDone without keeping: %d entries left", len(ents))
	}
}

// TestRoomToKeep checks the disk-space estimate against the file system
// of the test's temporary folder.
func TestRoomToKeep(t *testing.T) {
	dir := t.TempDir()
	ok, need, free := roomToKeep(dir, 1)
	if !ok || need != bytesPerPageRun || free <= 0 {
		t.Fatalf("roomToKeep(1 page) = %v, %d, %d", ok, need, free)
	}
	if ok, _, _ := roomToKeep(dir, 1<<40); ok {
		t.Fatal("roomToKeep said 128 PiB of outputs fit")
	}
	if ok, _, _ := roomToKeep(filepath.Join(dir, "missing"), 1); ok {
		t.Fatal("roomToKeep of a missing folder said yes")
	}
}

// TestFSName checks that the test's temporary folder's file system gets a
// name and a missing folder does not.
func TestFSName(t *testing.T) {
	if n := fsName(t.TempDir()); n == "" || n == "?" {
		t.Fatalf("fsName(temp dir) = %q", n)
	}
	if n := fsName(filepath.Join(t.TempDir(), "missing")); n != "?" {
		t.Fatalf("fsName(missing) = %q, want ?", n)
	}
}
