package build_test

import (
	"testing"

	"github.com/fazhi-dev/fazhi/internal/fazhitest"
)

// goldenSite exercises every template kind of the default theme.
const goldenSite = `
-- site.toml --
title = "某市法治政府网"
baseURL = "https://fzb.example.gov.cn/"
[identity]
sponsor = "某市人民政府办公室"
operator = "某市司法局"
siteCode = "9900000001"
icp = "某ICP备00000001号"
police = "某公网安备 99010202000001号"
conacID = "0A1B2C3D4E5F60718293A4B5C6D7E8F9"
[[menu.main]]
name = "首页"
url = "/"
weight = 1
[[menu.main]]
name = "政策文件"
url = "/zhengce/"
weight = 2
[[menu.main]]
name = "司法公开"
url = "/sifa/"
weight = 3
-- content/_index.md --
+++
title = "首页"
+++
-- content/zhengce/_index.md --
+++
title = "政策文件"
kind = "policy"
columnType = "政策文件"
+++
-- content/zhengce/banfa/index.md --
+++
title = "某市行政复议办法"
date = 2026-11-20T09:00:00
tags = ["行政复议"]
[policy]
indexNumber = "009990011/2026-00001"
issuer = "某市人民政府"
docNumber = "某府令〔2026〕1号"
written = 2026-11-10
topic = "公安、安全、司法\\司法"
genre = "政府规章"
effective = 2026-12-01
attachments = [{ file = "fujian.pdf", name = "附件：申请书格式" }]
+++
## 第一章　总则

第一条　为了规范行政复议工作，制定本办法。

第二条　依照本办法第一条的规定执行。
-- content/zhengce/banfa/fujian.pdf --
%PDF-1.4
-- content/sifa/_index.md --
+++
title = "司法公开"
kind = "notice"
columnType = "司法公开"
+++
-- content/sifa/kaiting.md --
+++
title = "开庭公告"
date = 2026-11-23
[notice]
type = "开庭公告"
caseNumber = "（2026）某0102民初1号"
court = "某市东城区人民法院"
cause = "买卖合同纠纷"
parties = ["某某公司", "王某"]
hearing = 2026-12-08T09:30:00
place = "第三法庭"
+++
本院定于2026年12月8日公开开庭审理。
-- content/sifa/songda.md --
+++
title = "送达公告"
date = 2026-09-01
[notice]
type = "送达公告"
caseNumber = "（2026）某0102民初7号"
court = "某市东城区人民法院"
cause = "民间借贷纠纷"
+++
李某：本院受理原告诉你民间借贷纠纷一案，现依法向你公告送达起诉状副本。
-- content/pufa/_index.md --
+++
title = "普法宣传"
columnType = "普法宣传"
+++
-- content/pufa/anli.md --
+++
title = "以案释法：装修预付款纠纷"
date = 2026-11-21
tags = ["行政复议"]
[article]
series = "以案释法"
source = "某市司法局"
+++
王某与某装修公司签订合同。
-- content/about.md --
+++
title = "关于本网"
kind = "page"
+++
本网由某市人民政府办公室主办。
`

func TestGoldenPages(t *testing.T) {
	r := fazhitest.Build(t, goldenSite, fazhitest.WithTheme())
	for name, file := range map[string]string{
		"home":         "index.html",
		"section":      "zhengce/index.html",
		"policy":       "zhengce/banfa/index.html",
		"notice":       "sifa/kaiting/index.html",
		"article":      "pufa/anli/index.html",
		"page":         "about/index.html",
		"taxonomy":     "tags/index.html",
		"term":         "tags/行政复议/index.html",
		"series":       "series/以案释法/index.html",
		"hearings":     "sifa/hearings/index.html",
		"archive":      "sifa/archive/index.html",
		"browse":       "zhengce/year/2026/index.html",
		"404":          "404.html",
		"feed":         "feed.xml",
		"sitemap":      "sitemap.xml",
		"sitemap-page": "sitemap/index.html",
		"ics":          "sifa/hearings.ics",
		"catalog":      "zhengce/index.json",
	} {
		fazhitest.Golden(t, name, r.File(file))
	}
}
