package tabular

import (
	"bytes"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/fazhi-dev/fazhi/internal/diag"
)

// Unzip limits for workbooks: a small XLSX file can expand to gigabytes.
const (
	unzipLimit    = 256 << 20
	unzipXMLLimit = 64 << 20
)

// ReadXLSX reads one worksheet of an XLSX workbook: the one named sheet,
// or the first when sheet is empty. Each cell's Text is its value as
// Excel shows it and Raw its stored value (dates as serial numbers).
func ReadXLSX(name string, data []byte, sheet string) (*Table, error) {
	if !isZip(data) {
		if bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
			return nil, diag.New(name, 0, "这个文件是旧版 Excel 97-2003 格式（.xls）或加了密码：请在 Excel 中「另存为」Excel 工作簿（.xlsx），并取消密码 (old or encrypted workbook)")
		}
		return nil, diag.New(name, 0, "这个文件不是 Excel 工作簿（.xlsx），可能已损坏或只是改了扩展名：请用 Excel 打开后重新「另存为」.xlsx (not an XLSX file)")
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: unzipLimit, UnzipXMLSizeLimit: unzipXMLLimit})
	if err != nil {
		return nil, diag.New(name, 0, "无法打开工作簿（%v）：请用 Excel 打开后重新「另存为」.xlsx (cannot open workbook)", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, diag.New(name, 0, "工作簿中没有工作表 (no worksheet)")
	}
	if sheet == "" {
		sheet = sheets[0]
	} else if !slices.Contains(sheets, sheet) {
		return nil, diag.New(name, 0, "工作簿中没有名为「%s」的工作表，现有的工作表是：%s；请改正 sheet 的值 (no such sheet)", sheet, "「"+strings.Join(sheets, "」「")+"」")
	}
	shown, err := f.GetRows(sheet)
	if err == nil && len(shown) > MaxRows {
		err = errors.New("超过 " + strconv.Itoa(MaxRows) + " 行，请分成几个工作簿")
	}
	var raw [][]string
	if err == nil {
		raw, err = f.GetRows(sheet, excelize.Options{RawCellValue: true})
	}
	if err != nil {
		return nil, diag.New(name, 0, "无法读取工作表「%s」（%v） (cannot read worksheet)", sheet, err)
	}
	t := &Table{File: name, Sheet: sheet, Encoding: "XLSX"}
	for i, cells := range shown {
		if len(cells) > MaxColumns {
			return nil, diag.New(name, i+1, "工作表「%s」第 %d 行超过 %d 列 (too many columns)", sheet, i+1, MaxColumns)
		}
		row := Row{Line: i + 1, Cells: make([]Cell, len(cells))}
		for j, text := range cells {
			text = cleanCell(text)
			rawText := text
			if i < len(raw) && j < len(raw[i]) {
				rawText = cleanCell(raw[i][j])
			}
			row.Cells[j] = Cell{Text: text, Raw: rawText}
		}
		if !row.Blank() {
			t.Rows = append(t.Rows, row)
		}
	}
	return t, nil
}
