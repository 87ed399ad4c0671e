package enforcement

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"time"
)

// Open data: a column's currently public records as CSV and JSON
// (<column>/data.csv, <column>/data.json). Both are written from
// Published records only, so they hold the masked names and scrubbed text
// the pages show and no identity document number; only Listed records are
// written (not 待公示, 已期满, 撤销 or 撤回; a 未成年人 row never becomes a
// Published record).

// OpenField is one column of the open data: its Chinese header (that of
// the 双公示 standard), its key in the JSON records, and its value.
type OpenField struct {
	Header string
	Key    string
	Value  func(*Published) string
}

func amountText(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

var commonHead = []OpenField{
	{"行政相对人名称", "party", func(p *Published) string { return p.Party }},
	{"行政相对人类别", "partyKind", func(p *Published) string { return p.PartyKind }},
	{"统一社会信用代码", "creditCode", func(p *Published) string { return p.CreditCode }},
	{"法定代表人", "legalRep", func(p *Published) string { return p.LegalRep }},
}

var penaltyFields = concatFields(commonHead, []OpenField{
	{"行政处罚决定书文号", "number", func(p *Published) string { return p.Number }},
	{"违法行为类型", "violationType", func(p *Published) string { return p.ViolationType }},
	{"违法事实", "facts", func(p *Published) string { return p.Facts }},
	{"处罚依据", "basis", func(p *Published) string { return p.Basis }},
	{"处罚类别", "category", func(p *Published) string { return p.Category }},
	{"处罚内容", "content", func(p *Published) string { return p.Content }},
	{"罚款金额（万元）", "fine", func(p *Published) string { return amountText(p.Fine) }},
	{"没收违法所得、没收非法财物的金额（万元）", "confiscated", func(p *Published) string { return amountText(p.Confiscated) }},
	{"暂扣或吊销证照名称及编号", "licence", func(p *Published) string { return p.Licence }},
	{"处罚决定日期", "decided", func(p *Published) string { return p.Decided }},
	{"公示截止期", "deadline", func(p *Published) string { return p.Deadline }},
	{"处罚机关", "authority", func(p *Published) string { return p.Authority }},
	{"处罚机关统一社会信用代码", "authorityCode", func(p *Published) string { return p.AuthorityCode }},
	{"数据来源单位", "source", func(p *Published) string { return p.Source }},
	{"备注", "note", func(p *Published) string { return p.Note }},
	{"公示日期", "online", func(p *Published) string { return p.Online }},
	{"状态", "state", func(p *Published) string { return p.State }},
})

var permitFields = concatFields(commonHead, []OpenField{
	{"行政许可决定文书名称", "docName", func(p *Published) string { return p.DocName }},
	{"行政许可决定文书号", "number", func(p *Published) string { return p.Number }},
	{"许可类别", "category", func(p *Published) string { return p.Category }},
	{"许可证书名称", "certName", func(p *Published) string { return p.CertName }},
	{"许可编号", "permitNo", func(p *Published) string { return p.PermitNo }},
	{"许可内容", "content", func(p *Published) string { return p.Content }},
	{"许可决定日期", "decided", func(p *Published) string { return p.Decided }},
	{"有效期自", "validFrom", func(p *Published) string { return p.ValidFrom }},
	{"有效期至", "validTo", func(p *Published) string { return p.ValidTo }},
	{"许可机关", "authority", func(p *Published) string { return p.Authority }},
	{"许可机关统一社会信用代码", "authorityCode", func(p *Published) string { return p.AuthorityCode }},
	{"数据来源单位", "source", func(p *Published) string { return p.Source }},
	{"备注", "note", func(p *Published) string { return p.Note }},
	{"公示日期", "online", func(p *Published) string { return p.Online }},
	{"状态", "state", func(p *Published) string { return p.State }},
})

func concatFields(a, b []OpenField) []OpenField {
	return append(append([]OpenField{}, a...), b...)
}

// OpenFields returns the columns of the open data of a table type, in
// order; nil for an unknown type.
func OpenFields(typ string) []OpenField {
	switch typ {
	case Penalty:
		return penaltyFields
	case Permit:
		return permitFields
	}
	return nil
}

// Listed returns the Listed records among rs, in their order: what lists,
// search, statistics and data downloads show.
func Listed(rs []*Published) []*Published {
	var out []*Published
	for _, r := range rs {
		if r.Listed() {
			out = append(out, r)
		}
	}
	return out
}

// utf8BOM makes Excel on Windows read the CSV as UTF-8 rather than in
// the system's code page.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// CSV returns the Listed records among rs as a CSV file of typ: UTF-8
// with a byte-order mark (so that Excel opens it correctly), CRLF line
// ends, one header row with the standard's Chinese headers.
func CSV(typ string, rs []*Published) []byte {
	fields := OpenFields(typ)
	var buf bytes.Buffer
	buf.Write(utf8BOM)
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	row := make([]string, len(fields))
	for i, f := range fields {
		row[i] = f.Header
	}
	w.Write(row)
	for _, r := range Listed(rs) {
		for i, f := range fields {
			row[i] = csvCell(f.Value(r))
		}
		w.Write(row)
	}
	w.Flush()
	return buf.Bytes()
}

// csvCell keeps a spreadsheet from running a cell as a formula when
// someone opens data.csv (CSV injection): a cell that starts with =, +,
// -, @, a tab or a carriage return gets a leading apostrophe, which Excel
// and WPS show as text, unless the whole cell is a plain number (a
// negative amount). data.json and the pages keep the text unchanged.
func csvCell(s string) string {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) || plainNumber(s) {
		return s
	}
	return "'" + s
}

