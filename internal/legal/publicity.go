package legal

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Rules for how long 行政处罚 decisions stay public (公示期), what state a
// published decision is in at a given instant, and the deadline for
// putting it online. The functions are pure: callers pass the site's
// table, its holiday calendar and the instant of the build.

// Severities are the degrees of a 行政处罚 (严重程度) that set its 公示期.
var Severities = []string{"轻微", "一般", "严重"}

// PenaltyStatuses are the states an author writes in the 状态 column of
// a 行政处罚 or a 行政许可 table: 正常, or 撤销 / 撤回 when the decision
// was revoked or withdrawn.
var PenaltyStatuses = []string{"正常", "撤销", "撤回"}

// PartyKinds are the 行政相对人类别 of the 双公示 data standard.
var PartyKinds = []string{"法人及非法人组织", "自然人", "个体工商户"}

// PermitKinds are the 许可类别 of the 双公示 data standard.
var PermitKinds = []string{"普通", "特许", "认可", "核准", "登记", "其他"}

// PublishWorkdays is the most working days between a 行政许可 or 行政处罚
// decision and its publication online (国办发〔2015〕51号, 国发〔2016〕33号).
const PublishWorkdays = 7

// Period is a length of time counted in calendar months (a year is 12).
type Period struct{ Months int }

// String writes the period as the site configuration does: "3个月", "1年".
func (p Period) String() string {
	if p.Months%12 == 0 {
		return strconv.Itoa(p.Months/12) + "年"
	}
	return strconv.Itoa(p.Months) + "个月"
}

// ParsePeriod reads "3个月", "6个月", "1年", "3年" (also "3月" and the
// English "3 months", "1 year").
func ParsePeriod(s string) (Period, error) {
	t := strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	unit := 0
	for _, u := range []struct {
		suffix string
		months int
	}{{"个月", 1}, {"月", 1}, {"年", 12}, {"months", 1}, {"month", 1}, {"years", 12}, {"year", 12}} {
		if rest, ok := strings.CutSuffix(t, u.suffix); ok {
			t, unit = rest, u.months
			break
		}
	}
	n, err := strconv.Atoi(t)
	if unit == 0 || err != nil || n <= 0 || n > 100 {
		return Period{}, fmt.Errorf("期限「%s」无效，应写成 \"3个月\" 或 \"1年\" 这样的形式", s)
	}
	return Period{Months: n * unit}, nil
}

// PublicityPeriods gives the 公示期 of a 行政处罚 by 严重程度.
type PublicityPeriods map[string]Period

// DefaultPublicityPeriods are the longest periods of each range of the
// credit-repair rules (国家发展改革委令第36号, in force from 2026-04-01,
// and 58号令 before it): 轻微 3 months, 一般 1 year, 严重 3 years. The
// shortest periods only say when 信用修复 may be applied for. ⚠ Sites
// under a stricter local rule set [legal.publicityPeriods].
func DefaultPublicityPeriods() PublicityPeriods {
	return PublicityPeriods{"轻微": {3}, "一般": {12}, "严重": {36}}
}

// AddPeriod adds p to the calendar date of t the way 《民法典》第二百零一条、
// 第二百零三条 count periods of months and years: the period ends on the
// day of the last month with the same number as the starting day, or on
// that month's last day when it has no such day (2024-01-31 plus one month
// is 2024-02-29). Clock time and location are kept.
func AddPeriod(t time.Time, p Period) time.Time {
	y, m, d := t.Date()
	first := time.Date(y, m+time.Month(p.Months), 1, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location())
	last := first.AddDate(0, 1, -1).Day()
	return first.AddDate(0, 0, min(d, last)-1)
}

// PublicityDeadline returns the 公示截止期 of a 行政处罚 decided on
// decided with the given 严重程度: the decision date plus the table's
// period, as a calendar date (the decision is public through the whole of
// that day). It reports false when the table has no period for severity.
func PublicityDeadline(decided time.Time, severity string, table PublicityPeriods) (time.Time, bool) {
	p, ok := table[severity]
	if !ok {
		return time.Time{}, false
	}
	y, m, d := decided.Date()
	return AddPeriod(time.Date(y, m, d, 0, 0, 0, 0, decided.Location()), p), true
}

// State is where a published decision stands at a given instant.
type State int

