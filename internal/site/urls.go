package site

import (
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/fazhi-dev/fazhi/internal/config"
	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/frontmatter"
	"github.com/fazhi-dev/fazhi/internal/markup"
	"github.com/fazhi-dev/fazhi/internal/source"
)

func emptyMeta() *frontmatter.Meta {
	return &frontmatter.Meta{Lines: func(string) int { return 0 }}
}

// ColumnList is a page or file that fazhi generates inside every column
// (or every column of one type) at a fixed URL segment.
type ColumnList string

// The lists generated inside a column. A new generated list gets its
// segment here and in ColumnLists; it is then reserved, so that no
// content page can take its URL.
const (
	ListPager    ColumnList = "page"     // /zhengce/page/2/
	ListArchive  ColumnList = "archive"  // /gonggao/archive/: ended notices
	ListHearings ColumnList = "hearings" // /gonggao/hearings/: hearing schedule
	ListIssuer   ColumnList = "issuer"   // /zhengce/issuer/<发文机关>/
	ListYear     ColumnList = "year"     // /zhengce/year/2024/
	ListTopic    ColumnList = "topic"    // /zhengce/topic/<主题>/
	ListStatus   ColumnList = "status"   // /zhengce/status/有效/: policies by 有效性
	ListGenre    ColumnList = "genre"    // /zhengce/genre/<体裁>/
	// ListCategory and ListAuthority filter an enforcement column by
	// 处罚类别 (许可类别) and by 处罚机关 (许可机关); ListYear by year.
	ListCategory  ColumnList = "category"  // /zhifa/chufa/category/罚款/
	ListAuthority ColumnList = "authority" // /zhifa/chufa/authority/<处罚机关>/
	// ListStats is an enforcement column's statistics: every year at
	// stats/, one year at stats/<year>/ (StatsURL).
	ListStats ColumnList = "stats" // /zhifa/chufa/stats/2024/
	// FileDataCSV and FileDataJSON are an enforcement column's open data:
	// the decisions public at the build, names masked.
	FileDataCSV  ColumnList = "data.csv"     // /zhifa/chufa/data.csv
	FileDataJSON ColumnList = "data.json"    // /zhifa/chufa/data.json
	FileFeed     ColumnList = "feed.xml"     // /zhengce/feed.xml: the column's Atom feed
	FileIndex    ColumnList = "index.json"   // /zhengce/index.json: the policy catalogue
	FileCalendar ColumnList = "hearings.ics" // /gonggao/hearings.ics: the hearing calendar
	// ListCompare is generated inside a page's folder rather than a
	// column's: /zhengce/banfa-2026/compare/ compares a version of a
	// revised document with the previous one.
	ListCompare ColumnList = "compare"
)

// ColumnLists is the one table of URLs that fazhi generates inside a
// column; their segments are reserved for it.
var ColumnLists = []ColumnList{ListPager, ListArchive, ListHearings, ListIssuer, ListYear, ListTopic, ListStatus, ListGenre, ListCategory, ListAuthority, ListStats, FileDataCSV, FileDataJSON, FileFeed, FileIndex, FileCalendar, ListCompare}

// reservedSegments follows from ColumnLists.
var reservedSegments = func() map[string]bool {
	m := make(map[string]bool, len(ColumnLists))
	for _, l := range ColumnLists {
		m[string(l)] = true
	}
	return m
}()

// Reserved reports whether seg, the first URL segment inside a column, is
// taken by a generated list.
func Reserved(seg string) bool { return reservedSegments[seg] }

// In returns the list's URL in the column at column ("/gonggao/"):
// "/gonggao/archive/" for a list, "/gonggao/hearings.ics" for a file.
func (l ColumnList) In(column string) string {
	if path.Ext(string(l)) != "" {
		return column + string(l)
	}
	return column + string(l) + "/"
}

// Term returns the URL of one entry of a browse list in the column at
// column: ListIssuer.Term("/zhengce/", "市司法局") is
// "/zhengce/issuer/市司法局/".
func (l ColumnList) Term(column, name string) string {
	return l.In(column) + Slugify(name) + "/"
}

// StatsURL returns the URL of the statistics of year in the enforcement
// column at column: StatsURL("/zhifa/chufa/", 2024) is
// "/zhifa/chufa/stats/2024/".
func StatsURL(column string, year int) string {
	return ListStats.In(column) + strconv.Itoa(year) + "/"
}

// PagerURL returns the URL of pager page n of a list at base: page 1 is
// base itself, the others base + "page/N/".
func PagerURL(base string, n int) string {
	if n <= 1 {
		return base
	}
	return ListPager.In(base) + strconv.Itoa(n) + "/"
}

// Site-wide generated pages and files.
const (
	HomeURL     = "/"
	SearchURL   = "/search/"
	NotFoundURL = "/404.html"
	FeedURL     = "/feed.xml"
	SitemapURL  = "/sitemap.xml"
	// SitemapPageURL is the HTML 网站地图 for readers (the XML sitemap
	// is for crawlers). No content page may take it.
	SitemapPageURL = "/sitemap/"
	// FeedStyleURL is the stylesheet that makes the Atom feeds readable
	// in a browser (a file of the theme's static/ folder).
	FeedStyleURL = "/feed.css"
	// TaxTags and TaxSeries name the taxonomies, and are the first
	// segment of their URLs ("/tags/", "/series/<name>/").
	TaxTags   = "tags"
	TaxSeries = "series"
)

