// Package tabular reads the spreadsheets offices keep their data in: CSV
// files in UTF-8 (with or without the byte-order mark Excel writes),
// GB18030 (what Excel on Chinese Windows writes for 「CSV（逗号分隔）」) or
// UTF-16 (Excel's 「Unicode 文本」), and XLSX workbooks. It returns the
// cells as text with the row number the author sees in Excel, so that
// every later finding can point at the row and column to fix. It also
// reads dates in the forms spreadsheets produce (ParseDate) and names
// columns by letter (ColumnName).
//
// The package knows nothing about what the columns mean.
package tabular

import (
	"bytes"
	"path"
	"strconv"
	"strings"

	"github.com/fazhi-dev/fazhi/internal/diag"
)

// Limits bound the work done on one file, whatever it holds.
const (
	// MaxRows is the most rows read from a table.
	MaxRows = 100000
	// MaxColumns is the most columns read from a row.
	MaxColumns = 256
	// MaxCell is the most bytes kept of one cell.
	MaxCell = 32 << 10
)

// Cell is one cell of a table.
type Cell struct {
	// Text is the cell as the author sees it: for XLSX the value formatted
	// with the cell's number format, for CSV the field, trimmed of
	// surrounding white space.
	Text string
	// Raw is the stored value: for an XLSX number or date cell the number
	// (a date is its serial number, "45352"), otherwise Text.
	Raw string
}

// Row is one row of a table.
type Row struct {
	// Line is the row number as Excel shows it: 1 for the first row of the
	// sheet or file. For CSV it counts records, so a quoted field that
	// spans lines does not shift later rows.
	Line int
	// Cells are the row's cells from column A; trailing empty cells may be
	// missing.
	Cells []Cell
}

// Cell returns the cell in column col (1-based), or an empty cell.
func (r Row) Cell(col int) Cell {
	if col < 1 || col > len(r.Cells) {
		return Cell{}
	}
	return r.Cells[col-1]
}

// Blank reports whether every cell of the row is empty.
func (r Row) Blank() bool {
	for _, c := range r.Cells {
		if c.Text != "" {
			return false
		}
	}
	return true
}

// Table is the content of a CSV file or of one worksheet. Rows that are
// entirely blank are left out; the others keep their row numbers.
type Table struct {
	// File is the path the table was read from, for messages.
	File string
	// Sheet is the worksheet's name; empty for CSV.
	Sheet string
	// Encoding names the text encoding of a CSV file ("UTF-8",
	// "UTF-8 BOM", "GB18030", "UTF-16"); "XLSX" for a workbook.
	Encoding string
	// Rows are the non-blank rows in order.
	Rows []Row
}

// Where names the place of a row and column for a message, as the author
// finds it in Excel: 工作表「处罚」第 5 行 G 列, or 第 5 行 G 列 for CSV.
func (t *Table) Where(line, col int) string {
	s := "第 " + strconv.Itoa(line) + " 行 " + ColumnName(col) + " 列"
	if t.Sheet != "" {
		return "工作表「" + t.Sheet + "」" + s
	}
	return s
}

// Read reads the table in data, choosing the reader by the extension of
// name (.csv, .xlsx; any case). sheet selects the worksheet of a workbook
// (the first when empty) and must be empty for CSV. Errors are
// *diag.Error values for name.
func Read(name string, data []byte, sheet string) (*Table, error) {
	switch strings.ToLower(path.Ext(name)) {
	case ".csv", ".txt":
		if sheet != "" {
			return nil, diag.New(name, 0, "CSV 文件没有工作表，请删去 sheet = \"%s\" (CSV has no sheets)", sheet)
		}
		return ReadCSV(name, data)
	case ".xlsx", ".xlsm":
		return ReadXLSX(name, data, sheet)
	case ".xls", ".et", ".ods", ".numbers":
		return nil, diag.New(name, 0, "不支持「%s」格式：请在 Excel 或 WPS 中「另存为」Excel 工作簿（.xlsx）或 CSV UTF-8（逗号分隔）（.csv） (unsupported format)", path.Ext(name))
	}
	return nil, diag.New(name, 0, "数据文件应为 .xlsx 工作簿或 .csv 文件 (unsupported file type)")
}

// isZip reports whether data starts like a ZIP archive (an XLSX file).
func isZip(data []byte) bool { return bytes.HasPrefix(data, []byte("PK\x03\x04")) }

// ColumnName returns the letters Excel shows for column col (1-based):
// 1 is A, 26 is Z, 27 is AA, 703 is AAA. It returns "" for col < 1.
func ColumnName(col int) string {
	var b []byte
	for col > 0 {
		col--
		b = append([]byte{byte('A' + col%26)}, b...)
		col /= 26
	}
	return string(b)
}
