package legal

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

//go:embed holidays.toml
var builtinHolidays []byte

// Calendar knows the statutory holidays (放假日) and the weekend days
// worked in their place (调休上班日) of the years whose State Council
// notice it holds. In a year it knows, a day is a working day when it is
// a Monday to Friday that is not a holiday, or a listed 调休 weekend day.
// In any other year every Monday to Friday is a working day; Missing
// tells the caller which years those were, so that it can warn.
//
// A nil *Calendar knows no year. Calendars are not changed after they are
// built and may be shared between goroutines.
type Calendar struct {
	years map[int]*holidayYear
}

// holidayYear is one year's notice.
type holidayYear struct {
	notice string
	off    map[int64]bool // civil day numbers
	work   map[int64]bool
}

// DefaultCalendar returns the built-in calendar: the years 2024 to 2026
// from the State Council notices named in holidays.toml.
func DefaultCalendar() *Calendar {
	c, err := ParseCalendar(builtinHolidays)
	if err != nil {
		panic("legal: built-in holidays.toml: " + err.Error())
	}
	return c
}

// HolidayError is a problem in a holiday file, with its 1-based line
// (0 when unknown).
type HolidayError struct {
	Line int
	Msg  string
}

func (e *HolidayError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("第 %d 行：%s", e.Line, e.Msg)
	}
	return e.Msg
}

// ParseCalendar reads a holiday file in the form of holidays.toml: one
// table per year, keyed by the year, with notice (the source), off (the
// holidays, single dates or "first..last" ranges, both ends included) and
// work (the 调休 working weekend days). Every date must lie in its year's
// table; a date both off and work, an unknown key and a malformed date are
// errors. All problems are returned, each a *HolidayError, joined.
func ParseCalendar(src []byte) (*Calendar, error) {
	var raw map[string]struct {
		Notice string   `toml:"notice"`
		Off    []string `toml:"off"`
		Work   []string `toml:"work"`
	}
	md, err := toml.Decode(string(src), &raw)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, &HolidayError{Line: pe.Position.Line, Msg: "TOML 格式错误：" + pe.Message + "。请检查引号、逗号和方括号是否成对 (TOML syntax error)"}
		}
		return nil, &HolidayError{Msg: "格式不对：每一年写成一个表，如 [2027]，其中 off = [\"2027-01-01\"]、work = [] (" + err.Error() + ")"}
	}
	var errs []error
	for _, k := range md.Undecoded() {
		errs = append(errs, &HolidayError{Line: lineOf(src, k[len(k)-1]),
			Msg: fmt.Sprintf("未知的设置项「%s」：每一年只能写 notice、off 和 work (unknown key)", k.String())})
	}
	c := &Calendar{years: map[int]*holidayYear{}}
	for key, y := range raw {
		year, err := strconv.Atoi(key)
		if err != nil || year < MinYear || year > MaxYear {
			errs = append(errs, &HolidayError{Line: lineOf(src, key),
				Msg: fmt.Sprintf("表名「%s」应为四位年份，如 [2027] (table name must be a year)", key)})
			continue
		}
		hy := &holidayYear{notice: y.Notice, off: map[int64]bool{}, work: map[int64]bool{}}
		for _, list := range []struct {
			vals []string
			into map[int64]bool
			name string
		}{{y.Off, hy.off, "off"}, {y.Work, hy.work, "work"}} {
			for _, v := range list.vals {
				from, to, err := parseDayRange(v, list.name == "off")
				if err == nil && (from.Year() != year || to.Year() != year) {
					err = fmt.Errorf("不在 %d 年内，请写到 [%d] 表中", year, from.Year())
				}
				if err != nil {
					errs = append(errs, &HolidayError{Line: lineOf(src, `"`+v+`"`),
						Msg: fmt.Sprintf("[%d] %s 中的「%s」%v", year, list.name, v, err)})
					continue
				}
				for d := civilDay(from); d <= civilDay(to); d++ {
					list.into[d] = true
				}
			}
		}
		for d := range hy.work {
			if hy.off[d] {
				t := time.Unix(d*86400, 0).UTC()
				errs = append(errs, &HolidayError{Line: lineOf(src, t.Format("2006-01-02")),
					Msg: fmt.Sprintf("[%d] 中 %s 既写在 off（放假）又写在 work（上班）中，请只保留一处", year, t.Format("2006-01-02"))})
			}
		}
		c.years[year] = hy
	}
	if len(errs) > 0 {
		slices.SortStableFunc(errs, func(a, b error) int {
			return a.(*HolidayError).Line - b.(*HolidayError).Line
		})
		return nil, errors.Join(errs...)
	}
	return c, nil
}

