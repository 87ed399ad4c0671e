package build_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/fazhitest"
)

// Codes below follow GB 32100-2015 (region 99, which no real body has);
// the identity numbers have the right check character but region 83,
// which no mainland identity card carries.
const penaltyHeader = "行政相对人名称,行政相对人类别,统一社会信用代码,法定代表人,证件类型,证件号码,行政处罚决定书文号,违法行为类型,违法事实,处罚依据,处罚类别,处罚内容,罚款金额（万元）,处罚决定日期,公示截止期,处罚机关,处罚机关统一社会信用代码,公示日期,严重程度,状态,撤销说明,未成年人\n"

// penalties is a 行政处罚 column at fazhitest.Now (2026-11-27) with a
// decision in 公示 for each kind of party, one past its 公示期, one
// 撤销, one not yet online and one about a minor.
const penalties = `
-- content/chufa/_index.md --
+++
title = "行政处罚公示"
kind = "enforcement"
columnType = "信息公开目录"
[enforcement]
type = "行政处罚"
data = "chufa.csv"
+++
本栏目公示本机关作出的行政处罚决定。
-- data/chufa.csv --
` + penaltyHeader +
	`某市甲乙商贸有限公司,法人及非法人组织,91990102MA0000010B,王五,,,某市监罚〔2026〕31号,虚假宣传,在店内张贴虚假广告,依据《某市行政复议办法》第二条、《中华人民共和国广告法》第五十五条,警告、罚款,警告，罚款人民币五千元,0.5,2026-10-12,,某市市场监督管理局,11990000000000001G,2026-10-14,一般,正常,,否
张明华,自然人,,,身份证,830101199001011236,某市监罚〔2026〕40号,无证经营,张明华（电话13800138000）在东城区夜市无证销售食品,《中华人民共和国食品安全法》第一百二十二条,警告,警告,,2026-11-02,,某市市场监督管理局,11990000000000001G,2026-11-04,轻微,,,
某区李建国小吃店,个体工商户,92990102MA00000108,李建国,身份证,830101198502021235,某市监罚〔2026〕41号,超范围经营,李建国经营的小吃店超范围经营，罚款汇入账号6222021234567890128,《中华人民共和国食品安全法》第一百二十二条,罚款,罚款人民币一千元,0.1,2026-11-03,,某市市场监督管理局,11990000000000001G,2026-11-05,一般,,,
某市丙丁建材有限公司,法人及非法人组织,91990102MA0000011E,赵六,,,某市监罚〔2025〕7号,虚假宣传,在网站发布虚假信息,《中华人民共和国广告法》第五十五条,警告,警告,,2025-03-03,,某市市场监督管理局,11990000000000001G,2025-03-05,轻微,,,
某市戊己餐饮有限公司,法人及非法人组织,91990102MA0000012H,钱七,,,某市监罚〔2026〕20号,食品安全,使用过期原料,《中华人民共和国食品安全法》第一百二十四条,罚款,罚款人民币二万元,2,2026-08-03,,某市市场监督管理局,11990000000000001G,2026-08-05,一般,撤销,经行政复议，本决定已于2026年9月10日撤销,
某市庚辛物流有限公司,法人及非法人组织,91990102MA0000013L,孙八,,,某市监罚〔2026〕45号,超限运输,车辆超限运输,《中华人民共和国公路法》第七十六条,罚款,罚款人民币三千元,0.3,2026-11-26,,某市交通运输局,11990000000000002K,2026-12-01,一般,,,
王小明,自然人,,,身份证,83010120120505123X,某市监罚〔2026〕46号,扰乱秩序,王小明在商场扰乱秩序,《中华人民共和国治安管理处罚法》第二十三条,警告,警告,,2026-11-10,,某市市场监督管理局,11990000000000001G,2026-11-12,轻微,,,是
`

