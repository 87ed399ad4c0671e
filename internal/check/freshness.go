package check

import (
	"fmt"
	"sort"
	"strings"

	"github.com/fazhi-dev/fazhi/internal/legal"
	"github.com/fazhi-dev/fazhi/internal/site"
)

// HomeLimit is the most days the home page may go without a new item
// (「监测2周，首页无信息更新的」 is a veto).
const HomeLimit = 14

// VetoColumns is the number of stale, or of empty, columns that makes a
// veto (「累计超过（含）5个」).
const VetoColumns = 5

// DefaultFreshness is the most days a column of each type may go without
// a new item; column types not listed are not checked.
var DefaultFreshness = map[string]int{
	string(legal.ColumnNews):             14,
	string(legal.ColumnNotices):          180,
	string(legal.ColumnPolicies):         180,
	string(legal.ColumnInterpretations):  180,
	string(legal.ColumnJudicialOpenness): 180,
	string(legal.ColumnLeaders):          365,
	string(legal.ColumnFunctions):        365,
	string(legal.ColumnOverview):         365,
	string(legal.ColumnAnnualReport):     365,
}

// freshness returns the limits with the site's [check.freshness] applied.
func (c *checker) freshness() map[string]int {
	out := map[string]int{}
	for k, v := range DefaultFreshness {
		out[k] = v
	}
	for k, v := range c.cfg.Check.Freshness {
		out[k] = v
	}
	return out
}

// newest returns the newest dated page of pages, or nil.
func newest(pages []*site.Page) *site.Page {
	var n *site.Page
	for _, p := range pages {
		if !p.Date.IsZero() && (n == nil || p.Date.After(n.Date)) {
			n = p
		}
	}
	return n
}

// checkFreshness runs home-stale, column-stale and column-stale-veto.
func (c *checker) checkFreshness() {
	now := c.o.Now
	if n := newest(c.site.Pages); n == nil {
		msg := "网站没有任何注明发布日期的信息，首页视为不更新：请发布带 date 的工作动态等信息 (home page never updated)"
		c.find(c.site.Home.SourcePath(), 0, 0, RuleHomeStale, msg)
		c.vetoOnly(RuleHomeStale, "首页不更新：网站没有任何注明发布日期的信息")
	} else if d := legal.CalendarDays(n.Date, now); d > HomeLimit {
		c.find(n.SourcePath(), n.Line("date"), 0, RuleHomeStale, fmt.Sprintf(
			"首页最新的信息《%s》发布于 %s，到检查时间 %s 已 %d 天没有更新，超过 %d 天即单项否决「首页不更新」：请及时发布新的信息 (home page not updated)",
			n.Title, date(n.Date), date(now), d, HomeLimit))
		c.vetoOnly(RuleHomeStale, fmt.Sprintf(
			"首页不更新：最新信息《%s》发布于 %s，已 %d 天未更新（超过 %d 天）", n.Title, date(n.Date), d, HomeLimit))
	}

	limits := c.freshness()
	var stale []string
	var first *site.Section
	for _, sec := range sortedSections(c.site.SectionByPath) {
		limit := limits[sec.ColumnType]
		n := newest(sec.Pages)
		if limit <= 0 || n == nil {
			continue
		}
		d := legal.CalendarDays(n.Date, now)
		if d <= limit {
			continue
		}
		if first == nil {
			first = sec
		}
		stale = append(stale, "「"+sec.Title()+"」")
		c.find(sec.Index.SourcePath(), columnLine(sec), 0, RuleColumnStale, fmt.Sprintf(
			"栏目「%s」（%s）最新的信息《%s》发布于 %s，已 %d 天没有更新，超过这类栏目的 %d 天：请及时发布新的信息；确实不需更新的栏目可在 site.toml 的 [check.freshness] 中调整 (column not updated)",
			sec.Title(), sec.ColumnType, n.Title, date(n.Date), d, limit))
	}
	if len(stale) >= VetoColumns {
		c.veto(RuleColumnStaleVeto, first.Index.SourcePath(), columnLine(first), fmt.Sprintf(
			"栏目不更新：%d 个栏目未及时更新（%s），达到 %d 个即单项否决", len(stale), strings.Join(stale, ""), VetoColumns))
	}
}

// columnLine is the line of a column's columnType, or of its title.
func columnLine(sec *site.Section) int {
	if l := sec.Index.Line("columnType"); l > 0 {
		return l
	}
	return sec.Index.Line("title")
}

// sortedSections returns the columns ordered by folder.
func sortedSections(m map[string]*site.Section) []*site.Section {
	out := make([]*site.Section, 0, len(m))
	for _, s := range m {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}
