// Package rawfs makes the few file-system calls of the build's hot loops
// (opening, reading and writing files, making folders).
//
// On Linux (rawfs_linux.go) the calls are made without telling the Go
// scheduler that the goroutine is in a system call. Through the syscall
// package, a call that takes longer than about 20 µs makes the runtime
// hand the goroutine's processor to another thread and take one back when
// the call returns. On a slow disk, where creating a file or folder takes
// hundreds of microseconds of kernel time, that happens for every call:
// tens of thousands of thread wake-ups and sleeps per build, which cost
// more kernel time than the calls themselves. The calls here are short and
// bounded (local files, no pipes or sockets), so the goroutine keeps its
// processor, as it would for the same work done in user space.
//
// Elsewhere, and on Linux when built with the tag "portable" (so that the
// test suite exercises the code Windows and macOS run), the same functions
// go through the os package (rawfs_portable.go). Both behave the same:
// errors are the bare system errors (errors.Is works with fs.ErrExist and
// fs.ErrNotExist), and Read returns io.EOF at the end of a file.
package rawfs
