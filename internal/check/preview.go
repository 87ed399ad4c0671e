package check

import (
	"fmt"

	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/enforcement"
	"github.com/fazhi-dev/fazhi/internal/site"
)

// Line formats a finding as `fazhi check` prints it:
// "path:line:col: level: message [rule]", leaving out the column when it
// is 0 and the line when it is 0. `fazhi serve` prints its findings in the
// same form.
func Line(e diag.Error) string {
	pos := e.File
	if e.Line > 0 {
		pos += fmt.Sprintf(":%d", e.Line)
		if e.Col > 0 {
			pos += fmt.Sprintf(":%d", e.Col)
		}
	}
	if pos != "" {
		pos += ": "
	}
	return fmt.Sprintf("%s%s: %s [%s]", pos, e.Level, e.Msg, e.Rule)
}

// Deadlines are the rules about a date the office must meet: the annual
// reports, the feedback on a consultation, the notice of a hearing, the
// evaluation of a 行政规范性文件 before its term ends, a 解读 published
// late, a 行政执法 decision put online late. The preview's panel lists
// their findings first, under 期限.
var Deadlines = map[string]bool{
	RuleReportLate:           true,
	RuleReportDue:            true,
	RuleConsultationFeedback: true,
	RuleHearingLate:          true,
	RuleNormativeReview:      true,
	RuleJieduLate:            true,
	enforcement.RuleLate:     true,
}

// pageURLs maps each file named by a finding to the URL of its page, for
// the preview's panel to link to: a content file to its page, the data
// file of a 行政执法公示 column to the column.
func (c *checker) pageURLs(findings []diag.Error) map[string]string {
	if c.site == nil {
		return nil
	}
	want := map[string]bool{}
	for _, f := range findings {
		if f.File != "" {
			want[f.File] = true
		}
	}
	out := map[string]string{}
	add := func(p *site.Page) {
		if p == nil || p.URL == "" {
			return
		}
		if want[p.SourcePath()] {
			out[p.SourcePath()] = p.URL
		}
		if p.Meta != nil && p.Meta.Enforcement != nil && want["data/"+p.Meta.Enforcement.Data] {
			out["data/"+p.Meta.Enforcement.Data] = p.URL
		}
	}
	add(c.site.Home)
	for _, p := range c.site.Pages {
		add(p)
	}
	var walk func([]*site.Section)
	walk = func(secs []*site.Section) {
		for _, s := range secs {
			add(s.Index)
			walk(s.Children)
		}
	}
	walk(c.site.Sections)
	return out
}
