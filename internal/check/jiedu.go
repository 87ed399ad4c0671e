package check

import (
	"fmt"

	"github.com/fazhi-dev/fazhi/internal/legal"
	"github.com/fazhi-dev/fazhi/internal/site"
)

// JieduWorkdays is the most working days a 解读 may follow its document
// (「最迟应在政策文件公开发布后3个工作日内发布」).
const JieduWorkdays = 3

// checkJiedu runs jiedu-missing and jiedu-late on 行政规范性文件. Working
// days follow the holiday calendar (see calendar).
func (c *checker) checkJiedu() {
	for _, p := range c.site.Pages {
		if c.stopped() {
			return
		}
		if p.Policy == nil || p.Policy.Genre != legal.GenreNormative {
			continue
		}
		if len(p.Interpretations) == 0 {
			c.find(p.SourcePath(), p.Line("policy.genre"), 0, RuleJieduMissing, fmt.Sprintf(
				"行政规范性文件《%s》没有政策解读：请发布解读材料，并在解读的前言中写 interprets = [\"%s\"] 与本文件关联 (policy without interpretation)",
				p.Title, p.Path))
			continue
		}
		var first *site.Page
		for _, j := range p.Interpretations {
			if first == nil || j.Date.Before(first.Date) {
				first = j
			}
		}
		if n := c.workdaysBetween(p.Date, first.Date); n > JieduWorkdays {
			line := first.Line("interprets")
			if line == 0 {
				line = first.Line("date")
			}
			c.find(first.SourcePath(), line, 0, RuleJieduLate, fmt.Sprintf(
				"解读《%s》发布于 %s，比所解读的《%s》（%s 发布）晚 %d 个工作日，超过 %d 个工作日：解读应与文件同步发布，最迟在文件发布后 %d 个工作日内发布 (interpretation published late)",
				first.Title, date(first.Date), p.Title, date(p.Date), n, JieduWorkdays, JieduWorkdays))
		}
	}
}
