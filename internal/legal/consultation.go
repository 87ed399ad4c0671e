package legal

import "time"

// ConsultationStatus is the state of a public consultation on a draft
// (意见征集) at build time, in the words readers see.
type ConsultationStatus string

// The states of a consultation.
const (
	// ConsultationPending: the comment period has not begun.
	ConsultationPending ConsultationStatus = "未开始"
	// ConsultationOpen: comments are being taken (from ≤ now < end).
	ConsultationOpen ConsultationStatus = "征集中"
	// ConsultationClosed: the period is over and no 采纳情况 is published.
	ConsultationClosed ConsultationStatus = "已结束"
	// ConsultationAnswered: the period is over and the 采纳情况 (feedback on
	// the comments received) is published.
	ConsultationAnswered ConsultationStatus = "已反馈"
)

// ConsultationStatuses are the states of a consultation, in order.
var ConsultationStatuses = []string{string(ConsultationPending), string(ConsultationOpen), string(ConsultationClosed), string(ConsultationAnswered)}

var consultationClass = map[ConsultationStatus]string{
	ConsultationPending:  "pending",
	ConsultationOpen:     "open",
	ConsultationClosed:   "closed",
	ConsultationAnswered: "answered",
}

// Class returns the state as an ASCII word for layouts and style sheets
// ("pending", "open", "closed", "answered"); "" for an unknown state.
func (s ConsultationStatus) Class() string { return consultationClass[s] }

// DefaultConsultationFeedbackDays is how many days after a consultation
// ends its 采纳情况 should be published before check warns (a setting:
// [legal] consultationFeedbackDays).
const DefaultConsultationFeedbackDays = 30

// ConsultationEnd returns the instant a comment period ending at to
// closes: a date without a time of day (midnight) runs through the whole
// of that day, a date-time ends at that instant.
func ConsultationEnd(to time.Time) time.Time {
	if to.Equal(StartOfDay(to)) {
		return to.AddDate(0, 0, 1)
	}
	return to
}

// ConsultationState returns the state at now of a consultation taking
// comments from from until end (see ConsultationEnd); answered reports
// that its 采纳情况 is published.
func ConsultationState(from, end, now time.Time, answered bool) ConsultationStatus {
	switch {
	case now.Before(from):
		return ConsultationPending
	case now.Before(end):
		return ConsultationOpen
	case answered:
		return ConsultationAnswered
	}
	return ConsultationClosed
}
