package config

import (
	"path"
	"strings"

	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/tomlpos"
)

// emblemTypes are the image types an emblem may have.
var emblemTypes = map[string]bool{".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true, ".svg": true, ".avif": true}

// check reports the identity settings that cannot work: a link form
// without its placeholder or not on the web, an emblem that is no image
// path of the site.
func (id Identity) check(pos *tomlpos.Index) diag.List {
	var errs diag.List
	web := func(u string) bool { return strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") }
	if id.ConacURL != "" && (!web(id.ConacURL) || !strings.Contains(id.ConacURL, "{id}")) {
		errs = append(errs, diag.New(FileName, pos.Line("identity.conacURL"),
			"[identity] conacURL = \"%s\" 无效：应为以 https:// 开头、含有 {id} 的网址，{id} 处换成 conacID，如 conacURL = \"%s\"；用默认的网址时删去这一行 (conacURL needs {id})", id.ConacURL, DefaultConacURL))
	}
	if id.FindErrorURL != "" && (!web(id.FindErrorURL) || !strings.Contains(id.FindErrorURL, "{siteCode}")) {
		errs = append(errs, diag.New(FileName, pos.Line("identity.findErrorURL"),
			"[identity] findErrorURL = \"%s\" 无效：应为以 https:// 开头、含有 {siteCode} 的网址（{url} 处换成当前网页的网址，可不写），如 findErrorURL = \"%s\"；用默认的网址时删去这一行 (findErrorURL needs {siteCode})", id.FindErrorURL, DefaultFindErrorURL))
	}
	if e := id.Emblem; e != "" && (!strings.HasPrefix(e, "/") || strings.HasPrefix(e, "//") || strings.Contains(e, "..") || strings.Contains(e, "\\") || !emblemTypes[strings.ToLower(path.Ext(e))]) {
		errs = append(errs, diag.New(FileName, pos.Line("identity.emblem"),
			"[identity] emblem = \"%s\" 无效：应为网站 static 文件夹里的图片（png、jpg、gif、webp、svg），以 / 开头，如图片放在 static/images/guohui.png 时写 emblem = \"/images/guohui.png\" (emblem must be an image path of the site)", e))
	}
	return errs
}
