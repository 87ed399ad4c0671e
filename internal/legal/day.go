package legal

import "time"

// StartOfDay returns 00:00 of t's calendar day in t's own location. Legal
// periods count whole days: a policy takes effect at the start of its
// effective date, an expiry date is the last whole day in force, a notice
// runs through the whole of its last day.
func StartOfDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// InDays reports whether now falls within the whole days from through to:
// from 00:00 of from's day until 24:00 of to's day.
func InDays(now, from, to time.Time) bool {
	return !now.Before(StartOfDay(from)) && now.Before(StartOfDay(to).AddDate(0, 0, 1))
}

// CalendarDays counts calendar days from t's day to now's day, both taken
// in now's zone: 1 from any time yesterday to any time today.
func CalendarDays(t, now time.Time) int {
	a := t.In(now.Location())
	da := time.Date(a.Year(), a.Month(), a.Day(), 0, 0, 0, 0, time.UTC)
	db := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	return int(db.Sub(da).Hours() / 24)
}
