//go:build !windows

package publish

import (
	"errors"
	"syscall"
)

// processAlive reports whether a process with id pid runs.
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
