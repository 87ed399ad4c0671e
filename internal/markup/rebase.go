package markup

import (
	"path"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/fazhi-dev/fazhi/internal/markup/statute"
)

// rebase rewrites link and image destinations for where the page is
// published. A relative destination ("file.pdf", "../b/") is made
// site-absolute against folder when folder is set: a page published as a
// file ("/zhengce/a.html") resolves links the way the same page published
// as a folder ("/zhengce/a/") does, so its bundle files and the links its
// author wrote keep working in either URL style. Then root-relative
// destinations ("/zhengce/a/") get the site's base path, so that a site
// served from a sub-path keeps working links.
func rebase(doc ast.Node, base, folder string) {
	if base == "/" {
		base = ""
	}
	if base == "" && folder == "" {
		return
	}
	fix := func(dest []byte) []byte { return []byte(rebaseDest(string(dest), base, folder)) }
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			n.Destination = fix(n.Destination)
		case *ast.Image:
			n.Destination = fix(n.Destination)
		case *statute.XRef:
			n.Destination = fix(n.Destination)
		}
		return ast.WalkContinue, nil
	})
}

// rebaseDest rewrites one destination for rebase (base is "" or ends in
// "/"; see rebase).
func rebaseDest(s, base, folder string) string {
	if folder != "" {
		s = absolute(folder, s)
	}
	if base != "" && strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//") {
		s = strings.TrimSuffix(base, "/") + s
	}
	return s
}

// absolute resolves a relative destination against folder (which ends in
// "/"), keeping its query and fragment. Empty, fragment-only, query-only,
// root-relative, scheme-relative and absolute destinations are returned
// as they are, as is one that would climb above the site root.
func absolute(folder, dest string) string {
	if dest == "" || strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "#") ||
		strings.HasPrefix(dest, "?") || HasScheme(dest) {
		return dest
	}
	p, rest := dest, ""
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		p, rest = dest[:i], dest[i:]
	}
	out := ResolvePath(folder, p)
	if out == "" {
		return dest
	}
	return out + rest
}

// ResolvePath turns the link path u (no query or fragment) into a site
// address the way a browser does on the page at base: a relative path
// starts from base when base ends in "/", else from base's folder. The
// result is cleaned and ends in "/" when u names a folder ("a/", "..").
// It is "" when the path climbs above the site root.
func ResolvePath(base, u string) string {
	if !strings.HasPrefix(u, "/") {
		dir := base
		if !strings.HasSuffix(dir, "/") {
			dir = path.Dir(dir) + "/"
		}
		u = dir + u
	}
	depth := 0
	for _, seg := range strings.Split(u, "/") {
		switch seg {
		case "..":
			depth--
		case "", ".":
		default:
			depth++
		}
		if depth < 0 {
			return ""
		}
	}
	out := path.Clean(u)
	if out != "/" && (strings.HasSuffix(u, "/") || strings.HasSuffix(u, "/.") || strings.HasSuffix(u, "/..")) {
		out += "/"
	}
	return out
}
