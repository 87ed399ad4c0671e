package build_test

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	ics "github.com/arran4/golang-ical"

	"github.com/fazhi-dev/fazhi/internal/fazhitest"
)

var cst = time.FixedZone("CST", 8*3600)

func at(s string) fazhitest.Option {
	t, err := time.ParseInLocation("2006-01-02T15:04", s, cst)
	if err != nil {
		panic(err)
	}
	return fazhitest.WithNow(t)
}

const modelLayouts = `
-- layouts/_default/page.html --
<h1>{{ .Title }}</h1>{{ with .Page.Policy }}<validity>{{ .Validity }}</validity><reason>{{ .Reason }}</reason>{{ with .ReplacedBy }}<replaced>{{ .URL }}</replaced>{{ end }}{{ range .Files }}<file>{{ .Name }}|{{ .URL }}|{{ .Ext }}|{{ .Size }}</file>{{ end }}{{ end }}{{ range .Page.Interpretations }}<jiedu>{{ .URL }}</jiedu>{{ end }}{{ range .Page.Interprets }}<doc>{{ .URL }}</doc>{{ end }}{{ with .Page.Notice }}<status>{{ .Status }}</status><ends>{{ isoDate .Ends }}</ends>{{ end }}<script type="application/ld+json">{{ .JSONLD }}</script>{{ range .Meta }}<meta name="{{ .Name }}" content="{{ .Content }}">{{ end }}<article>{{ .Content }}</article>
-- layouts/_default/section.html --
<h1>{{ .Title }}</h1>{{ range .Pages }}<li>{{ .Title }}</li>{{ end }}{{ with .ArchiveURL }}<archive>{{ . }}</archive>{{ end }}{{ range .Meta }}<meta name="{{ .Name }}" content="{{ .Content }}">{{ end }}
-- layouts/_default/home.html --
home
-- layouts/_default/term.html --
{{ .Title }}{{ range .Pages }}<li>{{ .Title }}</li>{{ end }}
-- layouts/_default/taxonomy.html --
{{ range .Terms }}{{ .Name }}{{ end }}
-- layouts/_default/404.html --
404
`

const policySite = `
-- site.toml --
title = "某市法治政府网"
baseURL = "https://fzb.example.gov.cn/"
[identity]
sponsor = "某市人民政府办公室"
domain = "fzb.example.gov.cn"
-- content/zhengce/_index.md --
+++
title = "政策文件"
kind = "policy"
columnType = "政策文件"
keywords = ["规范性文件"]
+++
-- content/zhengce/old.md --
+++
title = "某市行政规范性文件管理办法"
date = 2023-04-10
[policy]
indexNumber = "009990011/2023-00031"
issuer = "某市人民政府"
docNumber = "某政规〔2023〕2号"
written = 2023-04-01
genre = "行政规范性文件"
topic = "综合政务\\政务公开"
effective = 2023-05-01
expires = 2028-04-30
+++
## 第一章　总则

第一条　为了规范行政规范性文件管理，制定本办法。

第二条　本办法第一条所称文件，依照《某市重大行政决策程序规定》第三条执行。

第十二条之一　补充条款。
-- content/zhengce/amend.md --
+++
title = "某市人民政府关于修改《某市行政规范性文件管理办法》的决定"
date = 2026-05-18
[policy]
indexNumber = "009990011/2026-00050"
issuer = ["某市人民政府", "某市司法局"]
docNumber = "某政规〔2026〕5号"
written = 2026-05-10
genre = "行政规范性文件"
effective = 2026-06-01
amends = "zhengce/old.md"
+++
一、将第一条修改为……
-- content/zhengce/juece/index.md --
+++
title = "某市重大行政决策程序规定"
date = 2026-11-16
[policy]
indexNumber = "009990011/2026-00118"
issuer = "某市人民政府"
docNumber = "某府令〔2026〕31号"
genre = "政府规章"
effective = 2027-01-01
attachments = [{ file = "fujian.pdf", name = "附件：决策事项目录" }]
+++
第三条　重大行政决策事项包括下列事项。
-- content/zhengce/juece/fujian.pdf --
%PDF-1.4 tiny
-- content/zhengce/expired.md --
+++
title = "某市临时管理规定"
date = 2024-01-01
[policy]
issuer = "某市人民政府"
effective = 2024-01-01
expires = 2025-06-30
+++
-- content/zhengce/repealed.md --
+++
title = "某市旧规定"
date = 2021-01-01
[policy]
issuer = "某市人民政府"
status = "废止"
supersededBy = "zhengce/juece/index.md"
+++
-- content/jiedu/_index.md --
+++
title = "政策解读"
columnType = "政策解读"
+++
-- content/jiedu/a.md --
+++
title = "解读一"
date = 2026-05-19
interprets = ["zhengce/amend.md"]
+++
-- content/jiedu/b.md --
+++
title = "解读二"
date = 2026-05-20
interprets = ["/zhengce/amend.md"]
faq = true
+++
## 问：什么时候施行？

答：2026年6月1日起施行。

## 问：适用于谁？

答：全市行政机关。
`

