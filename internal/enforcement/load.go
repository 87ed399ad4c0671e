package enforcement

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/legal"
	"github.com/fazhi-dev/fazhi/internal/tabular"
)

// Rule ids of the findings, for [check] levels.
const (
	RuleColumn    = "enforcement-column"    // unknown, duplicate or missing column
	RuleRequired  = "enforcement-required"  // a required value is empty
	RuleDate      = "enforcement-date"      // a date that cannot be read or is out of order
	RuleCode      = "enforcement-code"      // a 统一社会信用代码 that is malformed
	RuleNumber    = "enforcement-number"    // a 文号 without 〔〕
	RuleAmount    = "enforcement-amount"    // an amount that is not a number
	RuleValue     = "enforcement-value"     // a value outside its closed list
	RuleDuplicate = "enforcement-duplicate" // a 文号 that appears twice
	RuleLate      = "enforcement-late"      // put online more than 7 working days late
	RuleMinor     = "enforcement-minor"     // a row marked 未成年人 (warning: not published)
)

// HeaderSearch is how many rows are searched for the header row: title
// rows above it are skipped.
const HeaderSearch = 10

// Options configures Load.
type Options struct {
	// Type is Penalty or Permit.
	Type string
	// Periods is the 公示期 table (legal.DefaultPublicityPeriods when nil).
	Periods legal.PublicityPeriods
	// Calendar counts working days (Monday to Friday when nil).
	Calendar *legal.Calendar
}

// Sheet is a table read as decisions.
type Sheet struct {
	Table *tabular.Table
	// HeaderLine is the row of the header.
	HeaderLine int
	// Columns maps each recognised field to its column number.
	Columns map[Field]int
	// Decisions are the rows without errors, in order.
	Decisions []*Decision
	// MissingYears are the years whose working days were counted Monday
	// to Friday for want of a holiday notice.
	MissingYears []int
}

type loader struct {
	t       *tabular.Table
	o       Options
	cols    []column
	at      map[Field]int
	headers map[int]string // column number -> header as written
	units   map[Field]Unit
	out     []diag.Error
	missing map[int]bool
	bad     bool // the current row has an error
}

// Load reads a table of the given type. It finds the header row among
// the first HeaderSearch rows, maps the columns, and checks every row
// below it. Findings are errors (the row is left out of Decisions) or
// warnings, each at the row and column of the cell, with a message that
// names the sheet, the column letter and header, and says what to write.
func Load(t *tabular.Table, o Options) (*Sheet, []diag.Error) {
	l := &loader{t: t, o: o, cols: columnsOf(o.Type), at: map[Field]int{}, headers: map[int]string{}, units: map[Field]Unit{}, missing: map[int]bool{}}
	if l.cols == nil {
		return nil, []diag.Error{{File: t.File, Level: diag.LevelError, Rule: RuleColumn,
			Msg: fmt.Sprintf("表格类型「%s」无效，应为 \"行政处罚\" 或 \"行政许可\"", o.Type)}}
	}
	if l.o.Periods == nil {
		l.o.Periods = legal.DefaultPublicityPeriods()
	}
	s := &Sheet{Table: t, Columns: l.at}
	h := l.findHeader()
	if h < 0 {
		line := 0
		if len(t.Rows) > 0 {
			line = t.Rows[0].Line
		}
		l.add(diag.LevelError, line, 0, RuleColumn, fmt.Sprintf("%s找不到表头：前 %d 行中没有「%s」「%s」等列名。请把列名写在第一行（或表格标题下面的一行），列名见《作者指南》 (no header row)",
			sheetPrefix(t), HeaderSearch, l.cols[0].Header, l.header(FieldNumber)))
		return s, l.out
	}
	s.HeaderLine = t.Rows[h].Line
	if !l.mapColumns(t.Rows[h]) {
		return s, l.out
	}
	numbers := map[string]int{}
	for _, row := range t.Rows[h+1:] {
		if d := l.row(row, numbers); d != nil {
			s.Decisions = append(s.Decisions, d)
		}
	}
	for y := legal.MinYear; y <= legal.MaxYear; y++ {
		if l.missing[y] {
			s.MissingYears = append(s.MissingYears, y)
		}
	}
	return s, l.out
}

