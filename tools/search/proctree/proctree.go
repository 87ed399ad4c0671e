// Package proctree measures the memory of a process and everything it
// starts (a fazhi build and the Pagefind runs below it): the resident
// memory of the whole tree, read from /proc every 20 ms and summed, and
// its peak. Linux only; elsewhere the sums are 0.
package proctree

import (
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// Run runs cmd, sampling the summed resident memory of it and its
// descendants every 20 ms, and returns the wall time, the peak sum and
// the command's output.
func Run(cmd *exec.Cmd) (time.Duration, int64, string, error) {
	var log strings.Builder
	cmd.Stdout, cmd.Stderr = &log, &log
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, 0, "", err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	var peak int64
	for {
		select {
		case err := <-done:
			d := time.Since(start)
			return d, peak, lastLines(log.String(), 8), err
		case <-tick.C:
			if s := TreeRSS(cmd.Process.Pid); s > peak {
				peak = s
			}
		}
	}
}

var pageSize = int64(os.Getpagesize())

// TreeRSS sums the resident set of pid and all its descendants.
func TreeRSS(pid int) int64 {
	ents, err := os.ReadDir("/proc")
	if err != nil {
		return 0
	}
	parent := map[int]int{}
	for _, e := range ents {
		p, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if pp, ok := ppid(p); ok {
			parent[p] = pp
		}
	}
	var sum int64
	for p := range parent {
		for q := p; q > 1; q = parent[q] {
			if q == pid {
				sum += rss(p)
				break
			}
		}
	}
	return sum
}

// ppid reads the parent of p from /proc/p/stat (the field after the
// parenthesised command name, which may itself hold spaces).
func ppid(p int) (int, bool) {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(p) + "/stat")
	if err != nil {
		return 0, false
	}
	s := string(data)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0, false
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 2 {
		return 0, false
	}
	pp, err := strconv.Atoi(f[1])
	return pp, err == nil
}

// rss reads the resident pages of p from /proc/p/statm.
func rss(p int) int64 {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(p) + "/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(data))
	if len(f) < 2 {
		return 0
	}
	n, _ := strconv.ParseInt(f[1], 10, 64)
	return n * pageSize
}

func lastLines(s string, n int) string {
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
