package build_test

import (
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/fazhitest"
)

// A url or alias that names a server control file is refused with the
// file and the line of its front matter key.
func TestControlFileURLs(t *testing.T) {
	cases := []struct{ name, file, want string }{
		{"url .htaccess", `-- content/zhengce/b.md --
+++
title = "乙"
date = 2026-01-02
url = "/.htaccess"
[policy]
issuer = "某市人民政府"
+++
`, `content/zhengce/b.md:4: url 中的网址 /.htaccess 无效：「.htaccess」是网站服务器的控制文件或目录名`},
		{"url web.config", `-- content/b.md --
+++
title = "乙"
date = 2026-01-02
url = "/Web.config"
+++
`, `content/b.md:4: url 中的网址 /Web.config 无效：「Web.config」`},
		{"alias .well-known", `-- content/b.md --
+++
title = "乙"
date = 2026-01-02

aliases = ["/old/", "/.well-known/security.txt"]
+++
`, `content/b.md:5: aliases 中的网址 /.well-known/security.txt 无效：「.well-known」`},
		{"alias web.config", `-- content/b.md --
+++
title = "乙"
date = 2026-01-02
aliases = ["/web.config"]
+++
`, `content/b.md:4: aliases 中的网址 /web.config 无效：「web.config」`},
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
