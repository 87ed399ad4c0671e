//go:build !linux

package search

import "os"

// maxRSS returns 0: the peak memory of a process is measured on Linux only.
func maxRSS(ps *os.ProcessState) int64 { return 0 }
