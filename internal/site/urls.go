package site

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/fazhi-dev/fazhi/internal/config"
	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/frontmatter"
)

func emptyMeta() *frontmatter.Meta {
	return &frontmatter.Meta{Lines: func(string) int { return 0 }}
}

// Reserved URL prefixes inside a column, used by generated pages.
var reservedSegments = map[string]bool{"page": true, "archive": true, "hearings": true, "issuer": true, "year": true, "topic": true}

// assignURLs gives every page its URL and checks that no two pages, aliases
// or generated lists claim the same one and that none leaves the site.
func (s *Site) assignURLs() error {
	var errs diag.List
	owners := map[string]string{"/": s.Home.SourcePath()}
	// claim takes u for owner; on a clash the error names file and the
	// line of key in page p's front matter (p is nil for a column index).
	// The line is only looked up then: most pages never need it.
	claim := func(u, owner, file string, p *Page, key string) {
		if prev, ok := owners[u]; ok && prev != owner {
			line := 0
			if p != nil {
				line = p.Line(key)
			}
			errs = append(errs, diag.New(file, line,
				"网址 %s 与 %s 重复：两个页面不能使用同一个网址，请修改其中一个的 slug 或 url (two pages claim one URL)", u, prev))
			return
		}
		owners[u] = owner
	}
	paths := make([]string, 0, len(s.SectionByPath))
	for p := range s.SectionByPath {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		sec := s.SectionByPath[p]
		sec.Index.URL = "/" + urlPath(sec.Path) + "/"
		claim(sec.Index.URL, sec.Index.SourcePath(), sec.Index.SourcePath(), nil, "")
	}
	for _, p := range s.Pages {
		file := p.SourcePath()
		m := p.Meta
		switch {
		case m.URL != "":
			u, ok := CleanURL(m.URL)
			if !ok {
				errs = append(errs, diag.New(file, p.Line("url"),
					"url = \"%s\" 无效：网址不能含有「..」或协议名，应写成站内路径，如 url = \"/zhengce/2024-banfa/\" (url escapes the site)", m.URL))
				continue
			}
			p.URL = u
		default:
			slug := p.File.Name()
			if m.Slug != "" {
				if strings.ContainsAny(m.Slug, "/\\") || strings.Contains(m.Slug, "..") || strings.TrimSpace(m.Slug) == "" {
					errs = append(errs, diag.New(file, p.Line("slug"),
						"slug = \"%s\" 无效：slug 只是网址的最后一段，不能含有「/」或「..」，如 slug = \"xingzheng-fuyi\" (slug escapes its folder)", m.Slug))
					continue
				}
				slug = m.Slug
			}
			p.URL = PageURL(p.File.Dir, slug, s.Config.URLStyle)
		}
		if seg := firstSegmentInColumn(p); reservedSegments[seg] {
			errs = append(errs, diag.New(file, p.Line("slug"),
				"网址 %s 与自动生成的列表页冲突：「%s」是保留名称，请换一个 slug (reserved URL)", p.URL, seg))
		}
		claim(p.URL, file, file, p, "url")
	}
	for _, p := range s.Pages {
		for _, a := range p.Aliases {
			u, ok := CleanURL(a)
			if !ok {
				errs = append(errs, diag.New(p.SourcePath(), p.Line("aliases"),
					"别名 aliases 中的「%s」无效：不能含有「..」或协议名，应写成站内旧网址，如 \"/old/path/\" (alias escapes the site)", a))
				continue
			}
			claim(u, p.SourcePath(), p.SourcePath(), p, "aliases")
		}
	}
	return errs.Err()
}

// firstSegmentInColumn returns the URL segment after the column folder.
func firstSegmentInColumn(p *Page) string {
	if p.Section == nil {
		return ""
	}
	rest := strings.TrimPrefix(p.URL, p.Section.Index.URL)
	if rest == p.URL {
		return ""
	}
	seg, _, _ := strings.Cut(rest, "/")
	return seg
}

// PageURL returns the URL of a content page in the content folder dir
// with the given slug (or file name): "/zhengce/banfa/" in the "dir" URL
// style, "/zhengce/banfa.html" in the "html" style. Folder names and the
// slug are slugified.
func PageURL(dir, slug, style string) string {
	d := urlPath(dir)
	if d != "" {
		d += "/"
	}
	if style == config.URLStyleHTML {
		return "/" + d + Slugify(slug) + ".html"
	}
	return "/" + d + Slugify(slug) + "/"
}

// FolderURL returns the folder a page's bundle files are published in and
// its relative links are resolved against: the URL itself when it ends in
// "/", else the URL without its extension plus "/" ("/zhengce/banfa.html"
// → "/zhengce/banfa/").
func FolderURL(u string) string {
	if u == "" || strings.HasSuffix(u, "/") {
		return u
	}
	return strings.TrimSuffix(u, path.Ext(u)) + "/"
}

// Folder returns FolderURL of the page's URL: where its bundle files are
// published.
func (p *Page) Folder() string { return FolderURL(p.URL) }

// LinkBase returns the URL against which the relative links in the page's
// Markdown are resolved, so that they follow the layout of the content
// files: a bundle page (<name>/index.md) resolves them from its folder,
// where its files are, whatever its URL style; any other page from its
// own URL, as a browser does.
func (p *Page) LinkBase() string {
	if p.File.Bundle {
		return p.Folder()
	}
	return p.URL
}

func urlPath(dir string) string {
	if dir == "" {
		return ""
	}
	parts := strings.Split(dir, "/")
	for i, p := range parts {
		parts[i] = Slugify(p)
	}
	return path.Join(parts...)
}

// TermURL returns the URL of a taxonomy term: "/tags/<slug>/".
func TermURL(taxonomy, name string) string {
	return fmt.Sprintf("/%s/%s/", taxonomy, Slugify(name))
}
