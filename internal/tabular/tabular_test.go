package tabular

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

const sampleCSV = "行政相对人名称,处罚决定日期,罚款金额（万元）\r\n" +
	"某市甲乙商贸有限公司,2024/3/1,0.5\r\n" +
	"\r\n" +
	",,\r\n" +
	"\"张三\",\"2024年3月2日\",\"1,000\"\r\n" +
	"\"多行\n备注\",2024-03-03,\r\n" +
	" 李四 ,45352,3\r\n"

// want is the table every encoding of sampleCSV must give.
func checkSample(t *testing.T, tab *Table, enc string) {
	t.Helper()
	if tab.Encoding != enc || tab.Sheet != "" || tab.File != "data/a.csv" {
		t.Errorf("Encoding %q Sheet %q File %q, want %q", tab.Encoding, tab.Sheet, tab.File, enc)
	}
	want := []struct {
		line  int
		cells string
	}{
		{1, "行政相对人名称|处罚决定日期|罚款金额（万元）"},
		{2, "某市甲乙商贸有限公司|2024/3/1|0.5"},
		{5, "张三|2024年3月2日|1,000"},
		{6, "多行\n备注|2024-03-03|"},
		{7, "李四|45352|3"},
	}
	if len(tab.Rows) != len(want) {
		t.Fatalf("%s: %d rows, want %d: %+v", enc, len(tab.Rows), len(want), tab.Rows)
	}
	for i, w := range want {
		r := tab.Rows[i]
		var texts []string
		for _, c := range r.Cells {
			texts = append(texts, c.Text)
		}
		if got := strings.Join(texts, "|"); r.Line != w.line || got != w.cells {
			t.Errorf("%s row %d: line %d %q, want line %d %q", enc, i, r.Line, got, w.line, w.cells)
		}
	}
}

func TestReadCSVEncodings(t *testing.T) {
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(sampleCSV)
	if err != nil {
		t.Fatal(err)
	}
	if []byte(gb)[0] == []byte(sampleCSV)[0] && bytes.Equal([]byte(gb), []byte(sampleCSV)) {
		t.Fatal("GB18030 encoding did nothing")
	}
	u16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(sampleCSV)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		data []byte
		enc  string
	}{
		{[]byte(sampleCSV), "UTF-8"},
		{append([]byte{0xEF, 0xBB, 0xBF}, sampleCSV...), "UTF-8 BOM"},
		{[]byte(gb), "GB18030"},
		{[]byte(u16), "UTF-16"},
	} {
		tab, err := Read("data/a.csv", tc.data, "")
		if err != nil {
			t.Fatalf("%s: %v", tc.enc, err)
		}
		checkSample(t, tab, tc.enc)
	}
}

// TestDecodeShortGB18030 makes sure a short GB18030 text that happens to
// be two bytes per character is not taken for UTF-8.
func TestDecodeShortGB18030(t *testing.T) {
	for _, s := range []string{"张三", "罚款", "某市司法局", "一般"} {
		gb, _ := simplifiedchinese.GB18030.NewEncoder().String(s)
		got, enc, err := Decode([]byte(gb))
		if err != nil || got != s || enc != "GB18030" {
			t.Errorf("Decode(GB18030 %q) = %q, %q, %v", s, got, enc, err)
		}
	}
}

func TestReadTabSeparated(t *testing.T) {
	tab, err := Read("data/a.txt", []byte("文号\t名称\n某罚〔2024〕1号\t某公司, 分公司\n"), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Rows) != 2 || tab.Rows[1].Cell(2).Text != "某公司, 分公司" || tab.Rows[1].Cell(3).Text != "" {
		t.Errorf("rows %+v", tab.Rows)
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, sheet string
		data        []byte
		want        string
	}{
		{"data/a.csv", "", []byte{0x81, 0x30, 0xFF, 0xFF, 0xFF}, "data/a.csv: 文件既不是 UTF-8 也不是 GB18030（GBK）编码，无法识别其中的文字：请在 Excel 中「另存为」，保存类型选「CSV UTF-8（逗号分隔）」"},
		{"data/a.csv", "", []byte("a,b\x00\n"), "文件中有二进制内容，不是文本文件"},
		{"data/a.csv", "", []byte("a,b\n\"c,d\n"), "data/a.csv:2: CSV 格式有误"},
		{"data/a.csv", "", []byte("a,b\n\"x\ny\",c\n\nd\"e,f\n"), "data/a.csv:4: CSV 格式有误：没有用引号括起的内容中出现了英文双引号 \"，请改用中文引号“”"},
		{"data/a.csv", "处罚", []byte("a\n"), "CSV 文件没有工作表，请删去 sheet = \"处罚\""},
		{"data/a.csv", "", []byte("PK\x03\x04rest"), "这个文件其实是 Excel 工作簿，请把扩展名改为 .xlsx"},
		{"data/a.xls", "", []byte("x"), "不支持「.xls」格式：请在 Excel 或 WPS 中「另存为」Excel 工作簿（.xlsx）"},
		{"data/a.xlsx", "", []byte{0xD0, 0xCF, 0x11, 0xE0, 0, 0}, "旧版 Excel 97-2003 格式（.xls）或加了密码"},
		{"data/a.xlsx", "", []byte("a,b\n"), "这个文件不是 Excel 工作簿（.xlsx）"},
		{"data/a.xlsx", "", []byte("PK\x03\x04broken"), "data/a.xlsx: 无法打开工作簿"},
		{"data/a.xlsx", "许可", workbook(t, map[string][][]any{"处罚": {{"a"}}, "汇总": {{"b"}}}), "工作簿中没有名为「许可」的工作表，现有的工作表是：「处罚」「汇总」"},
		{"data/a.json", "", []byte("{}"), "数据文件应为 .xlsx 工作簿或 .csv 文件"},
	}
	for _, tc := range tests {
		_, err := Read(tc.name, tc.data, tc.sheet)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Read(%s, %q) error = %v\nwant it to contain %q", tc.name, tc.data, err, tc.want)
		}
	}
}