const (
	// StatePending: its 公示日期 has not come yet; not online.
	StatePending State = iota
	// StatePublic: a 行政处罚 inside its 公示期 (公示中).
	StatePublic
	// StateExpired: a 行政处罚 past its 公示截止期 (已期满); its page
	// becomes a tombstone without the party's data.
	StateExpired
	// StateRevoked: a 行政处罚 or 行政许可 marked 撤销.
	StateRevoked
	// StateWithdrawn: a 行政处罚 or 行政许可 marked 撤回.
	StateWithdrawn
	// StateValid: a 行政许可 whose 有效期至 has not passed (有效).
	StateValid
	// StateLapsed: a 行政许可 past its 有效期至 (已过期); it stays public.
	StateLapsed
)

var stateNames = [...]string{"待公示", "公示中", "已期满", "撤销", "撤回", "有效", "已过期"}

// String names the state in Chinese.
func (s State) String() string {
	if int(s) < len(stateNames) {
		return stateNames[s]
	}
	return "State(" + strconv.Itoa(int(s)) + ")"
}

// Listed reports whether a decision in state s appears in lists, search
// and data downloads: only 公示中, 有效 and 已过期 do.
func (s State) Listed() bool { return s == StatePublic || s == StateValid || s == StateLapsed }

// afterDay reports whether now is after the whole calendar day of day,
// taken in loc: the day ends at 24:00 there.
func afterDay(now, day time.Time, loc *time.Location) bool {
	y, m, d := day.Date()
	return !now.Before(time.Date(y, m, d+1, 0, 0, 0, 0, loc))
}

// PenaltyState returns the state at now of a 行政处罚 with the given 状态
// (正常, 撤销 or 撤回; empty means 正常), 公示日期 (zero when not given: it
// goes online with the first build) and 公示截止期. Dates are calendar
// dates taken in loc (the site's time zone): a decision goes online at
// 00:00 of its 公示日期 and is public until 24:00 of its 公示截止期.
// 撤销 and 撤回 win over every date.
func PenaltyState(status string, published, deadline, now time.Time, loc *time.Location) State {
	if st, ok := revoked(status); ok {
		return st
	}
	if !published.IsZero() {
		y, m, d := published.Date()
		if now.Before(time.Date(y, m, d, 0, 0, 0, 0, loc)) {
			return StatePending
		}
	}
	if !deadline.IsZero() && afterDay(now, deadline, loc) {
		return StateExpired
	}
	return StatePublic
}

// PermitState returns the state at now of a 行政许可 with the given 状态
// (正常, 撤销 or 撤回; empty means 正常), 公示日期 (zero when not given)
// and 有效期至 (zero for 长期): 有效 through 24:00 of 有效期至 in loc,
// 已过期 after. 撤销 and 撤回 win over every date, as for a 行政处罚.
func PermitState(status string, published, validTo, now time.Time, loc *time.Location) State {
	if st, ok := revoked(status); ok {
		return st
	}
	if !published.IsZero() {
		y, m, d := published.Date()
		if now.Before(time.Date(y, m, d, 0, 0, 0, 0, loc)) {
			return StatePending
		}
	}
	if !validTo.IsZero() && afterDay(now, validTo, loc) {
		return StateLapsed
	}
	return StateValid
}

// revoked returns the state a 状态 of 撤销 or 撤回 sets, whatever the
// dates.
func revoked(status string) (State, bool) {
	switch status {
	case "撤销":
		return StateRevoked, true
	case "撤回":
		return StateWithdrawn, true
	}
	return 0, false
}

// PublishDeadline returns the last day on which a decision made on
// decided may go online: PublishWorkdays working days later.
func PublishDeadline(cal *Calendar, decided time.Time) time.Time {
	return cal.AddWorkdays(decided, PublishWorkdays)
}

// LatePublication reports how many working days after the decision it
// went online, and whether that is more than PublishWorkdays.
func LatePublication(cal *Calendar, decided, published time.Time) (int, bool) {
	n := cal.WorkdaysBetween(decided, published)
	return n, n > PublishWorkdays
}

// IsSeverity reports whether s is one of Severities.
func IsSeverity(s string) bool { return slices.Contains(Severities, s) }

// IsPartyKind reports whether s is one of PartyKinds.
func IsPartyKind(s string) bool { return slices.Contains(PartyKinds, s) }

// IsPermitKind reports whether s is one of PermitKinds.
func IsPermitKind(s string) bool { return slices.Contains(PermitKinds, s) }
