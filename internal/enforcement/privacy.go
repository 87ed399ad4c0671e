package enforcement

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/legal"
	"github.com/fazhi-dev/fazhi/internal/lint"
)

// Removed replaces an identity, phone or bank-card number in free text.
const Removed = "（已隐去）"

// Privacy configures Publish.
type Privacy struct {
	// NameMask replaces the given name of natural persons
	// (legal.DefaultNameMask when empty).
	NameMask string
}

// ScrubText removes from free text every identity card, mobile phone and
// bank card number the personal-data scanner of fazhi check finds
// (lint.PersonalData), writing Removed in their place.
func ScrubText(s string) string {
	fs := lint.PersonalData(s)
	if len(fs) == 0 {
		return s
	}
	// Replace the longest matches first so that a number inside another
	// is not left half-replaced.
	matches := make([]string, 0, len(fs))
	for _, f := range fs {
		matches = append(matches, f.Match)
	}
	sort.SliceStable(matches, func(i, j int) bool { return len(matches[i]) > len(matches[j]) })
	for _, m := range matches {
		s = strings.ReplaceAll(s, m, Removed)
	}
	return s
}

// person returns the natural person whose name must be masked in d, and
// the masked form: the party when it is a 自然人, the 经营者 (written in
// 法定代表人) of a 个体工商户; "" when there is none.
func person(d *Decision, mask string) (name, masked string) {
	switch d.PartyKind {
	case "自然人":
		name = d.Party
	case "个体工商户":
		name = d.LegalRep
	default:
		return "", ""
	}
	if name == "" {
		return "", ""
	}
	return name, legal.MaskName(name, mask)
}

// Publish returns the record of d that may be shown to the public at now
// (dates in loc), and false when d must not be published at all (a row
// marked 未成年人). Identity document numbers are not carried over (the
// record has no field for them); the name of a natural person or of the
// 经营者 of a 个体工商户 is masked wherever it appears; identity, phone and
// bank-card numbers are removed from every free-text field. A decision
// that is not Listed (已期满, 撤销, 撤回, 待公示) keeps only what its
// tombstone page shows: 文号, dates, authority, state and the 撤销说明.
func Publish(d *Decision, p Privacy, now time.Time, loc *time.Location) (*Published, bool) {
	if d.Minor {
		return nil, false
	}
	name, masked := person(d, p.NameMask)
	clean := func(s string) string {
		if name != "" && s != "" {
			s = strings.ReplaceAll(s, name, masked)
		}
		return strings.TrimSpace(ScrubText(s))
	}
	st := d.State(now, loc)
	r := &Published{
		Type:          d.Type,
		Number:        d.Number,
		Decided:       dateString(d.Decided),
		Deadline:      dateString(d.Deadline),
		Online:        dateString(d.Published),
		ValidTo:       dateString(d.ValidTo),
		Authority:     d.Authority,
		AuthorityCode: d.AuthorityCode,
		State:         st.String(),
		RevokeNote:    clean(d.RevokeNote),
		stateValue:    st,
	}
	if !st.Listed() {
		return r, true
	}
	r.Party = clean(d.Party)
	r.PartyKind = d.PartyKind
	if d.PartyKind != "自然人" {
		r.CreditCode = d.CreditCode
	}
	r.LegalRep = clean(d.LegalRep)
	r.ViolationType = clean(d.ViolationType)
	r.Facts = clean(d.Facts)
	r.Basis = d.Basis
	r.Category = d.Category
	r.Content = clean(d.Content)
	r.Fine = amountPtr(d.Fine)
	r.Confiscated = amountPtr(d.Confiscated)
	r.Licence = clean(d.Licence)
	r.DocName = d.DocName
	r.CertName = d.CertName
	r.PermitNo = d.PermitNo
	r.ValidFrom = dateString(d.ValidFrom)
	r.Source = d.Source
	r.Note = clean(d.Note)
	return r, true
}

func amountPtr(a Amount) *float64 {
	if !a.Set {
		return nil
	}
	v := a.WanYuan
	return &v
}

func dateString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// Rules of the privacy findings.
const (
	RulePersonal = "enforcement-personal" // an ID, phone or card number in a free-text cell
	RuleIDInData = "enforcement-id-data"  // the data file holds identity numbers at all
)

// idColumns hold identity numbers by design; the others are free text or
// codes that must not hold personal numbers.
var idColumns = map[Field]bool{FieldRepIDNumber: true, FieldIDNumber: true, FieldRepIDType: true, FieldIDType: true}

// PrivacyFindings runs the personal-data scanners of fazhi check over
// every cell below the header of a loaded sheet, except the identity
// number columns, and reports each finding at its row and column
// (warnings: the published record removes the numbers, but the data
// source should not carry them in free text either). It also warns once
// when the identity number columns hold any number, reminding that the
// site's repository must then stay private.
func PrivacyFindings(s *Sheet) []diag.Error {
	var out []diag.Error
	t := s.Table
	byCol := map[int]Field{}
	for f, c := range s.Columns {
		byCol[c] = f
	}
	idCount, firstID := 0, diag.Error{}
	for _, row := range t.Rows {
		if row.Line <= s.HeaderLine {
			continue
		}
		for i, c := range row.Cells {
			col := i + 1
			if c.Text == "" {
				continue
			}
			f := byCol[col]
			if idColumns[f] {
				if f == FieldIDNumber || f == FieldRepIDNumber {
					if idCount == 0 {
						firstID = diag.Error{File: t.File, Line: row.Line, Col: col}
					}
					idCount++
				}
				continue
			}
			for _, pf := range lint.PersonalData(c.Text) {
				out = append(out, diag.Error{File: t.File, Line: row.Line, Col: col, Level: diag.LevelWarning, Rule: RulePersonal,
					Msg: fmt.Sprintf("%s中有%s「%s」：网站发布时会自动隐去，但请在数据源中删去或只保留部分号码 (%s)",
						t.Where(row.Line, col), personalKind(pf), pf.Match, pf.Rule)})
			}
		}
	}
	if idCount > 0 {
		firstID.Level, firstID.Rule = diag.LevelWarning, RuleIDInData
		firstID.Msg = fmt.Sprintf("%s：这个数据文件有 %d 个证件号码。网站不会发布证件号码，但数据文件本身含有个人信息：存放网站源文件的仓库必须保持不公开，不要把源文件交给无关人员 (identity numbers in the data file)",
			t.Where(firstID.Line, firstID.Col), idCount)
		out = append([]diag.Error{firstID}, out...)
	}
	return out
}

func personalKind(pf lint.Finding) string {
	switch pf.Rule {
	case lint.RulePersonalID:
		if lint.SuspectedID(pf.Match) {
			return "疑似身份证号码（校验位不对）"
		}
		return "身份证号码"
	case lint.RulePersonalPhone:
		return "手机号码"
	case lint.RulePersonalBankCard:
		return "银行卡号"
	}
	return "个人信息"
}