func TestPolicyValidityAndRelations(t *testing.T) {
	r := fazhitest.Build(t, policySite+modelLayouts, at("2026-11-27T10:00"))
	r.AssertFileContent("zhengce/old/index.html", `<validity>已修改</validity>`, `<replaced>/zhengce/amend/</replaced>`)
	r.AssertFileContent("zhengce/amend/index.html", `<validity>有效</validity>`, `<jiedu>/jiedu/b/</jiedu><jiedu>/jiedu/a/</jiedu>`)
	r.AssertFileContent("zhengce/juece/index.html", `<validity>尚未施行</validity>`, `<reason>本文件自2027年1月1日起施行</reason>`,
		`<file>附件：决策事项目录|/zhengce/juece/fujian.pdf|PDF|14</file>`)
	r.AssertFileContent("zhengce/juece/fujian.pdf", "%PDF-1.4 tiny")
	r.AssertFileContent("zhengce/expired/index.html", `<validity>已失效</validity>`, `有效期至2025年6月30日`)
	r.AssertFileContent("zhengce/repealed/index.html", `<validity>已废止</validity>`, `<replaced>/zhengce/juece/</replaced>`)
	r.AssertFileContent("jiedu/a/index.html", `<doc>/zhengce/amend/</doc>`)
}

func TestValidityBoundaries(t *testing.T) {
	cases := []struct{ now, page, want string }{
		{"2026-12-31T23:59", "zhengce/juece/index.html", "尚未施行"},
		{"2027-01-01T00:00", "zhengce/juece/index.html", "有效"},
		{"2025-06-30T23:59", "zhengce/expired/index.html", "有效"},
		{"2025-07-01T00:00", "zhengce/expired/index.html", "已失效"},
		{"2026-05-31T23:59", "zhengce/old/index.html", "有效"},
		{"2026-06-01T00:00", "zhengce/old/index.html", "已修改"},
	}
	for _, c := range cases {
		r := fazhitest.Build(t, policySite+modelLayouts, at(c.now), fazhitest.WithOptions(func(o *buildOptions) { o.Future = true }))
		r.AssertFileContent(c.page, "<validity>"+c.want+"</validity>")
	}
}

func TestStatuteAnchorsAndCrossReferences(t *testing.T) {
	r := fazhitest.Build(t, policySite+modelLayouts)
	html := r.File("zhengce/old/index.html")
	for _, want := range []string{
		`<nav class="statute-toc" aria-label="目录">`,
		`id="chap-1"`,
		`<p id="art-1" class="article"><a href="#art-1" class="art-label">第一条</a>`,
		`<a href="#art-1" class="xref">第一条</a>`,
		`<a href="/zhengce/juece/#art-3" class="xref">《某市重大行政决策程序规定》第三条</a>`,
		`id="art-12-1"`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("missing %q in\n%s", want, html)
		}
	}
}

