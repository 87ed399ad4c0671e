package render

import (
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"github.com/fazhi-dev/fazhi/internal/enforcement"
	"github.com/fazhi-dev/fazhi/internal/site"
)

// KindDecisionStats is the template kind of an enforcement column's
// statistics pages: one per year, and the overview of all years.
const KindDecisionStats = "decisions-stats"

// StatsView is what a statistics page shows: the figures of one year, or
// (Year 0) the totals of every year. The records counted are the
// column's listed decisions, the same as its data downloads.
type StatsView struct {
	// Type is 行政处罚 or 行政许可; Penalty is true for 行政处罚, whose
	// pages show the sums of 罚款.
	Type    string
	Penalty bool
	// CategoryLabel is 处罚类别 or 许可类别.
	CategoryLabel string
	// Year is the year shown, 0 on the overview.
	Year int
	// Total, Fines, FineCount and Confiscated are the year's (or all
	// years') figures; amounts in 万元 as text ("1.25").
	Total              int
	Fines, Confiscated string
	FineCount          int
	Months             []StatsMonth
	Categories         []enforcement.CategoryCount
	// Years are every year with its page and figures, newest first.
	Years []StatsYear
	// Chart is the inline SVG bar chart of Months (of Years on the
	// overview).
	Chart template.HTML
	// Overview is the URL of the overview; CSV and JSON those of the
	// column's data downloads.
	Overview, CSV, JSON string
	// EmptyNotice is said of a month without decisions.
	EmptyNotice string
}

// StatsMonth is one month's row.
type StatsMonth struct {
	Month, Count int
	Fines        string
}

// StatsYear is one year's row of the overview, and its link.
type StatsYear struct {
	Year    int
	URL     string
	Total   int
	Fines   string
	Current bool
}

// decisionStats renders the statistics pages of an enforcement column:
// <column>/stats/ (every year) and <column>/stats/<year>/ for each year
// with listed decisions and the build's year.
func (c *column) decisionStats() error {
	e := c.sec.Enforcement
	base := c.sec.URL()
	records := make([]*enforcement.Published, 0, len(e.Listed))
	for _, dp := range e.Listed {
		records = append(records, dp.Published)
	}
	years := enforcement.StatYears(records)
	if now := c.r.Data.Now.In(c.r.Site.Config.Location).Year(); !slices.Contains(years, now) {
		years = append([]int{now}, years...)
		slices.Sort(years)
		slices.Reverse(years)
	}
	view := StatsView{Type: e.Type, Penalty: e.Penalty(), CategoryLabel: e.CategoryLabel(),
		Overview: c.sec.StatsURL(), CSV: c.sec.DataCSVURL(), JSON: c.sec.DataJSONURL(),
		EmptyNotice: enforcement.EmptyMonthNotice}
	var all enforcement.YearStats
	stats := make([]enforcement.YearStats, len(years))
	for i, y := range years {
		s := enforcement.Stats(records, y)
		stats[i] = s
		view.Years = append(view.Years, StatsYear{Year: y, URL: site.StatsURL(base, y), Total: s.Total, Fines: enforcement.FormatWanYuan(s.Fines)})
		all.Total += s.Total
		all.Fines += s.Fines
		all.FineCount += s.FineCount
		all.Confiscated += s.Confiscated
	}
	// The overview: every year, a bar each (oldest first, as read).
	ov := view
	ov.Total, ov.Fines, ov.FineCount, ov.Confiscated = all.Total, enforcement.FormatWanYuan(all.Fines), all.FineCount, enforcement.FormatWanYuan(all.Confiscated)
	var bars []Bar
	for i := len(view.Years) - 1; i >= 0; i-- {
		y := view.Years[i]
		bars = append(bars, Bar{strconv.Itoa(y.Year), y.Total})
	}
	ov.Chart = BarChart("stats-years", e.Type+"决定数量（按年份）", chartDesc(bars, "年"), bars)
	title := c.sec.Index.Title + " · 统计"
	if err := c.statsPage(title, view.Overview, &ov, nil); err != nil {
		return err
	}
	now := c.r.Data.Now.In(c.r.Site.Config.Location)
	for i, y := range years {
		s := stats[i]
		v := view
		v.Year, v.Total, v.FineCount = y, s.Total, s.FineCount
		v.Fines, v.Confiscated = enforcement.FormatWanYuan(s.Fines), enforcement.FormatWanYuan(s.Confiscated)
		v.Categories = s.Categories
		v.Years = slices.Clone(view.Years)
		v.Years[i].Current = true
		last := 12
		if y == now.Year() {
			last = int(now.Month())
		}
		bars = bars[:0:0]
		for m := 1; m <= last; m++ {
			v.Months = append(v.Months, StatsMonth{Month: m, Count: s.Months[m-1], Fines: enforcement.FormatWanYuan(s.MonthFines[m-1])})
			bars = append(bars, Bar{strconv.Itoa(m) + "月", s.Months[m-1]})
		}
		v.Chart = BarChart(fmt.Sprintf("stats-%d", y), fmt.Sprintf("%d年%s决定数量（按月）", y, e.Type), chartDesc(bars, ""), bars)
		u := site.StatsURL(base, y)
		if err := c.statsPage(fmt.Sprintf("%s · %d年统计", c.sec.Index.Title, y), u, &v, &Crumb{fmt.Sprintf("%d年", y), u}); err != nil {
			return err
		}
	}
	return nil
}

// chartDesc is the text alternative of a chart: every bar's label and
// value, so that a reader who cannot see the chart misses nothing.
func chartDesc(bars []Bar, unit string) string {
	parts := make([]string, len(bars))
	for i, b := range bars {
		parts[i] = fmt.Sprintf("%s%s %d 件", b.Label, unit, b.Value)
	}
	return strings.Join(parts, "，") + "。"
}

func (c *column) statsPage(title, url string, v *StatsView, crumb *Crumb) error {
	d := c.data(KindDecisionStats, title, url)
	d.Stats = v
	d.Breadcrumbs = append(slices.Clip(c.crumbs), Crumb{"统计", v.Overview})
	if crumb != nil {
		d.Breadcrumbs = append(d.Breadcrumbs, *crumb)
	}
	return c.r.execute(c.sink, c.sec.Path, KindDecisionStats, url, d)
}
