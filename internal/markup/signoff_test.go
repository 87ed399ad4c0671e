package markup

import (
	"testing"

	"github.com/fazhi-dev/fazhi/internal/markup/statute"
	"github.com/yuin/goldmark"
)

// TestSignoff (issue 14 point 23): the 落款 at the end of a notice — the
// issuer, then the date — stays two lines, marked class="signoff", in
// plain and statute documents; a closing sentence or a date in running
// text is left alone.
func TestSignoff(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"one paragraph", "特此公告。\n\n某市东城区人民法院\n二〇二六年三月十六日\n",
			"<p>特此公告。</p>\n<p class=\"signoff\">某市东城区人民法院<br>\n二〇二六年三月十六日</p>\n"},
		{"arabic date", "特此通知。\n\n某市司法局\n2026年3月2日\n",
			"<p>特此通知。</p>\n<p class=\"signoff\">某市司法局<br>\n2026年3月2日</p>\n"},
		{"hard break kept", "某市司法局  \n2026年3月2日\n",
			"<p class=\"signoff\">某市司法局<br>\n2026年3月2日</p>\n"},
		{"two paragraphs", "正文。\n\n某市人民政府办公室\n\n2026年3月2日\n",
			"<p>正文。</p>\n<p class=\"signoff\">某市人民政府办公室</p>\n<p class=\"signoff\">2026年3月2日</p>\n"},
		{"sentence", "本院定于\n2026年3月2日\n", "<p>本院定于\n2026年3月2日</p>\n"},
		{"not last", "某市司法局\n2026年3月2日\n\n附件：申请表\n", "<p>某市司法局\n2026年3月2日</p>\n<p>附件：申请表</p>\n"},
		{"no date", "某市司法局\n联系电话：0000-1234\n", "<p>某市司法局联系电话：0000-1234</p>\n"},
	} {
		for _, o := range []Options{{}, {Statute: []goldmark.Extender{statute.New()}}} {
			r := render(t, o, Doc{Body: []byte(c.in), Statute: o.Statute != nil})
			if got := string(r.HTML); got != c.want {
				t.Errorf("%s (statute %v):\n got %q\nwant %q", c.name, o.Statute != nil, got, c.want)
			}
		}
	}
}
