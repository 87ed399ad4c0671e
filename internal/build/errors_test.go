package build_test

import (
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/fazhitest"
)

const errSite = `
-- site.toml --
title = "网"
-- layouts/_default/page.html --
x
-- layouts/_default/section.html --
x
-- layouts/_default/home.html --
x
-- layouts/_default/404.html --
x
-- content/zhengce/_index.md --
+++
title = "政策文件"
kind = "policy"
+++
-- content/zhengce/a.md --
+++
title = "甲"
date = 2026-01-01
[policy]
indexNumber = "009990011/2026-00001"
issuer = "某市人民政府"
docNumber = "某政规〔2026〕1号"
+++
-- content/sifa/_index.md --
+++
title = "司法公开"
kind = "notice"
+++
`

func TestContentModelErrors(t *testing.T) {
	cases := []struct {
		name, file, want string
	}{
		{"malformed case number", `-- content/sifa/x.md --
+++
title = "公告"
date = 2026-01-01
[notice]
type = "送达公告"
caseNumber = "2026某0102民初1234号"
+++
`, `content/sifa/x.md:6: 案号「2026某0102民初1234号」`},
		{"unknown notice type", `-- content/sifa/x.md --
+++
title = "公告"
date = 2026-01-01
[notice]
type = "通知"
+++
`, `content/sifa/x.md:5: 公告类型 type = "通知" 无效，应为「开庭公告」「送达公告」「执行公告」「拍卖公告」「其他公告」之一`},
		{"hearing notice without hearing", `-- content/sifa/x.md --
+++
title = "公告"
date = 2026-01-01
[notice]
type = "开庭公告"
+++
`, `content/sifa/x.md:5: 开庭公告必须写开庭时间`},
		{"duplicate index number", `-- content/zhengce/b.md --
+++
title = "乙"
date = 2026-01-02
[policy]
indexNumber = "009990011/2026-00001"
issuer = "某市人民政府"
+++
`, `content/zhengce/b.md:5: 索引号「009990011/2026-00001」与 content/zhengce/a.md 重复`},
		{"duplicate doc number", `-- content/zhengce/b.md --
+++
title = "乙"
date = 2026-01-02
[policy]
issuer = "某市人民政府"
docNumber = "某政规〔2026〕1号"
+++
`, `content/zhengce/b.md:6: 发文字号「某政规〔2026〕1号」与 content/zhengce/a.md 重复`},
		{"url taken by another page", `-- content/zhengce/b.md --
+++
title = "乙"
date = 2026-01-02
url = "/zhengce/a/"
[policy]
issuer = "某市人民政府"
+++
`, `content/zhengce/b.md:4: 网址 /zhengce/a/ 与 content/zhengce/a.md 重复`},
		{"alias taken by another page", `-- content/zhengce/b.md --
+++
title = "乙"
date = 2026-01-02
aliases = ["/old/", "/zhengce/a/"]
[policy]
issuer = "某市人民政府"
+++
`, `content/zhengce/b.md:4: 网址 /zhengce/a/ 与 content/zhengce/a.md 重复`},
		{"interprets nowhere", `-- content/jiedu/x.md --
+++
title = "解读"
date = 2026-01-01
interprets = ["zhengce/nope.md"]
+++
`, `content/jiedu/x.md:4:14: interprets 指向的「zhengce/nope.md」不存在`},
		{"amends nowhere", `-- content/zhengce/b.md --
+++
title = "乙"
date = 2026-01-02
[policy]
issuer = "某市人民政府"
amends = "zhengce/old.md"
+++
`, `content/zhengce/b.md:6:10: policy.amends 指向的「zhengce/old.md」不存在`},
		{"expires before effective", `-- content/zhengce/b.md --
+++
title = "乙"
date = 2026-01-02
[policy]
issuer = "某市人民政府"
effective = 2026-03-01
expires = 2026-02-01
+++
`, `content/zhengce/b.md:7: 有效期至 expires（2026-02-01）早于施行日期 effective（2026-03-01）`},
		{"unknown column type", `-- content/x/_index.md --
+++
title = "栏目"
columnType = "新闻"
+++
`, `content/x/_index.md:3: 栏目类型 columnType = "新闻" 无效`},
		{"policy without issuer", `-- content/zhengce/b.md --
+++
title = "乙"
date = 2026-01-02
[policy]
docNumber = "某政规〔2026〕9号"
+++
`, `content/zhengce/b.md:4: 缺少发文机关`},
		{"missing date", `-- content/zhengce/b.md --
+++
title = "乙"
[policy]
issuer = "某市人民政府"
+++
`, `content/zhengce/b.md:2: 缺少发布日期`},
		{"lastmod before date", `-- content/sifa/x.md --
+++
title = "公告"
date = 2026-01-05
lastmod = 2026-01-01
[notice]
type = "其他公告"
+++
`, `content/sifa/x.md:4: 更新日期 lastmod（2026-01-01）早于发布日期 date（2026-01-05）`},
		{"bad genre", `-- content/zhengce/b.md --
+++
title = "乙"
date = 2026-01-02
[policy]
issuer = "某市人民政府"
genre = "通知"
+++
`, `content/zhengce/b.md:6: 体裁 genre = "通知" 无效`},
		{"missing attachment", `-- content/zhengce/b/index.md --
+++
title = "乙"
date = 2026-01-02
[policy]
issuer = "某市人民政府"
attachments = [{ file = "a.pdf", name = "附件" }]
+++
`, `content/zhengce/b/index.md:6: 附件「a.pdf」不存在`},
		{"unknown kind", `-- content/x.md --
+++
title = "乙"
kind = "news"
+++
`, `content/x.md:3: kind = "news" 无效`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := fazhitest.Try(t, errSite+c.file)
			if r.Err == nil {
				t.Fatal("build succeeded; want an error")
			}
			if !strings.Contains(r.Err.Error(), c.want) {
				t.Errorf("error:\n%v\nwant containing:\n%s", r.Err, c.want)
			}
		})
	}
}
