//go:build linux && !portable

package rawfs

import (
	"io"
	"io/fs"
	"runtime"
	"unsafe"

	"golang.org/x/sys/unix"
)

// Portable reports whether the portable fallbacks are in use.
const Portable = false

// atFDCWD is unix.AT_FDCWD as a variable: the constant is negative and
// cannot be converted to uintptr at compile time.
var atFDCWD = unix.AT_FDCWD

// File is a file opened for reading by OpenRead.
type File struct{ fd int }

// OpenRead opens path for reading. A named pipe is opened without waiting
// for a writer (O_NONBLOCK), so it reads as empty instead of blocking the
// build.
func OpenRead(path string) (File, error) {
	fd, err := open(path, unix.O_RDONLY|unix.O_NONBLOCK, 0)
	return File{fd: fd}, err
}

// Read reads into b; it returns io.EOF at the end of the file.
func (f File) Read(b []byte) (int, error) {
	if len(b) == 0 {
		return 0, nil
	}
	for {
		n, _, e := unix.RawSyscall(unix.SYS_READ, uintptr(f.fd), uintptr(unsafe.Pointer(unsafe.SliceData(b))), uintptr(len(b)))
		runtime.KeepAlive(b)
		if e == unix.EINTR {
			continue
		}
		if e != 0 {
			return 0, e
		}
		if n == 0 {
			return 0, io.EOF
		}
		return int(n), nil
	}
}

// Close closes the file.
func (f File) Close() error { return closeFD(f.fd) }

// WriteNew creates the file path, which must not exist yet (a symbolic
// link in its place is an error too), and writes data to it with three
// system calls (os.WriteFile adds a few more to register the file with the
// runtime's poller).
func WriteNew(path string, data []byte, mode uint32) error {
	fd, err := open(path, unix.O_WRONLY|unix.O_CREAT|unix.O_EXCL|unix.O_NOFOLLOW, mode)
	if err != nil {
		return err
	}
	if err := writeAll(fd, data); err != nil {
		closeFD(fd)
		return err
	}
	return closeFD(fd)
}

// Mkdir makes the folder path; an existing one is fs.ErrExist.
func Mkdir(path string, mode uint32) error {
	p, err := unix.BytePtrFromString(path)
	if err != nil {
		return err
	}
	for {
		_, _, e := unix.RawSyscall(unix.SYS_MKDIRAT, uintptr(atFDCWD), uintptr(unsafe.Pointer(p)), uintptr(mode))
		runtime.KeepAlive(p)
		if e == unix.EINTR {
			continue
		}
		if e == unix.EEXIST {
			return fs.ErrExist
		}
		if e != 0 {
			return e
		}
		return nil
	}
}

func open(path string, flags int, mode uint32) (int, error) {
	p, err := unix.BytePtrFromString(path)
	if err != nil {
		return -1, err
	}
	for {
		fd, _, e := unix.RawSyscall6(unix.SYS_OPENAT, uintptr(atFDCWD), uintptr(unsafe.Pointer(p)), uintptr(flags|unix.O_CLOEXEC), uintptr(mode), 0, 0)
		runtime.KeepAlive(p)
		if e == unix.EINTR {
			continue
		}
		if e != 0 {
			return -1, e
		}
		return int(fd), nil
	}
}

func writeAll(fd int, b []byte) error {
	for len(b) > 0 {
		n, _, e := unix.RawSyscall(unix.SYS_WRITE, uintptr(fd), uintptr(unsafe.Pointer(unsafe.SliceData(b))), uintptr(len(b)))
		runtime.KeepAlive(b)
		if e == unix.EINTR {
			continue
		}
		if e != 0 {
			return e
		}
		b = b[n:]
	}
	return nil
}

func closeFD(fd int) error {
	_, _, e := unix.RawSyscall(unix.SYS_CLOSE, uintptr(fd), 0, 0)
	if e != 0 && e != unix.EINTR {
		return e
	}
	return nil
}
