package source

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
)

func TestDir(t *testing.T) {
	root := t.TempDir()
	big := strings.Repeat("第一条 内容。\n", 5000) // larger than one read
	if err := os.MkdirAll(filepath.Join(root, "content", "法规"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "content", "法规", "a.md"), []byte(big), 0o644); err != nil {
		t.Fatal(err)
	}
	d := NewDir(root)
	if err := fstest.TestFS(d, "content/法规/a.md"); err != nil {
		t.Fatal(err)
	}
	r, err := OpenReader(d, "content/法规/a.md")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := r.(rawFile); !ok {
		t.Errorf("OpenReader on a Dir returned %T, want a raw file", r)
	}
	b, err := io.ReadAll(r)
	if err != nil || string(b) != big {
		t.Errorf("read %d bytes, err %v; want %d bytes", len(b), err, len(big))
	}
	if err := r.Close(); err != nil {
		t.Error(err)
	}
	for _, bad := range []string{"../x", "/etc/passwd", "content/../../x"} {
		if _, err := d.OpenRaw(bad); !errors.Is(err, fs.ErrInvalid) {
			t.Errorf("OpenRaw(%q): err = %v, want invalid", bad, err)
		}
	}
	if _, err := d.OpenRaw("content/none.md"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: err = %v, want not exist", err)
	}
	// Any other fs.FS is opened the usual way.
	m := fstest.MapFS{"a.md": {Data: []byte("x")}}
	r, err = OpenReader(m, "a.md")
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := io.ReadAll(r); string(b) != "x" {
		t.Errorf("MapFS read %q", b)
	}
	r.Close()
}

// TestDirNamedPipe checks that reading a named pipe among the sources
// ends at once (empty, as a pipe without a writer reads) instead of
// waiting for a writer that never comes.
func TestDirNamedPipe(t *testing.T) {
	root := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(root, "pipe.md"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	type result struct {
		b   []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		r, err := NewDir(root).OpenRaw("pipe.md")
		if err != nil {
			done <- result{nil, err}
			return
		}
		defer r.Close()
		b, err := io.ReadAll(r)
		done <- result{b, err}
	}()
	select {
	case r := <-done:
		if r.err != nil || len(r.b) != 0 {
			t.Errorf("read %q, %v; want nothing", r.b, r.err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("reading a named pipe blocked")
	}
}
