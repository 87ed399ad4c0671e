package legal

// Validity is the legal state of a policy document (有效性) at build time,
// computed from its dates, status and relations, in the words readers see.
type Validity string

// The validity states of a policy.
const (
	NotYetInForce Validity = "尚未施行"
	InForce       Validity = "有效"
	Amended       Validity = "已修改"
	Expired       Validity = "已失效"
	Repealed      Validity = "已废止"
)

// Validities are the validity states in the order lists show them.
var Validities = []Validity{InForce, NotYetInForce, Amended, Expired, Repealed}

// validityClass gives each state the word layouts use for it.
var validityClass = map[Validity]string{
	NotYetInForce: "not-yet",
	InForce:       "in-force",
	Amended:       "amended",
	Expired:       "expired",
	Repealed:      "repealed",
}

// Class returns the state as an ASCII word for layouts and style sheets
// ("in-force", "not-yet", "amended", "expired", "repealed"), so that
// templates never compare Chinese strings; "" for an unknown state.
func (v Validity) Class() string { return validityClass[v] }

// HasForce reports whether a policy in this state has legal force now:
// in force, or in force as amended.
func (v Validity) HasForce() bool { return v == InForce || v == Amended }

// NoticeStatus is whether a notice is still running (公告中) or its period
// has ended (已届满).
type NoticeStatus string

// The states of a notice.
const (
	NoticeCurrent NoticeStatus = "公告中"
	NoticeEnded   NoticeStatus = "已届满"
)

// CleanupOutcome is a conclusion of a 规范性文件清理 (清理结果) for one
// document.
type CleanupOutcome string

// The outcomes of a cleanup, in the order a 清理结果 lists them.
const (
	CleanupContinued CleanupOutcome = "继续有效"
	CleanupRevised   CleanupOutcome = "修改后重新发布"
	CleanupExpired   CleanupOutcome = "宣布失效"
	CleanupRepealed  CleanupOutcome = "宣布废止"
)

// CleanupOutcomes are the outcomes of a cleanup in their listed order.
var CleanupOutcomes = []CleanupOutcome{CleanupContinued, CleanupRevised, CleanupExpired, CleanupRepealed}

// Validity is the state a document takes from the day the decision
// applies.
func (o CleanupOutcome) Validity() Validity {
	switch o {
	case CleanupRevised:
		return Amended
	case CleanupExpired:
		return Expired
	case CleanupRepealed:
		return Repealed
	}
	return InForce
}

// ReviewMonths is how long before its 有效期 ends a 规范性文件 is due for
// its 评估 (山东: 届满前6个月评估).
const ReviewMonths = 6
