package serve

import (
	"context"
	"fmt"
	"io"
	"sort"
	"sync"

	"github.com/fazhi-dev/fazhi/internal/check"
	"github.com/fazhi-dev/fazhi/internal/diag"
)

// The preview runs `fazhi check` after each good rebuild and shows its
// findings in a panel on every page and, as changes, in the terminal.
//
// The work is bounded: a check runs only after the rebuild has been
// served (browsers reload first), at most one check runs at a time, and a
// new edit cancels the running check before its rebuild starts, so a
// burst of edits never queues checks behind each other or slows the
// rebuild down. The rules stay in internal/check: the server only calls
// check.Run.

// MaxTerminalLines is the most findings printed after one check; the
// rest are counted, so that the terminal does not scroll away.
const MaxTerminalLines = 20

// checker is the state of the preview's checks.
type checker struct {
	o    check.Options
	term io.Writer // where the changes are printed; may be nil

	run sync.Mutex // held by StopCheck and startCheck
	// cancel and done belong to the running check (nil when none runs).
	cancel context.CancelFunc
	done   chan struct{}

	// Guarded by Server.mu:
	seq     int           // increases with every check started
	rep     *check.Report // the last finished check; nil before the first
	gen     int           // increases with every finished check
	running bool
}

// EnableCheck makes the server run check with o after every good rebuild
// (and now, for the first build) and print what changed to term.
func (s *Server) EnableCheck(o check.Options, term io.Writer) {
	s.ck = &checker{o: o, term: term}
	s.startCheck()
}

// StopCheck cancels a running check and waits until it has stopped: call
// it before a rebuild, so that the rebuild has the machine to itself.
func (s *Server) StopCheck() {
	if s.ck == nil {
		return
	}
	s.ck.run.Lock()
	defer s.ck.run.Unlock()
	s.stopLocked()
}

func (s *Server) stopLocked() {
	if s.ck.cancel != nil {
		s.ck.cancel()
		<-s.ck.done
		s.ck.cancel, s.ck.done = nil, nil
	}
	s.mu.Lock()
	s.ck.running = false
	s.mu.Unlock()
}

// WaitCheck waits until the check started last has finished (or was
// cancelled).
func (s *Server) WaitCheck() {
	if s.ck == nil {
		return
	}
	s.ck.run.Lock()
	done := s.ck.done
	s.ck.run.Unlock()
	if done != nil {
		<-done
	}
}

// startCheck starts a check in the background, after cancelling the one
// that runs.
func (s *Server) startCheck() {
	ck := s.ck
	ck.run.Lock()
	defer ck.run.Unlock()
	s.stopLocked()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	ck.cancel, ck.done = cancel, done
	s.mu.Lock()
	ck.seq++
	seq := ck.seq
	ck.running = true
	s.mu.Unlock()
	go func() {
		defer close(done)
		defer cancel()
		rep, err := check.Run(ctx, ck.o)
		s.checked(seq, rep, err)
	}()
}

// checked publishes the outcome of check number seq, unless a later check
// was started meanwhile or this one was cancelled.
func (s *Server) checked(seq int, rep *check.Report, err error) {
	ck := s.ck
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil || seq != ck.seq {
		return
	}
	ck.running = false
	if ck.term != nil {
		printChanges(ck.term, ck.rep, rep)
	}
	ck.rep = rep
	ck.gen++
	s.broadcast(event{"check", fmt.Sprint(ck.gen)})
}

// key identifies a finding across rebuilds. The line is left out: an edit
// above a finding moves it without making it new.
type key struct {
	level      diag.Level
	rule, file string
	msg        string
}

func keyOf(e diag.Error) key { return key{e.Level, e.Rule, e.File, e.Msg} }

// printChanges prints the findings of cur that old did not have, then
// those of old that cur no longer has, each in `fazhi check`'s form and at
// most MaxTerminalLines in all, then the counts.
func printChanges(w io.Writer, old, cur *check.Report) {
	count := func(r *check.Report) map[key]int {
		m := map[key]int{}
		if r != nil {
			for _, e := range r.Findings {
				m[keyOf(e)]++
			}
		}
		return m
	}
	before, after := count(old), count(cur)
	var added, fixed []diag.Error
	for _, e := range cur.Findings {
		k := keyOf(e)
		if before[k] > 0 {
			before[k]--
		} else {
			added = append(added, e)
		}
	}
	if old != nil {
		for _, e := range old.Findings {
			k := keyOf(e)
			if after[k] > 0 {
				after[k]--
			} else {
				fixed = append(fixed, e)
			}
		}
	}
	sort.SliceStable(fixed, func(i, j int) bool { return fixed[i].File < fixed[j].File })
	printed := 0
	for _, e := range added {
		if printed == MaxTerminalLines {
			break
		}
		fmt.Fprintln(w, check.Line(e))
		printed++
	}
	for _, e := range fixed {
		if printed == MaxTerminalLines {
			break
		}
		fmt.Fprintln(w, "已改正 (fixed): "+check.Line(e))
		printed++
	}
	if rest := len(added) + len(fixed) - printed; rest > 0 {
		fmt.Fprintf(w, "……另有 %d 条变化没有列出：见预览页面上的「发布前检查」，或运行 fazhi check (%d more changes)\n", rest, rest)
	}
	fmt.Fprintln(w, summaryLine(cur))
}

// summaryLine is the panel's summary, also printed after each check:
// 「发布前检查：2 个错误，3 个提醒」.
func summaryLine(r *check.Report) string {
	s := fmt.Sprintf("发布前检查：%d 个错误，%d 个提醒", r.Errors, r.Warnings)
	if n := len(r.Vetoes); n > 0 {
		s += fmt.Sprintf("，%d 项单项否决", n)
	}
	return s
}