func TestPolicyJSONLDAndMeta(t *testing.T) {
	r := fazhitest.Build(t, policySite+modelLayouts)
	ld := jsonLD(t, r.File("zhengce/amend/index.html"))
	want := map[string]any{
		"@context": "https://schema.org", "@type": "Legislation", "legislationIdentifier": "某政规〔2026〕5号",
		"legislationDate": "2026-05-10", "legislationLegalForce": "https://schema.org/InForce", "legislationType": "行政规范性文件",
		"datePublished": "2026-05-18T00:00:00+08:00", "url": "https://fzb.example.gov.cn/zhengce/amend/",
	}
	for k, v := range want {
		if ld[k] != v {
			t.Errorf("%s = %v, want %v", k, ld[k], v)
		}
	}
	passed, _ := ld["legislationPassedBy"].([]any)
	if len(passed) != 2 || passed[1].(map[string]any)["name"] != "某市司法局" || passed[0].(map[string]any)["@type"] != "GovernmentOrganization" {
		t.Errorf("legislationPassedBy = %v", ld["legislationPassedBy"])
	}
	if ch, _ := ld["legislationChanges"].(map[string]any); ch["@id"] != "https://fzb.example.gov.cn/zhengce/old/" {
		t.Errorf("legislationChanges = %v", ld["legislationChanges"])
	}
	if ld := jsonLD(t, r.File("zhengce/expired/index.html")); ld["legislationLegalForce"] != "https://schema.org/NotInForce" {
		t.Errorf("expired policy force = %v", ld["legislationLegalForce"])
	}
	if ld := jsonLD(t, r.File("zhengce/juece/index.html")); ld["isBasedOn"] == nil {
		t.Errorf("superseding policy should have isBasedOn: %v", ld)
	}
	faq := jsonLD(t, r.File("jiedu/b/index.html"))
	if faq["@type"] != "FAQPage" {
		t.Fatalf("faq type = %v", faq["@type"])
	}
	qs := faq["mainEntity"].([]any)
	q0 := qs[0].(map[string]any)
	if len(qs) != 2 || q0["name"] != "问：什么时候施行？" || q0["acceptedAnswer"].(map[string]any)["text"] != "答：2026年6月1日起施行。" {
		t.Errorf("faq = %v", qs)
	}
	r.AssertFileContent("zhengce/amend/index.html", `<meta name="ContentSource" content="某市人民政府、某市司法局">`, `<meta name="PubDate" content="2026-05-18 00:00">`)
	r.AssertFileContent("zhengce/index.html", `<meta name="ColumnType" content="政策文件">`, `<meta name="ColumnKeywords" content="规范性文件">`)
}

var ldRe = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

func jsonLD(t *testing.T, html string) map[string]any {
	t.Helper()
	m := ldRe.FindStringSubmatch(html)
	if m == nil {
		t.Fatalf("no JSON-LD in %s", html)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(m[1]), &v); err != nil {
		t.Fatalf("JSON-LD is not valid JSON: %v\n%s", err, m[1])
	}
	return v
}

func TestCatalogue(t *testing.T) {
	r := fazhitest.Build(t, policySite+modelLayouts)
	var c struct {
		Column   string
		Count    int
		Policies []map[string]any
	}
	if err := json.Unmarshal([]byte(r.File("zhengce/index.json")), &c); err != nil {
		t.Fatal(err)
	}
	if c.Column != "政策文件" || c.Count != 5 || len(c.Policies) != 5 {
		t.Fatalf("catalogue = %+v", c)
	}
	first := c.Policies[0]
	if first["title"] != "某市重大行政决策程序规定" || first["validity"] != "尚未施行" || first["effective"] != "2027-01-01" || first["docNumber"] != "某府令〔2026〕31号" {
		t.Errorf("first = %v", first)
	}
	for _, key := range []string{"title", "url", "issuer", "published", "validity", "interpretations", "attachments"} {
		for _, p := range c.Policies {
			if _, ok := p[key]; !ok {
				t.Errorf("policy %v lacks %q", p["title"], key)
			}
		}
	}
	att := first["attachments"].([]any)[0].(map[string]any)
	if att["url"] != "https://fzb.example.gov.cn/zhengce/juece/fujian.pdf" || att["type"] != "PDF" {
		t.Errorf("attachment = %v", att)
	}
	r.AssertFileContent("zhengce/issuer/某市司法局/index.html", "某市人民政府关于修改")
	r.AssertFileContent("zhengce/year/2026/index.html", "某市重大行政决策程序规定")
	r.AssertFileContent("zhengce/topic/综合政务-政务公开/index.html", "某市行政规范性文件管理办法")
}

