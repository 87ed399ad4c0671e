package enforcement

import (
	"strings"
	"unicode"
)

// Field is a column of a 双公示 table, whatever its header says.
type Field int

// The fields of the 双公示 data standard for 行政处罚 and 行政许可, and
// fazhi's own. The comment gives the standard header.
const (
	FieldNone            Field = iota
	FieldParty                 // 行政相对人名称
	FieldPartyKind             // 行政相对人类别
	FieldCreditCode            // 统一社会信用代码 (行政相对人代码_1)
	FieldRegNo                 // 工商注册号 (代码_2)
	FieldOrgCode               // 组织机构代码 (代码_3)
	FieldTaxNo                 // 税务登记号 (代码_4)
	FieldInstNo                // 事业单位证书号 (代码_5)
	FieldSocialOrgNo           // 社会组织登记证号 (代码_6)
	FieldLegalRep              // 法定代表人
	FieldRepIDType             // 法定代表人证件类型
	FieldRepIDNumber           // 法定代表人证件号码
	FieldIDType                // 证件类型
	FieldIDNumber              // 证件号码
	FieldNumber                // 行政处罚决定书文号 / 行政许可决定文书号
	FieldViolationType         // 违法行为类型
	FieldFacts                 // 违法事实
	FieldBasis                 // 处罚依据
	FieldCategory              // 处罚类别 / 许可类别
	FieldContent               // 处罚内容 / 许可内容
	FieldFine                  // 罚款金额（万元）
	FieldConfiscated           // 没收违法所得、没收非法财物的金额（万元）
	FieldLicence               // 暂扣或吊销证照名称及编号
	FieldDecided               // 处罚决定日期 / 许可决定日期
	FieldPenaltyValidity       // 处罚有效期
	FieldDeadline              // 公示截止期
	FieldAuthority             // 处罚机关 / 许可机关
	FieldAuthorityCode         // 处罚机关统一社会信用代码 / 许可机关统一社会信用代码
	FieldSource                // 数据来源单位
	FieldSourceCode            // 数据来源单位统一社会信用代码
	FieldNote                  // 备注
	FieldDocName               // 行政许可决定文书名称
	FieldCertName              // 许可证书名称
	FieldPermitNo              // 许可编号
	FieldValidFrom             // 有效期自
	FieldValidTo               // 有效期至
	FieldPermitState           // 当前状态 (the standard's 1 有效 / 2 无效)
	FieldPublished             // 公示日期 (fazhi: the day it went online)
	FieldSeverity              // 严重程度 (fazhi: 轻微 / 一般 / 严重)
	FieldStatus                // 状态 (fazhi: 正常 / 撤销 / 撤回)
	FieldRevokeNote            // 撤销说明 (fazhi)
	FieldMinor                 // 未成年人 (fazhi: 是 / 否)
)

// Types of table.
const (
	Penalty = "行政处罚"
	Permit  = "行政许可"
)

// column describes one recognised column of a table type.
type column struct {
	Field Field
	// Header is the standard header, shown in messages.
	Header string
	// Aliases are other headers offices use for the same column.
	Aliases []string
	// Required columns must be present and filled in on every row.
	Required bool
}

// partyColumns are shared by both tables.
var partyColumns = []column{
	{FieldParty, "行政相对人名称", []string{"相对人名称", "行政相对人", "当事人名称", "当事人", "被处罚单位或个人", "被许可人", "申请人"}, true},
	{FieldPartyKind, "行政相对人类别", []string{"相对人类别", "行政相对人类型", "相对人类型", "当事人类别", "当事人类型"}, true},
	{FieldCreditCode, "统一社会信用代码", []string{"行政相对人代码_1(统一社会信用代码)", "行政相对人代码1(统一社会信用代码)", "相对人统一社会信用代码", "行政相对人统一社会信用代码", "当事人统一社会信用代码", "社会信用代码"}, false},
	{FieldRegNo, "工商注册号", []string{"行政相对人代码_2(工商注册号)", "行政相对人代码2(工商注册号)", "注册号"}, false},
	{FieldOrgCode, "组织机构代码", []string{"行政相对人代码_3(组织机构代码)", "行政相对人代码3(组织机构代码)"}, false},
	{FieldTaxNo, "税务登记号", []string{"行政相对人代码_4(税务登记号)", "行政相对人代码4(税务登记号)"}, false},
	{FieldInstNo, "事业单位证书号", []string{"行政相对人代码_5(事业单位证书号)", "行政相对人代码5(事业单位证书号)"}, false},
	{FieldSocialOrgNo, "社会组织登记证号", []string{"行政相对人代码_6(社会组织登记证号)", "行政相对人代码6(社会组织登记证号)"}, false},
	{FieldLegalRep, "法定代表人", []string{"法定代表人姓名", "法定代表人(负责人)", "法定代表人或负责人", "负责人", "经营者", "法定代表人(经营者)"}, false},
	{FieldRepIDType, "法定代表人证件类型", []string{"法定代表人身份证件类型"}, false},
	{FieldRepIDNumber, "法定代表人证件号码", []string{"法定代表人身份证件号码", "法定代表人身份证号", "法定代表人身份证号码"}, false},
	{FieldIDType, "证件类型", []string{"行政相对人证件类型", "相对人证件类型", "身份证件类型"}, false},
	{FieldIDNumber, "证件号码", []string{"行政相对人证件号码", "相对人证件号码", "身份证件号码", "身份证号码", "身份证号"}, false},
}

