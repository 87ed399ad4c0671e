package render

import (
	"fmt"
	"html"
	"strconv"
	"strings"

	"github.com/fazhi-dev/fazhi/internal/frontmatter"
	"github.com/fazhi-dev/fazhi/internal/legal"
	"github.com/fazhi-dev/fazhi/internal/site"
)

// withReportTables puts the statistical tables of a 政府信息公开工作年度报告
// into its body: a paragraph holding only 【表二】, 【表三】 or 【表四】 is
// replaced by that table; a table without its marker follows the body.
func withReportTables(p *site.Page, body string) string {
	r := p.Report()
	if r == nil || r.Type != legal.ReportXxgk {
		return body
	}
	tables := []struct{ marker, html string }{
		{"【表二】", table2HTML(r.Table2)},
		{"【表三】", table3HTML(r.Table3)},
		{"【表四】", table4HTML(r.Table4)},
	}
	for _, t := range tables {
		if t.html == "" {
			continue
		}
		m := "<p>" + t.marker + "</p>"
		if strings.Contains(body, m) {
			body = strings.Replace(body, m, t.html, 1)
		} else {
			body += t.html
		}
	}
	return body
}

// tableMarkers drops the table markers from a report's summary, which is
// taken from the body's text.
var tableMarkers = strings.NewReplacer("【表二】", "", "【表三】", "", "【表四】", "")

// withoutTableMarkers returns the summary of p without table markers.
func withoutTableMarkers(p *site.Page, summary string) string {
	if r := p.Report(); r == nil || r.Type != legal.ReportXxgk {
		return summary
	}
	return strings.Join(strings.Fields(tableMarkers.Replace(summary)), " ")
}

// tableWrap puts a wide table in a focusable region that scrolls
// sideways on a narrow screen, with a hint shown there.
func tableWrap(id, class, caption, note, inner string) string {
	var b strings.Builder
	if class != "t2" {
		b.WriteString("<p class=\"table-hint\">表格较宽，可在表格内左右滑动查看</p>\n")
	}
	fmt.Fprintf(&b, "<div class=\"table-wrap report-table-wrap\" role=\"region\" aria-labelledby=\"%s-caption\" tabindex=\"0\">\n", id)
	fmt.Fprintf(&b, "<table class=\"report-table %s\" id=\"%s\">\n<caption id=\"%s-caption\">%s", class, id, id, html.EscapeString(caption))
	if note != "" {
		fmt.Fprintf(&b, "<span class=\"caption-note\">%s</span>", html.EscapeString(note))
	}
	b.WriteString("</caption>\n")
	b.WriteString(inner)
	b.WriteString("</table>\n</div>\n")
	return b.String()
}

func esc(s string) string { return html.EscapeString(s) }

// table2HTML renders 表二 主动公开政府信息情况 in the official layout: four
// blocks, each headed by its item of 条例第二十条.
func table2HTML(t map[string]frontmatter.Numbers) string {
	if t == nil {
		return ""
	}
	var b strings.Builder
	for i, bl := range legal.Table2Blocks {
		bid := fmt.Sprintf("t2-b%d", i+1)
		fmt.Fprintf(&b, "<tbody>\n<tr><th colspan=\"4\" scope=\"colgroup\" id=\"%s\" class=\"t-item\">%s</th></tr>\n<tr><th scope=\"col\" id=\"%s-c0\">信息内容</th>", bid, esc(bl.Item), bid)
		span := ""
		if len(bl.Cols) == 1 {
			span = " colspan=\"3\""
		}
		for j, c := range bl.Cols {
			fmt.Fprintf(&b, "<th scope=\"col\" id=\"%s-c%d\"%s>%s</th>", bid, j+1, span, esc(c))
		}
		b.WriteString("</tr>\n")
		for k, row := range bl.Rows {
			rid := fmt.Sprintf("%s-r%d", bid, k+1)
			fmt.Fprintf(&b, "<tr><th scope=\"row\" id=\"%s\" headers=\"%s %s-c0\">%s</th>", rid, bid, bid, esc(row))
			v := t[row]
			for j := range bl.Cols {
				n := ""
				if j < len(v) {
					n = strconv.FormatFloat(v[j], 'f', -1, 64)
				}
				fmt.Fprintf(&b, "<td headers=\"%s %s-c%d %s\"%s>%s</td>", bid, bid, j+1, rid, span, n)
			}
			b.WriteString("</tr>\n")
		}
		b.WriteString("</tbody>\n")
	}
	return tableWrap("t2", "t2", "表二　主动公开政府信息情况", "", b.String())
}