func sheetPrefix(t *tabular.Table) string {
	if t.Sheet != "" {
		return "工作表「" + t.Sheet + "」"
	}
	return ""
}

func (l *loader) add(level diag.Level, line, col int, rule, msg string) {
	l.out = append(l.out, diag.Error{File: l.t.File, Line: line, Col: col, Level: level, Rule: rule, Msg: msg})
	if level == diag.LevelError {
		l.bad = true
	}
}

// header returns the standard header of field f in this table type.
func (l *loader) header(f Field) string {
	for _, c := range l.cols {
		if c.Field == f {
			return c.Header
		}
	}
	return ""
}

// findHeader returns the index of the header row, or -1: the first row
// with at least two recognised headers, or whose every cell is one.
func (l *loader) findHeader() int {
	for i, row := range l.t.Rows {
		if i >= HeaderSearch {
			break
		}
		known, filled := 0, 0
		for _, c := range row.Cells {
			if c.Text == "" {
				continue
			}
			filled++
			if _, _, ok := match(l.cols, c.Text); ok {
				known++
			}
		}
		if known >= 2 || (known >= 1 && known == filled) {
			return i
		}
	}
	return -1
}

// mapColumns reads the header row; it reports false when a required
// column is missing or a column appears twice, since no row can then be
// read correctly.
func (l *loader) mapColumns(row tabular.Row) bool {
	ok := true
	for i, c := range row.Cells {
		col := i + 1
		if c.Text == "" {
			continue
		}
		l.headers[col] = c.Text
		spec, unit, found := match(l.cols, c.Text)
		if !found {
			l.add(diag.LevelWarning, row.Line, col, RuleColumn, fmt.Sprintf(
				"%s的列名「%s」不是%s公示表的列，这一列的内容不会使用：请对照《作者指南》中的列名改正，或删去这一列 (unknown column)",
				l.t.Where(row.Line, col), c.Text, l.o.Type))
			continue
		}
		if prev, dup := l.at[spec.Field]; dup {
			l.add(diag.LevelError, row.Line, col, RuleColumn, fmt.Sprintf(
				"%s的列名「%s」与 %s 列「%s」是同一列（%s）：请删去其中一列 (duplicate column)",
				l.t.Where(row.Line, col), c.Text, tabular.ColumnName(prev), l.headers[prev], spec.Header))
			ok = false
			continue
		}
		l.at[spec.Field] = col
		l.units[spec.Field] = unit
	}
	for _, c := range l.cols {
		if _, has := l.at[c.Field]; c.Required && !has {
			l.add(diag.LevelError, row.Line, 0, RuleColumn, fmt.Sprintf(
				"%s第 %d 行的表头缺少「%s」列：%s公示表必须有这一列，请在表头加上（列名写「%s」） (missing column)",
				sheetPrefix(l.t), row.Line, c.Header, l.o.Type, c.Header))
			ok = false
		}
	}
	return ok
}

// placeholders are written in empty cells by some systems; they count as
// empty.
var placeholders = []string{"无", "/", "-", "—", "——", "－", "暂无", "N/A", "n/a", "null", "NULL"}

// cell returns the text of field f on row, "" when the column is absent
// or holds a placeholder.
func (l *loader) cell(row tabular.Row, f Field) string {
	col, ok := l.at[f]
	if !ok {
		return ""
	}
	s := row.Cell(col).Text
	for _, p := range placeholders {
		if s == p {
			return ""
		}
	}
	return s
}

// where names the cell of field f on line: 工作表「处罚」第 5 行 G 列「处罚决定日期」.
func (l *loader) where(line int, f Field) string {
	col := l.at[f]
	return l.t.Where(line, col) + "「" + l.headers[col] + "」"
}

func (l *loader) fail(line int, f Field, rule, msg string) {
	l.add(diag.LevelError, line, l.at[f], rule, l.where(line, f)+msg)
}