// workbook builds an XLSX file with the given sheets (in name order
// "处罚" first when present) and rows; a time.Time becomes a date cell
// formatted with format 14, a float64 a number.
func workbook(t testing.TB, sheets map[string][][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	first := true
	for _, name := range []string{"处罚", "许可", "汇总", "Sheet1"} {
		rows, ok := sheets[name]
		if !ok {
			continue
		}
		if first {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				t.Fatal(err)
			}
			first = false
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
		for i, row := range rows {
			for j, v := range row {
				cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if err := f.SetCellValue(name, cell, v); err != nil {
					t.Fatal(err)
				}
				if _, ok := v.(time.Time); ok {
					f.SetCellStyle(name, cell, cell, dateStyle)
				}
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadXLSX(t *testing.T) {
	d := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	data := workbook(t, map[string][][]any{
		"处罚": {
			{"某市市场监督管理局行政处罚信息公示表"},
			{"行政相对人名称", "处罚决定日期", "罚款金额（万元）"},
			{},
			{"某市甲乙商贸有限公司", d, 0.5},
			{" 张三 ", "2024/3/2", "1.2"},
		},
		"许可": {
			{"行政许可决定文书号"},
			{"某市监许〔2024〕1号"},
		},
	})
	tab, err := Read("data/b.XLSX", data, "")
	if err != nil {
		t.Fatal(err)
	}
	if tab.Sheet != "处罚" || tab.Encoding != "XLSX" || len(tab.Rows) != 4 {
		t.Fatalf("sheet %q encoding %q rows %+v", tab.Sheet, tab.Encoding, tab.Rows)
	}
	if r := tab.Rows[2]; r.Line != 4 || r.Cell(1).Text != "某市甲乙商贸有限公司" || r.Cell(2).Text != "03-01-24" || r.Cell(2).Raw != "45352" || r.Cell(3).Text != "0.5" {
		t.Errorf("row 4: %+v", r)
	}
	if got, err := tab.Rows[2].Cell(2).Date(); err != nil || !got.Equal(d) {
		t.Errorf("date cell: %v, %v", got, err)
	}
	if r := tab.Rows[3]; r.Line != 5 || r.Cell(1).Text != "张三" {
		t.Errorf("row 5: %+v", r)
	}
	if got := tab.Where(5, 2); got != "工作表「处罚」第 5 行 B 列" {
		t.Errorf("Where = %q", got)
	}
	tab, err = Read("data/b.xlsx", data, "许可")
	if err != nil || tab.Sheet != "许可" || len(tab.Rows) != 2 || tab.Rows[1].Cell(1).Text != "某市监许〔2024〕1号" {
		t.Errorf("sheet 许可: %+v, %v", tab, err)
	}
}

func TestColumnName(t *testing.T) {
	for col, want := range map[int]string{0: "", 1: "A", 2: "B", 26: "Z", 27: "AA", 52: "AZ", 53: "BA", 702: "ZZ", 703: "AAA", 16384: "XFD"} {
		if got := ColumnName(col); got != want {
			t.Errorf("ColumnName(%d) = %q, want %q", col, got, want)
		}
	}
	if got := (&Table{}).Where(3, 28); got != "第 3 行 AB 列" {
		t.Errorf("Where = %q", got)
	}
}

func FuzzReadCSV(f *testing.F) {
	f.Add([]byte(sampleCSV))
	gb, _ := simplifiedchinese.GB18030.NewEncoder().String(sampleCSV)
	f.Add([]byte(gb))
	f.Add([]byte("\xff\xfea\x00,\x00b\x00"))
	f.Add([]byte("a\tb\n\"c\"\"d\"\te\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, err := ReadCSV("a.csv", data)
		if err != nil {
			return
		}
		last := 0
		for _, r := range tab.Rows {
			if r.Line <= last || r.Blank() || len(r.Cells) > MaxColumns {
				t.Fatalf("bad row %+v after line %d", r, last)
			}
			last = r.Line
			for _, c := range r.Cells {
				if c.Text != strings.TrimSpace(c.Text) || len(c.Text) > MaxCell || strings.ContainsRune(c.Text, 0) {
					t.Fatalf("cell %q not clean", c.Text)
				}
			}
		}
	})
}

func FuzzReadXLSX(f *testing.F) {
	f.Add(workbook(f, map[string][][]any{"处罚": {{"文号", "日期"}, {"某罚〔2024〕1号", time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)}}}), "")
	f.Add([]byte("PK\x03\x04"), "处罚")
	f.Fuzz(func(t *testing.T, data []byte, sheet string) {
		tab, err := ReadXLSX("a.xlsx", data, sheet)
		if err != nil {
			return
		}
		last := 0
		for _, r := range tab.Rows {
			if r.Line <= last || r.Blank() {
				t.Fatalf("bad row %+v after line %d", r, last)
			}
			last = r.Line
		}
	})
}
