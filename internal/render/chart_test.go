package render

import (
	"encoding/xml"
	"strings"
	"testing"
)

func TestBarChart(t *testing.T) {
	got := string(BarChart("s2024", "2024年 <处罚> 按月", "1月 3 件，2月 0 件", []Bar{{"1月", 3}, {"2月", 0}}))
	want := `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 520 240" role="img" aria-labelledby="s2024-title s2024-desc" focusable="false">` +
		`<title id="s2024-title">2024年 &lt;处罚&gt; 按月</title><desc id="s2024-desc">1月 3 件，2月 0 件</desc>` +
		`<g class="chart-axis" fill="currentColor" stroke="currentColor" font-size="15">` +
		`<line x1="40" x2="512" y1="212" y2="212" stroke-width="1"/><text x="34" y="216" text-anchor="end" stroke="none">0</text>` +
		`<line x1="40" x2="512" y1="118" y2="118" stroke-width="1" stroke-dasharray="3 3" stroke-opacity=".5"/><text x="34" y="122" text-anchor="end" stroke="none">2</text>` +
		`<line x1="40" x2="512" y1="24" y2="24" stroke-width="1" stroke-dasharray="3 3" stroke-opacity=".5"/><text x="34" y="28" text-anchor="end" stroke="none">4</text>` +
		`</g><g class="chart-bars" fill="currentColor" font-size="15" text-anchor="middle">` +
		`<rect class="chart-bar" x="87.2" y="71" width="141.6" height="141"/><text x="158" y="66">3</text><text x="158" y="232">1月</text>` +
		`<text x="394" y="207">0</text><text x="394" y="232">2月</text>` +
		`</g></svg>`
	if got != want {
		t.Errorf("chart\n%s\nwant\n%s", got, want)
	}
	// Well-formed, and no colour of its own: everything follows
	// currentColor (高对比度, forced colours, print).
	if err := xml.Unmarshal([]byte(got), new(struct{})); err != nil {
		t.Errorf("not well-formed: %v", err)
	}
	if strings.Contains(got, "#") || strings.Contains(got, "rgb") || strings.Contains(got, "<script") || strings.Contains(got, "style=") {
		t.Errorf("chart has a colour, script or style of its own: %s", got)
	}
}

func TestNiceCeil(t *testing.T) {
	for max, want := range map[int]int{0: 2, 1: 2, 2: 2, 3: 4, 7: 8, 9: 10, 11: 20, 21: 30, 35: 40, 41: 50, 99: 100, 101: 200, 201: 300, 1234: 2000} {
		if got := niceCeil(max); got != want {
			t.Errorf("niceCeil(%d) = %d, want %d", max, got, want)
		}
	}
}