// TaxonomyURL returns the URL of a taxonomy's list of terms: "/tags/".
func TaxonomyURL(taxonomy string) string { return "/" + taxonomy + "/" }

// assignURLs gives every page its URL and checks that no two pages, aliases
// or generated lists claim the same one and that none leaves the site.
func (s *Site) assignURLs() error {
	var errs diag.List
	owners := map[string]string{"/": s.Home.SourcePath()}
	// Pages that fazhi generates at fixed URLs of their own.
	owners[SitemapPageURL] = "自动生成的网站地图"
	// claim takes u for owner; on a clash the error names file and the
	// line that line returns (a key's line in the front matter, a row of
	// a data file). The line is only looked up then: most pages never
	// need it.
	// A URL is a folder of the output: its name must exist on Windows
	// and macOS, and differ from every other URL in more than case.
	folds := source.Folds{}
	folds.Add(SitemapPageURL)
	// fix says what to change on a clash: a page's slug or url, or for
	// a row of a data file its 文号.
	const pageFix = "请修改其中一个的 slug 或 url"
	claimFix := func(u, owner, file string, line func() int, fix string) {
		if prev, ok := owners[u]; ok {
			if prev != owner {
				errs = append(errs, diag.New(file, line(),
					"网址 %s 与 %s 重复：两个页面不能使用同一个网址，%s (two pages claim one URL)", u, prev, fix))
			}
			return
		}
		owners[u] = owner
		if why := source.PathProblem(strings.Trim(u, "/")); why != "" {
			errs = append(errs, diag.New(file, line(), "网址 %s 不能用作输出文件夹的名字：%s", u, why))
			return
		}
		if first := folds.Add(u); first != "" {
			errs = append(errs, diag.New(file, line(),
				"网址 %s 与 %s（%s）只有大小写不同：在 Windows 和 macOS 上它们是同一个文件夹，一个页面会覆盖另一个，%s (URLs differ only in case)", u, first, owners[first], fix))
		}
	}
	claim := func(u, owner, file string, line func() int) { claimFix(u, owner, file, line, pageFix) }
	paths := make([]string, 0, len(s.SectionByPath))
	for p := range s.SectionByPath {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		sec := s.SectionByPath[p]
		sec.Index.URL = "/" + urlPath(sec.Path) + "/"
		claim(sec.Index.URL, sec.Index.SourcePath(), sec.Index.SourcePath(), noLine)
	}
	for _, p := range paths {
		e := s.SectionByPath[p].Enforcement
		if e == nil {
			continue
		}
		for _, d := range e.Pages {
			line := d.Line
			claimFix(d.URL, e.Data+":"+strconv.Itoa(line), e.Data, func() int { return line },
				"请核对这一行的文号「"+d.Number+"」：网址由文号得出，其中的大小写不作区分，空格、斜杠「/」和连字符「-」都写成「-」，所以两个文号只在这些地方不同时会得出同一个网址")
		}
	}
	for _, p := range s.Pages {
		file := p.SourcePath()
		u, bad := ContentURL(p.File.Dir, p.File.Name(), p.Meta, s.Config.URLStyle)
		switch bad {
		case "url":
			errs = append(errs, diag.New(file, p.Line("url"),
				"url = \"%s\" 无效：网址不能含有「..」或协议名，应写成站内路径，如 url = \"/zhengce/2024-banfa/\" (url escapes the site)", p.Meta.URL))
			continue
		case "slug":
			errs = append(errs, diag.New(file, p.Line("slug"),
				"slug = \"%s\" 无效：slug 只是网址的最后一段，不能含有「/」或「..」，如 slug = \"xingzheng-fuyi\" (slug escapes its folder)", p.Meta.Slug))
			continue
		}
		if seg := ControlSegment(u); seg != "" {
			key := "url"
			if p.Meta.URL == "" {
				key = "slug"
			}
			errs = append(errs, diag.New(file, p.Line(key), "%s", controlMessage(key, u, seg)))
			continue
		}
		p.URL = u
		if seg := firstSegmentInColumn(p); Reserved(seg) {
			errs = append(errs, diag.New(file, p.Line("slug"),
				"网址 %s 与自动生成的列表页冲突：「%s」是保留名称，请换一个 slug (reserved URL)", p.URL, seg))
		}
		key := "url"
		if p.Meta.URL == "" && p.Meta.Slug != "" {
			key = "slug"
		}
		claim(p.URL, file, file, func() int { return p.Line(key) })
		if p.Meta.Policy != nil && p.Meta.Policy.Revises != "" {
			claim(CompareURL(p.URL), file, file, func() int { return p.Line("policy.revises") })
		}
	}
	for _, p := range s.Pages {
		for _, a := range p.Aliases {
			u, ok := CleanURL(a)
			if !ok {
				errs = append(errs, diag.New(p.SourcePath(), p.Line("aliases"),
					"别名 aliases 中的「%s」无效：不能含有「..」或协议名，应写成站内旧网址，如 \"/old/path/\" (alias escapes the site)", a))
				continue
			}
			if seg := ControlSegment(u); seg != "" {
				errs = append(errs, diag.New(p.SourcePath(), p.Line("aliases"), "%s", controlMessage("aliases", u, seg)))
				continue
			}
			claim(u, p.SourcePath(), p.SourcePath(), func() int { return p.Line("aliases") })
		}
	}
	return errs.Err()
}