// ownColumns are fazhi's own, in both tables.
var ownColumns = []column{
	{FieldPublished, "公示日期", []string{"上网公示日期", "上网日期", "公开日期", "发布日期"}, false},
	{FieldStatus, "状态", []string{"公示状态", "处罚状态"}, false},
	{FieldRevokeNote, "撤销说明", []string{"撤回说明", "撤销或撤回说明", "撤销/撤回说明", "撤销、撤回说明", "撤销原因", "撤回原因"}, false},
	{FieldMinor, "未成年人", []string{"是否未成年人", "当事人是否未成年人"}, false},
	{FieldSource, "数据来源单位", []string{"数据来源"}, false},
	{FieldSourceCode, "数据来源单位统一社会信用代码", []string{"数据来源单位代码"}, false},
	{FieldNote, "备注", nil, false},
}

// penaltyColumns are the columns of a 行政处罚 table.
var penaltyColumns = concat(partyColumns, []column{
	{FieldNumber, "行政处罚决定书文号", []string{"处罚决定书文号", "决定书文号", "行政处罚决定文书号", "处罚决定文书号", "处罚文号", "文号"}, true},
	{FieldViolationType, "违法行为类型", []string{"违法行为", "违法类型"}, true},
	{FieldFacts, "违法事实", []string{"主要违法事实", "违法事实及证据"}, true},
	{FieldBasis, "处罚依据", []string{"行政处罚依据", "法律依据"}, true},
	{FieldCategory, "处罚类别", []string{"处罚种类", "行政处罚类别", "行政处罚种类"}, true},
	{FieldContent, "处罚内容", []string{"处罚结果", "行政处罚内容", "处罚决定内容"}, true},
	{FieldFine, "罚款金额（万元）", []string{"罚款金额", "罚款数额"}, false},
	{FieldConfiscated, "没收违法所得、没收非法财物的金额（万元）", []string{"没收违法所得、没收非法财物的金额", "没收违法所得和非法财物的金额", "没收违法所得、非法财物的金额", "没收金额", "没收违法所得金额"}, false},
	{FieldLicence, "暂扣或吊销证照名称及编号", []string{"暂扣或者吊销证照名称及编号", "暂扣或吊销证照"}, false},
	{FieldDecided, "处罚决定日期", []string{"决定日期", "作出处罚决定日期", "作出行政处罚决定日期", "处罚日期"}, true},
	{FieldPenaltyValidity, "处罚有效期", nil, false},
	{FieldDeadline, "公示截止期", []string{"公示截止日期", "公示截至期", "公示期限", "公示截止时间"}, false},
	{FieldAuthority, "处罚机关", []string{"处罚机关名称", "决定机关", "作出处罚决定的机关", "行政处罚机关", "处罚单位"}, true},
	{FieldAuthorityCode, "处罚机关统一社会信用代码", []string{"处罚机关代码", "决定机关统一社会信用代码"}, true},
	{FieldSeverity, "严重程度", []string{"违法行为严重程度", "情节严重程度", "失信程度"}, false},
}, ownColumns)