const noticeSite = `
-- site.toml --
title = "某市法治政府网"
baseURL = "https://fzb.example.gov.cn/"
paginate = 2
[identity]
domain = "fzb.example.gov.cn"
-- content/sifa/_index.md --
+++
title = "司法公开"
kind = "notice"
columnType = "司法公开"
+++
-- content/sifa/kaiting1.md --
+++
title = "开庭公告一"
date = 2026-11-23
[notice]
type = "开庭公告"
caseNumber = "（2026）某0102民初4581号"
court = "某市东城区人民法院"
cause = "买卖合同纠纷"
parties = ["某某商贸有限公司", "王某"]
hearing = 2026-12-08T09:30:00
place = "第三法庭"
+++
-- content/sifa/kaiting2.md --
+++
title = "开庭公告二"
date = 2026-11-20
[notice]
type = "开庭公告"
caseNumber = "(2026)某0102行初12号"
court = "某市东城区人民法院"
cause = "政府信息公开"
hearing = 2026-12-01T14:00:00
+++
-- content/sifa/songda.md --
+++
title = "送达公告"
date = 2026-03-16
[notice]
type = "送达公告"
caseNumber = "（2026）某0102民初88号"
+++
-- content/sifa/songda2.md --
+++
title = "送达公告二"
date = 2026-10-28
[notice]
type = "送达公告"
+++
-- content/sifa/past.md --
+++
title = "已开庭"
date = 2026-06-01
[notice]
type = "开庭公告"
hearing = 2026-06-10T09:00:00
+++
`

func TestNoticeStatusArchiveAndHearings(t *testing.T) {
	r := fazhitest.Build(t, noticeSite+modelLayouts)
	r.AssertFileContent("sifa/songda/index.html", `<status>已届满</status>`, `<ends>2026-04-15</ends>`)
	r.AssertFileContent("sifa/kaiting1/index.html", `<status>公告中</status>`)
	r.AssertFileContent("sifa/past/index.html", `<status>已届满</status>`)
	// The column lists current notices only; ended ones are in the archive.
	r.AssertFileContent("sifa/index.html", `<li>开庭公告一</li><li>开庭公告二</li>`, "! 已开庭", `<archive>/sifa/archive/</archive>`)
	r.AssertFileContent("sifa/page/2/index.html", `<li>送达公告二</li>`)
	r.AssertFileContent("sifa/archive/index.html", `<li>已开庭</li><li>送达公告</li>`)
	// Hearings by time, soonest first.
	hearings := r.File("sifa/hearings/index.html")
	if i, j := strings.Index(hearings, "开庭公告二"), strings.Index(hearings, "开庭公告一"); i < 0 || j < 0 || i > j {
		t.Errorf("hearings not in time order:\n%s", hearings)
	}
	ld := jsonLD(t, r.File("sifa/kaiting1/index.html"))
	if ld["@type"] != "Event" || ld["startDate"] != "2026-12-08T09:30:00+08:00" || ld["identifier"] != "（2026）某0102民初4581号" {
		t.Errorf("event = %v", ld)
	}
	// Event has no datePublished or dateModified in schema.org.
	for _, k := range []string{"datePublished", "dateModified"} {
		if v, ok := ld[k]; ok {
			t.Errorf("Event has %s = %v", k, v)
		}
	}
}

func TestServiceNoticeExpiresOnExactDay(t *testing.T) {
	// Published 2026-10-28, 30 days: the period ends on 2026-11-27 and the
	// notice is current through that whole day.
	r := fazhitest.Build(t, noticeSite+modelLayouts, at("2026-11-27T23:59"))
	r.AssertFileContent("sifa/songda2/index.html", `<status>公告中</status>`, `<ends>2026-11-27</ends>`)
	r = fazhitest.Build(t, noticeSite+modelLayouts, at("2026-11-28T00:00"))
	r.AssertFileContent("sifa/songda2/index.html", `<status>已届满</status>`)
}

