package outputs

import (
	"crypto/sha1"
	"encoding/hex"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/fazhi-dev/fazhi/internal/site"
)

// HearingLength is the assumed duration of a hearing in the calendar.
const HearingLength = 2 * time.Hour

// Hearings returns an iCalendar (RFC 5545) feed with one VEVENT per
// upcoming hearing. UIDs are derived from the case number and content path
// so that they stay the same from build to build; DTSTAMP is the page's
// last modification, so that an unchanged site gives identical bytes.
func Hearings(s *site.Site, hearings []*site.Page, u site.Base, calName string) []byte {
	var b strings.Builder
	w := func(line string) { b.WriteString(fold(line)); b.WriteString("\r\n") }
	host := "fazhi.invalid"
	if d := s.Config.Identity.Domain; d != "" {
		host = d
	}
	w("BEGIN:VCALENDAR")
	w("VERSION:2.0")
	w("PRODID:-//fazhi//hearings//ZH")
	w("CALSCALE:GREGORIAN")
	w("METHOD:PUBLISH")
	w("X-WR-CALNAME:" + escapeText(calName))
	w("X-WR-TIMEZONE:" + s.Config.TimeZone)
	for _, p := range hearings {
		n := p.Notice
		sum := sha1.Sum([]byte(n.CaseNumber + "\x00" + p.Path))
		start := n.Hearing.UTC()
		w("BEGIN:VEVENT")
		w("UID:" + hex.EncodeToString(sum[:10]) + "@" + host)
		w("DTSTAMP:" + p.Updated().UTC().Format("20060102T150405Z"))
		w("DTSTART:" + start.Format("20060102T150405Z"))
		w("DTEND:" + start.Add(HearingLength).Format("20060102T150405Z"))
		title := "开庭：" + n.Cause
		if n.Cause == "" {
			title = "开庭：" + p.Title
		}
		title += caseSuffix(n.CaseNumber)
		w("SUMMARY:" + escapeText(title))
		loc := strings.TrimSpace(n.Court + " " + n.Place)
		if loc != "" {
			w("LOCATION:" + escapeText(loc))
		}
		desc := []string{}
		if n.CaseNumber != "" {
			desc = append(desc, "案号："+n.CaseNumber)
		}
		if n.Court != "" {
			desc = append(desc, "法院："+n.Court)
		}
		if n.Place != "" {
			desc = append(desc, "法庭："+n.Place)
		}
		if len(n.Parties) > 0 {
			desc = append(desc, "当事人："+strings.Join(n.Parties, "、"))
		}
		desc = append(desc, u.Abs(p.URL))
		w("DESCRIPTION:" + escapeText(strings.Join(desc, "\n")))
		w("URL:" + u.Abs(p.URL))
		w("STATUS:CONFIRMED")
		w("END:VEVENT")
	}
	w("END:VCALENDAR")
	return []byte(b.String())
}

// caseSuffix is what follows the cause in a hearing's title: the 案号 in
// brackets, or as written when it already starts with its bracketed year
// (（2026）某0102民初4581号), so that the brackets are not doubled.
func caseSuffix(caseNumber string) string {
	switch {
	case caseNumber == "":
		return ""
	case strings.HasPrefix(caseNumber, "（") || strings.HasPrefix(caseNumber, "("):
		return caseNumber
	}
	return "（" + caseNumber + "）"
}

// escapeText escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon
// and comma get a backslash, a line break (CRLF, LF, a bare CR, U+0085,
// U+2028 or U+2029) becomes \n, a tab a space, and every other control
// character (which TEXT does not allow) is dropped.
func escapeText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch {
		case r == '\\' || r == ';' || r == ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n' && i > 0 && s[i-1] == '\r':
			// the second half of a CRLF, written with the CR
		case r == '\r' || r == '\n' || r == '\u0085' || r == '\u2028' || r == '\u2029':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteByte(' ')
		case unicode.IsControl(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// fold splits a content line into lines of at most 75 octets, never inside
// a UTF-8 character (RFC 5545 3.1).
func fold(line string) string {
	if len(line) <= 75 {
		return line
	}
	var b strings.Builder
	limit := 75
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		b.WriteString(line[:cut])
		b.WriteString("\r\n ")
		line = line[cut:]
		limit = 74
	}
	b.WriteString(line)
	return b.String()
}