// TestEnforcementColumn (issue 18 points 1, 3, 5): the column's data file
// is read at build; decisions in 公示 are listed and have their page;
// the one past its 公示期 and the 撤销 one keep a tombstone without the
// party; the one not yet online and the minor's have no page at all.
func TestEnforcementColumn(t *testing.T) {
	r := fazhitest.Build(t, goldenSite+penalties, fazhitest.WithTheme())
	list := r.File("chufa/index.html")
	for _, want := range []string{
		`<caption>行政处罚决定（共 3 件）</caption>`,
		`<td data-label="文号"><a href="` + href("/chufa/某市监罚〔2026〕31号/") + `"><span class="docno">某市监罚〔2026〕31号</span></a></td>`,
		`<td data-label="相对人">张某</td>`,
		`<td data-label="相对人">某区李某小吃店</td>`,
		`<td data-label="处罚类别">警告、罚款</td>`,
		`<td class="nowrap" data-label="公示截止期"><time datetime="2027-10-12">2027-10-12</time></td>`,
		`<li><a href="/chufa/year/2026/">2026年</a> <span class="count">（3）</span></li>`,
		`<li><a href="` + href("/chufa/category/罚款/") + `">罚款</a> <span class="count">（2）</span></li>`,
		`<li><a href="` + href("/chufa/authority/某市市场监督管理局/") + `">某市市场监督管理局</a> <span class="count">（3）</span></li>`,
		`本栏目公示本机关作出的行政处罚决定。`,
	} {
		if !strings.Contains(list, want) {
			t.Errorf("list lacks %q", want)
		}
	}
	for _, gone := range []string{"〔2025〕7号", "〔2026〕20号", "〔2026〕45号", "〔2026〕46号", "张明华", "李建国", "王小明"} {
		if strings.Contains(list, gone) {
			t.Errorf("list shows %q", gone)
		}
	}
	r.AssertFileContent("chufa/某市监罚〔2026〕31号/index.html",
		`<article class="doc doc-decision" data-pagefind-body>`,
		`<td class="basis">依据<a href="/zhengce/banfa/#art-2" class="xref">《某市行政复议办法》第二条</a>、《中华人民共和国广告法》第五十五条</td>`,
		`<span data-pagefind-filter="处罚类别">警告</span>、<span data-pagefind-filter="处罚类别">罚款</span>`,
		`<td data-pagefind-filter="处罚机关">某市市场监督管理局</td>`,
		`data-pagefind-filter="年份:2026"`,
		`<tr><th scope="row">罚款金额</th><td>0.5 万元</td></tr>`,
		`<p class="status-line status-in-force" data-pagefind-ignore><span class="status-text">公示中，公示截止期 <time datetime="2027-10-12">2027-10-12</time></span></p>`,
		`! noindex`)
	r.AssertFileContent("chufa/某市监罚〔2026〕40号/index.html",
		`<tr><th scope="row">行政相对人名称</th><td>张某</td></tr>`,
		`<tr><th scope="row">违法事实</th><td>张某（电话（已隐去））在东城区夜市无证销售食品</td></tr>`,
		`! 张明华`, `! 830101199001011236`, `! 13800138000`)
	r.AssertFileContent("chufa/某市监罚〔2026〕41号/index.html",
		`<tr><th scope="row">经营者</th><td>李某</td></tr>`, `! 李建国`, `! 6222021234567890128`)
	// Past its 公示期 (轻微: 3 months from 2025-03-03).
	r.AssertFileContent("chufa/某市监罚〔2025〕7号/index.html",
		`<meta name="robots" content="noindex">`,
		`<article class="doc doc-decision-gone" data-pagefind-ignore="all">`,
		`<p class="status-line status-expired"><span class="status-text">该信息公示期已满，已停止公示</span></p>`,
		`! 某市丙丁建材有限公司`, `! 91990102MA0000011E`, `! 赵六`, `! data-pagefind-body`, `! 虚假宣传`)
	r.AssertFileContent("chufa/某市监罚〔2026〕20号/index.html",
		`<meta name="robots" content="noindex">`,
		`<p class="status-line status-repealed"><span class="status-text">该处罚决定已撤销</span></p>`,
		`<tr><th scope="row">撤销说明</th><td>经行政复议，本决定已于2026年9月10日撤销</td></tr>`,
		`! 某市戊己餐饮有限公司`, `! 钱七`, `! 过期原料`)
	// The sitemap lists decisions in 公示 (lastmod: the day online), not tombstones.
	r.AssertFileContent("sitemap.xml",
		"<loc>https://fzb.example.gov.cn/chufa/%E6%9F%90%E5%B8%82%E7%9B%91%E7%BD%9A%E3%80%942026%E3%80%9531%E5%8F%B7/</loc><lastmod>2026-10-14T00:00:00+08:00</lastmod>",
		"! %E3%80%942025%E3%80%957%E5%8F%B7", "! %E3%80%942026%E3%80%9520%E5%8F%B7")
	r.AssertNoFile("chufa/某市监罚〔2026〕45号/index.html") // online from 2026-12-01
	r.AssertNoFile("chufa/某市监罚〔2026〕46号/index.html") // a minor
	r.AssertNoFile("chufa/year/2025/index.html")     // only a tombstone in 2025
	for _, w := range r.Build.Warnings {
		if strings.Contains(w.Error(), "未成年人") {
			return
		}
	}
	t.Errorf("no warning about the minor's row: %v", r.Build.Warnings)
}

