package check

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"time"

	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/legal"
)

// HolidayFile is the site's own holiday calendar, merged over the
// built-in one (legal.DefaultCalendar).
const HolidayFile = "data/holidays.toml"

// calendar returns the built-in holiday calendar merged with the site's
// data/holidays.toml, reading it once. Problems in the site's file are
// reported at their line and the built-in calendar is used alone.
func (c *checker) calendar() *legal.Calendar {
	if c.cal != nil {
		return c.cal
	}
	c.cal = legal.DefaultCalendar()
	data, err := fs.ReadFile(c.o.Source, HolidayFile)
	if err != nil {
		return c.cal
	}
	own, err := legal.ParseCalendar(data)
	if err != nil {
		errs := []error{err}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			errs = j.Unwrap()
		}
		for _, e := range errs {
			line := 0
			var he *legal.HolidayError
			if errors.As(e, &he) {
				line, e = he.Line, errors.New(he.Msg)
			}
			c.add(diag.Error{File: HolidayFile, Line: line, Level: diag.LevelError, Rule: RuleHolidays,
				Msg: "节假日安排有误：" + e.Error()})
		}
		return c.cal
	}
	c.cal = c.cal.Merge(own)
	return c.cal
}

// workdaysBetween counts working days with the holiday calendar and notes
// the years it had no notice for; reportHolidays warns about them once.
func (c *checker) workdaysBetween(a, b time.Time) int {
	cal := c.calendar()
	for _, y := range cal.Missing(a, b) {
		if c.missingYears == nil {
			c.missingYears = map[int]bool{}
		}
		c.missingYears[y] = true
	}
	return cal.WorkdaysBetween(a, b)
}

// reportHolidays checks the site's holiday file and warns once about the
// years whose working days were counted Monday to Friday for want of the
// State Council's notice. It runs after the rules that count working days.
func (c *checker) reportHolidays() {
	c.calendar()
	if len(c.missingYears) == 0 {
		return
	}
	var years []string
	for y := legal.MinYear; y <= legal.MaxYear; y++ {
		if c.missingYears[y] {
			years = append(years, strconv.Itoa(y))
		}
	}
	c.find(HolidayFile, 0, 0, RuleHolidays, fmt.Sprintf(
		"没有 %s 年的节假日安排，这些年份的工作日按周一至周五计算，放假和调休上班未计入：请在 %s 中按国务院办公厅当年的放假通知补上，如 [%s] off = [\"%s-01-01\"] work = [] (no holiday calendar for these years)",
		strings.Join(years, "、"), HolidayFile, years[0], years[0]))
}
