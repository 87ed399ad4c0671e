package check

import (
	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/enforcement"
)

// Rule ids. See the package documentation for what each finds.
const (
	RuleBuild            = "build"
	RuleCheckConfig      = "check-config"
	RuleLinkBroken       = "link-broken"
	RuleImageAlt         = "image-alt"
	RuleLinkUnpublished  = "link-unpublished"
	RuleHomeStale        = "home-stale"
	RuleColumnStale      = "column-stale"
	RuleColumnStaleVeto  = "column-stale-veto"
	RuleColumnEmpty      = "column-empty"
	RuleColumnEmptyVeto  = "column-empty-veto"
	RuleMenuEmpty        = "menu-empty"
	RuleDateFuture       = "date-future"
	RuleIdentity         = "identity"
	RuleJieduMissing     = "jiedu-missing"
	RuleJieduLate        = "jiedu-late"
	RuleHolidays         = "holidays"
	RuleHearingLate      = "hearing-notice-late"
	RulePersonalID       = "personal-id"
	RulePersonalPhone    = "personal-phone"
	RulePersonalCard     = "personal-bankcard"
	RulePersonalName     = "personal-name"
	RuleWording          = "wording"
	RuleStaticScript     = "static-script"
	RuleCSPInline        = "csp-inline"
	RuleReportArithmetic = "report-arithmetic"
	RuleReportSections   = "report-sections"
	RuleReportLate       = "report-late"
	RuleReportDue        = "report-due"
	RuleReportCatalogue  = "report-catalogue"
	// RuleConsultationFeedback: a consultation ended long ago without a
	// published 采纳情况.
	RuleConsultationFeedback = "consultation-feedback"
	// RuleOmitted marks the line that says how many findings of a file
	// were left out (see MaxFindingsPerFile); it is not a rule to set.
	RuleOmitted = "more-findings"
	// Rules of the 行政规范性文件 lifecycle (issue 17.4).
	RuleNormativeReview     = "normative-review"
	RuleEffectiveBeforeDate = "effective-before-date"
)

// The rules of 行政执法公示 data files (issue 18) are those of package
// enforcement; their findings are errors or warnings by kind (a column
// that is unknown is a warning, one that is missing an error), and a
// setting in [check] applies to all of a rule's findings.
var enforcementRules = map[string]RuleInfo{
	enforcement.RuleColumn:    {diag.LevelError, false, "执法公示表的列名"},
	enforcement.RuleRequired:  {diag.LevelError, false, "执法公示表缺少必填内容"},
	enforcement.RuleDate:      {diag.LevelError, false, "执法公示表的日期"},
	enforcement.RuleCode:      {diag.LevelError, false, "统一社会信用代码有误"},
	enforcement.RuleNumber:    {diag.LevelError, false, "决定书文号格式"},
	enforcement.RuleAmount:    {diag.LevelError, false, "金额不是数字"},
	enforcement.RuleValue:     {diag.LevelError, false, "执法公示表的取值"},
	enforcement.RuleDuplicate: {diag.LevelError, false, "决定书文号重复"},
	enforcement.RuleLate:      {diag.LevelError, false, "执法决定公示不及时"},
	enforcement.RuleMinor:     {diag.LevelWarning, false, "未成年人案件"},
	enforcement.RulePersonal:  {diag.LevelWarning, false, "执法公示表中的个人信息"},
	enforcement.RuleIDInData:  {diag.LevelWarning, false, "数据文件含证件号码"},
}

// RuleInfo describes a rule: its default level and its name in the
// inspector's words.
type RuleInfo struct {
	Level diag.Level
	// Veto marks a 单项否决 rule.
	Veto bool
	// Title names the rule in Chinese, for the verdict.
	Title string
}

// Rules lists every rule id with its default. The wording rule's default
// is the level of each word-list entry; Level here is only a placeholder.
// The rules of 行政执法公示 data files are added from enforcementRules.
var Rules = withRules(map[string]RuleInfo{
	RuleBuild:                {diag.LevelError, false, "构建错误"},
	RuleCheckConfig:          {diag.LevelWarning, false, "检查设置"},
	RuleLinkBroken:           {diag.LevelError, false, "链接不可用"},
	RuleImageAlt:             {diag.LevelError, false, "图片缺少替代文字"},
	RuleLinkUnpublished:      {diag.LevelError, false, "链接到未发布页面"},
	RuleHomeStale:            {diag.LevelError, true, "首页不更新"},
	RuleColumnStale:          {diag.LevelWarning, false, "栏目未及时更新"},
	RuleColumnStaleVeto:      {diag.LevelError, true, "栏目不更新"},
	RuleColumnEmpty:          {diag.LevelWarning, false, "空白栏目"},
	RuleColumnEmptyVeto:      {diag.LevelError, true, "空白栏目过多"},
	RuleMenuEmpty:            {diag.LevelError, false, "导航指向空白栏目"},
	RuleDateFuture:           {diag.LevelError, false, "发布日期晚于检查时间"},
	RuleIdentity:             {diag.LevelError, false, "网站标识信息不全"},
	RuleJieduMissing:         {diag.LevelWarning, false, "规范性文件缺少解读"},
	RuleJieduLate:            {diag.LevelWarning, false, "解读发布不及时"},
	RuleHolidays:             {diag.LevelWarning, false, "缺少节假日安排"},
	RuleHearingLate:          {diag.LevelError, false, "开庭公告不足三日"},
	RulePersonalID:           {diag.LevelError, false, "身份证号码"},
	RulePersonalPhone:        {diag.LevelError, false, "个人手机号码"},
	RulePersonalCard:         {diag.LevelError, false, "银行卡号"},
	RulePersonalName:         {diag.LevelWarning, false, "当事人姓名未隐去"},
	RuleWording:              {diag.LevelWarning, false, "用词错误"},
	RuleStaticScript:         {diag.LevelWarning, false, "static 中的脚本文件"},
	RuleCSPInline:            {diag.LevelWarning, false, "内嵌脚本不符合内容安全策略"},
	RuleNormativeReview:      {diag.LevelWarning, false, "规范性文件有效期即将届满"},
	RuleEffectiveBeforeDate:  {diag.LevelError, false, "施行日期早于发布日期"},
	RuleReportArithmetic:     {diag.LevelError, false, "年报统计表数字不符"},
	RuleReportSections:       {diag.LevelWarning, false, "年度报告缺少规定部分"},
	RuleReportLate:           {diag.LevelError, false, "年度报告逾期未公开"},
	RuleReportDue:            {diag.LevelWarning, false, "年度报告临近期限"},
	RuleReportCatalogue:      {diag.LevelWarning, false, "年报与政策文件目录不一致"},
	RuleConsultationFeedback: {diag.LevelWarning, false, "意见征集未反馈"},
}, enforcementRules)

// withRules returns rules with more added.
func withRules(rules, more map[string]RuleInfo) map[string]RuleInfo {
	for id, info := range more {
		rules[id] = info
	}
	return rules
}
