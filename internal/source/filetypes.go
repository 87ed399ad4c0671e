package source

import (
	"path"
	"strings"
)

// Published is the allow-list of file types that content/ may hold besides
// Markdown: documents, images, archives, plain text, audio and video. Any
// other file is refused, because whatever is copied from content/ is
// served from the site's own origin: an .html, .svg or .js file there runs
// its script as the portal (defacement, stolen sessions of other sites on
// the same domain). Keys are lower-case extensions without the dot.
var Published = map[string]bool{
	// Documents: PDF and OFD (the national layout format), Word, Excel,
	// PowerPoint, WPS Office (wps, et, dps), OpenDocument, RTF, e-books.
	"pdf": true, "ofd": true, "doc": true, "docx": true, "xls": true, "xlsx": true,
	"ppt": true, "pptx": true, "wps": true, "et": true, "dps": true,
	"odt": true, "ods": true, "odp": true, "rtf": true, "ceb": true, "caj": true,
	// Archives.
	"zip": true, "rar": true, "7z": true, "gz": true, "tgz": true,
	// Plain text and data.
	"txt": true, "csv": true, "json": true, "md": true,
	// Images (SVG is not one of them: see Check).
	"png": true, "jpg": true, "jpeg": true, "gif": true, "webp": true, "bmp": true,
	"avif": true, "tif": true, "tiff": true, "ico": true,
	// Audio and video.
	"mp3": true, "m4a": true, "wav": true, "ogg": true, "aac": true,
	"mp4": true, "m4v": true, "webm": true, "mov": true,
}

// controlNames are files a web server or hosting service reads as its own
// configuration, whatever folder they are in; lower-case.
var controlNames = map[string]bool{
	".htaccess": true, ".htpasswd": true, "web.config": true, ".user.ini": true, "php.ini": true,
	"_headers": true, "_redirects": true, "_routes.json": true, "staticwebapp.config.json": true,
	"vercel.json": true, "netlify.toml": true, "nginx.conf": true,
}

// housekeeping are files and folders that editors, version control and
// operating systems leave behind. They are skipped without a word: none is
// meant for readers.
var housekeeping = map[string]bool{
	".git": true, ".gitkeep": true, ".gitignore": true, ".gitattributes": true, ".keep": true,
	".svn": true, ".hg": true, ".ds_store": true, ".vscode": true, ".idea": true,
	"thumbs.db": true, "desktop.ini": true,
}

// activeTypes are extensions of files that a browser or a server runs.
var activeTypes = map[string]bool{
	"html": true, "htm": true, "xhtml": true, "shtml": true, "xht": true, "mht": true, "mhtml": true,
	"xml": true, "xsl": true, "xslt": true, "js": true, "mjs": true, "cjs": true, "css": true,
	"php": true, "asp": true, "aspx": true, "jsp": true, "cgi": true, "pl": true, "py": true,
	"swf": true, "wasm": true,
}

// scratchSuffixes end the names of editors' swap, backup and temporary
// files (vim, Emacs, Word, browsers' partial downloads).
var scratchSuffixes = []string{"~", ".swp", ".swo", ".swx", ".tmp", ".bak", ".part", ".crdownload"}

// Ignored reports whether a file or folder name under content/ is
// housekeeping that is skipped without a word: version control and
// operating-system files (.git, Thumbs.db, macOS's ._ copies), the ~$ lock
// files Office writes beside an open document, and editors' scratch
// files, which come and go while fazhi serve is watching.
func Ignored(name string) bool {
	lower := strings.ToLower(name)
	if housekeeping[lower] || strings.HasPrefix(name, "~$") || strings.HasPrefix(name, "._") ||
		strings.HasPrefix(name, ".#") || (strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#")) || name == "4913" {
		return true
	}
	for _, s := range scratchSuffixes {
		if strings.HasSuffix(lower, s) {
			return true
		}
	}
	return false
}

// Check reports why a file of content/ (its path relative to content/)
// may not be published, or "" when it may. The reason says in plain
// Chinese what to do instead.
func Check(rel string) string {
	name := path.Base(rel)
	lower := strings.ToLower(name)
	ext := strings.TrimPrefix(path.Ext(lower), ".")
	switch {
	case controlNames[lower]:
		return "「" + name + "」是网站服务器的配置文件，放在 content 里会改变整个网站的行为（甚至让网站无法访问），不能发布：请删除它；服务器的设置请网站管理员在服务器上配置 (server configuration file; not published)"
	case strings.HasPrefix(name, "."):
		return "以「.」开头的文件或文件夹不会发布，也常是服务器或软件的配置文件：请删除它，或改一个不以「.」开头的名字 (hidden files are not published)"
	case ext == "svg":
		return "SVG 图片可以带脚本，在网站上打开时会以本网站的身份运行，不能放在 content 里：请另存为 PNG 或 JPG 图片；需要提供矢量原图时，把它压缩成 ZIP 再作为附件 (SVG can carry script; save it as PNG, or zip it)"
	case activeTypes[ext]:
		return "「." + ext + "」是网页、脚本或样式文件，放在 content 里会在本网站的域名下运行，不能发布：正文请写成 Markdown（.md）；网页模板和脚本属于主题，由网站管理员放在 layouts/ 或 static/ 里；只想提供下载时，把它压缩成 ZIP (web pages, scripts and styles are not published from content/)"
	case Published[ext]:
		return ""
	case ext == "":
		return "「" + name + "」没有扩展名，不知道是什么文件，不能发布：content 里只能放 Markdown 正文和" + allowedWords + " (file without extension)"
	}
	return "不支持「." + ext + "」文件：content 里只能放 Markdown 正文和" + allowedWords + "。请转换成其中一种格式，或压缩成 ZIP (file type not allowed in content/)"
}

// allowedWords lists the allowed types the way an author knows them.
const allowedWords = "文档（pdf、ofd、doc、docx、xls、xlsx、wps、et、dps、ppt、pptx）、图片（png、jpg、gif、webp、bmp）、压缩包（zip、rar、7z）、纯文本（txt、csv、json）和音视频（mp3、mp4）"
