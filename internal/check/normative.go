package check

import (
	"fmt"

	"github.com/fazhi-dev/fazhi/internal/legal"
	"github.com/fazhi-dev/fazhi/internal/site"
)

// checkNormative runs the rules of the 行政规范性文件 lifecycle:
// normative-review warns when one in force reaches the last
// legal.ReviewMonths months of its 有效期 (its 评估 is due), and
// effective-before-date errors when a 规范性文件 takes effect before it
// was published.
func (c *checker) checkNormative() {
	now := c.o.Now
	for _, p := range c.site.Pages {
		pol := p.Policy
		if p.Type != site.TypePolicy || pol == nil || pol.Genre != legal.GenreNormative {
			continue
		}
		if !pol.Effective.IsZero() && !p.Date.IsZero() && legal.StartOfDay(pol.Effective.Time).Before(legal.StartOfDay(p.Date)) {
			c.find(p.SourcePath(), p.Line("policy.effective"), 0, RuleEffectiveBeforeDate, fmt.Sprintf(
				"施行日期 effective（%s）早于发布日期 date（%s）：规范性文件不能在公布之前施行；请核对两个日期 (effective before publication)",
				date(pol.Effective.Time), date(p.Date)))
		}
		if pol.ValidUntil.IsZero() || !pol.Validity.HasForce() {
			continue
		}
		review := legal.StartOfDay(pol.ValidUntil).AddDate(0, -legal.ReviewMonths, 1)
		if now.Before(review) {
			continue
		}
		key, how := "policy.expires", "有效期至 expires"
		if pol.DefaultYears > 0 {
			key, how = "policy.effective", fmt.Sprintf("默认有效期 %d 年（site.toml [legal]）", pol.DefaultYears)
		}
		c.find(p.SourcePath(), p.Line(key), 0, RuleNormativeReview, fmt.Sprintf(
			"《%s》的%s到 %s 为止，不足 %d 个月：请组织评估，决定继续有效（重新登记编号后发布）、修改或到期失效 (validity ends within %d months: review due)",
			p.Title, how, date(pol.ValidUntil), legal.ReviewMonths, legal.ReviewMonths))
	}
}
