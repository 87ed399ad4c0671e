//go:build !linux || portable

package rawfs

import (
	"errors"
	"io/fs"
	"os"
)

// Portable reports whether the portable fallbacks are in use.
const Portable = true

// File is a file opened for reading by OpenRead.
type File struct{ f *os.File }

// OpenRead opens path for reading. Where named pipes exist, one is opened
// without waiting for a writer (O_NONBLOCK), so it reads as empty instead
// of blocking the build.
func OpenRead(path string) (File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|oNonblock, 0)
	if err != nil {
		return File{}, bare(err)
	}
	return File{f: f}, nil
}

// Read reads into b; it returns io.EOF at the end of the file.
func (f File) Read(b []byte) (int, error) {
	n, err := f.f.Read(b)
	return n, bare(err)
}

// Close closes the file.
func (f File) Close() error { return bare(f.f.Close()) }

// WriteNew creates the file path, which must not exist yet (a symbolic
// link in its place is an error too), and writes data to it.
func WriteNew(path string, data []byte, mode uint32) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, fs.FileMode(mode))
	if err != nil {
		return bare(err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return bare(err)
	}
	return bare(f.Close())
}

// Mkdir makes the folder path; an existing one is fs.ErrExist.
func Mkdir(path string, mode uint32) error {
	err := os.Mkdir(path, fs.FileMode(mode))
	if errors.Is(err, fs.ErrExist) {
		return fs.ErrExist
	}
	return bare(err)
}

// bare returns the system error inside an *fs.PathError, as the Linux
// functions return it.
func bare(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
