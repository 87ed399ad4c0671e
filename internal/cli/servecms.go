package cli

import (
	"errors"
	"net"
	"net/http"
	"path/filepath"
	"strings"

	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/cms"
	"github.com/fazhi-dev/fazhi/internal/serve"
)

// cmsHandler returns the handler of fazhi serve --cms: the editor at
// /admin/ over the served site. The editor writes into the site folder,
// so it needs [cms] enable = true and a loopback address.
func cmsHandler(srv *serve.Server, session *build.Session, o build.Options, site, bind string) (http.Handler, error) {
	if ip := net.ParseIP(strings.Trim(bind, "[]")); ip == nil || !ip.IsLoopback() {
		return nil, errors.New("网页编辑器会写入站点文件夹，只能在本机地址上提供：请去掉 --bind，或写 --bind 127.0.0.1 (the editor needs a loopback --bind)")
	}
	if !session.Site().Config.CMS.Enable {
		return nil, errors.New("site.toml 没有打开网页编辑器：请在 site.toml 中加上\n[cms]\nenable = true\n([cms] enable = true is needed)")
	}
	dir, err := cms.Decap.Find(site)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(site)
	if err != nil {
		return nil, err
	}
	return srv.WithCMS(&serve.CMS{Site: abs, Decap: dir, Build: o}), nil
}