// table3HTML renders 表三 收到和处理政府信息公开申请情况: a three-level
// column header (申请人情况 → 自然人 / 法人或其他组织 → its five kinds) and
// a three-level row header (三 → （三） → 1.…), tied to each number by
// headers attributes.
func table3HTML(t map[string][]int) string {
	if t == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString("<thead>\n<tr><td colspan=\"3\" rowspan=\"3\"></td><th colspan=\"7\" scope=\"colgroup\" id=\"t3-h\">申请人情况</th></tr>\n")
	b.WriteString("<tr><th rowspan=\"2\" scope=\"col\" id=\"t3-c0\">自然人</th><th colspan=\"5\" scope=\"colgroup\" id=\"t3-org\">法人或其他组织</th><th rowspan=\"2\" scope=\"col\" id=\"t3-c6\">总计</th></tr>\n<tr>")
	cols := make([]string, len(legal.Table3Columns))
	for c := range legal.Table3Columns {
		switch {
		case c == 0 || c == len(cols)-1:
			cols[c] = fmt.Sprintf("t3-h t3-c%d", c)
		default:
			cols[c] = fmt.Sprintf("t3-h t3-org t3-c%d", c)
			fmt.Fprintf(&b, "<th scope=\"col\" id=\"t3-c%d\">%s</th>", c, esc(legal.Table3Columns[c]))
		}
	}
	b.WriteString("</tr>\n</thead>\n")
	count := func(match func(legal.XxgkRow) bool) int {
		n := 0
		for _, r := range legal.Table3Rows {
			if match(r) {
				n++
			}
		}
		return n
	}
	group, sub := "", ""
	subN := 0
	for i, r := range legal.Table3Rows {
		if i == 0 {
			b.WriteString("<tbody>\n")
		} else if r.Group != group {
			b.WriteString("</tbody>\n<tbody>\n")
		}
		rid := fmt.Sprintf("t3-r%d", i)
		heads := rid
		b.WriteString("<tr>")
		if r.Group != "" {
			if r.Group != group {
				fmt.Fprintf(&b, "<th rowspan=\"%d\" scope=\"rowgroup\" id=\"t3-g\">%s</th>", count(func(x legal.XxgkRow) bool { return x.Group == r.Group }), esc(r.Group))
			}
			heads = "t3-g " + heads
		}
		if r.Sub != "" {
			if r.Sub != sub {
				subN++
				fmt.Fprintf(&b, "<th rowspan=\"%d\" id=\"t3-s%d\">%s</th>", count(func(x legal.XxgkRow) bool { return x.Sub == r.Sub }), subN, esc(r.Sub))
			}
			heads = fmt.Sprintf("t3-g t3-s%d %s", subN, rid)
		}
		switch {
		case r.Group == "":
			fmt.Fprintf(&b, "<th colspan=\"3\" scope=\"row\" id=\"%s\">%s</th>", rid, esc(r.Label))
		case r.Sub == "":
			fmt.Fprintf(&b, "<th colspan=\"2\" scope=\"row\" id=\"%s\">%s</th>", rid, esc(r.Label))
		default:
			fmt.Fprintf(&b, "<th scope=\"row\" id=\"%s\">%s</th>", rid, esc(r.Label))
		}
		v := t[r.Key]
		for c := range legal.Table3Columns {
			n := ""
			if c < len(v) {
				n = strconv.Itoa(v[c])
			}
			fmt.Fprintf(&b, "<td headers=\"%s %s\">%s</td>", cols[c], heads, n)
		}
		b.WriteString("</tr>\n")
		group, sub = r.Group, r.Sub
	}
	b.WriteString("</tbody>\n")
	return tableWrap("t3", "t3", "表三　收到和处理政府信息公开申请情况", "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和", b.String())
}

// table4HTML renders 表四 政府信息公开行政复议、行政诉讼情况: 15 columns
// under 行政复议 and 行政诉讼 (未经复议直接起诉, 复议后起诉), one row.
func table4HTML(t map[string][]int) string {
	if t == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString("<thead>\n<tr><th colspan=\"5\" scope=\"colgroup\" id=\"t4-g0\">行政复议</th><th colspan=\"10\" scope=\"colgroup\" id=\"t4-lit\">行政诉讼</th></tr>\n<tr>")
	for c, name := range legal.Table4Columns {
		fmt.Fprintf(&b, "<th rowspan=\"2\" scope=\"col\" id=\"t4-g0-c%d\">%s</th>", c, esc(name))
	}
	for g := 1; g < len(legal.Table4Groups); g++ {
		fmt.Fprintf(&b, "<th colspan=\"5\" scope=\"colgroup\" id=\"t4-g%d\">%s</th>", g, esc(legal.Table4Groups[g]))
	}
	b.WriteString("</tr>\n<tr>")
	for g := 1; g < len(legal.Table4Groups); g++ {
		for c, name := range legal.Table4Columns {
			fmt.Fprintf(&b, "<th scope=\"col\" id=\"t4-g%d-c%d\">%s</th>", g, c, esc(name))
		}
	}
	b.WriteString("</tr>\n</thead>\n<tbody>\n<tr>")
	for g, group := range legal.Table4Groups {
		v := t[group]
		for c := range legal.Table4Columns {
			n := ""
			if c < len(v) {
				n = strconv.Itoa(v[c])
			}
			heads := fmt.Sprintf("t4-g%d t4-g%d-c%d", g, g, c)
			if g > 0 {
				heads = "t4-lit " + heads
			}
			fmt.Fprintf(&b, "<td headers=\"%s\">%s</td>", heads, n)
		}
	}
	b.WriteString("</tr>\n</tbody>\n")
	return tableWrap("t4", "t4", "表四　政府信息公开行政复议、行政诉讼情况", "", b.String())
}