func TestHearingsCalendar(t *testing.T) {
	r := fazhitest.Build(t, noticeSite+modelLayouts)
	raw := r.File("sifa/hearings.ics")
	cal, err := ics.ParseCalendar(strings.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	events := cal.Events()
	if len(events) != 2 {
		t.Fatalf("want 2 upcoming hearings, got %d:\n%s", len(events), raw)
	}
	e := events[1]
	start, err := e.GetStartAt()
	if err != nil || !start.Equal(time.Date(2026, 12, 8, 9, 30, 0, 0, cst)) {
		t.Errorf("start = %v, %v", start, err)
	}
	if got := e.GetProperty(ics.ComponentPropertySummary).Value; got != "开庭：买卖合同纠纷（2026）某0102民初4581号" {
		t.Errorf("summary = %q", got)
	}
	if got := events[0].GetProperty(ics.ComponentPropertySummary).Value; got != "开庭：政府信息公开(2026)某0102行初12号" {
		t.Errorf("summary = %q", got)
	}
	if got := e.GetProperty(ics.ComponentPropertyLocation).Value; got != "某市东城区人民法院 第三法庭" {
		t.Errorf("location = %q", got)
	}
	if !strings.Contains(e.GetProperty(ics.ComponentPropertyDescription).Value, "当事人：某某商贸有限公司、王某") {
		t.Errorf("description = %q", e.GetProperty(ics.ComponentPropertyDescription).Value)
	}
	// UIDs are stable across builds and lines are folded at 75 octets.
	r2 := fazhitest.Build(t, noticeSite+modelLayouts, at("2026-11-28T08:00"))
	if r2.File("sifa/hearings.ics") != raw {
		t.Error("calendar changed between builds with the same hearings")
	}
	for _, line := range strings.Split(raw, "\r\n") {
		if len(line) > 75 {
			t.Errorf("line longer than 75 octets: %q", line)
		}
	}
}

// A TEXT value keeps no control character: line breaks of every kind
// become \n, a tab a space, others are dropped (RFC 5545 3.3.11 allows
// none of them in TEXT).
func TestHearingsCalendarControlCharacters(t *testing.T) {
	site := strings.Replace(noticeSite, `cause = "买卖合同纠纷"`,
		`cause = "买卖\u000B合同\r纠纷\u0085甲\u2028乙\u2029丙\r\n丁\t戊\u0000\u007F\u009F"`, 1)
	r := fazhitest.Build(t, site+modelLayouts)
	raw := r.File("sifa/hearings.ics")
	for i, c := range strings.ReplaceAll(raw, "\r\n", "") {
		if unicode.IsControl(c) || c == '\u2028' || c == '\u2029' {
			t.Errorf("control character %U at %d of\n%q", c, i, raw)
		}
	}
	cal, err := ics.ParseCalendar(strings.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	events := cal.Events()
	if got, want := events[1].GetProperty(ics.ComponentPropertySummary).Value, "开庭：买卖合同\n纠纷\n甲\n乙\n丙\n丁 戊（2026）某0102民初4581号"; got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
}

// A speech's salutation (同志们：) is not its summary: the meta
// description, the feed and JSON-LD take the paragraph after it.
func TestSummarySkipsSalutation(t *testing.T) {
	r := fazhitest.Build(t, `
-- site.toml --
title = "某市法治政府网"
baseURL = "https://fzb.example.gov.cn/"
-- content/gongzuo/_index.md --
+++
title = "工作动态"
+++
-- content/gongzuo/jianghua.md --
+++
title = "在全市法治政府建设工作会议上的讲话"
date = 2026-11-20
+++
同志们：

今年以来，全市法治政府建设取得新进展。

下面，我讲三点意见。
`+modelLayouts)
	const want = "今年以来，全市法治政府建设取得新进展。"
	r.AssertFileContent("gongzuo/jianghua/index.html", `<meta name="Description" content="`+want+`">`, "! content=\"同志们")
	if d := jsonLD(t, r.File("gongzuo/jianghua/index.html"))["description"]; d != want {
		t.Errorf("JSON-LD description = %v", d)
	}
	r.AssertFileContent("feed.xml", "<summary>"+want+"</summary>", "! <summary>同志们")
}
