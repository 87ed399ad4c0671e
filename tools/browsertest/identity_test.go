package browsertest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestIdentityFooter checks the identity items of issue 19.5 in the
// browser at 375 and 1280 px: the 党政机关网站标识 and 「我为政府网站找错」
// badges and the 公安备案 link are shown, fit the viewport and are large
// enough to tap; the footer links the HTML 网站地图, whose page lists the
// columns; the Atom feed is styled by its stylesheet instead of shown as
// raw XML. It saves element screenshots of the header and footer and a
// full screenshot of the 网站地图.
func TestIdentityFooter(t *testing.T) {
	s := portal(t)
	dir := artifacts(t)
	type badge struct {
		Text, Href  string
		W, H, Right float64
		Visible     bool
	}
	type res struct {
		Badges     []badge
		Police     string
		PoliceIcon bool
		MapLink    string
		Client     float64
	}
	const js = `(() => {
		const w = document.documentElement.clientWidth;
		const b = [...document.querySelectorAll(".footer-badges a")].map(a => { const r = a.getBoundingClientRect();
			return {Text: a.textContent, Href: a.href, W: r.width, H: r.height, Right: r.right, Visible: r.width > 0 && getComputedStyle(a).visibility !== "hidden"}; });
		const p = document.querySelector(".footer-info .police a");
		const m = [...document.querySelectorAll(".footer-links a")].find(a => a.textContent === "网站地图");
		return {Badges: b, Police: p ? p.href : "", PoliceIcon: !!(p && p.querySelector("svg.police-icon")), MapLink: m ? m.getAttribute("href") : "", Client: w};
	})()`
	for _, width := range []int64{375, 1280} {
		ctx := s.tab(t, width)
		s.open(t, ctx, pathPolicy)
		r := eval[res](t, ctx, js)
		if len(r.Badges) != 2 {
			t.Fatalf("%d px: %d footer badges, want 2 (党政机关网站标识, 我为政府网站找错)", width, len(r.Badges))
		}
		if !strings.HasPrefix(r.Badges[0].Href, "https://bszs.conac.cn/sitename?method=show&id=") || !strings.Contains(r.Badges[0].Text, "党政机关网站标识") {
			t.Errorf("%d px: first badge %q → %s", width, r.Badges[0].Text, r.Badges[0].Href)
		}
		if !strings.HasPrefix(r.Badges[1].Href, "https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=9900000001&url=") || !strings.Contains(r.Badges[1].Text, "我为政府网站找错") {
			t.Errorf("%d px: second badge %q → %s", width, r.Badges[1].Text, r.Badges[1].Href)
		}
		for _, b := range r.Badges {
			if !b.Visible || b.H < 44 || b.Right > r.Client {
				t.Errorf("%d px: badge %q visible %v, %.0f×%.0f px, right edge %.0f of %.0f; want visible, at least 44 px high, inside the viewport", width, b.Text, b.Visible, b.W, b.H, b.Right, r.Client)
			}
		}
		if !strings.HasPrefix(r.Police, "https://www.beian.gov.cn/portal/registerSystemInfo?recordcode=") || !r.PoliceIcon {
			t.Errorf("%d px: 公安备案 link %q, icon %v", width, r.Police, r.PoliceIcon)
		}
		if r.MapLink != "/sitemap/" {
			t.Errorf("%d px: footer 网站地图 links %q, want /sitemap/", width, r.MapLink)
		}
		for _, el := range []string{"header", "footer"} {
			png, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(".site-"+el)))
			if err != nil {
				t.Fatalf("screenshot %s: %v", el, err)
			}
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("identity-%s-%d.png", el, width)), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}

		s.open(t, ctx, "/sitemap/")
		type mapRes struct {
			H1      string
			Columns []string
			Scroll  float64
		}
		m := eval[mapRes](t, ctx, `({H1: document.querySelector("main h1").textContent,
			Columns: [...document.querySelectorAll(".sitemap-col > h2")].map(h => h.textContent),
			Scroll: document.documentElement.scrollWidth - document.documentElement.clientWidth})`)
		if m.H1 != "网站地图" || len(m.Columns) < 8 || m.Columns[len(m.Columns)-1] != "其他页面" || m.Scroll > 0 {
			t.Errorf("%d px: 网站地图 h1 %q, columns %v, sideways scroll %.0f px", width, m.H1, m.Columns, m.Scroll)
		}
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("sitemap-%d.png", width)), png, 0o644); err != nil {
			t.Fatal(err)
		}

		// The feed opens styled: its elements are laid out as blocks by
		// feed.css (raw XML would show as a tree or as one run of text).
		s.open(t, ctx, "/feed.xml")
		type feedRes struct{ Title, Entry, Note string }
		f := eval[feedRes](t, ctx, `(() => { const q = s => document.querySelector(s);
			return {Title: q("feed > title") ? getComputedStyle(q("feed > title")).display : "",
				Entry: q("entry") ? getComputedStyle(q("entry")).display : "",
				Note: q("feed") ? getComputedStyle(q("feed"), "::before").content : ""}; })()`)
		if f.Title != "block" || f.Entry != "block" || !strings.Contains(f.Note, "订阅源") {
			t.Errorf("%d px: feed.xml not styled by feed.css: title %q, entry %q, note %q", width, f.Title, f.Entry, f.Note)
		}
		if png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)); err == nil {
			_ = os.WriteFile(filepath.Join(dir, fmt.Sprintf("feed-%d.png", width)), png, 0o644)
		}
	}
	t.Logf("screenshots in %s", dir)
}