// hints say what to write in a required cell.
var hints = map[Field]string{
	FieldParty:         "填写当事人的名称或姓名",
	FieldPartyKind:     "写「法人及非法人组织」「自然人」或「个体工商户」",
	FieldNumber:        "填写决定书文号，如 某市监罚〔2024〕12号",
	FieldViolationType: "填写违法行为的类型",
	FieldFacts:         "简要写明违法事实",
	FieldBasis:         "写明处罚所依据的法律条文，如《中华人民共和国食品安全法》第一百二十四条",
	FieldContent:       "写明决定的具体内容",
	FieldDecided:       "填写作出决定的日期，如 2024-03-01",
	FieldAuthority:     "填写作出决定的机关全称",
	FieldAuthorityCode: "填写该机关的 18 位统一社会信用代码",
	FieldDocName:       "填写决定文书的名称，如 准予行政许可决定书",
	FieldValidFrom:     "填写许可生效的日期，如 2024-03-01",
	FieldValidTo:       "填写许可有效期的最后一天，如 2029-02-28；长期有效的写「长期」",
}

func (l *loader) hint(f Field) string {
	if f == FieldCategory {
		if l.o.Type == Permit {
			return "写「" + strings.Join(legal.PermitKinds, "」「") + "」之一"
		}
		return "写处罚类别，如 警告、罚款、没收违法所得"
	}
	if h, ok := hints[f]; ok {
		return h
	}
	return "请填写"
}

// row reads and checks one data row; it returns nil when the row has an
// error.
func (l *loader) row(row tabular.Row, numbers map[string]int) *Decision {
	l.bad = false
	line := row.Line
	for _, c := range l.cols {
		if c.Required && l.cell(row, c.Field) == "" {
			l.fail(line, c.Field, RuleRequired, "没有填写：这一列必须填写，"+l.hint(c.Field)+" (required)")
		}
	}
	d := &Decision{Type: l.o.Type, Line: line}
	text := func(f Field) string { return l.cell(row, f) }
	d.Party, d.PartyKind, d.CreditCode = text(FieldParty), text(FieldPartyKind), text(FieldCreditCode)
	d.RegNo, d.OrgCode, d.TaxNo, d.InstNo, d.SocialOrgNo = text(FieldRegNo), text(FieldOrgCode), text(FieldTaxNo), text(FieldInstNo), text(FieldSocialOrgNo)
	d.LegalRep = text(FieldLegalRep)
	d.RepIDType, d.RepIDNumber, d.IDType, d.IDNumber = text(FieldRepIDType), text(FieldRepIDNumber), text(FieldIDType), text(FieldIDNumber)
	d.Number = text(FieldNumber)
	d.ViolationType, d.Facts, d.Basis, d.Category = text(FieldViolationType), text(FieldFacts), text(FieldBasis), text(FieldCategory)
	d.Content, d.Licence, d.Note = text(FieldContent), text(FieldLicence), text(FieldNote)
	d.Authority, d.AuthorityCode, d.Source, d.SourceCode = text(FieldAuthority), text(FieldAuthorityCode), text(FieldSource), text(FieldSourceCode)
	d.DocName, d.CertName, d.PermitNo, d.PermitState = text(FieldDocName), text(FieldCertName), text(FieldPermitNo), text(FieldPermitState)
	d.Severity, d.Status, d.RevokeNote = text(FieldSeverity), text(FieldStatus), text(FieldRevokeNote)

	l.checkParty(line, d)
	for _, f := range []Field{FieldCreditCode, FieldAuthorityCode, FieldSourceCode} {
		if v := text(f); v != "" {
			if err := legal.CheckCreditCode(v); err != nil {
				l.fail(line, f, RuleCode, "："+err.Error()+" (bad credit code)")
			}
		}
	}
	l.checkNumber(line, d.Number, numbers)
	d.Decided = l.date(row, FieldDecided)
	d.Published = l.date(row, FieldPublished)
	if l.o.Type == Penalty {
		l.penalty(row, d)
	} else {
		l.permit(row, d)
	}
	if !d.Published.IsZero() && !d.Decided.IsZero() {
		if d.Published.Before(d.Decided) {
			l.fail(line, FieldPublished, RuleDate, fmt.Sprintf("：公示日期 %s 早于决定日期 %s，请核对 (online before decided)", day(d.Published), day(d.Decided)))
		} else {
			cal := l.o.Calendar
			for _, y := range cal.Missing(d.Decided, d.Published) {
				l.missing[y] = true
			}
			if n, late := legal.LatePublication(cal, d.Decided, d.Published); late {
				// A late publication is an error of the office, not of
				// the data: the row is read and published all the same.
				bad := l.bad
				l.fail(line, FieldPublished, RuleLate, fmt.Sprintf(
					"：公示日期 %s 比决定日期 %s 晚 %d 个工作日，超过 %d 个工作日：%s决定应在作出决定之日起 %d 个工作日内（即 %s 以前）上网公示（国办发〔2015〕51号）；公示日期请如实填写 (published late)",
					day(d.Published), day(d.Decided), n, legal.PublishWorkdays, l.o.Type, legal.PublishWorkdays, day(legal.PublishDeadline(cal, d.Decided))))
				l.bad = bad
			}
		}
	}
	switch v := text(FieldMinor); v {
	case "", "否":
	case "是":
		d.Minor = true
		l.add(diag.LevelWarning, line, l.at[FieldMinor], RuleMinor, l.where(line, FieldMinor)+
			"：这一行的当事人是未成年人，按规定不予公开，fazhi 不会发布这一行（数据源保留这一行是对的，这里只是提醒） (minor: not published)")
	default:
		l.fail(line, FieldMinor, RuleValue, "：「"+v+"」无效，当事人是未成年人的写「是」，否则写「否」或空着 (invalid value)")
	}
	if l.bad {
		return nil
	}
	return d
}

