package cms

import (
	_ "embed"
	"errors"
	"html"
	"strings"

	"github.com/fazhi-dev/fazhi/internal/site"
	"github.com/fazhi-dev/fazhi/internal/toolbin"
)

// AdminPath is the URL path of the editor.
const AdminPath = "/admin/"

// DecapDir is the folder of Decap CMS's files below /admin/.
const DecapDir = "decap-cms"

// ScriptName is fazhi's script of the editor, beside index.html.
const ScriptName = "fazhi-cms.js"

// Script registers the preview: in fazhi serve --cms, each entry is
// posted to the server, which renders it with fazhi's templates; on a
// static host, Decap's own preview with the site's stylesheet. It holds
// no rule of the content model.
//
//go:embed fazhi-cms.js
var Script []byte

// PreviewName is the file name under which a new entry, which has no
// path yet, is previewed in its column.
const PreviewName = "fazhi-preview.md"

// DecapVersion is the pinned Decap CMS release (package.json).
const DecapVersion = "3.16.3"

// EnvVar names the environment variable that may point at Decap CMS's
// dist folder.
const EnvVar = "FAZHI_DECAP_CMS"

// ErrNotFound is returned when Decap CMS cannot be found.
var ErrNotFound = errors.New("找不到 Decap CMS：请设置环境变量 FAZHI_DECAP_CMS 指向 decap-cms 的 dist 文件夹（含 decap-cms.js），或把发布包里的 decap-cms 文件夹放在 fazhi 程序旁边；在 fazhi 源码目录里运行 make 会安装它 (Decap CMS not found: set FAZHI_DECAP_CMS or put the decap-cms folder beside the fazhi binary)")

// NPMPath is the dist folder of the pinned npm package.
const NPMPath = "node_modules/decap-cms/dist"

// Decap says where Decap CMS is found: $FAZHI_DECAP_CMS, then a decap-cms
// folder beside the fazhi binary, never the site folder and never a CDN.
var Decap = toolbin.Tool{
	Label: "Decap CMS", Env: EnvVar, Folder: "decap-cms.js", NPMPath: NPMPath,
	Beside:   []string{DecapDir, NPMPath},
	NotFound: ErrNotFound,
}

// Collections returns the names of the column collections, the ones
// previewed as pages.
func Collections(cols []Column) []string {
	var out []string
	for _, c := range cols {
		if c.Type != site.TypeEnforcement {
			out = append(out, collectionName(c.Path))
		}
	}
	return out
}

// IndexHTML returns admin/index.html. serverPreview selects the preview
// rendered by fazhi serve; otherwise Decap's preview is styled with the
// stylesheet at css (a CSS-only preview for a static host). The page is
// never linked from the site and asks search engines not to index it.
func IndexHTML(title string, collections []string, serverPreview bool, css string) []byte {
	mode := "css"
	if serverPreview {
		mode = "server"
	}
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"zh-CN\" data-fazhi-preview=\"" + mode + "\"")
	b.WriteString(" data-fazhi-collections=\"" + html.EscapeString(strings.Join(collections, " ")) + "\"")
	if css != "" {
		b.WriteString(" data-fazhi-css=\"" + html.EscapeString(css) + "\"")
	}
	b.WriteString(">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"robots\" content=\"noindex, nofollow\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	b.WriteString("<title>内容编辑 · " + html.EscapeString(title) + "</title>\n")
	b.WriteString("<link href=\"config.yml\" type=\"text/yaml\" rel=\"cms-config-url\">\n</head>\n<body>\n")
	b.WriteString("<script src=\"" + DecapDir + "/decap-cms.js\"></script>\n")
	b.WriteString("<script src=\"" + ScriptName + "\"></script>\n</body>\n</html>\n")
	return []byte(b.String())
}
