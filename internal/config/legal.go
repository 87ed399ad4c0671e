package config

import (
	"errors"
	"fmt"
	"strings"

	"github.com/fazhi-dev/fazhi/internal/legal"
)

// Legal is the [legal] table: settings of the 阳光执法 rules.
//
//	[legal]
//	nameMask = "某"            # 张三 → 张某 (default); "*" gives 张*
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