// partyKindFixes maps common wrong 行政相对人类别 to the standard ones.
var partyKindFixes = map[string]string{
	"法人": "法人及非法人组织", "法人及其他组织": "法人及非法人组织", "法人和其他组织": "法人及非法人组织",
	"法人或其他组织": "法人及非法人组织", "非法人组织": "法人及非法人组织", "其他组织": "法人及非法人组织",
	"企业": "法人及非法人组织", "单位": "法人及非法人组织", "法人和非法人组织": "法人及非法人组织",
	"个人": "自然人", "公民": "自然人", "个体户": "个体工商户", "个体": "个体工商户",
}

func (l *loader) checkParty(line int, d *Decision) {
	if d.PartyKind == "" {
		return
	}
	if !legal.IsPartyKind(d.PartyKind) {
		msg := "：「" + d.PartyKind + "」不是行政相对人类别，只能写「" + strings.Join(legal.PartyKinds, "」「") + "」之一"
		if fix, ok := partyKindFixes[d.PartyKind]; ok {
			msg += "，这里应写「" + fix + "」"
		}
		l.fail(line, FieldPartyKind, RuleValue, msg+" (invalid party kind)")
		return
	}
	if d.PartyKind != "法人及非法人组织" {
		return
	}
	if d.CreditCode == "" && d.RegNo+d.OrgCode+d.TaxNo+d.InstNo+d.SocialOrgNo == "" {
		f := FieldCreditCode
		if _, ok := l.at[f]; !ok {
			f = FieldPartyKind
		}
		l.fail(line, f, RuleRequired, "：法人及非法人组织必须填写「统一社会信用代码」（18 位，见营业执照或登记证书） (credit code required)")
	}
	if d.LegalRep == "" {
		f := FieldLegalRep
		if _, ok := l.at[f]; !ok {
			f = FieldPartyKind
		}
		l.fail(line, f, RuleRequired, "：法人及非法人组织必须填写「法定代表人」（负责人）的姓名 (legal representative required)")
	}
}

// checkNumber checks a 文号's brackets and that it is not a duplicate.
func (l *loader) checkNumber(line int, n string, numbers map[string]int) {
	if n == "" {
		return
	}
	if prev, dup := numbers[n]; dup {
		l.fail(line, FieldNumber, RuleDuplicate, fmt.Sprintf("：文号「%s」与第 %d 行重复：每个决定的文号只能出现一次，请核对是否重复录入或文号写错 (duplicate number)", n, prev))
	} else {
		numbers[n] = line
	}
	if fixed, ok := fixNumber(n); !ok {
		msg := "：文号「" + n + "」中的年份应使用六角括号〔〕"
		if fixed != "" {
			msg += "，应写成「" + fixed + "」"
		} else {
			msg += "括起，如「某市监罚〔2024〕12号」"
		}
		l.fail(line, FieldNumber, RuleNumber, msg+" (use 〔〕 around the year)")
	}
}

