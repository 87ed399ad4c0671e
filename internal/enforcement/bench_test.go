package enforcement

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/fazhi-dev/fazhi/internal/legal"
	"github.com/fazhi-dev/fazhi/internal/tabular"
)

// benchRows is a table of n valid rows with distinct 文号.
func benchRows(n int) [][]string {
	rows := [][]string{strings.Split(strings.TrimSuffix(penaltyHeader, "\n"), ",")}
	good := strings.Split(strings.TrimSuffix(goodPenalty, "\n"), ",")
	for i := range n {
		r := append([]string{}, good...)
		r[6] = fmt.Sprintf("某市监罚〔2024〕%d号", i+1)
		rows = append(rows, r)
	}
	return rows
}

// BenchmarkLoadCSV reads and checks a CSV of 5000 decisions:
// go test ./internal/enforcement/ -run XXX -bench Load -benchtime 3x
func BenchmarkLoadCSV(b *testing.B) {
	var buf strings.Builder
	for _, r := range benchRows(5000) {
		buf.WriteString(strings.Join(r, ",") + "\n")
	}
	data := []byte(buf.String())
	cal := legal.DefaultCalendar()
	b.ResetTimer()
	for range b.N {
		tab, err := tabular.Read("a.csv", data, "")
		if err != nil {
			b.Fatal(err)
		}
		if s, fs := Load(tab, Options{Type: Penalty, Calendar: cal}); len(fs) != 0 || len(s.Decisions) != 5000 {
			b.Fatalf("%d findings, %d decisions", len(fs), len(s.Decisions))
		}
	}
}

// BenchmarkLoadXLSX is BenchmarkLoadCSV with a workbook.
func BenchmarkLoadXLSX(b *testing.B) {
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	for i, r := range benchRows(5000) {
		vals := make([]any, len(r))
		for j, v := range r {
			vals[j] = v
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cell, vals); err != nil {
			b.Fatal(err)
		}
	}
	sw.Flush()
	var buf bytes.Buffer
	f.Write(&buf)
	data := buf.Bytes()
	cal := legal.DefaultCalendar()
	b.ResetTimer()
	for range b.N {
		tab, err := tabular.Read("a.xlsx", data, "")
		if err != nil {
			b.Fatal(err)
		}
		if s, fs := Load(tab, Options{Type: Penalty, Calendar: cal}); len(fs) != 0 || len(s.Decisions) != 5000 {
			b.Fatalf("%d findings, %d decisions", len(fs), len(s.Decisions))
		}
	}
}
