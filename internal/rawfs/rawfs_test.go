package rawfs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

func TestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "栏目")
	if err := Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Mkdir(sub, 0o755); !errors.Is(err, fs.ErrExist) {
		t.Fatalf("second Mkdir = %v, want fs.ErrExist", err)
	}
	name := filepath.Join(sub, "页面.html")
	fd, err := Open(name, unix.O_WRONLY|unix.O_CREAT|unix.O_EXCL, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	want := []byte("<p>第一条　内容。</p>\n")
	if err := WriteAll(fd, want); err != nil {
		t.Fatal(err)
	}
	if err := Close(fd); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(name, unix.O_WRONLY|unix.O_CREAT|unix.O_EXCL, 0o644); !errors.Is(err, unix.EEXIST) {
		t.Fatalf("O_EXCL on an existing file = %v, want EEXIST", err)
	}
	fd, err = Open(name, unix.O_RDONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer Close(fd)
	buf := make([]byte, 5)
	var got []byte
	for {
		n, err := Read(fd, buf)
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			break
		}
		got = append(got, buf[:n]...)
	}
	if string(got) != string(want) {
		t.Errorf("read %q, want %q", got, want)
	}
	if n, err := Read(fd, nil); n != 0 || err != nil {
		t.Errorf("empty read = %d, %v", n, err)
	}
	if st, err := os.Stat(name); err != nil || st.Mode().Perm() != 0o644&^umask() {
		t.Errorf("stat = %v, %v", st, err)
	}
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := Open(filepath.Join(dir, "missing"), unix.O_RDONLY, 0); !errors.Is(err, unix.ENOENT) {
		t.Errorf("open missing = %v, want ENOENT", err)
	}
	if err := Mkdir(filepath.Join(dir, "a", "b"), 0o755); !errors.Is(err, unix.ENOENT) {
		t.Errorf("mkdir without parent = %v, want ENOENT", err)
	}
	if _, err := Open("bad\x00name", unix.O_RDONLY, 0); err == nil {
		t.Error("a NUL in a path should be an error")
	}
	if err := Close(-1); !errors.Is(err, unix.EBADF) {
		t.Errorf("close(-1) = %v, want EBADF", err)
	}
}

func umask() os.FileMode {
	m := unix.Umask(0)
	unix.Umask(m)
	return os.FileMode(m)
}