// fixNumber reports whether a 文号 has its year in 〔〕, and otherwise
// returns it with the brackets around a four-digit year replaced, or ""
// when no bracketed year is found.
func fixNumber(n string) (string, bool) {
	r := []rune(n)
	for i := 0; i+5 < len(r); i++ {
		if !strings.ContainsRune("〔[【（(［﹝〈{｛《", r[i]) || !allDigits(r[i+1:i+5]) || !strings.ContainsRune("〕]】）)］﹞〉}｝》", r[i+5]) {
			continue
		}
		if r[i] == '〔' && r[i+5] == '〕' {
			return n, true
		}
		out := append([]rune{}, r...)
		out[i], out[i+5] = '〔', '〕'
		return string(out), false
	}
	return "", false
}

func allDigits(r []rune) bool {
	for _, c := range r {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// date reads the date in field f; an empty cell gives the zero time.
func (l *loader) date(row tabular.Row, f Field) time.Time {
	if l.cell(row, f) == "" {
		return time.Time{}
	}
	t, err := row.Cell(l.at[f]).Date()
	if err != nil {
		l.fail(row.Line, f, RuleDate, "："+err.Error()+" (bad date)")
	}
	return t
}

// amount reads the amount in field f, in 万元.
func (l *loader) amount(row tabular.Row, f Field) Amount {
	s := l.cell(row, f)
	if s == "" {
		return Amount{}
	}
	unit := "万元"
	if l.units[f] == Yuan {
		unit = "元"
	}
	clean := strings.ReplaceAll(strings.ReplaceAll(s, ",", ""), "，", "")
	v, err := strconv.ParseFloat(clean, 64)
	if err != nil || v < 0 || strings.ContainsAny(clean, "eEnNiIxXpP_+") {
		msg := "：「" + s + "」不是金额，这一列只写数字（单位" + unit + "），如 0.5"
		switch {
		case strings.HasSuffix(clean, "万元") && unit == "万元":
			if n, err := strconv.ParseFloat(strings.TrimSuffix(clean, "万元"), 64); err == nil {
				msg = "：金额只写数字，不要写单位，应写成 " + strconv.FormatFloat(n, 'f', -1, 64)
			}
		case strings.HasSuffix(clean, "元") && unit == "万元":
			if n, err := strconv.ParseFloat(strings.TrimSuffix(clean, "元"), 64); err == nil {
				msg = "：这一列的单位是万元，只写数字：" + strconv.FormatFloat(n, 'f', -1, 64) + " 元应写成 " + strconv.FormatFloat(n/10000, 'f', -1, 64)
			}
		}
		l.fail(row.Line, f, RuleAmount, msg+" (not a number)")
		return Amount{}
	}
	if l.units[f] == Yuan {
		v /= 10000
	}
	return Amount{WanYuan: v, Set: true}
}

// longTerm are the words for a permit without end.
var longTerm = []string{"长期", "长期有效", "永久", "无期限", "无固定期限"}

func (l *loader) penalty(row tabular.Row, d *Decision) {
	line := row.Line
	d.Fine = l.amount(row, FieldFine)
	d.Confiscated = l.amount(row, FieldConfiscated)
	d.PenaltyValidity = l.date(row, FieldPenaltyValidity)
	d.Deadline = l.date(row, FieldDeadline)
	need := func(f Field, what string) {
		if _, ok := l.at[f]; !ok {
			// The column is missing: say so at the 处罚类别 cell.
			l.fail(line, FieldCategory, RuleRequired, "：处罚类别包含「"+what+"」，表中却没有「"+l.header(f)+"」一列：请加上这一列并填写 (required by category)")
			return
		}
		l.fail(line, f, RuleRequired, "：处罚类别包含「"+what+"」，必须填写「"+l.header(f)+"」 (required by category)")
	}
	if strings.Contains(d.Category, "罚款") && l.cell(row, FieldFine) == "" {
		need(FieldFine, "罚款")
	}
	if strings.Contains(d.Category, "没收") && l.cell(row, FieldConfiscated) == "" {
		need(FieldConfiscated, "没收")
	}
	if (strings.Contains(d.Category, "暂扣") || strings.Contains(d.Category, "吊销")) && d.Licence == "" {
		need(FieldLicence, "暂扣或吊销")
	}
	if d.Severity != "" && !legal.IsSeverity(d.Severity) {
		l.fail(line, FieldSeverity, RuleValue, "：「"+d.Severity+"」无效，严重程度只能写「"+strings.Join(legal.Severities, "」「")+"」之一 (invalid severity)")
	}
	l.status(line, d, "处罚决定")
	if d.Decided.IsZero() {
		return
	}
	if !d.Deadline.IsZero() && d.Deadline.Before(d.Decided) {
		l.fail(line, FieldDeadline, RuleDate, fmt.Sprintf("：公示截止期 %s 早于处罚决定日期 %s，请核对 (deadline before decision)", day(d.Deadline), day(d.Decided)))
	}
	if d.Deadline.IsZero() && d.Status == "正常" {
		if d.Severity == "" {
			f := FieldSeverity
			if _, ok := l.at[f]; !ok {
				f = FieldDeadline
			}
			if _, ok := l.at[f]; !ok {
				f = FieldDecided
			}
			l.fail(line, f, RuleRequired, "：「公示截止期」和「严重程度」至少填写一项：写了严重程度（轻微、一般、严重）时，公示截止期按本站的公示期限自动计算 (deadline or severity required)")
		} else if t, ok := legal.PublicityDeadline(d.Decided, d.Severity, l.o.Periods); ok {
			d.Deadline, d.DeadlineComputed = t, true
		}
	}
}

func (l *loader) permit(row tabular.Row, d *Decision) {
	line := row.Line
	if d.Category != "" && !legal.IsPermitKind(d.Category) {
		l.fail(line, FieldCategory, RuleValue, "：「"+d.Category+"」不是许可类别，只能写「"+strings.Join(legal.PermitKinds, "」「")+"」之一 (invalid permit kind)")
	}
	d.ValidFrom = l.date(row, FieldValidFrom)
	if v := l.cell(row, FieldValidTo); v != "" {
		isLong := false
		for _, w := range longTerm {
			isLong = isLong || v == w
		}
		if !isLong {
			d.ValidTo = l.date(row, FieldValidTo)
		}
	}
	if !d.ValidTo.IsZero() && !d.ValidFrom.IsZero() && d.ValidTo.Before(d.ValidFrom) {
		l.fail(line, FieldValidTo, RuleDate, fmt.Sprintf("：有效期至 %s 早于有效期自 %s，请核对 (validity ends before it starts)", day(d.ValidTo), day(d.ValidFrom)))
	}
	l.status(line, d, "行政许可")
}

// status checks the 状态 of a decision (what: 处罚决定 or 行政许可):
// one of legal.PenaltyStatuses, empty meaning 正常, and a 撤销说明 when
// it is 撤销 or 撤回.
func (l *loader) status(line int, d *Decision, what string) {
	switch d.Status {
	case "":
		d.Status = "正常"
	case "正常", "撤销", "撤回":
	default:
		l.fail(line, FieldStatus, RuleValue, "：「"+d.Status+"」无效，状态只能写「"+strings.Join(legal.PenaltyStatuses, "」「")+"」之一，空着表示正常 (invalid status)")
	}
	if (d.Status == "撤销" || d.Status == "撤回") && d.RevokeNote == "" {
		f := FieldRevokeNote
		if _, ok := l.at[f]; !ok {
			f = FieldStatus
		}
		l.fail(line, f, RuleRequired, "："+what+"已"+d.Status+"，必须在「撤销说明」中写明"+d.Status+"的原因和依据，网站会向公众显示这段说明 (reason required)")
	}
}

func day(t time.Time) string { return t.Format("2006-01-02") }
