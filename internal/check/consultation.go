package check

import (
	"fmt"

	"github.com/fazhi-dev/fazhi/internal/legal"
)

// checkConsultations runs consultation-feedback: a consultation (意见征集)
// that ended more than [legal] consultationFeedbackDays (default 30) days
// before the check and has no result (采纳情况) page is reported at its
// [consultation] to line.
func (c *checker) checkConsultations() {
	days := c.cfg.Legal.FeedbackDays()
	for _, p := range c.site.Pages {
		if c.stopped() {
			return
		}
		k := p.Consultation
		if k == nil || k.Status != legal.ConsultationClosed {
			continue
		}
		due := k.Ends.AddDate(0, 0, days)
		if c.o.Now.Before(due) {
			continue
		}
		c.find(p.SourcePath(), p.Line("consultation.to"), 0, RuleConsultationFeedback, fmt.Sprintf(
			"意见征集已于 %s 结束，超过 %d 天仍未公布采纳情况：请发布意见采纳情况，并在 [consultation] 中写 result = \"采纳情况页面的路径\" (consultation ended %d days ago without a result)",
			date(k.LastDay()), days, days))
	}
}
