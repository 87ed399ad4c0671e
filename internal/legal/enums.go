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

// PolicyGenres are the genres of policy document (政策文件体裁).
var PolicyGenres = []string{"地方性法规", "政府规章", "行政规范性文件", "其他文件"}

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

// ColumnTypes are the column (栏目) types of a government site, following
// the ColumnType tag of the government web page design rules, plus the
// judicial-openness, legal-education, special-topic and catch-all columns
// a rule-of-law portal needs.
var ColumnTypes = []string{
	"首页", "概况信息", "机构职能", "负责人信息", "工作动态", "政策文件",
	"信息公开指南", "信息公开目录", "信息公开年报", "依法申请公开", "数据发布",
	"数据开放", "政策解读", "回应关切", "办事服务", "咨询投诉", "征集调查",
	"在线访谈", "通知公告", "司法公开", "普法宣传", "专题专栏", "其他",
}

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
