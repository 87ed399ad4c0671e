package build_test

import (
	"context"
	"html"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/fazhi-dev/fazhi/internal/fazhitest"

	"github.com/fazhi-dev/fazhi"
	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/publish"
	"github.com/fazhi-dev/fazhi/internal/scss"
)

func buildPortal(t *testing.T, baseURL string) (*build.Result, map[string][]byte) {
	t.Helper()
	if testing.Short() {
		t.Skip("needs Dart Sass (run make test)")
	}
	root := fazhitest.RepoRoot(t)
	bin, err := scss.Program.InRepo(root)
	if err != nil {
		t.Fatalf("Dart Sass: %v (make test installs it)", err)
	}
	sass, err := scss.Start(bin)
	if err != nil {
		t.Fatal(err)
	}
	defer sass.Close()
	mem := publish.NewMem(nil)
	res, err := build.Build(context.Background(), build.Options{
		Source: os.DirFS(root), Theme: fazhi.Theme, Out: mem, BaseURL: baseURL, Sass: sass,
		Now: time.Date(2026, 11, 27, 10, 0, 0, 0, time.FixedZone("CST", 8*3600)),
	})
	if err != nil {
		t.Fatalf("bundled portal does not build:\n%v", err)
	}
	return res, mem.Files()
}

// TestBundledPortal builds the example portal with real Dart Sass and checks
// what every kind produced.
func TestBundledPortal(t *testing.T) {
	res, files := buildPortal(t, "")
	if res.Pages["page"] < 30 {
		t.Errorf("portal has %d content pages, want at least 30", res.Pages["page"])
	}
	kinds := map[string]int{}
	for _, p := range res.Site.Pages {
		kinds[p.Type]++
	}
	for _, k := range []string{"policy", "notice", "article", "page"} {
		if kinds[k] == 0 {
			t.Errorf("no page of kind %s", k)
		}
	}
	var css string
	for name := range files {
		if strings.HasPrefix(name, "css/main.") {
			css = name
		}
	}
	if css == "" || len(files[css]) < 2000 {
		t.Fatalf("compiled stylesheet missing or tiny: %q", css)
	}
	for _, name := range []string{"index.html", "404.html", "feed.xml", "sitemap.xml", "robots.txt", "zhengce/index.json", "sifa/hearings.ics", "sifa/archive/index.html"} {
		if _, ok := files[name]; !ok {
			t.Errorf("missing %s", name)
		}
	}
}

var linkRe = regexp.MustCompile(`(?:href|src)="([^"]*)"`)
var idRe = regexp.MustCompile(` id="([^"]+)"`)

// TestBundledPortalSubPathLinks serves the portal from a sub-path and
// finds no broken internal link, anchor or asset.
func TestBundledPortalSubPathLinks(t *testing.T) {
	_, files := buildPortal(t, "https://www.example.gov.cn/fzb/")
	ids := map[string]map[string]bool{}
	idsOf := func(name string) map[string]bool {
		if m, ok := ids[name]; ok {
			return m
		}
		m := map[string]bool{}
		for _, x := range idRe.FindAllStringSubmatch(string(files[name]), -1) {
			m[html.UnescapeString(x[1])] = true
		}
		ids[name] = m
		return m
	}
	checked := 0
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, m := range linkRe.FindAllStringSubmatch(string(data), -1) {
			raw := html.UnescapeString(m[1])
			if raw == "" || strings.HasPrefix(raw, "http") || strings.HasPrefix(raw, "mailto:") || strings.HasPrefix(raw, "tel:") || strings.HasPrefix(raw, "data:") {
				continue
			}
			u, err := url.Parse(raw)
			if err != nil {
				t.Errorf("%s: bad URL %q", name, raw)
				continue
			}
			target := name
			if u.Path != "" {
				p := u.Path
				if !strings.HasPrefix(p, "/") {
					p = "/" + filepath.ToSlash(filepath.Join(filepath.Dir(name), p))
					if strings.HasSuffix(u.Path, "/") {
						p += "/"
					}
					p = "/fzb" + p
				}
				rest, ok := strings.CutPrefix(p, "/fzb/")
				if !ok {
					t.Errorf("%s: link %q is not below the sub-path /fzb/", name, raw)
					continue
				}
				if rest == "" || strings.HasSuffix(rest, "/") {
					rest += "index.html"
				}
				if rest == "search/index.html" {
					continue // built only with the search indexer
				}
				if _, ok := files[rest]; !ok {
					t.Errorf("%s: broken link %q", name, raw)
					continue
				}
				target = rest
			}
			if u.Fragment != "" && strings.HasSuffix(target, ".html") && !idsOf(target)[u.Fragment] {
				t.Errorf("%s: link %q: no id %q in %s", name, raw, u.Fragment, target)
			}
			checked++
		}
	}
	if checked < 1000 {
		t.Errorf("only %d links checked", checked)
	}
	t.Logf("%d internal links checked", checked)
}

