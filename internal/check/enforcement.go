package check

import (
	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/enforcement"
)

// checkEnforcement reports, for the data file of every 行政执法公示
// column, what enforcement.Load finds in its rows (missing values, dates,
// 统一社会信用代码, 文号, amounts, closed lists, duplicates, a 公示日期
// more than 7 working days after the decision, a minor's row) and what
// the personal-data scanners find in its cells, each at the row and
// column the author sees in Excel. The rows are checked again here with
// the site's holiday calendar (the build reads them without one): the
// table is the one the build read, not read a second time. It runs
// before reportHolidays, which then names the years counted Monday to
// Friday.
func (c *checker) checkEnforcement(data []build.EnforcementData) {
	for _, ed := range data {
		if c.stopped() {
			return
		}
		if ed.Sheet == nil || ed.Sheet.Table == nil {
			continue // the build reported why the file could not be read
		}
		s, findings := enforcement.Load(ed.Sheet.Table, enforcement.Options{
			Type: ed.Type, Periods: c.cfg.Legal.Periods(), Calendar: c.calendar()})
		for _, y := range s.MissingYears {
			if c.missingYears == nil {
				c.missingYears = map[int]bool{}
			}
			c.missingYears[y] = true
		}
		for _, f := range findings {
			c.findOwn(f)
		}
		if s.HeaderLine == 0 {
			continue // no header: no cell is known to be data
		}
		for _, f := range enforcement.PrivacyFindings(s) {
			c.findOwn(f)
		}
	}
}

// findOwn reports a finding that comes with its level (a rule whose
// findings are errors or warnings by their kind, like the enforcement
// rules): the site's [check] setting for the rule wins when there is one.
func (c *checker) findOwn(e diag.Error) {
	if c.configured(e.Rule) {
		c.find(e.File, e.Line, e.Col, e.Rule, e.Msg)
		return
	}
	c.add(diag.Error{File: e.File, Line: e.Line, Col: e.Col, Level: e.Level, Rule: e.Rule, Msg: e.Msg})
}
