package tabular

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Dates before MinYear or after MaxYear are refused: they are typing
// mistakes in an office's records.
const (
	MinYear = 1949
	MaxYear = 2100
)

// DateHint is what to write, added to every date error.
const DateHint = "请写成 2024-03-01 这样的日期（年-月-日）"

// ParseDate reads a calendar date written in one of the forms that
// spreadsheets produce or that authors type:
//
//	2024-03-01   2024-3-1    2024/3/1     2024.3.1     20240301
//	2024年3月1日  2024年03月01日
//	45352        45352.5     (an Excel serial number, as CSV exports or
//	                         unknown number formats show dates)
//	03-01-24     3/1/24      3/1/24 09:30 (excelize's rendering of the
//	                         built-in formats 14 and 22: month first,
//	                         two-digit year, 30–99 meaning 1930–1999)
//
// A time after the date ("2024-03-01 09:30:00", "2024-03-01T09:30") is
// accepted and dropped; full-width digits are accepted. The result is the
// date at 00:00 UTC: a calendar date, to be read with Date(). Errors say
// in plain Chinese what is wrong and end with DateHint.
func ParseDate(s string) (time.Time, error) {
	s = strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return '0' + r - '０'
		}
		switch r {
		case '／':
			return '/'
		case '－', '—', '–':
			return '-'
		case '．':
			return '.'
		}
		return r
	}, strings.TrimSpace(s))
	if s == "" {
		return time.Time{}, errors.New("日期为空，" + DateHint)
	}
	// Drop a time part.
	if i := strings.IndexAny(s, " T"); i > 0 && strings.Contains(s[i:], ":") {
		s = strings.TrimSpace(s[:i])
	}
	if d, ok, err := serial(s); ok {
		return d, err
	}
	if len(s) == 8 && allDigits(s) {
		return civil(atoi(s[:4]), atoi(s[4:6]), atoi(s[6:]), s)
	}
	if strings.Contains(s, "年") {
		return hanDate(s)
	}
	for _, sep := range []string{"-", "/", "."} {
		parts := strings.Split(s, sep)
		if len(parts) != 3 || !allDigits(parts[0]) || !allDigits(parts[1]) || !allDigits(parts[2]) {
			continue
		}
		switch {
		case len(parts[0]) == 4 && len(parts[1]) <= 2 && len(parts[2]) <= 2:
			return civil(atoi(parts[0]), atoi(parts[1]), atoi(parts[2]), s)
		case len(parts[2]) == 2 && len(parts[0]) <= 2 && len(parts[1]) <= 2 && sep != ".":
			y := atoi(parts[2]) + 2000
			if y >= 2030 {
				y -= 100
			}
			return civil(y, atoi(parts[0]), atoi(parts[1]), s)
		case len(parts[2]) == 4:
			return time.Time{}, fmt.Errorf("「%s」把年份写在了最后，看不出哪个是月、哪个是日：%s", s, DateHint)
		}
	}
	return time.Time{}, fmt.Errorf("「%s」不是日期：%s", s, DateHint)
}

// hanDate reads 2024年3月1日 (the 日 may be missing).
func hanDate(s string) (time.Time, error) {
	y, rest, _ := strings.Cut(s, "年")
	m, rest, ok := strings.Cut(rest, "月")
	d := strings.TrimSuffix(rest, "日")
	if !ok || !allDigits(y) || len(y) != 4 || !allDigits(m) || len(m) > 2 || !allDigits(d) || len(d) > 2 {
		return time.Time{}, fmt.Errorf("「%s」不是日期：年、月、日都要用阿拉伯数字写全，如 2024年3月1日；或者%s", s, strings.TrimPrefix(DateHint, "请"))
	}
	return civil(atoi(y), atoi(m), atoi(d), s)
}

// serial reads an Excel serial number (days since 1899-12-30, with
// Excel's fictitious 1900-02-29 as day 60). ok is false when s is not a
// plain number of up to 7 digits before an optional fraction.
func serial(s string) (time.Time, bool, error) {
	whole, frac, _ := strings.Cut(s, ".")
	if !allDigits(whole) || len(whole) > 7 || (frac != "" && !allDigits(frac)) {
		return time.Time{}, false, nil
	}
	if frac != "" && len(whole) < 2 {
		return time.Time{}, false, nil // "3.1" is a month and day, not a serial
	}
	n, _ := strconv.Atoi(whole)
	if n == 60 {
		return time.Time{}, true, fmt.Errorf("「%s」是 Excel 中不存在的日期 1900年2月29日：%s", s, DateHint)
	}
	if n < 60 {
		n++ // before Excel's phantom leap day
	}
	d := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)
	if d.Year() < MinYear || d.Year() > MaxYear {
		return time.Time{}, true, fmt.Errorf("「%s」作为 Excel 日期序号是 %s，年份不在 %d 至 %d 之间：%s", s, d.Format("2006-01-02"), MinYear, MaxYear, DateHint)
	}
	return d, true, nil
}

// civil checks and builds a date.
func civil(y, m, d int, s string) (time.Time, error) {
	switch {
	case y < MinYear || y > MaxYear:
		return time.Time{}, fmt.Errorf("「%s」的年份 %d 不在 %d 至 %d 之间：%s", s, y, MinYear, MaxYear, DateHint)
	case m < 1 || m > 12:
		return time.Time{}, fmt.Errorf("「%s」的月份 %d 不在 1 至 12 之间：%s", s, m, DateHint)
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if d < 1 || t.Day() != d {
		return time.Time{}, fmt.Errorf("「%s」：%d 年 %d 月没有 %d 日", s, y, m, d)
	}
	return t, nil
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r > unicode.MaxASCII || r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// Date reads the cell as a date. For an XLSX date cell the stored serial
// number is used, so that the cell's display format (which may show only
// the month, or the month first) does not matter; otherwise the text is
// read with ParseDate.
func (c Cell) Date() (time.Time, error) {
	if c.Raw != c.Text && c.Raw != "" {
		if d, ok, err := serial(c.Raw); ok && err == nil {
			return d, nil
		}
	}
	return ParseDate(c.Text)
}