// href is u as html/template writes it in an attribute: bytes outside
// ASCII percent-encoded in lower case.
func href(u string) string {
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		if c := u[i]; c >= 0x80 {
			fmt.Fprintf(&b, "%%%02x", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// TestEnforcementYearPage: a year page lists each month up to the build's
// month, newest first, and says so for a month without decisions.
func TestEnforcementYearPage(t *testing.T) {
	r := fazhitest.Build(t, goldenSite+penalties, fazhitest.WithTheme())
	got := r.File("chufa/year/2026/index.html")
	for _, want := range []string{
		`<h1>行政处罚公示 · 2026年</h1>`,
		`<h2 id="m-11">11月</h2>`,
		`<caption>11月行政处罚决定（2 件）</caption>`,
		`<h2 id="m-10">10月</h2>`,
		`<h2 id="m-8">8月</h2>
<p class="empty">当月作出的 1 件决定已停止公示（公示期满，或者已撤销、撤回）。</p>`,
		`<h2 id="m-9">9月</h2>
<p class="empty">当月未公布信息，则表明当月无此类案件</p>`,
		`<h2 id="m-1">1月</h2>
<p class="empty">当月未公布信息，则表明当月无此类案件</p>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("year page lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "12月") {
		t.Errorf("year page lists December before it has come")
	}
	if i, j := strings.Index(got, `id="m-11"`), strings.Index(got, `id="m-10"`); i > j {
		t.Errorf("months not newest first")
	}
}

// TestEnforcementBoundaries (point 5): a decision is online from 00:00 of
// its 公示日期 and public through 23:59:59 of its 公示截止期 in the site's
// zone, whatever the zone of --now; the nightly build takes it down
// without any edit.
func TestEnforcementBoundaries(t *testing.T) {
	src := goldenSite + `
-- content/chufa/_index.md --
+++
title = "行政处罚公示"
kind = "enforcement"
[enforcement]
type = "行政处罚"
data = "chufa.csv"
+++
-- data/chufa.csv --
` + penaltyHeader +
		"某市甲乙商贸有限公司,法人及非法人组织,91990102MA0000010B,王五,,,某市监罚〔2026〕31号,虚假宣传,在店内张贴虚假广告,《中华人民共和国广告法》第五十五条,警告,警告,,2026-10-12,2026-11-30,某市市场监督管理局,11990000000000001G,2026-10-14,,,,\n" +
		"某市丙丁建材有限公司,法人及非法人组织,91990102MA0000011E,赵六,,,某市监罚〔2026〕50号,虚假宣传,在网站发布虚假信息,《中华人民共和国广告法》第五十五条,警告,警告,,2026-11-27,,某市市场监督管理局,11990000000000001G,2026-12-01,一般,,,\n"
	cst := time.FixedZone("CST", 8*3600)
	const public, later = "chufa/某市监罚〔2026〕31号/index.html", "chufa/某市监罚〔2026〕50号/index.html"
	for _, c := range []struct {
		name          string
		now           time.Time
		listed, early bool
	}{
		{"last minute of the 截止期", time.Date(2026, 11, 30, 23, 59, 59, 0, cst), true, false},
		{"same instant in UTC", time.Date(2026, 11, 30, 15, 59, 59, 0, time.UTC), true, false},
		{"midnight after", time.Date(2026, 12, 1, 0, 0, 0, 0, cst), false, true},
		{"midnight after, in UTC", time.Date(2026, 11, 30, 16, 0, 0, 0, time.UTC), false, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := fazhitest.Build(t, src, fazhitest.WithTheme(), fazhitest.WithNow(c.now))
			list := r.File("chufa/index.html")
			if got := strings.Contains(list, "〔2026〕31号"); got != c.listed {
				t.Errorf("31号 listed = %v, want %v", got, c.listed)
			}
			page := r.File(public)
			if got := !strings.Contains(page, "已停止公示") && strings.Contains(page, "某市甲乙商贸有限公司"); got != c.listed {
				t.Errorf("31号 page shows the decision = %v, want %v", got, c.listed)
			}
			if _, ok := r.Files[later]; ok != c.early {
				t.Errorf("50号 (online 2026-12-01) has a page = %v, want %v", ok, c.early)
			}
			if got := strings.Contains(list, "〔2026〕50号"); got != c.early {
				t.Errorf("50号 listed = %v, want %v", got, c.early)
			}
		})
	}
}

// TestEnforcementPermits (point 5): a 行政许可 has no 公示期: it stays
// listed and shows 有效 or 已过期 from 有效期至.
func TestEnforcementPermits(t *testing.T) {
	r := fazhitest.Build(t, goldenSite+`
-- content/xuke/_index.md --
+++
title = "行政许可公示"
kind = "enforcement"
[enforcement]
type = "行政许可"
data = "data/xuke.csv"
+++
-- data/xuke.csv --
行政相对人名称,行政相对人类别,统一社会信用代码,法定代表人,行政许可决定文书名称,行政许可决定文书号,许可类别,许可证书名称,许可编号,许可内容,许可决定日期,有效期自,有效期至,许可机关,许可机关统一社会信用代码,公示日期
某市甲乙商贸有限公司,法人及非法人组织,91990102MA0000010B,王五,准予行政许可决定书,某市监许〔2024〕1号,普通,食品经营许可证,JY99901020000001,食品销售,2024/3/1,2024/3/1,2029/2/28,某市市场监督管理局,11990000000000001G,2024/3/5
张三,自然人,,,准予行政许可决定书,某市监许〔2023〕3号,登记,,,道路运输,2023/3/1,2023/3/1,2026/3/1,某市市场监督管理局,11990000000000001G,2023/3/2
`, fazhitest.WithTheme())
	r.AssertFileContent("xuke/index.html",
		`<th scope="col">许可类别</th><th scope="col">决定日期</th><th scope="col">有效期至</th>`,
		`<time datetime="2029-02-28">2029-02-28</time> <span class="badge badge-in-force">有效</span>`,
		`<td data-label="相对人">张某</td>`,
		`<time datetime="2026-03-01">2026-03-01</time> <span class="badge badge-expired">已过期</span>`)
	r.AssertFileContent("xuke/某市监许〔2023〕3号/index.html",
		`<tr><th scope="row">有效期至</th><td><time datetime="2026-03-01">2026-03-01</time>（已过期）</td></tr>`,
		`<td data-pagefind-filter="许可类别">登记</td>`, `! 张三`)
}

// TestEnforcementPermitRevoked: a 行政许可 marked 撤销 or 撤回 in 状态 is
// no longer 有效: it leaves the list, the filter pages, the search index
// and the downloads, and its URL keeps a tombstone that says so, with the
// 撤销说明.
func TestEnforcementPermitRevoked(t *testing.T) {
	r := fazhitest.Build(t, goldenSite+`
-- content/xuke/_index.md --
+++
title = "行政许可公示"
kind = "enforcement"
[enforcement]
type = "行政许可"
data = "data/xuke.csv"
+++
-- data/xuke.csv --
行政相对人名称,行政相对人类别,统一社会信用代码,法定代表人,行政许可决定文书名称,行政许可决定文书号,许可类别,许可证书名称,许可编号,许可内容,许可决定日期,有效期自,有效期至,许可机关,许可机关统一社会信用代码,公示日期,状态,撤销说明
某市甲乙商贸有限公司,法人及非法人组织,91990102MA0000010B,王五,准予行政许可决定书,某市监许〔2026〕1号,普通,食品经营许可证,JY99901020000001,食品销售,2026/3/1,2026/3/1,2031/2/28,某市市场监督管理局,11990000000000001G,2026/3/5,,
某市丙丁建材有限公司,法人及非法人组织,91990102MA0000011E,赵六,准予行政许可决定书,某市监许〔2026〕2号,普通,食品经营许可证,JY99901020000002,食品批发,2026/3/2,2026/3/2,2031/3/1,某市市场监督管理局,11990000000000001G,2026/3/5,撤销,以欺骗手段取得许可，依法于2026年9月1日撤销
某市戊己餐饮有限公司,法人及非法人组织,91990102MA0000012H,钱七,准予行政许可决定书,某市监许〔2026〕3号,普通,食品经营许可证,JY99901020000003,餐饮服务,2026/3/3,2026/3/3,2031/3/2,某市市场监督管理局,11990000000000001G,2026/3/5,撤回,因规划调整，依法于2026年8月1日撤回
`, fazhitest.WithTheme())
	r.AssertFileContent("xuke/index.html", "某市监许〔2026〕1号", "! 某市监许〔2026〕2号", "! 某市监许〔2026〕3号")
	r.AssertFileContent("xuke/year/2026/index.html", "某市监许〔2026〕1号", "! 某市监许〔2026〕2号", "! 某市监许〔2026〕3号")
	r.AssertFileContent("xuke/data.csv", "某市监许〔2026〕1号", "! 某市监许〔2026〕2号", "! 某市监许〔2026〕3号")
	r.AssertFileContent("xuke/data.json", "某市监许〔2026〕1号", "! 某市监许〔2026〕2号", "! 某市监许〔2026〕3号")
	r.AssertFileContent("xuke/某市监许〔2026〕2号/index.html",
		`<meta name="robots" content="noindex">`,
		`<article class="doc doc-decision-gone" data-pagefind-ignore="all">`,
		`<p class="status-line status-repealed"><span class="status-text">该行政许可已撤销</span></p>`,
		`<tr><th scope="row">撤销说明</th><td>以欺骗手段取得许可，依法于2026年9月1日撤销</td></tr>`,
		`! 有效`, `! 某市丙丁建材有限公司`, `! 赵六`, `! 食品批发`, `! data-pagefind-body`)
	r.AssertFileContent("xuke/某市监许〔2026〕3号/index.html",
		`<p class="status-line status-repealed"><span class="status-text">该行政许可已撤回</span></p>`,
		`! 有效`, `! 某市戊己餐饮有限公司`, `! data-pagefind-body`)
}

// TestEnforcementNoFeed: decisions are not pages and stay out of feeds
// (a feed reader keeps entries after the 公示期), so an enforcement
// column without pages of its own writes no feed.xml and its pages link
// only the site's feed; other columns keep theirs.
func TestEnforcementNoFeed(t *testing.T) {
	r := fazhitest.Build(t, goldenSite+penalties, fazhitest.WithTheme())
	r.AssertNoFile("chufa/feed.xml")
	for _, f := range []string{"chufa/index.html", "chufa/某市监罚〔2026〕31号/index.html", "chufa/某市监罚〔2025〕7号/index.html"} {
		r.AssertFileContent(f, `<link rel="alternate" type="application/atom+xml" title="某市法治政府网" href="/feed.xml">`, `! /chufa/feed.xml`)
	}
	r.AssertFileContent("zhengce/feed.xml", "<feed")
	r.AssertFileContent("zhengce/index.html", `href="/zhengce/feed.xml"`)
}

// TestEnforcementDataErrors (point 1): a problem in the data file stops
// the build at its file, row and column; so do a missing file, a bad
// [enforcement] table and a symbolic link out of data/ (symlink_test).
func TestEnforcementDataErrors(t *testing.T) {
	column := func(table string) string {
		return goldenSite + "\n-- content/chufa/_index.md --\n+++\ntitle = \"行政处罚公示\"\nkind = \"enforcement\"\n" + table + "+++\n"
	}
	for _, c := range []struct {
		name, src, want string
	}{
		{"bad row", column("[enforcement]\ntype = \"行政处罚\"\ndata = \"chufa.csv\"\n") + "-- data/chufa.csv --\n" + penaltyHeader +
			"某市甲乙商贸有限公司,法人及非法人组织,91990102MA0000010B,王五,,,某市监罚[2026]31号,虚假宣传,在店内张贴虚假广告,《中华人民共和国广告法》第五十五条,警告,警告,,2026-10-12,,某市市场监督管理局,11990000000000001G,2026-10-14,一般,,,\n",
			"data/chufa.csv:2:7: 第 2 行 G 列「行政处罚决定书文号」：文号「某市监罚[2026]31号」中的年份应使用六角括号〔〕，应写成「某市监罚〔2026〕31号」 (use 〔〕 around the year)"},
		{"missing file", column("[enforcement]\ntype = \"行政处罚\"\ndata = \"chufa.xlsx\"\n"),
			"content/chufa/_index.md:6: 找不到数据文件 data/chufa.xlsx：请把表格放进站点的 data 文件夹，或改正 [enforcement] data 的文件名 (data file not found)"},
		{"no table", column(""),
			"content/chufa/_index.md:3: 执法公示栏目缺少 [enforcement] 表"},
		{"bad type", column("[enforcement]\ntype = \"行政检查\"\ndata = \"chufa.csv\"\n") + "-- data/chufa.csv --\n" + penaltyHeader,
			"content/chufa/_index.md:5: [enforcement] type = \"行政检查\" 无效，应为 \"行政处罚\" 或 \"行政许可\""},
		{"same URL", column("[enforcement]\ntype = \"行政处罚\"\ndata = \"chufa.csv\"\n") + "-- data/chufa.csv --\n" + penaltyHeader +
			"某市甲乙商贸有限公司,法人及非法人组织,91990102MA0000010B,王五,,,某市监罚〔2026〕31/1号,虚假宣传,在店内张贴虚假广告,《中华人民共和国广告法》第五十五条,警告,警告,,2026-10-12,,某市市场监督管理局,11990000000000001G,2026-10-14,一般,,,\n" +
			"某市甲乙商贸有限公司,法人及非法人组织,91990102MA0000010B,王五,,,某市监罚〔2026〕31-1号,虚假宣传,在店内张贴虚假广告,《中华人民共和国广告法》第五十五条,警告,警告,,2026-10-12,,某市市场监督管理局,11990000000000001G,2026-10-14,一般,,,\n",
			"data/chufa.csv:2: 网址 /chufa/某市监罚〔2026〕31-1号/ 与 data/chufa.csv:3 重复：两个页面不能使用同一个网址，请核对这一行的文号「某市监罚〔2026〕31/1号」：网址由文号得出，其中的大小写不作区分，空格、斜杠「/」和连字符「-」都写成「-」，所以两个文号只在这些地方不同时会得出同一个网址 (two pages claim one URL)"},
		{"case", column("[enforcement]\ntype = \"行政处罚\"\ndata = \"ChuFa.CSV\"\n") + "-- data/chufa.csv --\n" + penaltyHeader,
			"content/chufa/_index.md:6: [enforcement] data = \"ChuFa.CSV\" 与文件「chufa.csv」的大小写不同：Windows 上能读到，发布用的 Linux 服务器上读不到；请写 data = \"chufa.csv\" (file name differs in case)"},
		{"escape", column("[enforcement]\ntype = \"行政处罚\"\ndata = \"../site.toml\"\n"),
			"content/chufa/_index.md:6: [enforcement] data = \"../site.toml\" 无效"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := fazhitest.Try(t, c.src, fazhitest.WithTheme())
			if r.Err == nil {
				t.Fatal("build succeeded")
			}
			if !strings.Contains(r.Err.Error(), c.want) {
				t.Errorf("error:\n%v\nwant it to contain:\n%s", r.Err, c.want)
			}
		})
	}
}

// TestEnforcementLateStillPublished: a decision put online late is a
// finding of fazhi check, not a build error, and is published.
func TestEnforcementLateStillPublished(t *testing.T) {
	r := fazhitest.Build(t, goldenSite+`
-- content/chufa/_index.md --
+++
title = "行政处罚公示"
kind = "enforcement"
[enforcement]
type = "行政处罚"
data = "chufa.csv"
+++
-- data/chufa.csv --
`+penaltyHeader+
		"某市甲乙商贸有限公司,法人及非法人组织,91990102MA0000010B,王五,,,某市监罚〔2026〕31号,虚假宣传,在店内张贴虚假广告,《中华人民共和国广告法》第五十五条,警告,警告,,2026-10-12,,某市市场监督管理局,11990000000000001G,2026-11-20,一般,,,\n",
		fazhitest.WithTheme())
	r.AssertFileContent("chufa/index.html", "某市监罚〔2026〕31号")
	var ed []build.EnforcementData = r.Build.Enforcement
	if len(ed) != 1 || ed[0].File != "data/chufa.csv" || ed[0].Column != "chufa" || len(ed[0].Sheet.Decisions) != 1 {
		t.Fatalf("result enforcement data: %+v", ed)
	}
	late := false
	for _, f := range ed[0].Findings {
		late = late || f.Rule == "enforcement-late"
	}
	if !late {
		t.Errorf("no late finding kept for check: %v", ed[0].Findings)
	}
}

// TestEnforcementGolden keeps the list, a decision and a tombstone of the
// 行政处罚 column as golden files.
func TestEnforcementGolden(t *testing.T) {
	r := fazhitest.Build(t, goldenSite+penalties, fazhitest.WithTheme())
	for name, file := range map[string]string{
		"decisions":      "chufa/index.html",
		"decision":       "chufa/某市监罚〔2026〕31号/index.html",
		"decision-gone":  "chufa/某市监罚〔2026〕20号/index.html",
		"decisions-year": "chufa/year/2026/index.html",
	} {
		fazhitest.Golden(t, name, r.File(file))
	}
}

// TestEnforcementMasking (issue 18 point 4): no output file of the build
// (pages, tombstones, filter pages, feeds, sitemap, catalogue, search
// page, redirects) holds the raw name of a natural person or of the
// 经营者 of a 个体工商户, an identity number, or a phone or bank-card
// number written in free text. The HTML searched here is also the whole
// input of the Pagefind index.
func TestEnforcementMasking(t *testing.T) {
	permits := `
-- content/xuke/_index.md --
+++
title = "行政许可公示"
kind = "enforcement"
[enforcement]
type = "行政许可"
data = "xuke.csv"
+++
-- data/xuke.csv --
行政相对人名称,行政相对人类别,统一社会信用代码,法定代表人,证件类型,证件号码,行政许可决定文书名称,行政许可决定文书号,许可类别,许可内容,许可决定日期,有效期自,有效期至,许可机关,许可机关统一社会信用代码,备注
欧阳春晓,自然人,,,身份证,830101199203031235,准予行政许可决定书,某交运许〔2026〕44号,普通,欧阳春晓申请道路货物运输驾驶员从业资格，联系电话 139 0013 9000,2026-10-19,2026-10-19,2032-10-18,某市交通运输局,11990000000000002K,身份证号830101199203031235已核验；原登记号码830101199203031238、旧证号码830101920303123有误，罚没款账号 2026000000000000123 不变
`
	r := fazhitest.Build(t, goldenSite+penalties+permits, fazhitest.WithTheme())
	secrets := []string{
		"张明华", "李建国", "王小明", "欧阳春晓", "明华", "建国", "春晓",
		"830101199001011236", "830101198502021235", "83010120120505123X", "830101199203031235",
		"830101199203031238", "830101920303123",
		"13800138000", "139 0013 9000", "6222021234567890128",
	}
	checked := 0
	for name, data := range r.Files {
		checked++
		for _, s := range secrets {
			if strings.Contains(string(data), s) {
				t.Errorf("%s holds %q", name, s)
			}
		}
	}
	// The masked forms are there: the test looks at the right pages.
	r.AssertFileContent("xuke/某交运许〔2026〕44号/index.html", "欧阳某", "联系电话 （已隐去）", "身份证号（已隐去）已核验",
		"原登记号码（已隐去）、旧证号码（已隐去）有误", "账号 2026000000000000123 不变")
	r.AssertFileContent("chufa/index.html", "张某", "某区李某小吃店")
	if checked < 40 {
		t.Fatalf("only %d files searched", checked)
	}
}

// TestEnforcementWithdrawnTombstone: a decision 撤回 (not 撤销) says so
// on its tombstone, in the status line and in the label of its reason.
func TestEnforcementWithdrawnTombstone(t *testing.T) {
	src := strings.Replace(penalties, "一般,撤销,经行政复议，本决定已于2026年9月10日撤销", "一般,撤回,处罚机关发现适用依据有误，于2026年9月10日撤回", 1)
	r := fazhitest.Build(t, goldenSite+src, fazhitest.WithTheme())
	r.AssertFileContent("chufa/某市监罚〔2026〕20号/index.html",
		`<span class="status-text">该处罚决定已撤回</span>`,
		`<tr><th scope="row">撤回说明</th><td>处罚机关发现适用依据有误，于2026年9月10日撤回</td></tr>`,
		`! 撤销说明`)
}
