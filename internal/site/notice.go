package site

import (
	"time"

	"github.com/fazhi-dev/fazhi/internal/frontmatter"
	"github.com/fazhi-dev/fazhi/internal/legal"
)

// Notice status values; their home is legal.
const (
	NoticeCurrent = legal.NoticeCurrent
	NoticeEnded   = legal.NoticeEnded
)

// DefaultServicePeriod is the notice period of a 送达公告 in days (民事诉讼法:
// 自发出公告之日起经过三十日即视为送达).
const DefaultServicePeriod = 30

// NoticeInfo is a notice's metadata with its computed status.
type NoticeInfo struct {
	*frontmatter.Notice
	// Status is 公告中 or 已届满 at build time.
	Status legal.NoticeStatus
	// Ends is the last day of the notice period (zero when open-ended).
	Ends time.Time
	// Upcoming reports a hearing that has not started yet.
	Upcoming bool
}

// Current reports whether the notice is still running.
func (n *NoticeInfo) Current() bool { return n.Status == NoticeCurrent }

// computeNotice sets status and period end. A notice with a period runs
// through the whole of its last day: date + periodDays. 开庭公告 without a
// period run until the hearing starts.
func computeNotice(p *Page, now time.Time) {
	n := p.Notice
	period := n.PeriodDays
	if period == 0 && n.Type == legal.NoticeService {
		period = DefaultServicePeriod
	}
	switch {
	case !n.Until.IsZero():
		n.Ends = legal.StartOfDay(n.Until.Time)
	case period > 0:
		n.Ends = legal.StartOfDay(p.Date).AddDate(0, 0, period)
	}
	n.Status = NoticeCurrent
	if !n.Ends.IsZero() && !now.Before(n.Ends.AddDate(0, 0, 1)) {
		n.Status = NoticeEnded
	}
	if !n.Hearing.IsZero() {
		n.Upcoming = now.Before(n.Hearing.Time)
		if n.Ends.IsZero() && !n.Upcoming {
			n.Status = NoticeEnded
		}
	}
}
