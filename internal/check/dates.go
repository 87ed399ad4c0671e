package check

import (
	"fmt"
	"time"

	"github.com/fazhi-dev/fazhi/internal/site"
)

// checkFutureDates runs date-future: a published page must not carry a
// date or lastmod after the time of the check (伪造发布日期 is a veto
// item of the inspection). Such a page is published when its publishDate
// is earlier. Pages that are not published yet at --now (shown with
// --future) are not reported.
func (c *checker) checkFutureDates() {
	now := c.o.Now
	for _, p := range c.site.Pages {
		if c.stopped() {
			return
		}
		pub := p.PublishDate
		if pub.IsZero() {
			pub = p.Date
		}
		if pub.After(now) {
			continue
		}
		for _, f := range []struct {
			key string
			t   time.Time
			cn  string
		}{{"date", p.Date, "发布日期"}, {"lastmod", p.Lastmod, "更新日期"}} {
			if f.t.IsZero() || !f.t.After(now) {
				continue
			}
			c.find(p.SourcePath(), p.Line(f.key), 0, RuleDateFuture, fmt.Sprintf(
				"%s %s（%s）晚于检查时间 %s：页面已经发布，日期却在将来，检查中视为伪造发布日期；请写实际发布的日期，尚未发布的页面请加 publishDate 或 draft = true (date in the future)",
				f.cn, f.key, date(f.t), date(now)))
		}
	}
}

// unpublishedMsg explains a link to a page that the build left out.
func unpublishedMsg(dest string, p *site.Page, now time.Time) string {
	why := "草稿（draft = true）"
	pub := p.PublishDate
	if pub.IsZero() {
		pub = p.Date
	}
	switch {
	case p.Draft:
	case !pub.IsZero() && pub.After(now):
		why = "尚未发布（发布日期 " + date(pub) + "）"
	case !p.ExpiryDate.IsZero() && !p.ExpiryDate.After(now):
		why = "已过期（expiryDate " + date(p.ExpiryDate) + "）"
	}
	return fmt.Sprintf("链接「%s」指向的《%s》（%s）是%s的页面，读者打开会看到“页面不存在”：请删去这个链接，或等该页面发布后再加上 (link to an unpublished page)",
		dest, p.Title, p.SourcePath(), why)
}
