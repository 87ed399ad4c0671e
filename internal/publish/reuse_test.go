package publish

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"
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
