package legal

import "time"

// The package functions below count Monday to Friday only. Statutory
// holidays and the weekend days worked in their place (调休) are known to
// a Calendar (holidays.go), whose methods of the same names fall back to
// these functions for the years it has no notice for.

// AddWorkdays returns the time n working days (Monday to Friday) after t,
// or before t when n is negative, keeping t's clock time and location.
// Saturdays and Sundays are skipped, so adding 1 to a Friday gives the
// next Monday, and adding 1 to a Saturday also gives the next Monday.
// AddWorkdays(t, 0) returns t unchanged, even on a weekend.
func AddWorkdays(t time.Time, n int) time.Time {
	if n == 0 {
		return t
	}
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	// From a weekend day, start from the neighbouring working day behind
	// us: Friday + 1 working day is Monday, as is Saturday + 1.
	days := 0
	switch wd := t.Weekday(); {
	case wd == time.Saturday && step > 0:
		days = -1
	case wd == time.Sunday && step > 0:
		days = -2
	case wd == time.Saturday && step < 0:
		days = 2
	case wd == time.Sunday && step < 0:
		days = 1
	}
	wd := (t.Weekday() + time.Weekday(7+days)) % 7
	// Whole weeks move five working days at a time and keep the weekday.
	days += (n / 5) * 7 * step
	for n %= 5; n > 0; {
		days += step
		wd = (wd + time.Weekday(7+step)) % 7
		if wd != time.Saturday && wd != time.Sunday {
			n--
		}
	}
	return t.AddDate(0, 0, days)
}

// WorkdaysBetween counts the working days (Monday to Friday) d with
// a < d <= b, comparing calendar dates: the clock time is ignored and each
// time's date is taken in its own location. It is negative when b is
// before a, and WorkdaysBetween(a, AddWorkdays(a, n)) == n whenever a is a
// working day.
func WorkdaysBetween(a, b time.Time) int {
	da, db := civilDay(a), civilDay(b)
	if db < da {
		return -countWorkdays(db, da)
	}
	return countWorkdays(da, db)
}

// civilDay numbers a calendar date; day 0 is 1970-01-01, a Thursday.
func civilDay(t time.Time) int64 {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// countWorkdays counts working days in (from, to] for from <= to.
func countWorkdays(from, to int64) int {
	return int(workdaysUpTo(to) - workdaysUpTo(from))
}

// workdaysUpTo counts working days in (-∞, day] relative to an arbitrary
// origin; only differences are meaningful.
func workdaysUpTo(day int64) int64 {
	// Shift so that day 0 is a Monday (1970-01-05 is day 4).
	d := day - 4
	weeks := floorDiv(d, 7)
	rem := d - weeks*7 // 0 = Monday … 6 = Sunday
	return weeks*5 + min(rem+1, 5)
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}
