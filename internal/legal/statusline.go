package legal

import (
	"strings"
	"time"
)

// Ref names a document in a status line: its title and, when it has one,
// its document number (发文字号).
type Ref struct {
	Title     string
	DocNumber string
}

// cite writes 《title》（docNumber）, or 《title》 without a number; a
// 书名号 inside the title becomes 〈〉, as a nested one is written.
func (r Ref) cite() string {
	s := "《" + nested.Replace(r.Title) + "》"
	if r.DocNumber != "" {
		s += "（" + r.DocNumber + "）"
	}
	return s
}

// StatusLine is the one sentence under a policy's title that names its
// state, the date and the reason, e.g. 「已废止 · 自2026年5月1日起由《某市
// 行政复议办法》（某府令〔2026〕27号）废止」. Its String method writes it;
// the site fills the facts.
type StatusLine struct {
	Validity Validity
	// Since is the day the state began: the effective date of a policy in
	// force or not yet in force, the day a replacement or a cleanup
	// decision took effect. Zero when unknown.
	Since time.Time
	// Until is the last day in force of an expired policy.
	Until time.Time
	// By is the document that amended, replaced or (in a cleanup)
	// declared the state; zero when the state was set by hand.
	By Ref
	// Cleanup is true when By is a 清理结果 decision, which 宣布 the state.
	Cleanup bool
	// Revised is true when By is a new text of the document (修订), not a
	// separate 修改决定.
	Revised bool
}

var nested = strings.NewReplacer("《", "〈", "》", "〉")

// dateCN writes a date as in a 公文: 2026年5月1日.
func dateCN(t time.Time) string { return t.Format("2006年1月2日") }

// String returns the sentence:
//
//	现行有效 · 2026年5月1日起施行
//	尚未施行 · 将于2026年7月1日起施行
//	已修改 · 根据《…》（…号）修改
//	已修改 · 已被《…》（…号）修订
//	已失效 · 有效期至2025年6月30日
//	已失效 · 自2026年5月1日起由《…清理结果…》宣布失效
//	已废止 · 自2026年5月1日起由《…》（…号）废止
//
// A state without facts is written alone (「已废止」).
func (l StatusLine) String() string {
	var reason string
	since := ""
	if !l.Since.IsZero() {
		since = "自" + dateCN(l.Since) + "起"
	}
	switch l.Validity {
	case InForce:
		switch {
		case l.Cleanup && l.By.Title != "":
			reason = "经" + l.By.cite() + "确认继续有效"
		case !l.Since.IsZero():
			reason = dateCN(l.Since) + "起施行"
		}
		return join("现行有效", reason)
	case NotYetInForce:
		if !l.Since.IsZero() {
			reason = "将于" + dateCN(l.Since) + "起施行"
		}
	case Amended:
		switch {
		case l.Cleanup && l.By.Title != "":
			reason = since + "由" + l.By.cite() + "决定修改后重新发布"
		case l.Revised && l.By.Title != "":
			reason = "已被" + l.By.cite() + "修订"
		case l.By.Title != "":
			reason = "根据" + l.By.cite() + "修改"
		}
	case Expired:
		switch {
		case l.Cleanup && l.By.Title != "":
			reason = since + "由" + l.By.cite() + "宣布失效"
		case !l.Until.IsZero():
			reason = "有效期至" + dateCN(l.Until)
		}
	case Repealed:
		switch {
		case l.Cleanup && l.By.Title != "":
			reason = since + "由" + l.By.cite() + "宣布废止"
		case l.By.Title != "":
			reason = since + "由" + l.By.cite() + "废止"
		}
	}
	return join(string(l.Validity), reason)
}

func join(state, reason string) string {
	if reason == "" {
		return state
	}
	return state + " · " + reason
}

// ListMark is the mark put before the title of a policy without force in
// lists: 【已失效】 or 【已废止】; "" for other states.
func (v Validity) ListMark() string {
	if v == Expired || v == Repealed {
		return "【" + string(v) + "】"
	}
	return ""
}

// IsProvisional reports whether a title names a provisional document
// (暂行 or 试行), which has the shorter default 有效期.
func IsProvisional(title string) bool {
	return strings.Contains(title, "暂行") || strings.Contains(title, "试行")
}

// DefaultExpiry returns the last day in force of a document that takes
// effect on effective and is valid for years: 2021-05-01 and 5 years give
// 2026-04-30. It returns the zero time when years is not positive.
func DefaultExpiry(effective time.Time, years int) time.Time {
	if years <= 0 || effective.IsZero() {
		return time.Time{}
	}
	return StartOfDay(effective).AddDate(years, 0, -1)
}
