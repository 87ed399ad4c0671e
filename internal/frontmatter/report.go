package frontmatter

import (
	"errors"
	"strconv"

	"github.com/fazhi-dev/fazhi/internal/legal"
)

// Report is the [report] table of a statutory annual report.
type Report struct {
	// Type is one of legal.ReportTypes.
	Type legal.ReportType `toml:"type"`
	// Year is the year reported on (2025 for the report published in 2026).
	Year int `toml:"year"`
	// Table2, Table3 and Table4 are the statistical tables of a 政府信息
	// 公开工作年度报告 ([report.table2] …), keyed by the row names of
	// legal.Table2Rows and legal.Table3Rows and by legal.Table4Groups.
	Table2 map[string]Numbers `toml:"table2"`
	Table3 map[string][]int   `toml:"table3"`
	Table4 map[string][]int   `toml:"table4"`
}

// Numbers is one number or a list of numbers; a number may have decimals
// (收费金额 in 万元).
type Numbers []float64

// UnmarshalTOML accepts 12, 35.6 or [5, 2, 48].
func (n *Numbers) UnmarshalTOML(v any) error {
	one := func(x any) (float64, bool) {
		switch x := x.(type) {
		case int64:
			return float64(x), true
		case float64:
			return x, true
		}
		return 0, false
	}
	if f, ok := one(v); ok {
		*n = Numbers{f}
		return nil
	}
	if list, ok := v.([]any); ok {
		out := make(Numbers, 0, len(list))
		for _, e := range list {
			f, ok := one(e)
			if !ok {
				return errors.New("应为数字或数字列表，如 12 或 [5, 2, 48] (expected numbers)")
			}
			out = append(out, f)
		}
		*n = out
		return nil
	}
	return errors.New("应为数字或数字列表，如 12 或 [5, 2, 48]，数字不加引号 (expected numbers)")
}

// String writes the numbers as the table shows them: 35.6, 12.
func (n Numbers) String() string {
	s := ""
	for i, f := range n {
		if i > 0 {
			s += ", "
		}
		s += strconv.FormatFloat(f, 'f', -1, 64)
	}
	return s
}