// TestBundledPortalDeterministic builds twice and compares every byte.
func TestBundledPortalDeterministic(t *testing.T) {
	_, a := buildPortal(t, "")
	_, b := buildPortal(t, "")
	if len(a) != len(b) {
		t.Fatalf("%d vs %d files", len(a), len(b))
	}
	for name, data := range a {
		if string(b[name]) != string(data) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

// TestBundledPortalConsultations (issue 19 point 3): the portal has one
// consultation open at 2026-11-27, shown on the home page, and one closed
// with its 采纳情况.
func TestBundledPortalConsultations(t *testing.T) {
	res, files := buildPortal(t, "")
	states := map[string]int{}
	for _, p := range res.Site.Pages {
		if p.Consultation != nil {
			states[string(p.Consultation.Status)]++
			if p.Consultation.Status == "已反馈" && p.Consultation.ResultPage == nil {
				t.Errorf("%s is 已反馈 without a result page", p.Path)
			}
		}
	}
	if states["征集中"] != 1 || states["已反馈"] != 1 || len(states) != 2 {
		t.Errorf("consultation states %v, want one 征集中 and one 已反馈", states)
	}
	if home := string(files["index.html"]); !strings.Contains(home, `<section class="side-box consultation-box"`) ||
		!strings.Contains(home, `href="/zhengji/2026-11-20-yangquan-banfa-zhengqiu/"`) {
		t.Errorf("home page lacks the 意见征集 block with the open draft")
	}
}

// TestBundledPortalXxgk checks the 政府信息公开 section of the portal
// (issue 19.4): its five parts, the old /guide/ address, the reports
// column and the application form as a download.
func TestBundledPortalXxgk(t *testing.T) {
	_, files := buildPortal(t, "")
	xxgk := string(files["xxgk/index.html"])
	for _, part := range []string{
		`<a href="/xxgk/zhinan/">政府信息公开指南</a>`,
		`<a href="/xxgk/mulu/">政府信息公开目录</a>`,
		`<a href="/xxgk/fading/">法定主动公开内容</a>`,
		`<a href="/xxgk/nianbao/">政府信息公开年报</a>`,
		`<a href="/xxgk/yishenqing/">依申请公开</a>`,
	} {
		if !strings.Contains(xxgk, part) {
			t.Errorf("xxgk/index.html lacks %s", part)
		}
	}
	if !strings.Contains(string(files["index.html"]), `<a href="/xxgk/">政府信息公开</a>`) {
		t.Error("the main menu does not link the 政府信息公开 section")
	}
	if g := string(files["guide/index.html"]); !strings.Contains(g, `/xxgk/zhinan/"`) {
		t.Errorf("/guide/ does not lead to the guide's new address:\n%s", g)
	}
	nb := string(files["xxgk/nianbao/index.html"])
	for _, want := range []string{`<meta name="ColumnType" content="信息公开年报">`, `href="/xxgk/nianbao/2025-zhengfu-xinxi-gongkai-nianbao/"`, `href="/xxgk/nianbao/2025-fazhi-zhengfu-jianshe-baogao/"`} {
		if !strings.Contains(nb, want) {
			t.Errorf("xxgk/nianbao/index.html lacks %s", want)
		}
	}
	ysq := string(files["xxgk/yishenqing/index.html"])
	for _, want := range []string{`href="shenqingbiao.docx"`, "网上申请", "信函申请", "当面申请"} {
		if !strings.Contains(ysq, want) {
			t.Errorf("xxgk/yishenqing/index.html lacks %s", want)
		}
	}
	if form := files["xxgk/yishenqing/shenqingbiao.docx"]; !strings.HasPrefix(string(form), "PK\x03\x04") {
		t.Errorf("the application form is not published as a Word file (%d bytes)", len(form))
	}
}

// TestBundledPortalEnforcement checks the portal's 阳光执法 columns
// (issue 18): 44 行政处罚 decisions from the XLSX and 12 行政许可 from the
// GB18030 CSV, in every state at 2026-11-27, with no natural person's
// name in any output file.
func TestBundledPortalEnforcement(t *testing.T) {
	_, files := buildPortal(t, "")
	pages := 0
	for name := range files {
		if strings.HasPrefix(name, "zhifa/chufa/某") && strings.HasSuffix(name, "/index.html") {
			pages++
		}
	}
	if pages != 42 { // 44 rows, 2 not yet online
		t.Errorf("%d 行政处罚 pages, want 42", pages)
	}
	for file, wants := range map[string][]string{
		"zhifa/chufa/index.html":               {"<caption>行政处罚决定（共 25 件）</caption>", "柳某", "东城区韩某修车铺"},
		"zhifa/xuke/index.html":                {"<caption>行政许可决定（共 11 件）</caption>", `<span class="badge badge-expired">已过期</span>`, "长期"},
		"zhifa/chufa/某环罚〔2026〕13号/index.html":  {"该处罚决定已撤销", "经行政复议，复议机关于2026年5月12日决定撤销本处罚决定", `content="noindex"`},
		"zhifa/chufa/某市监罚〔2026〕19号/index.html": {"该处罚决定已撤回", "撤回本处罚决定"},
		"zhifa/chufa/某交罚〔2025〕13号/index.html":  {"该信息公示期已满，已停止公示", `content="noindex"`},
		"zhifa/chufa/某公罚〔2026〕16号/index.html":  {`<a href="/zhengce/2025-yangquan-guanli-tiaoli/#art-5" class="xref">《某市养犬管理条例》第五条</a>、<a href="/zhengce/2025-yangquan-guanli-tiaoli/#art-13" class="xref">第十三条</a>`},
		"zhifa/chufa/year/2026/index.html":     {`<h2 id="m-2">2月</h2><p class="empty">当月未公布信息，则表明当月无此类案件</p>`, `<h2 id="m-7">7月</h2><p class="empty">当月未公布信息，则表明当月无此类案件</p>`},
		"zhifa/xuke/某城管许〔2026〕17号/index.html":  {"有效", `data-pagefind-filter="栏目:阳光执法"`, `<td data-pagefind-filter="许可机关">某市城市管理综合行政执法局</td>`},
	} {
		got, ok := files[file]
		if !ok {
			t.Errorf("no %s", file)
			continue
		}
		for _, w := range wants {
			if !strings.Contains(string(got), w) {
				t.Errorf("%s lacks %s", file, w)
			}
		}
	}
	if _, ok := files["zhifa/xuke/某城管许〔2026〕19号/index.html"]; ok {
		t.Error("a permit online from 2026-12-01 is published on 2026-11-27")
	}
	for name, data := range files {
		for _, person := range []string{"柳青山", "欧阳春晓", "邵明远", "韩东林", "陈秀兰", "杨德明"} {
			if strings.Contains(string(data), person) {
				t.Errorf("%s holds the name %s", name, person)
			}
		}
	}
}
