// Package rawfs makes the few file-system calls of the build's hot loops
// (opening, reading and writing files, making folders) without telling
// the Go scheduler that the goroutine is in a system call.
//
// Through the syscall package, a call that takes longer than about 20 µs
// makes the runtime hand the goroutine's processor to another thread and
// take one back when the call returns. On a slow disk, where creating a
// file or folder takes hundreds of microseconds of kernel time, that
// happens for every call: tens of thousands of thread wake-ups and sleeps
// per build, which cost more kernel time than the calls themselves. The
// calls here are short and bounded (local files, no pipes or sockets), so
// the goroutine keeps its processor, as it would for the same work done
// in user space. Only Linux is supported, as by the rest of fazhi's
// writer.
package rawfs

import (
	"io/fs"
	"runtime"
	"unsafe"

	"golang.org/x/sys/unix"
)

// atFDCWD is unix.AT_FDCWD as a variable: the constant is negative and
// cannot be converted to uintptr at compile time.
var atFDCWD = unix.AT_FDCWD

// Open opens path (absolute, or relative to the working folder) with
// open(2) flags and mode and returns the descriptor.
func Open(path string, flags int, mode uint32) (int, error) {
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

// Read reads into b from fd.
func Read(fd int, b []byte) (int, error) {
	if len(b) == 0 {
		return 0, nil
	}
	for {
		n, _, e := unix.RawSyscall(unix.SYS_READ, uintptr(fd), uintptr(unsafe.Pointer(unsafe.SliceData(b))), uintptr(len(b)))
		runtime.KeepAlive(b)
		if e == unix.EINTR {
			continue
		}
		if e != 0 {
			return 0, e
		}
		return int(n), nil
	}
}

// WriteAll writes all of b to fd.
func WriteAll(fd int, b []byte) error {
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

// Close closes fd.
func Close(fd int) error {
	_, _, e := unix.RawSyscall(unix.SYS_CLOSE, uintptr(fd), 0, 0)
	if e != 0 && e != unix.EINTR {
		return e
	}
	return nil
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
