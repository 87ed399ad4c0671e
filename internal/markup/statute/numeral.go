package statute

import "unicode/utf8"

// maxNumeral is the largest number ParseNumeral accepts.
const maxNumeral = 9999

// ParseNumeral parses a whole string as a number written in Chinese
// numerals (一 … 九千九百九十九, with 〇 or 零 as the zero filler and 两
// accepted for 二 before 百 and 千) or in Arabic digits (ASCII or
// full-width, no leading zero). 零 and 〇 on their own are 0.
//
// The written form must be the standard one: 十二, 二十, 一百零三,
// 一百一十, 一千零一; colloquial short forms such as 一百一 (110) or
// 一千二 (1200) are rejected because they are ambiguous. A leading 一 before
// 十 is allowed (一十二 = 12).
func ParseNumeral(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	if n, ok, arabic := parseArabic(s); arabic {
		return n, ok
	}
	return parseChinese(s)
}

// parseArabic parses ASCII or full-width digits. arabic reports whether s
// starts with a digit at all, so that the caller can fall back to Chinese.
func parseArabic(s string) (n int, ok, arabic bool) {
	digits := 0
	for i, r := range s {
		d := arabicDigit(r)
		if d < 0 {
			if i == 0 {
				return 0, false, false
			}
			return 0, false, true
		}
		if digits == 0 && d == 0 && i+utf8.RuneLen(r) < len(s) {
			return 0, false, true // leading zero
		}
		digits++
		if digits > 4 {
			return 0, false, true
		}
		n = n*10 + d
	}
	return n, true, true
}

// arabicDigit returns the value of an ASCII or full-width digit, or -1.
func arabicDigit(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '０' && r <= '９':
		return int(r - '０')
	}
	return -1
}

// chineseDigit returns the value of a Chinese digit (1-9), 0 for 〇/零,
// or -1. two reports 两.
func chineseDigit(r rune) (d int, two bool) {
	switch r {
	case '〇', '零':
		return 0, false
	case '一':
		return 1, false
	case '二':
		return 2, false
	case '两':
		return 2, true
	case '三':
		return 3, false
	case '四':
		return 4, false
	case '五':
		return 5, false
	case '六':
		return 6, false
	case '七':
		return 7, false
	case '八':
		return 8, false
	case '九':
		return 9, false
	}
	return -1, false
}

// chineseUnit returns the value of 十, 百 or 千, or 0.
func chineseUnit(r rune) int {
	switch r {
	case '十':
		return 10
	case '百':
		return 100
	case '千':
		return 1000
	}
	return 0
}

// isNumeralRune reports whether r can be part of a numeral accepted by
// ParseNumeral.
func isNumeralRune(r rune) bool {
	if arabicDigit(r) >= 0 || chineseUnit(r) != 0 {
		return true
	}
	d, _ := chineseDigit(r)
	return d >= 0
}

// parseChinese parses the positional Chinese form. The number is read as a
// sequence of terms "digit unit" with strictly falling units; a skipped
// unit must be marked by exactly one 零 (〇), and 零 may only stand where a
// unit was skipped.
func parseChinese(s string) (int, bool) {
	if s == "零" || s == "〇" {
		return 0, true
	}
	total := 0
	last := 10000 // unit of the previous term
	zero := false // a 零 was seen since the previous term
	first := true
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		d, two := chineseDigit(r)
		if d == 0 {
			if first || zero {
				return 0, false
			}
			zero = true
			continue
		}
		unit := chineseUnit(r)
		switch {
		case d > 0:
			unit = 1
			if i < len(s) {
				r2, size2 := utf8.DecodeRuneInString(s[i:])
				if u := chineseUnit(r2); u != 0 {
					unit = u
					i += size2
				}
			}
			if two && unit < 100 && !(first && unit == 1 && i == len(s)) {
				return 0, false // 两 only before 百/千 or alone
			}
		case unit == 10 && first:
			d = 1 // bare leading 十
		default:
			return 0, false
		}
		if unit >= last {
			return 0, false
		}
		if !first {
			gap := unit*10 < last
			if gap != zero {
				return 0, false
			}
		}
		total += d * unit
		last = unit
		zero = false
		first = false
	}
	if zero || first {
		return 0, false
	}
	return total, true
}
