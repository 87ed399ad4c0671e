package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/rawfs"
)

// nextTick returns once the file system's clock has moved past the
// status-change time of the file at full: it creates probe files beside
// dir until one is newer. It waits for the clock, never for a set time.
func nextTick(t *testing.T, full, dir string) {
	t.Helper()
	st, ok := stampOf(full)
	if !ok {
		return // no stamps here (portable fallbacks)
	}
	probe := filepath.Join(dir, "probe")
	for {
		os.Remove(probe)
		if err := os.WriteFile(probe, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		if p, _ := stampOf(probe); p.Ctime > st.Ctime {
			return
		}
	}
}

// committed writes files into a new output at dest, waits for the clock
// to move past them (so their stamps are kept) and commits.
func committed(t *testing.T, dest string, files map[string]string) *Dir {
	t.Helper()
	d, err := OpenDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	d.TakeStamps()
	for name, data := range files {
		if err := d.WriteFile(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
		nextTick(t, filepath.Join(d.Root(), filepath.FromSlash(name)), t.TempDir())
	}
	if _, err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	return d
}

// On Linux a file whose stamp is as recorded is carried forward without
// reading it (an entry with a wrong hash but the file's stamp is taken);
// with the portable fallbacks there are no stamps and the bytes decide.
func TestReuseTrustsStamp(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	d := committed(t, dest, map[string]string{"a/index.html": "甲乙丙"})
	st := d.Stamps()["a/index.html"]
	if rawfs.Portable != (st == Stamp{}) {
		t.Fatalf("stamp %+v with portable fallbacks %v", st, rawfs.Portable)
	}
	d2, err := OpenDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer d2.Abort()
	e := Entry{Path: "a/index.html", Size: int64(len("甲乙丙")), Hash: Hash([]byte("另一个文件")), Stamp: st}
	if got := d2.Reuse([]Entry{e}); got != !rawfs.Portable {
		t.Errorf("Reuse by stamp = %v, want %v", got, !rawfs.Portable)
	}
}

// A file changed in place at the same size, its modification time set
// back, is not carried forward: its ctime moved, so the stamp no longer
// matches, and its bytes do not.
func TestReuseCatchesDefacedFileWithRestoredTime(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	d := committed(t, dest, map[string]string{"a/index.html": "甲乙丙"})
	st := d.Stamps()["a/index.html"]
	full := filepath.Join(dest, "a/index.html")
	info, err := os.Stat(full)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte("丁乙丙"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(full, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	d2, err := OpenDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer d2.Abort()
	e := Entry{Path: "a/index.html", Size: int64(len("甲乙丙")), Hash: Hash([]byte("甲乙丙")), Stamp: st}
	if d2.Reuse([]Entry{e}) {
		t.Error("a defaced file was carried forward")
	}
}

// Commit keeps only stamps older than any file made after it: a stamp
// taken in the same tick of the file system's clock as a later change
// would not show the change.
func TestStampsOlderThanLaterFiles(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	d, err := OpenDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	d.TakeStamps()
	files := map[string]string{}
	for i := range 50 {
		files[fmt.Sprintf("p/%d/index.html", i)] = "页"
	}
	write(t, d, files)
	probe := filepath.Join(t.TempDir(), "probe")
	if err := os.WriteFile(probe, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	m, ok := stampOf(probe)
	if !ok {
		if len(d.Stamps()) != 0 {
			t.Errorf("stamps without the fast path: %v", d.Stamps())
		}
		return
	}
	for name, st := range d.Stamps() {
		if st.Ctime >= m.Ctime {
			t.Errorf("%s: stamp ctime %d not older than a later file's %d", name, st.Ctime, m.Ctime)
		}
	}
}

// Removing the previous output after the swap changes the ctime of the
// files linked from it: every stamp Commit reports is the file's stamp as
// it is in the committed output, never the one taken when it was linked.
func TestStampsAfterPreviousOutputRemoved(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	files := map[string]string{}
	for i := range 50 {
		files[fmt.Sprintf("p/%d/index.html", i)] = "页"
	}
	first := committed(t, dest, files)
	d, err := OpenDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	d.TakeStamps()
	for name, data := range files {
		st := first.Stamps()[name]
		if !d.Reuse([]Entry{{Path: name, Size: int64(len(data)), Hash: Hash([]byte(data)), Stamp: st}}) {
			t.Fatalf("%s not carried forward", name)
		}
	}
	nextTick(t, filepath.Join(d.Root(), "p/0/index.html"), t.TempDir())
	if _, err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	for name, st := range d.Stamps() {
		if now, _ := stampOf(filepath.Join(dest, filepath.FromSlash(name))); now != st {
			t.Errorf("%s: stamp %+v, but the file now has %+v", name, st, now)
		}
	}
}
