package legal

import (
	"slices"
	"strings"
)

// The lists below are closed: front matter values are checked against
// them. Treat them as read-only; use the IsX functions to test a value
// and OneOf to name the choices in an error message.

// NoticeType is a kind of judicial-openness notice (司法公开公告), as
// written in front matter (type = "开庭公告").
type NoticeType string

// The kinds of notice.
const (
	NoticeHearing   NoticeType = "开庭公告"
	NoticeService   NoticeType = "送达公告"
	NoticeExecution NoticeType = "执行公告"
	NoticeAuction   NoticeType = "拍卖公告"
	NoticeOther     NoticeType = "其他公告"
)

// NoticeTypes are the kinds of judicial-openness notice (司法公开公告).
var NoticeTypes = []string{string(NoticeHearing), string(NoticeService), string(NoticeExecution), string(NoticeAuction), string(NoticeOther)}

// PolicyGenre is a genre of policy document (政策文件体裁), as written in
// front matter (genre = "行政规范性文件").
type PolicyGenre string

// The genres of policy document.
const (
	GenreLocalRegulation PolicyGenre = "地方性法规"
	GenreGovernmentRule  PolicyGenre = "政府规章"
	GenreNormative       PolicyGenre = "行政规范性文件"
	GenreOther           PolicyGenre = "其他文件"
)

// PolicyGenres are the genres of policy document (政策文件体裁).
var PolicyGenres = []string{string(GenreLocalRegulation), string(GenreGovernmentRule), string(GenreNormative), string(GenreOther)}

// PolicyStatus is a validity state an author may set by hand (status =
// "废止") to override the dates.
type PolicyStatus string

// The statuses an author may set.
const (
	StatusRepealed PolicyStatus = "废止"
	StatusExpired  PolicyStatus = "失效"
	StatusAmended  PolicyStatus = "已修改"
)

// PolicyStatuses are the validity states an author may set by hand to
// override the dates: repealed, expired, or amended.
var PolicyStatuses = []string{string(StatusRepealed), string(StatusExpired), string(StatusAmended)}

// ColumnType is a column (栏目) type of a government site, as written in
// a column's _index.md (columnType = "工作动态") and shown in its
// ColumnType meta tag.
type ColumnType string

// The column types: those of the government web page design rules, then
// the judicial-openness, legal-education, special-topic and catch-all
// columns a rule-of-law portal needs.
const (
	ColumnHome              ColumnType = "首页"
	ColumnOverview          ColumnType = "概况信息"
	ColumnFunctions         ColumnType = "机构职能"
	ColumnLeaders           ColumnType = "负责人信息"
	ColumnNews              ColumnType = "工作动态"
	ColumnPolicies          ColumnType = "政策文件"
	ColumnDisclosureGuide   ColumnType = "信息公开指南"
	ColumnDisclosureCatalog ColumnType = "信息公开目录"
	ColumnAnnualReport      ColumnType = "信息公开年报"
	ColumnRequests          ColumnType = "依法申请公开"
	ColumnDataRelease       ColumnType = "数据发布"
	ColumnOpenData          ColumnType = "数据开放"
	ColumnInterpretations   ColumnType = "政策解读"
	ColumnResponses         ColumnType = "回应关切"
	ColumnServices          ColumnType = "办事服务"
	ColumnComplaints        ColumnType = "咨询投诉"
	ColumnConsultations     ColumnType = "征集调查"
	ColumnInterviews        ColumnType = "在线访谈"
	ColumnNotices           ColumnType = "通知公告"
	ColumnJudicialOpenness  ColumnType = "司法公开"
	ColumnLegalEducation    ColumnType = "普法宣传"
	ColumnSpecialTopics     ColumnType = "专题专栏"
	ColumnOther             ColumnType = "其他"
)

// ColumnTypes are the column (栏目) types of a government site, in the
// order above.
var ColumnTypes = func() []string {
	var out []string
	for _, c := range []ColumnType{
		ColumnHome, ColumnOverview, ColumnFunctions, ColumnLeaders, ColumnNews, ColumnPolicies,
		ColumnDisclosureGuide, ColumnDisclosureCatalog, ColumnAnnualReport, ColumnRequests, ColumnDataRelease,
		ColumnOpenData, ColumnInterpretations, ColumnResponses, ColumnServices, ColumnComplaints, ColumnConsultations,
		ColumnInterviews, ColumnNotices, ColumnJudicialOpenness, ColumnLegalEducation, ColumnSpecialTopics, ColumnOther,
	} {
		out = append(out, string(c))
	}
	return out
}()

// IsNoticeType reports whether s is one of NoticeTypes.
func IsNoticeType(s string) bool { return slices.Contains(NoticeTypes, s) }

// IsPolicyGenre reports whether s is one of PolicyGenres.
func IsPolicyGenre(s string) bool { return slices.Contains(PolicyGenres, s) }

// IsPolicyStatus reports whether s is one of PolicyStatuses.
func IsPolicyStatus(s string) bool { return slices.Contains(PolicyStatuses, s) }

// IsColumnType reports whether s is one of ColumnTypes.
func IsColumnType(s string) bool { return slices.Contains(ColumnTypes, s) }

// OneOf formats a list of allowed values for an error message:
// OneOf([]string{"a", "b", "c"}) is "「a」「b」「c」之一". A single value is
// returned as "「a」", and an empty list as "".
func OneOf(list []string) string {
	if len(list) == 0 {
		return ""
	}
	var b strings.Builder
	for _, s := range list {
		b.WriteString("「")
		b.WriteString(s)
		b.WriteString("」")
	}
	if len(list) > 1 {
		b.WriteString("之一")
	}
	return b.String()
}
