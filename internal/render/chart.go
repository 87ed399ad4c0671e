package render

import (
	"fmt"
	"html"
	"html/template"
	"strconv"
	"strings"
)

// Bar is one bar of a chart: its label under the axis and its value.
type Bar struct {
	Label string
	Value int
}

// Chart geometry, in the units of the SVG's viewBox. The image scales
// with its container; text is sized for a phone-width column.
const (
	chartWidth  = 520
	chartHeight = 240
	chartLeft   = 40 // room for the axis numbers
	chartRight  = 8
	chartTop    = 24 // room for the value above the tallest bar
	chartBottom = 28 // room for the labels
)

// BarChart draws bars as an inline SVG image for a page built without
// script. It is an image to assistive technology (role="img"), named by
// its <title> and described by its <desc>, which lists every value, so
// that the chart says what it shows when it cannot be seen; the page
// carries the same figures in a table. Every stroke, fill and text uses
// currentColor, and the bars a class the theme may colour through a CSS
// custom property, so the chart follows the text colour in 高对比度 mode,
// in Windows' forced colours and in print. id makes the ids of title and
// desc unique on the page.
func BarChart(id, title, desc string, bars []Bar) template.HTML {
	max := 0
	for _, b := range bars {
		if b.Value > max {
			max = b.Value
		}
	}
	top := niceCeil(max)
	plotW := float64(chartWidth - chartLeft - chartRight)
	plotH := float64(chartHeight - chartTop - chartBottom)
	baseY := float64(chartHeight - chartBottom)
	var b strings.Builder
	esc := html.EscapeString
	fmt.Fprintf(&b, `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-labelledby="%s-title %s-desc" focusable="false">`,
		chartWidth, chartHeight, esc(id), esc(id))
	fmt.Fprintf(&b, `<title id="%s-title">%s</title><desc id="%s-desc">%s</desc>`, esc(id), esc(title), esc(id), esc(desc))
	// Grid lines and their numbers: 0, half and the top.
	b.WriteString(`<g class="chart-axis" fill="currentColor" stroke="currentColor" font-size="15">`)
	for _, v := range []int{0, top / 2, top} {
		y := baseY - plotH*float64(v)/float64(top)
		dash := ` stroke-dasharray="3 3" stroke-opacity=".5"`
		if v == 0 {
			dash = ""
		}
		fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%s" y2="%s" stroke-width="1"%s/>`, chartLeft, chartWidth-chartRight, num(y), num(y), dash)
		fmt.Fprintf(&b, `<text x="%d" y="%s" text-anchor="end" stroke="none">%d</text>`, chartLeft-6, num(y+4), v)
	}
	b.WriteString(`</g>`)
	if len(bars) > 0 {
		slot := plotW / float64(len(bars))
		barW := slot * 0.6
		b.WriteString(`<g class="chart-bars" fill="currentColor" font-size="15" text-anchor="middle">`)
		for i, bar := range bars {
			x := float64(chartLeft) + slot*float64(i)
			h := plotH * float64(bar.Value) / float64(top)
			mid := x + slot/2
			if bar.Value > 0 {
				fmt.Fprintf(&b, `<rect class="chart-bar" x="%s" y="%s" width="%s" height="%s"/>`, num(mid-barW/2), num(baseY-h), num(barW), num(h))
			}
			fmt.Fprintf(&b, `<text x="%s" y="%s">%d</text>`, num(mid), num(baseY-h-5), bar.Value)
			fmt.Fprintf(&b, `<text x="%s" y="%d">%s</text>`, num(mid), chartHeight-8, esc(bar.Label))
		}
		b.WriteString(`</g>`)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// niceCeil returns the top of the axis for a largest value of max: 2, 4,
// 6, 8 or 10, then 2, 3, 4, 5, 6, 8 or 10 × 10ⁿ, so that its half, the
// middle grid line, is a whole number and the bars use most of the
// height (21 gives 30, not 40).
func niceCeil(max int) int {
	for _, m := range []int{2, 4, 6, 8, 10} {
		if m >= max {
			return m
		}
	}
	for p := 10; ; p *= 10 {
		for _, m := range []int{2, 3, 4, 5, 6, 8, 10} {
			if m*p >= max {
				return m * p
			}
		}
	}
}

// num writes a coordinate with at most one decimal.
func num(f float64) string {
	return strconv.FormatFloat(float64(int(f*10+0.5))/10, 'f', -1, 64)
}
