package tabular

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	uni "unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/fazhi-dev/fazhi/internal/diag"
)

// saveAsCSV tells the author how to write a file fazhi can read.
const saveAsCSV = "请在 Excel 中「另存为」，保存类型选「CSV UTF-8（逗号分隔）」；或者改用 .xlsx 工作簿"

// Decode turns the bytes of a text file into a string and names the
// encoding it found:
//
//   - a UTF-8 byte-order mark (Excel's 「CSV UTF-8」): "UTF-8 BOM";
//   - a UTF-16 byte-order mark (Excel's 「Unicode 文本」): "UTF-16";
//   - valid UTF-8 without a mark: "UTF-8";
//   - anything else is decoded as GB18030 (which includes GBK and
//     GB2312, what Excel on Chinese Windows writes): "GB18030".
//
// Valid UTF-8 is tried before GB18030 because a GB18030 text of any
// length is almost never valid UTF-8, while UTF-8 text decoded as GB18030
// would silently give wrong characters. A file that is neither, or holds
// NUL characters (a binary file), is an error.
func Decode(data []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		s := string(data[3:])
		if !utf8.ValidString(s) {
			return "", "", errors.New("文件开头标明是 UTF-8 编码，但内容不是有效的 UTF-8")
		}
		return s, "UTF-8 BOM", binary(s)
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil || !utf8.Valid(out) || bytes.ContainsRune(out, utf8.RuneError) {
			return "", "", errors.New("文件开头标明是 UTF-16 编码，但内容不是有效的 UTF-16")
		}
		return string(out), "UTF-16", binary(string(out))
	case utf8.Valid(data):
		return string(data), "UTF-8", binary(string(data))
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
		return "", "", errors.New("文件既不是 UTF-8 也不是 GB18030（GBK）编码，无法识别其中的文字")
	}
	return string(out), "GB18030", binary(string(out))
}

// binary reports a NUL character, the mark of a file that is not text.
func binary(s string) error {
	if strings.IndexByte(s, 0) >= 0 {
		return errors.New("文件中有二进制内容，不是文本文件")
	}
	return nil
}

// ReadCSV reads a CSV file (or a tab-separated text file) in any encoding
// Decode knows. The separator is a comma unless the first line holds tabs
// and no comma. Quoted fields may span lines; a stray or unbalanced
// quote is an error at its row.
func ReadCSV(name string, data []byte) (*Table, error) {
	if isZip(data) {
		return nil, diag.New(name, 0, "这个文件其实是 Excel 工作簿，请把扩展名改为 .xlsx (an XLSX workbook named .csv)")
	}
	text, enc, err := Decode(data)
	if err != nil {
		return nil, diag.New(name, 0, "%v：%s (cannot decode)", err, saveAsCSV)
	}
	r := csv.NewReader(strings.NewReader(text))
	first, _, _ := strings.Cut(text, "\n")
	if strings.Contains(first, "\t") && !strings.Contains(first, ",") {
		r.Comma = '\t'
	}
	r.FieldsPerRecord = -1
	r.ReuseRecord = false
	t := &Table{File: name, Encoding: enc}
	// Excel numbers rows by record, and an empty line is an empty row;
	// encoding/csv skips empty lines and lets quoted fields span lines.
	// So the row of a record is the previous record's row plus the
	// physical lines between the end of that record and this one's start.
	row, prevEnd, counted, newlines := 0, 0, 0, 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			line := prevEnd + 1
			if errors.As(err, &pe) {
				line = row + pe.StartLine - prevEnd
			}
			return nil, diag.New(name, line, "CSV 格式有误：%s；%s (malformed CSV: %v)", csvProblem(err), saveAsCSV, errors.Unwrap(err))
		}
		start, _ := r.FieldPos(0)
		row += start - prevEnd
		end := int(r.InputOffset())
		newlines += strings.Count(text[counted:end], "\n")
		counted = end
		prevEnd = newlines
		if !strings.HasSuffix(text[:end], "\n") {
			prevEnd++
		}
		if row > MaxRows {
			return nil, diag.New(name, row, "表格超过 %d 行，请分成几个文件 (too many rows)", MaxRows)
		}
		if len(rec) > MaxColumns {
			return nil, diag.New(name, row, "这一行超过 %d 列，请检查分隔符 (too many columns)", MaxColumns)
		}
		out := Row{Line: row, Cells: make([]Cell, len(rec))}
		for i, f := range rec {
			f = cleanCell(f)
			out.Cells[i] = Cell{Text: f, Raw: f}
		}
		if !out.Blank() {
			t.Rows = append(t.Rows, out)
		}
	}
	return t, nil
}

// csvProblem says in Chinese what a CSV parse error means.
func csvProblem(err error) string {
	switch {
	case errors.Is(err, csv.ErrBareQuote):
		return "没有用引号括起的内容中出现了英文双引号 \"，请改用中文引号“”，或删去它"
	case errors.Is(err, csv.ErrQuote):
		return "英文双引号 \" 没有成对，一个内容的引号从这一行开始一直没有结束；请补上缺少的引号，内容中的引号改用中文引号“”"
	}
	return "无法按逗号分隔的表格读取这一行"
}

// cleanCell trims white space (also the full-width space and the
// non-breaking space Excel users paste) and bounds the length.
func cleanCell(s string) string {
	s = strings.TrimFunc(s, func(r rune) bool { return uni.IsSpace(r) || r == '\ufeff' })
	if len(s) > MaxCell {
		s = s[:MaxCell]
		for !utf8.ValidString(s) {
			s = s[:len(s)-1]
		}
	}
	return s
}
