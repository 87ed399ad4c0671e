package source

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"

	"github.com/fazhi-dev/fazhi/internal/rawfs"
)

// Dir is the file system of a site folder on disk: os.DirFS, plus OpenRaw
// for reading a file with plain open, read and close system calls. A file
// opened through the os package is also set up for Go's poller, which
// costs several more system calls per file; a build reads every page
// twice (front matter, then body), so on a site of tens of thousands of
// pages those calls add up to seconds on a virtual machine.
type Dir struct {
	fsys fs.FS
	root string
}

// NewDir returns the file system of the folder root.
func NewDir(root string) Dir {
	return Dir{fsys: os.DirFS(root), root: root}
}

// Open implements fs.FS.
func (d Dir) Open(name string) (fs.File, error) { return d.fsys.Open(name) }

// ReadDir implements fs.ReadDirFS.
func (d Dir) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(d.fsys, name) }

// Stat implements fs.StatFS.
func (d Dir) Stat(name string) (fs.FileInfo, error) { return fs.Stat(d.fsys, name) }

// ReadFile implements fs.ReadFileFS.
func (d Dir) ReadFile(name string) ([]byte, error) { return fs.ReadFile(d.fsys, name) }

// OpenRaw opens name for reading only, as a bare file descriptor.
func (d Dir) OpenRaw(name string) (io.ReadCloser, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	// O_NONBLOCK: a named pipe among the sources fails to read instead of
	// blocking the build (and, with rawfs, its processor) forever.
	fd, err := rawfs.Open(filepath.Join(d.root, filepath.FromSlash(name)), unix.O_RDONLY|unix.O_NONBLOCK, 0)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return rawFile{fd: fd, name: name}, nil
}

// rawFile reads a file descriptor with read(2).
type rawFile struct {
	fd   int
	name string
}

// Read implements io.Reader.
func (f rawFile) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	for {
		n, err := rawfs.Read(f.fd, p)
		if err != nil {
			return 0, &fs.PathError{Op: "read", Path: f.name, Err: err}
		}
		if n == 0 {
			return 0, io.EOF
		}
		return n, nil
	}
}

// Close implements io.Closer.
func (f rawFile) Close() error {
	return rawfs.Close(f.fd)
}

// OpenReader opens name in fsys for reading: with OpenRaw when fsys is a
// Dir (or has such a method), with Open otherwise.
func OpenReader(fsys fs.FS, name string) (io.ReadCloser, error) {
	if r, ok := fsys.(interface {
		OpenRaw(string) (io.ReadCloser, error)
	}); ok {
		return r.OpenRaw(name)
	}
	return fsys.Open(name)
}