// parseDayRange reads "2024-10-01" or, when ranges are allowed,
// "2024-10-01..2024-10-07".
func parseDayRange(s string, ranges bool) (from, to time.Time, err error) {
	a, b, isRange := strings.Cut(s, "..")
	if isRange && !ranges {
		return from, to, errors.New("应为单个日期：调休上班日逐日列出，如 \"2024-02-04\"")
	}
	from, err = time.Parse("2006-01-02", strings.TrimSpace(a))
	if err != nil {
		return from, to, errors.New("不是日期，应写成 \"2024-10-01\"，放假区间写成 \"2024-10-01..2024-10-07\"")
	}
	to = from
	if isRange {
		to, err = time.Parse("2006-01-02", strings.TrimSpace(b))
		if err != nil || to.Before(from) {
			return from, to, errors.New("不是有效的日期区间，应写成 \"2024-10-01..2024-10-07\"（起日不晚于止日）")
		}
	}
	return from, to, nil
}

// lineOf returns the 1-based line of the first occurrence of needle in
// src, or 0.
func lineOf(src []byte, needle string) int {
	i := bytes.Index(src, []byte(needle))
	if i < 0 {
		return 0
	}
	return bytes.Count(src[:i], []byte("\n")) + 1
}

// Merge returns a calendar with c's years and own's years; a year in both
// is taken whole from own. Neither input is changed.
func (c *Calendar) Merge(own *Calendar) *Calendar {
	out := &Calendar{years: map[int]*holidayYear{}}
	for _, src := range []*Calendar{c, own} {
		if src == nil {
			continue
		}
		for y, hy := range src.years {
			out.years[y] = hy
		}
	}
	return out
}

// Years returns the years the calendar knows, in order.
func (c *Calendar) Years() []int {
	if c == nil {
		return nil
	}
	out := make([]int, 0, len(c.years))
	for y := range c.years {
		out = append(out, y)
	}
	slices.Sort(out)
	return out
}

// Notice returns the source named for year, or "".
func (c *Calendar) Notice(year int) string {
	if c == nil || c.years[year] == nil {
		return ""
	}
	return c.years[year].notice
}

// Knows reports whether the calendar holds year's notice.
func (c *Calendar) Knows(year int) bool { return c != nil && c.years[year] != nil }

// IsWorkday reports whether t's calendar date (in t's location) is a
// working day.
func (c *Calendar) IsWorkday(t time.Time) bool {
	return c.workday(civilDay(t))
}

func (c *Calendar) workday(d int64) bool {
	if c != nil {
		if hy := c.years[time.Unix(d*86400, 0).UTC().Year()]; hy != nil {
			if hy.work[d] {
				return true
			}
			if hy.off[d] {
				return false
			}
		}
	}
	return !weekend(d)
}

// AddWorkdays returns the time n working days after t (before t when n is
// negative), keeping t's clock time and location. As with the package
// function AddWorkdays, counting starts from t's date whatever kind of
// day it is, and n == 0 returns t unchanged. The work is proportional to
// |n|; callers pass small deadlines.
func (c *Calendar) AddWorkdays(t time.Time, n int) time.Time {
	if c == nil {
		return AddWorkdays(t, n)
	}
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	d, days := civilDay(t), 0
	for n > 0 {
		days += step
		if c.workday(d + int64(days)) {
			n--
		}
	}
	return t.AddDate(0, 0, days)
}

// WorkdaysBetween counts the working days d with a < d <= b, comparing
// calendar dates as the package function WorkdaysBetween does; it is
// negative when b is before a.
func (c *Calendar) WorkdaysBetween(a, b time.Time) int {
	if c == nil {
		return WorkdaysBetween(a, b)
	}
	da, db := civilDay(a), civilDay(b)
	sign := 1
	if db < da {
		da, db, sign = db, da, -1
	}
	n := countWorkdays(da, db)
	// Correct the Monday-to-Friday count by the listed days in (da, db].
	for _, hy := range c.years {
		for d := range hy.off {
			if d > da && d <= db && !weekend(d) {
				n--
			}
		}
		for d := range hy.work {
			if d > da && d <= db && weekend(d) {
				n++
			}
		}
	}
	return sign * n
}

// weekend reports whether civil day d is a Saturday or a Sunday.
func weekend(d int64) bool {
	wd := ((d+4)%7 + 7) % 7 // 0 = Sunday; day 0 was a Thursday
	return wd == 0 || wd == 6
}

// Missing returns the years from a's to b's (in either order) that the
// calendar does not know, in order: for them working days were counted
// Monday to Friday.
func (c *Calendar) Missing(a, b time.Time) []int {
	ya, yb := a.Year(), b.Year()
	if yb < ya {
		ya, yb = yb, ya
	}
	var out []int
	for y := ya; y <= yb && y-ya < 1000; y++ {
		if !c.Knows(y) {
			out = append(out, y)
		}
	}
	return out
}
