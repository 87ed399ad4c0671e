// Package enforcement reads the 行政执法公示 (双公示) tables of 行政处罚 and
// 行政许可 decisions that offices export from their case systems: it
// recognises the columns by their Chinese headers, checks every row and
// reports each problem at the row and column the author sees in Excel,
// computes the 公示截止期 and the state of each decision at the time of
// the build, and turns a decision into the record that may be published,
// with names masked and personal numbers removed.
//
// Two types keep the privacy rule structural: Decision is the whole row as
// read, identity numbers included, and never leaves the build; Published
// is what pages, search, feeds and data downloads may show, and has no
// field that could hold an identity document number.
package enforcement

import (
	"time"

	"github.com/fazhi-dev/fazhi/internal/legal"
)

// Amount is a sum of money in 万元 as the standard writes it.
type Amount struct {
	// WanYuan is the amount in 万元.
	WanYuan float64
	// Set is false when the cell was empty.
	Set bool
}

// Decision is one row of a table: a 行政处罚 or 行政许可 decision with
// every column as read, identity numbers included. It must not be given
// to templates or outputs; use Publish.
type Decision struct {
	// Type is Penalty or Permit.
	Type string
	// Line is the row in the spreadsheet (Excel's row number).
	Line int

	Party, PartyKind, CreditCode                  string
	RegNo, OrgCode, TaxNo, InstNo, SocialOrgNo    string
	LegalRep                                      string
	RepIDType, RepIDNumber, IDType, IDNumber      string // never published
	Number                                        string // 文号
	ViolationType, Facts, Basis, Category         string
	Content, Licence, Note                        string
	Fine, Confiscated                             Amount
	Decided, PenaltyValidity, Deadline, Published time.Time // calendar dates (UTC midnight); zero when empty
	// DeadlineComputed is true when Deadline came from Severity and the
	// site's 公示期 table rather than from the data.
	DeadlineComputed             bool
	Authority, AuthorityCode     string
	Source, SourceCode           string
	DocName, CertName, PermitNo  string
	ValidFrom, ValidTo           time.Time
	PermitState                  string
	Severity, Status, RevokeNote string
	Minor                        bool
}

// State returns the decision's state at now, with dates taken in loc.
func (d *Decision) State(now time.Time, loc *time.Location) legal.State {
	if d.Type == Permit {
		return legal.PermitState(d.Status, d.Published, d.ValidTo, now, loc)
	}
	return legal.PenaltyState(d.Status, d.Published, d.Deadline, now, loc)
}

// Published is a decision as it may be shown to the public: on pages, in
// the search index, feeds, the catalogue and data downloads. It has no
// field for 证件类型 or 证件号码 (of the party or of its legal
// representative): those are never published, by construction. Names of
// natural persons and of the 经营者 of a 个体工商户 are masked and
// identity, phone and bank-card numbers are removed from free text.
type Published struct {
	Type string `json:"type"`
	// Number is the 文号, the decision's key; its page is at the column's
	// URL plus a slug of it.
	Number        string   `json:"number"`
	Party         string   `json:"party"`
	PartyKind     string   `json:"partyKind"`
	CreditCode    string   `json:"creditCode,omitempty"`
	LegalRep      string   `json:"legalRep,omitempty"`
	ViolationType string   `json:"violationType,omitempty"`
	Facts         string   `json:"facts,omitempty"`
	Basis         string   `json:"basis,omitempty"`
	Category      string   `json:"category"`
	Content       string   `json:"content"`
	Fine          *float64 `json:"fine,omitempty"`        // 万元
	Confiscated   *float64 `json:"confiscated,omitempty"` // 万元
	Licence       string   `json:"licence,omitempty"`
	Decided       string   `json:"decided"`            // YYYY-MM-DD
	Deadline      string   `json:"deadline,omitempty"` // 公示截止期, YYYY-MM-DD
	Online        string   `json:"online,omitempty"`   // 公示日期, YYYY-MM-DD
	DocName       string   `json:"docName,omitempty"`
	CertName      string   `json:"certName,omitempty"`
	PermitNo      string   `json:"permitNo,omitempty"`
	ValidFrom     string   `json:"validFrom,omitempty"`
	ValidTo       string   `json:"validTo,omitempty"`
	Authority     string   `json:"authority"`
	AuthorityCode string   `json:"authorityCode,omitempty"`
	Source        string   `json:"source,omitempty"`
	Note          string   `json:"note,omitempty"`
	State         string   `json:"state"`
	RevokeNote    string   `json:"revokeNote,omitempty"`
	stateValue    legal.State
}

// StateValue returns the record's state as a legal.State.
func (p *Published) StateValue() legal.State { return p.stateValue }

// Listed reports whether the record appears in lists, search and data
// downloads (公示中, 有效, 已过期).
func (p *Published) Listed() bool { return p.stateValue.Listed() }
