package browsertest

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestDateLine: the header's date line is written by fazhi.js from the
// reader's clock, with the weekday, and no built page carries the date.
func TestDateLine(t *testing.T) {
	s := portal(t)
	ctx := s.tab(t, 375)
	for _, p := range []string{"/", pathPolicy} {
		s.open(t, ctx, p)
		type res struct{ Text, Want, DateTime, WantISO string }
		r := eval[res](t, ctx, `(() => {
			const e = document.getElementById("fz-date"), n = new Date(), t = e && e.querySelector("time");
			return {Text: e && !e.hidden ? e.textContent : "",
				Want: "今天是 " + n.getFullYear() + "年" + (n.getMonth() + 1) + "月" + n.getDate() + "日 " +
					new Intl.DateTimeFormat("zh-CN", {weekday: "long"}).format(n),
				DateTime: t ? t.dateTime : "", WantISO: n.toLocaleDateString("sv-SE")};
		})()`)
		if r.Text != r.Want || r.DateTime != r.WantISO {
			t.Errorf("%s: date line %q <time datetime=%q>, want %q <time datetime=%q>", p, r.Text, r.DateTime, r.Want, r.WantISO)
		}
		if !regexp.MustCompile(`^今天是 \d{4}年\d{1,2}月\d{1,2}日 星期[日一二三四五六]$`).MatchString(r.Text) {
			t.Errorf("%s: date line %q is not 「今天是 Y年M月D日 星期X」", p, r.Text)
		}
	}
	html, err := os.ReadFile(filepath.Join(s.out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(html), "今天是") || strings.Contains(string(html), BuildTime.Format("2006年1月2日")) {
		t.Errorf("index.html carries the build date")
	}
}
