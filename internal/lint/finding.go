package lint

import (
	"fmt"
	"slices"
	"strings"
)

// Level is how serious a finding is. The zero value is Off.
type Level int

const (
	// Off disables a rule or a word-list entry; scanners never report it.
	Off Level = iota
	// Warning is reported but does not stop the build.
	Warning
	// Error stops the build.
	Error
)

// String returns "off", "warning" or "error".
func (l Level) String() string {
	switch l {
	case Off:
		return "off"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("Level(%d)", int(l))
}

// ParseLevel reads a level as written in a configuration file: "off",
// "warning" or "error" (case does not matter), or the Chinese 关闭, 警告,
// 错误.
func ParseLevel(s string) (Level, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "off", "关闭":
		return Off, nil
	case "warning", "警告":
		return Warning, nil
	case "error", "错误":
		return Error, nil
	}
	return Off, fmt.Errorf("级别「%s」无效，应写「warning」（警告）、「error」（错误）或「off」（关闭）之一 (invalid level)", s)
}

// Rule names, as used in Finding.Rule and in site configuration.
const (
	RulePersonalID       = "personal-id"
	RulePersonalPhone    = "personal-phone"
	RulePersonalBankCard = "personal-bankcard"
	RulePersonalName     = "personal-name"
	RuleWording          = "wording"
)

// Finding is one problem found in a text, positioned by 1-based line and
// column (column counted in characters/runes, not bytes).
type Finding struct {
	// Line and Col locate the first character of Match.
	Line, Col int
	// Rule names the check that produced the finding, e.g. "personal-id".
	Rule string
	// Level is Warning or Error.
	Level Level
	// Message tells the author, in Chinese, what is wrong and what to do.
	Message string
	// Match is the offending text exactly as it appears in the source.
	Match string
}

// Shift returns f moved down by lines, for a scan that started lines
// lines into the file (for example after the front matter).
func (f Finding) Shift(lines int) Finding {
	f.Line += lines
	return f
}

// String formats f as "line:col: message [rule]"; callers put the file
// name in front.
func (f Finding) String() string {
	return fmt.Sprintf("%d:%d: %s [%s]", f.Line, f.Col, f.Message, f.Rule)
}

// sortFindings orders findings by position, then by rule.
func sortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		if a.Col != b.Col {
			return a.Col - b.Col
		}
		return strings.Compare(a.Rule, b.Rule)
	})
}
