package source

import (
	"io"
	"io/fs"
	"path/filepath"

	"github.com/fazhi-dev/fazhi/internal/rawfs"
)

// Dir is the file system of a site folder on disk: os.DirFS, plus OpenRaw
// for reading a file with plain open, read and close system calls. A file
// opened through the os package is also set up for Go's poller, which
// costs several more system calls per file; a build reads every page
// twice (front matter, then body), so on a site of tens of thousands of
// pages those calls add up to seconds on a virtual machine.
//
// No symbolic link leads out of an input folder: see trees.
type Dir struct {
	fsys *trees
	root string
}

// NewDir returns the file system of the folder root.
func NewDir(root string) Dir {
	return Dir{fsys: newTrees(root), root: root}
}

// Open implements fs.FS.
func (d Dir) Open(name string) (fs.File, error) { return d.fsys.Open(name) }

// ReadDir implements fs.ReadDirFS.
func (d Dir) ReadDir(name string) ([]fs.DirEntry, error) { return d.fsys.ReadDir(name) }

// Stat implements fs.StatFS.
func (d Dir) Stat(name string) (fs.FileInfo, error) { return d.fsys.Stat(name) }

// ReadFile implements fs.ReadFileFS.
func (d Dir) ReadFile(name string) ([]byte, error) { return d.fsys.ReadFile(name) }

// OpenRaw opens name for reading only, with rawfs (a bare file
// descriptor on Linux).
func (d Dir) OpenRaw(name string) (io.ReadCloser, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if err := d.fsys.checkTop(name); err != nil {
		return nil, err
	}
	// A named pipe among the sources reads as empty instead of blocking
	// the build (and, with rawfs, its processor) forever.
	f, err := rawfs.OpenRead(filepath.Join(d.root, filepath.FromSlash(name)))
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return rawFile{f: f, name: name}, nil
}

// rawFile reads a rawfs.File and names the file in errors.
type rawFile struct {
	f    rawfs.File
	name string
}

// Read implements io.Reader.
func (f rawFile) Read(p []byte) (int, error) {
	n, err := f.f.Read(p)
	if err != nil && err != io.EOF {
		return n, &fs.PathError{Op: "read", Path: f.name, Err: err}
	}
	return n, err
}

// Close implements io.Closer.
func (f rawFile) Close() error {
	return f.f.Close()
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
