package publish

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"unsafe"
)

// Checking a file of the previous output reads it through one pooled
// buffer: an unchanged rebuild checks every output file, and a buffer
// allocated per file (as io.CopyBuffer does with an *os.File, ignoring
// the one given) is garbage the collector counts as live while it marks,
// which raised a cached build's peak memory above a fresh build's.
func TestHashFileAllocatesNoBufferPerFile(t *testing.T) {
	name := filepath.Join(t.TempDir(), "page.html")
	data := bytes.Repeat([]byte("<p>第一条　为了规范……</p>\n"), 4000) // ≈ 140 KB
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
	want := Hash(data)
	if got := hashFile(name, int64(len(data))); got != want {
		t.Fatalf("hashFile = %s, want %s", got, want)
	}
	const n = 200
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range n {
		hashFile(name, int64(len(data)))
	}
	runtime.ReadMemStats(&after)
	// Opening the file, the digest and its hex string take well under
	// 2 KiB; a 32 KiB buffer per file would be 6.4 MB over 200 files.
	if per := (after.TotalAlloc - before.TotalAlloc) / n; per > 4<<10 {
		t.Errorf("checking one file allocates %d bytes, want at most 4 KiB (the read buffer is pooled)", per)
	}
}

// WriteEntry returns the entry the Dir keeps for the file: the build
// cache keeps it too, and holds the Dir's digest string rather than a
// copy of its own (one 64-byte string per output file).
func TestWriteEntryIsTheDirsEntry(t *testing.T) {
	d, err := OpenDir(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	data := []byte("<p>第一条</p>")
	e, err := d.WriteEntry("a/index.html", data)
	if err != nil {
		t.Fatal(err)
	}
	kept := d.entries["a/index.html"]
	if e != kept || e.Hash != Hash(data) || e.Size != int64(len(data)) {
		t.Fatalf("entry %+v, the Dir keeps %+v", e, kept)
	}
	if unsafe.StringData(e.Hash) != unsafe.StringData(kept.Hash) {
		t.Errorf("WriteEntry returned a copy of the digest")
	}
	if _, err := d.WriteEntry("a/index.html", data); err == nil {
		t.Errorf("a second write of a/index.html was accepted")
	}
}
