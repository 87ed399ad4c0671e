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