// plainNumber reports whether s is a sign and decimal digits with at most
// one point ("-0.5"), which no spreadsheet reads as a formula.
func plainNumber(s string) bool {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+")
	digits, points := 0, 0
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
			points++
		default:
			return false
		}
	}
	return digits > 0 && points <= 1
}

// OpenData is the document of data.json (docs/schema/enforcement.schema.json).
type OpenData struct {
	// Type is 行政处罚 or 行政许可.
	Type string `json:"type"`
	// Column is the column's title and URL is its address.
	Column string `json:"column"`
	URL    string `json:"url"`
	// AsOf is the day (in the site's zone) the states were computed.
	AsOf string `json:"asOf"`
	// Fields lists the keys of the records with their Chinese headers, in
	// the order of the CSV's columns.
	Fields []OpenFieldInfo `json:"fields"`
	// Count is len(Records).
	Count   int          `json:"count"`
	Records []*Published `json:"records"`
}

// OpenFieldInfo names one key of the JSON records.
type OpenFieldInfo struct {
	Key    string `json:"key"`
	Header string `json:"header"`
}

// JSON returns the Listed records among rs as the data.json document of a
// column, indented for people who open it.
func JSON(typ, column, url, asOf string, rs []*Published) []byte {
	doc := OpenData{Type: typ, Column: column, URL: url, AsOf: asOf, Records: Listed(rs)}
	if doc.Records == nil {
		doc.Records = []*Published{}
	}
	doc.Count = len(doc.Records)
	for _, f := range OpenFields(typ) {
		doc.Fields = append(doc.Fields, OpenFieldInfo{Key: f.Key, Header: f.Header})
	}
	out, _ := json.MarshalIndent(doc, "", "  ")
	return append(out, '\n')
}

// AsOf returns the day (YYYY-MM-DD) on which the set of public records
// among rs last changed, as far as the records tell: the newest 公示日期
// that has come, or the day after a 公示截止期 or 有效期至 that has
// passed. rs are all the records of a column, tombstones included. With
// it, data.json stays the same bytes from one nightly build to the next
// until something changes; today is the answer when no record gives a
// day.
func AsOf(rs []*Published, today string) string {
	last := ""
	later := func(d string) {
		if d != "" && d <= today && d > last {
			last = d
		}
	}
	for _, r := range rs {
		later(r.Online)
		if r.Online == "" {
			later(r.Decided)
		}
		for _, end := range []string{r.Deadline, r.ValidTo} {
			if end == "" || end >= today {
				continue
			}
			if t, err := time.Parse(time.DateOnly, end); err == nil {
				later(t.AddDate(0, 0, 1).Format(time.DateOnly))
			}
		}
	}
	if last == "" {
		return today
	}
	return last
}
