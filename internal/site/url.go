package site

import (
	"path"
	"strings"
)

// Slugify turns a name into a URL path segment: Chinese characters are
// kept, ASCII letters lower-cased, white space and separators become "-".
func Slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r == ' ' || r == '\t' || r == '\u3000' || r == '/' || r == '\\' || r == '_' || r == '-' || r == '?' || r == '#' || r == '%':
			dash = true
		case r < 0x20 || r == '"' || r == '<' || r == '>' || r == '\'' || r == '`':
			// dropped
		default:
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteRune(r)
		}
	}
	out := strings.Trim(b.String(), ".")
	if out == "" {
		return "_"
	}
	return out
}

// CleanURL normalises a URL path written by an author ("zhengce/a",
// "/zhengce/a/") to "/zhengce/a/". It reports false when the path would
// leave the site (a ".." segment) or is not a local path.
func CleanURL(u string) (string, bool) {
	u = strings.TrimSpace(u)
	if u == "" || strings.Contains(u, "://") || strings.HasPrefix(u, "//") || strings.ContainsAny(u, "\\\x00?#") {
		return "", false
	}
	for _, seg := range strings.Split(u, "/") {
		if seg == ".." || seg == "." && u != "." {
			return "", false
		}
	}
	c := path.Clean("/" + u)
	if path.Ext(c) == "" {
		if c != "/" {
			c += "/"
		}
	}
	return c, true
}

// OutputPath returns the file a URL is written to: "/a/" → "a/index.html",
// "/a/b.html" → "a/b.html".
func OutputPath(u string) string {
	p := strings.TrimPrefix(u, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	return p
}
