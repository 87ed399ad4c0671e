package check

import (
	"strings"

	"github.com/fazhi-dev/fazhi/internal/config"
)

// checkIdentity runs identity: the footer must carry the 网站标识码, the
// ICP and police record numbers and the 主办单位. One finding per missing
// item, at the [identity] line of site.toml (line 0 when there is none).
func (c *checker) checkIdentity() {
	id := c.cfg.Identity
	line := c.siteTOML.Line("identity")
	for _, f := range []struct{ key, value, msg string }{
		{"siteCode", id.SiteCode, "缺少网站标识码：请在 [identity] 中写 siteCode = \"1234000001\"（向主管部门申请的政府网站标识码）"},
		{"icp", id.ICP, "缺少 ICP 备案号：请在 [identity] 中写 icp = \"某ICP备12345678号\""},
		{"police", id.Police, "缺少公安机关备案号：请在 [identity] 中写 police = \"某公网安备 12345678901234号\""},
		{"sponsor", id.Sponsor, "缺少主办单位：请在 [identity] 中写 sponsor = \"某市人民政府办公室\""},
	} {
		if strings.TrimSpace(f.value) != "" {
			continue
		}
		l := line
		if k := c.siteTOML.Line("identity." + f.key); k > 0 {
			l = k
		}
		c.find(config.FileName, l, 0, RuleIdentity, f.msg+"，网页底部必须显示这一项 (missing identity."+f.key+")")
	}
	// The emblem is shown on every page: a file that was not published
	// leaves a broken image in every header.
	if e := id.Emblem; e != "" && c.files != nil {
		if _, ok := c.files[strings.TrimPrefix(e, "/")]; !ok {
			l := line
			if k := c.siteTOML.Line("identity.emblem"); k > 0 {
				l = k
			}
			c.find(config.FileName, l, 0, RuleIdentity, "标志图片 emblem = \""+e+"\" 不存在：请把图片放在网站的 static 文件夹里，如 static"+e+"，或改正路径；每个网页的页头都显示这张图片 (emblem not found in static/)")
		}
	}
}