// permitColumns are the columns of a 行政许可 table.
var permitColumns = concat(partyColumns, []column{
	{FieldDocName, "行政许可决定文书名称", []string{"许可决定文书名称", "决定文书名称"}, true},
	{FieldNumber, "行政许可决定文书号", []string{"许可决定文书号", "决定文书号", "许可文书号", "行政许可决定书文号", "文号"}, true},
	{FieldCategory, "许可类别", []string{"行政许可类别", "许可类型"}, true},
	{FieldCertName, "许可证书名称", []string{"证书名称"}, false},
	{FieldPermitNo, "许可编号", []string{"许可证编号", "许可证号", "证书编号"}, false},
	{FieldContent, "许可内容", []string{"行政许可内容"}, true},
	{FieldDecided, "许可决定日期", []string{"决定日期", "作出许可决定日期", "许可日期"}, true},
	{FieldValidFrom, "有效期自", []string{"有效期起", "有效期开始日期", "有效期起始日期"}, true},
	{FieldValidTo, "有效期至", []string{"有效期止", "有效期截止日期", "有效期结束日期"}, true},
	{FieldAuthority, "许可机关", []string{"许可机关名称", "决定机关", "作出许可决定的机关", "行政许可机关"}, true},
	{FieldAuthorityCode, "许可机关统一社会信用代码", []string{"许可机关代码", "决定机关统一社会信用代码"}, true},
	{FieldPermitState, "当前状态", []string{"许可状态"}, false},
}, ownColumns)

func concat(lists ...[]column) []column {
	var out []column
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// columnsOf returns the columns of a table type, or nil.
func columnsOf(typ string) []column {
	switch typ {
	case Penalty:
		return penaltyColumns
	case Permit:
		return permitColumns
	}
	return nil
}

// Unit is the unit an amount column is written in.
type Unit int

// Units of amount columns: the standard's 万元, or 元 when the header
// says so (罚款金额（元）); amounts are kept in 万元.
const (
	WanYuan Unit = iota
	Yuan
)

// notes are parenthesised remarks that templates add to headers and that
// do not change the column: (必填), (YYYY-MM-DD) …
var notes = []string{"必填", "必填项", "选填", "选填项", "非必填", "可选", "可不填", "yyyy-mm-dd", "yyyy/mm/dd",
	"格式:yyyy-mm-dd", "日期格式:yyyy-mm-dd", "年-月-日", "单位:万元", "万元", "单位:元", "元"}

// normHeader turns a header as written into the key it is matched by: no
// blanks or line breaks, half-width brackets and colons, no required
// marks (*, ★), no trailing colon, and no trailing remark in brackets
// such as (必填) or (万元). It reports the unit a remark gives.
func normHeader(s string) (string, Unit) {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r), r == '\ufeff':
			continue
		case r >= '！' && r <= '～': // full-width ASCII
			r = r - '！' + '!'
		case r == '【' || r == '〔':
			r = '['
		case r == '】' || r == '〕':
			r = ']'
		}
		b.WriteRune(unicode.ToLower(r))
	}
	key := strings.TrimLeft(b.String(), "*★☆#")
	key = strings.TrimRight(key, ":*")
	unit := WanYuan
	for {
		i := strings.LastIndexAny(key, "([")
		if i < 0 || !strings.HasSuffix(key, ")") && !strings.HasSuffix(key, "]") {
			break
		}
		remark := key[i+1 : len(key)-1]
		if !isNote(remark) {
			break
		}
		if remark == "元" || remark == "单位:元" {
			unit = Yuan
		}
		key = key[:i]
	}
	return key, unit
}

func isNote(s string) bool {
	for _, n := range notes {
		if s == n {
			return true
		}
	}
	return false
}

// match finds the column of a header among cols.
func match(cols []column, header string) (column, Unit, bool) {
	key, unit := normHeader(header)
	if key == "" {
		return column{}, unit, false
	}
	for _, c := range cols {
		if k, _ := normHeader(c.Header); k == key {
			return c, unit, true
		}
		for _, a := range c.Aliases {
			if k, _ := normHeader(a); k == key {
				return c, unit, true
			}
		}
	}
	return column{}, unit, false
}

// Headers returns the standard headers of a table type with the variants
// accepted for each, in table order, for documentation and messages.
func Headers(typ string) [][]string {
	var out [][]string
	for _, c := range columnsOf(typ) {
		out = append(out, append([]string{c.Header}, c.Aliases...))
	}
	return out
}
