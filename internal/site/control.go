package site

import "strings"

// controlNames are file names that web servers and static hosts read as
// their own configuration when they lie in the published folder: an HTML
// page written under one of these names breaks or reconfigures the whole
// site (Apache, IIS, PHP, Flash and Silverlight policies, Netlify,
// Cloudflare Pages, Azure Static Web Apps). Names starting with "." —
// .htaccess, .htpasswd, .user.ini, .well-known, .git — are refused as a
// rule of their own.
var controlNames = map[string]bool{
	"web.config":               true,
	"php.ini":                  true,
	"crossdomain.xml":          true,
	"clientaccesspolicy.xml":   true,
	"_redirects":               true,
	"_headers":                 true,
	"_routes.json":             true,
	"staticwebapp.config.json": true,
}

// ControlSegment returns the first segment of the URL path u that names a
// server control file or folder: one that starts with "." or is in
// controlNames (compared without case, as IIS and Windows do). It returns
// "" when u has none. Such a URL is refused for a page's url, slug and
// aliases.
func ControlSegment(u string) string {
	for _, seg := range strings.Split(u, "/") {
		if strings.HasPrefix(seg, ".") || controlNames[strings.ToLower(seg)] {
			return seg
		}
	}
	return ""
}

// controlMessage explains why the URL u of front matter key (url, slug or
// aliases) is refused: seg is its control segment.
func controlMessage(key, u, seg string) string {
	return key + " 中的网址 " + u + " 无效：「" + seg + "」是网站服务器的控制文件或目录名（以「.」开头的名称、web.config 等），" +
		"页面写到这里会改变或破坏整个网站的服务器设置；请换一个网址 (URL names a server control file)"
}
