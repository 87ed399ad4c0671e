package site

import (
	"net/url"
	"strings"

	"github.com/fazhi-dev/fazhi/internal/config"
)

// ConacURL returns the link of the site's 党政机关网站标识: [identity]
// conacURL (or config.DefaultConacURL) with {id} replaced by conacID;
// "" when the site has no conacID.
func ConacURL(id config.Identity) string {
	if id.ConacID == "" {
		return ""
	}
	form := id.ConacURL
	if form == "" {
		form = config.DefaultConacURL
	}
	return strings.ReplaceAll(form, "{id}", url.QueryEscape(id.ConacID))
}

// FindErrorURL returns the 「我为政府网站找错」 link for the page at
// permalink (its absolute URL): [identity] findErrorURL (or
// config.DefaultFindErrorURL) with {siteCode} replaced by the 网站标识码
// and {url} by the page's address; "" when the site has no siteCode.
func FindErrorURL(id config.Identity, permalink string) string {
	if id.SiteCode == "" {
		return ""
	}
	form := id.FindErrorURL
	if form == "" {
		form = config.DefaultFindErrorURL
	}
	return strings.NewReplacer("{siteCode}", url.QueryEscape(id.SiteCode), "{url}", url.QueryEscape(permalink)).Replace(form)
}

// PoliceURL returns the public record page of the site's 公安机关备案号
// on the 全国互联网安全管理服务平台; "" when the number has no digits.
func PoliceURL(id config.Identity) string {
	code := id.PoliceCode()
	if code == "" {
		return ""
	}
	return "https://www.beian.gov.cn/portal/registerSystemInfo?recordcode=" + code
}
