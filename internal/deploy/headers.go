package deploy

import (
	"path"
	"regexp"
	"strings"

	"github.com/fazhi-dev/fazhi/internal/config"
	"github.com/fazhi-dev/fazhi/internal/publish"
)

// Default Cache-Control values.
const (
	CacheImmutable = "public, max-age=31536000, immutable"
	CacheShort     = "public, max-age=300"
	CacheOther     = "public, max-age=3600"
)

// contentTypes is fixed here rather than read from the system's MIME
// tables, so that every machine sends the same headers.
var contentTypes = map[string]string{
	".html": "text/html", ".htm": "text/html", ".css": "text/css", ".js": "text/javascript",
	".mjs": "text/javascript", ".json": "application/json", ".xml": "application/xml",
	".txt": "text/plain", ".csv": "text/csv", ".md": "text/markdown", ".ics": "text/calendar",
	".svg": "image/svg+xml", ".webmanifest": "application/manifest+json", ".map": "application/json",
	".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
	".webp": "image/webp", ".avif": "image/avif", ".ico": "image/x-icon", ".bmp": "image/bmp",
	".woff": "font/woff", ".woff2": "font/woff2", ".ttf": "font/ttf", ".otf": "font/otf",
	".pdf": "application/pdf", ".ofd": "application/ofd", ".zip": "application/zip",
	".doc": "application/msword", ".xls": "application/vnd.ms-excel", ".ppt": "application/vnd.ms-powerpoint",
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
	".wps":  "application/vnd.ms-works", ".et": "application/vnd.ms-excel", ".rar": "application/vnd.rar",
	".7z": "application/x-7z-compressed", ".mp3": "audio/mpeg", ".mp4": "video/mp4", ".webm": "video/webm",
	".wasm": "application/wasm", ".gz": "application/gzip", ".br": "application/octet-stream",
	".rss": "application/rss+xml", ".atom": "application/atom+xml",
}

// Headers decides the Content-Type and Cache-Control of each file.
type Headers struct {
	CacheControl config.CacheControl
	ContentTypes map[string]string
}

// ContentType returns the Content-Type of name, with charset=utf-8 for
// text.
func (h *Headers) ContentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	ct, ok := h.ContentTypes[ext]
	if !ok {
		ct, ok = contentTypes[ext]
	}
	if !ok {
		return "application/octet-stream"
	}
	if strings.Contains(ct, "charset") {
		return ct
	}
	if strings.HasPrefix(ct, "text/") || ct == "application/json" || ct == "application/xml" ||
		ct == "image/svg+xml" || ct == "application/manifest+json" || strings.HasSuffix(ct, "+xml") {
		ct += "; charset=utf-8"
	}
	return ct
}

// fingerprint matches a name that carries a content hash ("main.0123456789.css").
var fingerprint = regexp.MustCompile(`[._-][0-9a-f]{8,}\.[a-z0-9]+$`)

// CacheControlFor returns the Cache-Control of name.
func (h *Headers) CacheControlFor(name string) string {
	pick := func(v, def string) string {
		if v != "" {
			return v
		}
		return def
	}
	switch class(name) {
	case classImmutable:
		return pick(h.CacheControl.Immutable, CacheImmutable)
	case classShort:
		return pick(h.CacheControl.Short, CacheShort)
	}
	return pick(h.CacheControl.Other, CacheOther)
}

const (
	classImmutable = iota
	classShort
	classOther
)

func class(name string) int {
	base := path.Base(name)
	ext := strings.ToLower(path.Ext(name))
	switch {
	case name == publish.ManifestName || name == publish.SignatureName:
		return classShort
	case ext == ".html" || ext == ".htm" || ext == ".xml" || ext == ".rss" || ext == ".atom" || ext == ".ics" || ext == ".txt":
		return classShort
	case strings.HasPrefix(name, "pagefind/"):
		// Pagefind's fragments and index chunks are named by their hash;
		// its entry points (pagefind.js, pagefind-entry.json, the UI)
		// keep their names.
		dir := path.Dir(name)
		if dir == "pagefind/fragment" || dir == "pagefind/index" || dir == "pagefind/filter" || fingerprint.MatchString(base) {
			return classImmutable
		}
		return classShort
	case fingerprint.MatchString(base):
		return classImmutable
	case ext == ".json" || ext == ".webmanifest":
		return classShort
	}
	return classOther
}

// compressedSibling reports whether name is a precompressed copy
// ("a.html.gz") of another file of the build.
func compressedSibling(name string, files map[string]bool) bool {
	for _, ext := range []string{".gz", ".br"} {
		if base, ok := strings.CutSuffix(name, ext); ok && files[base] {
			return true
		}
	}
	return false
}

// isHTML reports whether name is a page.
func isHTML(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".html" || ext == ".htm"
}

// kept reports whether name matches one of the [deploy] keep patterns.
func kept(name string, keep []string) bool {
	for _, k := range keep {
		if ok, _ := path.Match(k, name); ok {
			return true
		}
	}
	return false
}
