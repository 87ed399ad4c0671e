package build_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/fazhitest"
)

// lifecycleSite has 行政规范性文件 with default 有效期 and a 清理结果
// decided on 2026-06-01 that lists four of them.
const lifecycleSite = `
-- site.toml --
title = "某市法治政府网"
baseURL = "https://fzb.example.gov.cn/"
timeZone = "Asia/Shanghai"
[legal]
normativeValidityYears = 5
provisionalValidityYears = 2
-- content/zhengce/_index.md --
+++
title = "政策文件"
kind = "policy"
columnType = "政策文件"
+++
-- content/zhengce/moren.md --
+++
title = "某市行政执法全过程记录办法"
date = 2021-04-20
[policy]
issuer = "某市人民政府"
regNumber = "MSGS—2021—12"
docNumber = "某政规〔2021〕4号"
genre = "行政规范性文件"
effective = 2021-05-01
+++
第一条　为了规范行政执法全过程记录，制定本办法。
-- content/zhengce/zanxing.md --
+++
title = "某市网络预约出租汽车管理暂行办法"
date = 2024-04-20
[policy]
issuer = "某市人民政府"
docNumber = "某政规〔2024〕2号"
genre = "行政规范性文件"
effective = 2024-05-01
+++
第一条　暂行办法。
-- content/zhengce/guizhang.md --
+++
title = "某市行政复议办法"
date = 2021-04-20
[policy]
issuer = "某市人民政府"
docNumber = "某府令〔2021〕3号"
genre = "政府规章"
effective = 2021-05-01
+++
第一条　规章没有默认有效期。
-- content/zhengce/jixu.md --
+++
title = "某市行政执法公示办法"
date = 2019-05-20
[policy]
issuer = "某市人民政府"
docNumber = "某政规〔2019〕8号"
genre = "行政规范性文件"
effective = 2019-06-01
expires = 2026-08-31
+++
第一条　继续有效的文件。
-- content/zhengce/xiugai.md --
+++
title = "某市行政执法证件管理办法"
date = 2022-05-20
[policy]
issuer = "某市人民政府"
docNumber = "某政规〔2022〕6号"
genre = "行政规范性文件"
effective = 2022-06-01
expires = 2027-05-31
+++
第一条　修改后重新发布的文件。
-- content/zhengce/shixiao.md --
+++
title = "某市行政执法协调办法"
date = 2022-05-20
[policy]
issuer = "某市人民政府"
docNumber = "某政规〔2022〕7号"
genre = "行政规范性文件"
effective = 2022-06-01
expires = 2027-05-31
supersededBy = "zhengce/guizhang.md"
+++
第一条　宣布失效的文件：清理决定优先于被替代。
-- content/zhengce/feizhi.md --
+++
title = "某市行政执法监督办法"
date = 2022-05-20
[policy]
issuer = "某市人民政府"
docNumber = "某政规〔2022〕8号"
genre = "行政规范性文件"
effective = 2022-06-01
expires = 2027-05-31
+++
第一条　宣布废止的文件。
-- content/zhengce/shoudong.md --
+++
title = "某市行政执法责任制办法"
date = 2022-05-20
[policy]
issuer = "某市人民政府"
docNumber = "某政规〔2022〕9号"
genre = "行政规范性文件"
effective = 2022-06-01
status = "废止"
+++
第一条　手写的 status 优先于清理决定。
-- content/zhengce/qingli.md --
+++
title = "某市人民政府关于公布行政规范性文件清理结果的决定"
date = 2026-05-25
kind = "cleanup"
[cleanup]
decided = 2026-06-01
continued = ["zhengce/jixu.md", "zhengce/shoudong.md"]
revised = ["zhengce/xiugai.md"]
expired = ["zhengce/shixiao.md"]
repealed = ["zhengce/feizhi.md"]
+++
经清理，现将结果公布如下。
`

var statusTextRE = regexp.MustCompile(`<span class="status-text">([^<]*)</span>`)

func statusText(t *testing.T, r *fazhitest.Result, page string) string {
	t.Helper()
	m := statusTextRE.FindStringSubmatch(r.File("zhengce/" + page + "/index.html"))
	if m == nil {
		t.Fatalf("%s: no status line", page)
	}
	return m[1]
}