func noLine() int { return 0 }

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

// ContentURL returns the URL of the content page named name in the
// content folder dir with front matter m (which may be nil): its url when
// set, else the folder and its slug (or file name) in the URL style. When
// url or slug is invalid, u is "" and bad names that key.
func ContentURL(dir, name string, m *frontmatter.Meta, style string) (u, bad string) {
	if m != nil && m.URL != "" {
		u, ok := CleanURL(m.URL)
		if !ok {
			return "", "url"
		}
		return u, ""
	}
	slug := name
	if m != nil && m.Slug != "" {
		if strings.ContainsAny(m.Slug, "/\\") || strings.Contains(m.Slug, "..") || strings.TrimSpace(m.Slug) == "" {
			return "", "slug"
		}
		slug = m.Slug
	}
	return PageURL(dir, slug, style), ""
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

// OtherStyleURL returns the URL a page at u has in the other URL style:
// "/zhengce/a/" for "/zhengce/a.html" and the other way round; "" for the
// home page and for URLs that are in neither style.
func OtherStyleURL(u string) string {
	switch {
	case strings.HasSuffix(u, ".html"):
		return strings.TrimSuffix(u, ".html") + "/"
	case strings.HasSuffix(u, "/") && u != "/":
		return strings.TrimSuffix(u, "/") + ".html"
	}
	return ""
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

// CompareURL returns the URL of the comparison page of a page at u with
// the previous version: its folder plus "compare/", in either URL style
// ("/zhengce/banfa/compare/" for "/zhengce/banfa/" and
// "/zhengce/banfa.html").
func CompareURL(u string) string { return ListCompare.In(FolderURL(u)) }

// CompareURL returns the URL of the page's comparison with its previous
// version, or "" when it revises none.
func (p *Page) CompareURL() string {
	if p.Revises == nil {
		return ""
	}
	return CompareURL(p.URL)
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
	return TaxonomyURL(taxonomy) + Slugify(name) + "/"
}

// Base is the site's base URL ("https://x.gov.cn/sub/") in the two forms
// pages need: the path that site-relative URLs are served under ("/sub/")
// and the origin that makes them absolute ("https://x.gov.cn"; "" when the
// base URL has no host, as in "/" or "/sub/").
type Base struct {
	origin, path string
}

// ParseBase splits a base URL into origin and path. A base URL that
// cannot be parsed is served from "/" without an origin.
func ParseBase(baseURL string) Base {
	u, err := url.Parse(baseURL)
	if err != nil {
		return Base{path: "/"}
	}
	b := Base{path: u.Path}
	if !strings.HasSuffix(b.path, "/") {
		b.path += "/"
	}
	if !strings.HasPrefix(b.path, "/") {
		b.path = "/" + b.path
	}
	if u.Scheme != "" && u.Host != "" {
		b.origin = u.Scheme + "://" + u.Host
	}
	return b
}

// Path returns the path form of the base URL: "/sub/", or "/".
func (b Base) Path() string {
	if b.path == "" {
		return "/"
	}
	return b.path
}

// Origin returns "https://x.gov.cn", or "" for a base URL without a host.
func (b Base) Origin() string { return b.origin }

// Host returns the host of the base URL ("x.gov.cn"), or "".
func (b Base) Host() string {
	_, h, _ := strings.Cut(b.origin, "://")
	return h
}

// Rel returns the path form of a site-relative URL: with base path
// "/sub/", Rel("/zhengce/") is "/sub/zhengce/". External URLs
// ("https://…", "mailto:…", "//host/…") and fragments ("#art-3") are
// returned unchanged.
func (b Base) Rel(u string) string {
	if markup.IsExternal(u) || strings.HasPrefix(u, "#") {
		return u
	}
	return b.Path() + strings.TrimPrefix(u, "/")
}

// Abs returns the absolute form of a site-relative URL: the origin, then
// the path form with its path percent-encoded ("/zhengce/中文/" →
// "https://x.gov.cn/sub/zhengce/%E4%B8%AD%E6%96%87/"). A query or
// fragment is kept as written, after the path. External URLs are returned
// unchanged.
func (b Base) Abs(u string) string {
	if markup.IsExternal(u) {
		return u
	}
	p, rest := u, ""
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		p, rest = u[:i], u[i:]
	}
	return b.origin + (&url.URL{Path: b.Rel(p)}).EscapedPath() + rest
}
