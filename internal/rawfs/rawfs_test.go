package rawfs

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "栏目")
	if err := Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Mkdir(sub, 0o755); err != fs.ErrExist {
		t.Fatalf("second Mkdir = %v, want fs.ErrExist", err)
	}
	name := filepath.Join(sub, "页面.html")
	want := []byte("<p>第一条　内容。</p>\n")
	if err := WriteNew(name, want, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteNew(name, []byte("x"), 0o644); !errors.Is(err, fs.ErrExist) {
		t.Fatalf("WriteNew on an existing file = %v, want fs.ErrExist", err)
	}
	var pe *fs.PathError
	if errors.As(WriteNew(name, nil, 0o644), &pe) {
		t.Error("errors should be bare, not *fs.PathError")
	}
	f, err := OpenRead(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	buf := make([]byte, 5)
	var got []byte
	for {
		n, err := f.Read(buf)
		got = append(got, buf[:n]...)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if string(got) != string(want) {
		t.Errorf("read %q, want %q", got, want)
	}
	if n, err := f.Read(buf); n != 0 || err != io.EOF {
		t.Errorf("read after the end = %d, %v; want 0, EOF", n, err)
	}
	if n, err := f.Read(nil); n != 0 || (err != nil && err != io.EOF) {
		t.Errorf("empty read = %d, %v", n, err)
	}
	if runtime.GOOS != "windows" {
		if st, err := os.Stat(name); err != nil || st.Mode().Perm() != 0o644&^umask() {
			t.Errorf("stat = %v, %v", st, err)
		}
	}
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := OpenRead(filepath.Join(dir, "missing")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("open missing = %v, want not exist", err)
	}
	if err := Mkdir(filepath.Join(dir, "a", "b"), 0o755); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("mkdir without parent = %v, want not exist", err)
	}
	if err := WriteNew(filepath.Join(dir, "a", "b"), nil, 0o644); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("write without parent = %v, want not exist", err)
	}
	if _, err := OpenRead("bad\x00name"); err == nil {
		t.Error("a NUL in a path should be an error")
	}
	if err := os.WriteFile(filepath.Join(dir, "f"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Mkdir(filepath.Join(dir, "f"), 0o755); err != fs.ErrExist {
		t.Errorf("mkdir over a file = %v, want fs.ErrExist", err)
	}
}

// TestNoFollow checks that WriteNew does not write through a symbolic
// link standing where the new file should be.
func TestNoFollow(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target")
	if err := os.Symlink(target, filepath.Join(dir, "link")); err != nil {
		t.Skipf("symlink: %v", err)
	}
	if err := WriteNew(filepath.Join(dir, "link"), []byte("x"), 0o644); !errors.Is(err, fs.ErrExist) {
		t.Errorf("WriteNew through a dangling link = %v, want fs.ErrExist", err)
	}
	if _, err := os.Lstat(target); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the link's target was created: %v", err)
	}
}
