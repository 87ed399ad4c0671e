package legal

import (
	"regexp"
	"strings"
	"testing"
)

// patternCases pairs each pattern with its parser and seeds: valid and
// invalid identifiers from which every single-character edit is tried.
var patternCases = []struct {
	p     Pattern
	parse func(string) error
	seeds []string
}{
	{IndexNumberPattern, func(s string) error { _, err := ParseIndexNumber(s); return err },
		[]string{ExampleIndexNumber, "000014349/2017-00110", "009990011/2026-00017", "11-2/2024-00001", "000014349/2100-99999"}},
	{DocNumberPattern, func(s string) error { _, err := ParseDocNumber(s); return err },
		[]string{ExampleDocNumber, "国办发〔2017〕47号", "某府令〔2026〕27号", "某市人民政府令第27号", "某市人民代表大会常务委员会公告第9号", "国务院令第711号", "某政规〔1949〕123456789号"}},
	{CaseNumberPattern, func(s string) error { _, err := ParseCaseNumber(s); return err },
		[]string{ExampleCaseNumber, "（2019）最高法知民终1号", "（2024）最高法民1号", "(2024)京01民终00012号", "（2024）最01民初1号", "（2024）最民初1号", "（2024）最高民1号", "（2024）沪知民初123456789号"}},
}

// editAlphabet holds the characters the edits insert or substitute: those
// that matter to the three forms, and a few that do not.
var editAlphabet = []rune("0129〔〕（）()[]/-－号第令公告最高法知民初终执某京0 a")

func edits(s string) []string {
	r := []rune(s)
	out := []string{s, " " + s, s + "号"}
	for i := range r {
		out = append(out, string(r[:i])+string(r[i+1:])) // delete
		for _, c := range editAlphabet {
			out = append(out, string(r[:i])+string(c)+string(r[i+1:]))   // replace
			out = append(out, string(r[:i])+string(c)+string(r[i:]))     // insert
			out = append(out, string(r[:i+1])+string(c)+string(r[i+1:])) // insert after
		}
	}
	return out
}

// TestPatternsAgreeWithParsers holds each form's regular expression (as the
// CMS and web forms use it) to its parser: for the seeds and every string
// one edit away, the pattern matches exactly when the parser accepts.
func TestPatternsAgreeWithParsers(t *testing.T) {
	for _, c := range patternCases {
		re := regexp.MustCompile(c.p.GoRegexp())
		n := 0
		for _, seed := range c.seeds {
			for _, s := range edits(seed) {
				if strings.TrimSpace(s) != s {
					continue // the parsers trim; a form field is checked as typed
				}
				n++
				match, ok := re.MatchString(s), c.parse(s) == nil
				if match != ok {
					t.Errorf("%s %q: pattern matches=%v, parser accepts=%v", c.p.Kind, s, match, ok)
				}
			}
		}
		if n < 1000 {
			t.Errorf("%s: only %d strings tried", c.p.Kind, n)
		}
	}
}

func TestPatternHintsShowCheckExamples(t *testing.T) {
	for _, c := range []struct {
		p       Pattern
		example string
	}{{IndexNumberPattern, ExampleIndexNumber}, {DocNumberPattern, ExampleDocNumber}, {CaseNumberPattern, ExampleCaseNumber}} {
		if !strings.HasPrefix(c.p.Hint, c.p.Kind+"应写成「"+c.example+"」") {
			t.Errorf("%s hint %q does not start with the example", c.p.Kind, c.p.Hint)
		}
		if !regexp.MustCompile(c.p.GoRegexp()).MatchString(c.example) {
			t.Errorf("%s: pattern rejects its own example", c.p.Kind)
		}
	}
}

// FuzzPatterns checks the same agreement on arbitrary strings.
func FuzzPatterns(f *testing.F) {
	for _, c := range patternCases {
		for _, s := range c.seeds {
			f.Add(s)
		}
	}
	res := make([]*regexp.Regexp, len(patternCases))
	for i, c := range patternCases {
		res[i] = regexp.MustCompile(c.p.GoRegexp())
	}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.TrimSpace(s) != s {
			return
		}
		for i, c := range patternCases {
			if m, ok := res[i].MatchString(s), c.parse(s) == nil; m != ok {
				t.Errorf("%s %q: pattern matches=%v, parser accepts=%v", c.p.Kind, s, m, ok)
			}
		}
	})
}
