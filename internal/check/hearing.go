package check

import (
	"fmt"

	"github.com/fazhi-dev/fazhi/internal/legal"
)

// HearingNoticeDays is how many days before the hearing a 开庭公告 must be
// published (民事诉讼法：「应当在开庭三日前通知当事人…公告当事人姓名、案由和
// 开庭的时间、地点」; 刑事诉讼法 likewise 「开庭三日以前先期公布」).
const HearingNoticeDays = 3

// checkHearings runs hearing-notice-late: calendar days from the day the
// notice is published (date, or publishDate when later) to the day of the
// hearing must be at least three.
func (c *checker) checkHearings() {
	for _, p := range c.site.Pages {
		if c.stopped() {
			return
		}
		n := p.Notice
		if n == nil || n.Type != legal.NoticeHearing || n.Hearing.IsZero() {
			continue
		}
		pub := p.Date
		if p.PublishDate.After(pub) {
			pub = p.PublishDate
		}
		if pub.IsZero() {
			continue
		}
		d := legal.CalendarDays(pub, n.Hearing.In(pub.Location()))
		if d >= HearingNoticeDays {
			continue
		}
		c.find(p.SourcePath(), p.Line("notice.hearing"), 0, RuleHearingLate, fmt.Sprintf(
			"开庭公告发布于 %s，距开庭（%s）只有 %d 天：开庭公告应当在开庭三日前发布；请核对 date 和 hearing，或改期开庭后重新公告 (hearing notice less than 3 days before the hearing)",
			date(pub), n.Hearing.Format("2006-01-02 15:04"), d))
	}
}