// TestDefaultValidityBoundary (issue 17.4): with [legal]
// normativeValidityYears = 5, a 行政规范性文件 without expires that took
// effect on 2021-05-01 is in force through 2026-04-30 23:59 (Asia/Shanghai)
// and 已失效 from 2026-05-01 00:00; a 暂行 one takes the 2-year period;
// a 规章 has none.
func TestDefaultValidityBoundary(t *testing.T) {
	before := fazhitest.Build(t, lifecycleSite, fazhitest.WithTheme(), at("2026-04-30T23:59"))
	after := fazhitest.Build(t, lifecycleSite, fazhitest.WithTheme(), at("2026-05-01T00:00"))
	for page, want := range map[string][2]string{
		"moren":    {"现行有效 · 2021年5月1日起施行", "已失效 · 有效期至2026年4月30日"},
		"zanxing":  {"现行有效 · 2024年5月1日起施行", "已失效 · 有效期至2026年4月30日"},
		"guizhang": {"现行有效 · 2021年5月1日起施行", "现行有效 · 2021年5月1日起施行"},
	} {
		if got := statusText(t, before, page); got != want[0] {
			t.Errorf("%s at 2026-04-30 23:59: %q, want %q", page, got, want[0])
		}
		if got := statusText(t, after, page); got != want[1] {
			t.Errorf("%s at 2026-05-01 00:00: %q, want %q", page, got, want[1])
		}
	}
	// The table shows the default 有效期 and the 登记号 above the 文号.
	before.AssertFileContent("zhengce/moren/index.html",
		`<tr><th scope="row">登记号</th><td><span class="docno">MSGS—2021—12</span></td></tr><tr><th scope="row">发文字号</th>`,
		`<tr><th scope="row">有效期至</th><td><time datetime="2026-04-30">2026年4月30日</time>（有效期5年）</td></tr>`)
	before.AssertFileContent("zhengce/index.json", `"regNumber": "MSGS—2021—12"`, `"validUntil": "2026-04-30"`)
	if strings.Contains(before.File("zhengce/guizhang/index.html"), "有效期至") {
		t.Error("a 政府规章 got a default 有效期")
	}
	// Off by default: no site setting, no default 有效期.
	off := fazhitest.Build(t, strings.Replace(lifecycleSite, "normativeValidityYears = 5\nprovisionalValidityYears = 2\n", "", 1), fazhitest.WithTheme(), at("2026-05-01T00:00"))
	off.AssertFileContent("zhengce/index.json", `"validity": "有效"`)
	if strings.Contains(off.File("zhengce/index.json"), `"validUntil": "2026-04-30"`) {
		t.Error("without [legal] normativeValidityYears a default 有效期 was applied")
	}
}

// TestCleanupDecision (issue 17.4): a 清理结果 page sets the state of each
// listed document from 00:00 of its decision date; an explicit status
// still wins; it lists the four outcomes with their documents.
func TestCleanupDecision(t *testing.T) {
	before := fazhitest.Build(t, lifecycleSite, fazhitest.WithTheme(), at("2026-05-31T23:59"))
	after := fazhitest.Build(t, lifecycleSite, fazhitest.WithTheme(), at("2026-06-01T00:00"))
	const qingli = "《某市人民政府关于公布行政规范性文件清理结果的决定》"
	for page, want := range map[string][2]string{
		"jixu":     {"现行有效 · 2019年6月1日起施行", "现行有效 · 经" + qingli + "确认继续有效"},
		"xiugai":   {"现行有效 · 2022年6月1日起施行", "已修改 · 自2026年6月1日起由" + qingli + "决定修改后重新发布"},
		"shixiao":  {"已废止 · 自2021年5月1日起由《某市行政复议办法》（某府令〔2021〕3号）废止", "已失效 · 自2026年6月1日起由" + qingli + "宣布失效"},
		"feizhi":   {"现行有效 · 2022年6月1日起施行", "已废止 · 自2026年6月1日起由" + qingli + "宣布废止"},
		"shoudong": {"已废止", "已废止"},
	} {
		if got := statusText(t, before, page); got != want[0] {
			t.Errorf("%s at 2026-05-31 23:59: %q, want %q", page, got, want[0])
		}
		if got := statusText(t, after, page); got != want[1] {
			t.Errorf("%s at 2026-06-01 00:00: %q, want %q", page, got, want[1])
		}
	}
	after.AssertFileContent("zhengce/feizhi/index.html", `<a href="/zhengce/qingli/">查看清理结果<span class="vh">：某市人民政府关于公布行政规范性文件清理结果的决定</span></a>`)
	after.AssertFileContent("zhengce/index.html", `>【已废止】某市行政执法监督办法</a>`, `>【已失效】某市行政执法协调办法</a>`)
	page := after.File("zhengce/qingli/index.html")
	i := strings.Index(page, `<section class="cleanup"`)
	if i < 0 {
		t.Fatal("the cleanup page has no lists")
	}
	fazhitest.Golden(t, "cleanup", page[i:i+strings.Index(page[i:], "</section>")+len("</section>")]+"\n")
}

// TestCleanupErrors: a 清理结果 without its decision date, or listing a
// page that is not a policy, fails with the file and line.
func TestCleanupErrors(t *testing.T) {
	r := fazhitest.Try(t, lifecycleSite+`
-- content/zhengce/qingli2.md --
+++
title = "另一个清理结果"
date = 2026-05-25
kind = "cleanup"
+++
-- content/zhengce/qingli3.md --
+++
title = "第三个清理结果"
date = 2026-05-25
kind = "cleanup"
[cleanup]
decided = 2026-06-01
expired = ["zhengce/qingli.md", "zhengce/none.md"]
+++
`, at("2026-06-01T00:00"))
	for _, want := range []string{
		`content/zhengce/qingli2.md:4: 清理结果页面（kind = "cleanup"）缺少 [cleanup] 表或其中的决定日期`,
		`content/zhengce/qingli3.md:7: cleanup.expired 中的「zhengce/qingli.md」不是政策文件`,
		`content/zhengce/qingli3.md:7:11: cleanup.expired 指向的「zhengce/none.md」不存在`,
	} {
		if !strings.Contains(r.Err.Error(), want) {
			t.Errorf("error does not contain %q:\n%v", want, r.Err)
		}
	}
}
