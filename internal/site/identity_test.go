package site

import (
	"testing"

	"github.com/fazhi-dev/fazhi/internal/config"
)

func TestIdentityLinks(t *testing.T) {
	id := config.Identity{SiteCode: "9900000001", ConacID: "0A1B2C3D4E5F60718293A4B5C6D7E8F9", Police: "某公网安备 99010202000001号"}
	for _, c := range []struct{ name, got, want string }{
		{"conac", ConacURL(id), "https://bszs.conac.cn/sitename?method=show&id=0A1B2C3D4E5F60718293A4B5C6D7E8F9"},
		{"find error", FindErrorURL(id, "https://fzb.example.gov.cn/sub/"),
			"https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=9900000001&url=https%3A%2F%2Ffzb.example.gov.cn%2Fsub%2F"},
		{"police", PoliceURL(id), "https://www.beian.gov.cn/portal/registerSystemInfo?recordcode=99010202000001"},
		{"no conacID", ConacURL(config.Identity{SiteCode: "1"}), ""},
		{"no siteCode", FindErrorURL(config.Identity{ConacID: "1"}, "https://x.gov.cn/"), ""},
		{"no police digits", PoliceURL(config.Identity{Police: "某公网安备"}), ""},
		// The link forms are settings, because no official text fixes them.
		{"own conac form", ConacURL(config.Identity{ConacID: "a&b", ConacURL: "https://conac.example.cn/show/{id}"}), "https://conac.example.cn/show/a%26b"},
		{"own find-error form", FindErrorURL(config.Identity{SiteCode: "bm01000001", FindErrorURL: "https://jiucuo.example.cn/?code={siteCode}"}, "https://x.gov.cn/"),
			"https://jiucuo.example.cn/?code=bm01000001"},
	} {
		if c.got != c.want {
			t.Errorf("%s: %q, want %q", c.name, c.got, c.want)
		}
	}
}
