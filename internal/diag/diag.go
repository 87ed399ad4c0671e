// Package diag holds the one error type that every stage of the build uses
// to tell an author what is wrong: the file, the line and column, and a
// message in plain Chinese that says what to write instead.
package diag

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Level is the severity of a finding.
type Level int

const (
	// LevelError fails the build or the check.
	LevelError Level = iota
	// LevelWarning is reported but does not fail.
	LevelWarning
	// LevelOff switches a rule off.
	LevelOff
)

// String returns "error", "warning" or "off".
func (l Level) String() string {
	switch l {
	case LevelWarning:
		return "warning"
	case LevelOff:
		return "off"
	}
	return "error"
}

// ParseLevel reads "error", "warning" or "off".
func ParseLevel(s string) (Level, bool) {
	switch s {
	case "error":
		return LevelError, true
	case "warning", "warn":
		return LevelWarning, true
	case "off":
		return LevelOff, true
	}
	return LevelError, false
}

// Error is one problem in one place of the site's sources.
type Error struct {
	File  string // path relative to the site folder, with forward slashes
	Line  int    // 1-based; 0 when the problem has no line
	Col   int    // 1-based, in characters; 0 when unknown
	Level Level
	Rule  string // rule id for check findings; empty for build errors
	Msg   string // what is wrong and what to write instead
}

// Error formats the problem as "file:line:col: message [rule]".
func (e *Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		if e.Line > 0 {
			fmt.Fprintf(&b, ":%d", e.Line)
			if e.Col > 0 {
				fmt.Fprintf(&b, ":%d", e.Col)
			}
		}
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	if e.Rule != "" {
		fmt.Fprintf(&b, " [%s]", e.Rule)
	}
	return b.String()
}

// New returns an error for file and line with a formatted message.
func New(file string, line int, format string, args ...any) *Error {
	return &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// List is a set of problems found in one pass, reported together so that an
// author can fix them all before building again.
type List []*Error

// Error joins the problems one per line, sorted by file and line.
func (l List) Error() string {
	l.Sort()
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Sort orders the list by file, line, column and message.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Msg < b.Msg
	})
}

// Err returns the list as an error, or nil when it is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Add appends err to the list, flattening lists and wrapping plain errors.
func (l *List) Add(err error) {
	if err == nil {
		return
	}
	var list List
	if errors.As(err, &list) {
		*l = append(*l, list...)
		return
	}
	var e *Error
	if errors.As(err, &e) {
		*l = append(*l, e)
		return
	}
	*l = append(*l, &Error{Msg: err.Error()})
}

// Errors returns the problems found in err: its list, its single *Error, or
// a wrapper around a plain error.
func Errors(err error) List {
	var l List
	l.Add(err)
	return l
}
