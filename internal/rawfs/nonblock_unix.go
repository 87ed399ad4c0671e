//go:build unix

package rawfs

import "syscall"

const oNonblock = syscall.O_NONBLOCK
