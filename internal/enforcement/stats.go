package enforcement

import (
	"math"
	"slices"
	"strconv"
	"strings"
)

// YearStats are the figures of a column's yearly statistics page: the
// Listed records decided in one year (the same records as the column's
// data downloads), counted by month and by 类别, with the sums of 罚款.
type YearStats struct {
	Year int
	// Total is the number of decisions.
	Total int
	// Months counts the decisions of each month (index 0 is January).
	Months [12]int
	// MonthFines sums 罚款金额 by month, in 分 (1 万元 = 1,000,000 分).
	MonthFines [12]int64
	// Categories counts by 处罚类别 item (or 许可类别), most frequent
	// first, then by name; a decision with several items is counted under
	// each, so the counts may add up to more than Total.
	Categories []CategoryCount
	// Fines is the sum of 罚款金额, in 分; FineCount the number of
	// decisions with an amount.
	Fines     int64
	FineCount int
	// Confiscated is the sum of 没收 amounts, in 分.
	Confiscated int64
}

// CategoryCount is one row of the table by 类别.
type CategoryCount struct {
	Name  string
	Count int
}

// fen converts an amount in 万元 to 分, so that sums are exact.
func fen(v *float64) int64 {
	if v == nil {
		return 0
	}
	return int64(math.Round(*v * 1e6))
}

// FormatWanYuan formats an amount in 分 as 万元, without trailing zeros:
// 1500000 → "1.5".
func FormatWanYuan(fen int64) string {
	neg := fen < 0
	if neg {
		fen = -fen
	}
	s := strconv.FormatInt(fen/1e6, 10)
	if frac := fen % 1e6; frac != 0 {
		s += "." + strings.TrimRight(strconv.FormatInt(1e6+frac, 10)[1:], "0")
	}
	if neg {
		s = "-" + s
	}
	return s
}

// StatYears returns the years in which Listed records among rs were
// decided, newest first.
func StatYears(rs []*Published) []int {
	var out []int
	for _, r := range Listed(rs) {
		y, ok := decidedYear(r)
		if ok && !slices.Contains(out, y) {
			out = append(out, y)
		}
	}
	slices.Sort(out)
	slices.Reverse(out)
	return out
}

func decidedYear(r *Published) (int, bool) {
	if len(r.Decided) < 10 {
		return 0, false
	}
	y, err := strconv.Atoi(r.Decided[:4])
	return y, err == nil
}

// Stats returns the statistics of the Listed records among rs decided in
// year.
func Stats(rs []*Published, year int) YearStats {
	s := YearStats{Year: year}
	cats := map[string]int{}
	for _, r := range Listed(rs) {
		if y, ok := decidedYear(r); !ok || y != year {
			continue
		}
		m, err := strconv.Atoi(r.Decided[5:7])
		if err != nil || m < 1 || m > 12 {
			continue
		}
		s.Total++
		s.Months[m-1]++
		if r.Fine != nil {
			f := fen(r.Fine)
			s.Fines += f
			s.MonthFines[m-1] += f
			s.FineCount++
		}
		s.Confiscated += fen(r.Confiscated)
		for _, c := range Categories(r.Category) {
			cats[c]++
		}
	}
	for name, n := range cats {
		s.Categories = append(s.Categories, CategoryCount{name, n})
	}
	slices.SortFunc(s.Categories, func(a, b CategoryCount) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Name, b.Name)
	})
	return s
}
