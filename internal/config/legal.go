package config

import (
	"errors"
	"fmt"
	"strings"

	"github.com/fazhi-dev/fazhi/internal/legal"
)

// Legal is the [legal] table: settings of the legal layer (阳光执法
// rules, the 有效期 of 行政规范性文件).
//
//	[legal]
//	nameMask = "某"            # 张三 → 张某 (default); "*" gives 张*
//	normativeValidityYears = 5   # 行政规范性文件 without expires: 有效期 from 施行日期 (off when 0)
//	provisionalValidityYears = 2 # the same for titles with 暂行 or 试行 (off when 0)
//	[legal.publicityPeriods]   # 公示期 by 严重程度; defaults below
//	"轻微" = "3个月"
//	"一般" = "1年"
//	"严重" = "3年"
type Legal struct {
	// NameMask replaces the given name of a natural person (and of the
	// 经营者 of a 个体工商户) in published decisions.
	NameMask string `toml:"nameMask"`
	// PublicityPeriods overrides entries of legal.DefaultPublicityPeriods.
	PublicityPeriods PublicityPeriods `toml:"publicityPeriods"`
	// ReportLevel chooses the deadline of the 政府信息公开工作年度报告:
	// "department" (1月31日) or "government" (3月31日). Set, it also makes
	// check require both annual reports of the previous year.
	ReportLevel legal.ReportLevel `toml:"reportLevel"`
	// NormativeValidityYears gives a 行政规范性文件 without expires its
	// default 有效期, counted from its 施行日期; 0 (the default) is off.
	// The rule is provincial (上海: 5年), hence a setting.
	NormativeValidityYears int `toml:"normativeValidityYears"`
	// ProvisionalValidityYears is the default 有效期 of one whose title
	// has 暂行 or 试行 (上海: 2年); 0 is off.
	ProvisionalValidityYears int `toml:"provisionalValidityYears"`
	// ConsultationFeedbackDays is how many days after a consultation
	// (意见征集) ends its 采纳情况 should be online; 0 means the default,
	// legal.DefaultConsultationFeedbackDays.
	ConsultationFeedbackDays int `toml:"consultationFeedbackDays"`
}

// ValidityYears returns the default 有效期 in years of a 行政规范性文件
// with this title, or 0 when the site sets none.
func (l Legal) ValidityYears(title string) int {
	if legal.IsProvisional(title) && l.ProvisionalValidityYears > 0 {
		return l.ProvisionalValidityYears
	}
	return l.NormativeValidityYears
}

// FeedbackDays returns the consultation feedback limit in force.
func (l Legal) FeedbackDays() int {
	if l.ConsultationFeedbackDays <= 0 {
		return legal.DefaultConsultationFeedbackDays
	}
	return l.ConsultationFeedbackDays
}

// PublicityPeriods is the site's [legal.publicityPeriods] table.
type PublicityPeriods struct{ legal.PublicityPeriods }

// UnmarshalTOML reads 严重程度 = "期限" pairs.
func (p *PublicityPeriods) UnmarshalTOML(v any) error {
	m, ok := v.(map[string]any)
	if !ok {
		return errors.New("[legal.publicityPeriods] 必须是一个表，如 一般 = \"1年\"")
	}
	p.PublicityPeriods = legal.PublicityPeriods{}
	for k, val := range m {
		if !legal.IsSeverity(k) {
			return fmt.Errorf("[legal.publicityPeriods] 中的「%s」不是严重程度，只能写 %s", k, strings.Join(legal.Severities, "、"))
		}
		s, ok := val.(string)
		if !ok {
			return fmt.Errorf("[legal.publicityPeriods] %s 应写成 \"3个月\" 或 \"1年\" 这样的文字（加英文双引号）", k)
		}
		period, err := legal.ParsePeriod(s)
		if err != nil {
			return fmt.Errorf("[legal.publicityPeriods] %s 的%v", k, err)
		}
		p.PublicityPeriods[k] = period
	}
	return nil
}

// Periods returns the 公示期 table in force: the defaults with the site's
// entries over them.
func (l Legal) Periods() legal.PublicityPeriods {
	out := legal.DefaultPublicityPeriods()
	for k, v := range l.PublicityPeriods.PublicityPeriods {
		out[k] = v
	}
	return out
}

// Mask returns the name mask in force.
func (l Legal) Mask() string {
	if l.NameMask == "" {
		return legal.DefaultNameMask
	}
	return l.NameMask
}
