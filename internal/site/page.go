// Package site assembles the graph of a site from parsed sources: pages,
// columns (sections), taxonomies, policy validity, notice status and the
// relations between documents (解读, 修改, 废止). Everything is keyed by
// content path; assembly does no I/O and the graph is read-only afterwards,
// except for each page's Derived fields, which the render stage fills once.
package site

import (
	"time"

	"github.com/fazhi-dev/fazhi/internal/frontmatter"
	"github.com/fazhi-dev/fazhi/internal/source"
)

// Content types of pages.
const (
	TypePolicy  = "policy"
	TypeNotice  = "notice"
	TypeArticle = "article"
	TypePage    = "page"
	// TypeCleanup is a 清理结果 page: its [cleanup] table sets the state
	// of the documents it lists.
	TypeCleanup = "cleanup"
)

// ContentTypes are the values of kind in front matter, the page types an
// author may set.
var ContentTypes = []string{TypePolicy, TypeNotice, TypeArticle, TypePage, TypeCleanup}

// Page kinds, which select templates.
const (
	KindHome    = "home"
	KindSection = "section"
	KindPage    = "page"
)

// Source is one parsed content file: what the build read.
type Source struct {
	File     source.File
	Meta     *frontmatter.Meta
	BodyLine int
}

// Page is one content page, a column index or the home page.
type Page struct {
	// Path is the content path, the page's key: "zhengce/a.md".
	Path string
	// File is the source file description.
	File source.File
	// Kind is home, section or page.
	Kind string
	// Type is the content type: policy, notice, article or page.
	Type string
	// Column is the top-level folder ("zhengce"); "" for root pages.
	Column string
	// Section is the nearest column or sub-column holding the page.
	Section *Section

	Title       string
	Description string
	Date        time.Time
	Lastmod     time.Time
	PublishDate time.Time
	ExpiryDate  time.Time
	Weight      int
	Tags        []string
	// TagTerms are the terms of Tags (blank and repeated tags dropped), in
	// the order of Site.Tags, so a template lists them without a search.
	TagTerms []*Term
	Aliases  []string
	Draft    bool

	// URL is the site-relative path of the page, "/zhengce/a/".
	URL string
	// Meta is the decoded front matter.
	Meta *frontmatter.Meta
	// BodyLine is the file line on which the Markdown body starts.
	BodyLine int

	// Policy, Notice and Article hold the computed domain views; nil
	// unless the page is of that type.
	Policy  *PolicyInfo
	Notice  *NoticeInfo
	Article *frontmatter.Article
	// Consultation is set on a draft put out for public comment.
	Consultation *ConsultationInfo

	// Relations between documents, resolved from content paths.
	Interprets      []*Page // the policies this page interprets
	Interpretations []*Page // the pages interpreting this policy
	Amends          []*Page // the documents this 修改决定 amends
	AmendedBy       []*Page
	// Revises is the previous version of the document (修订 or 修正后
	// 重新公布) and RevisedBy the next one; Work is the chain of versions
	// the page belongs to, nil for a document with one version.
	Revises      *Page
	RevisedBy    *Page
	Work         *Work
	SupersededBy *Page
	Supersedes   []*Page
	// Decisions are the cleanup decisions listing this policy; Cleanup is
	// the outcome lists of a 清理结果 page.
	Decisions  []Decision
	Cleanup    *CleanupInfo
	Prev, Next *Page // neighbours in the column (newer, older)
	Series     *Term

	// Derived is filled by the render stage from the rendered body.
	Derived Derived
}

// Derived holds what rendering the body taught about the page.
type Derived struct {
	Summary string
}

// Statute reports whether article anchors apply to the page's body.
func (p *Page) Statute() bool {
	return p.Type == TypePolicy || (p.Meta != nil && p.Meta.Articles)
}

// IsContent reports whether p is a regular page, not a list.
func (p *Page) IsContent() bool { return p.Kind == KindPage }

// Updated returns Lastmod, or Date when there is none.
func (p *Page) Updated() time.Time {
	if !p.Lastmod.IsZero() {
		return p.Lastmod
	}
	return p.Date
}

// Line returns the file line of a front-matter key, or 0.
func (p *Page) Line(key string) int {
	if p.Meta == nil || p.Meta.Lines == nil {
		return 0
	}
	return p.Meta.Lines(key)
}

// Col returns the column at which the value of a front-matter key starts
// on its line, or 0.
func (p *Page) Col(key string) int {
	if p.Meta == nil || p.Meta.Cols == nil {
		return 0
	}
	return p.Meta.Cols(key)
}

// SourcePath returns the file path relative to the site folder.
func (p *Page) SourcePath() string { return "content/" + p.Path }

// Section is a column: a folder with an _index.md.
type Section struct {
	// Path is the folder relative to content/: "zhengce", "sifa/2024".
	Path   string
	Index  *Page
	Parent *Section
	// Pages are all content pages in the section and its sub-sections,
	// sorted for listing.
	Pages []*Page
	// Children are the sub-sections.
	Children []*Section
	// ColumnType is the 栏目类型 from _index.md.
	ColumnType string
	// Type is the default content type of the section's pages.
	Type string
	// Enforcement is set on a 行政执法公示 column (kind = "enforcement"):
	// the decisions read from its data file.
	Enforcement *EnforcementInfo
}

// Title returns the column's title.
func (s *Section) Title() string { return s.Index.Title }

// URL returns the column's URL.
func (s *Section) URL() string { return s.Index.URL }

// FeedURL returns the URL of the column's Atom feed, or "" when it has
// none. Feeds carry pages; the decisions of a 行政执法公示 column are rows
// of its data file, not pages, and are kept out of feeds (a feed reader
// keeps its entries after the 公示期 ends), so an enforcement column has
// no feed of its own (its pages, if any, are in the site feed). It
// returns a string, not a bool, so that the build cache does not take a
// template that reads it as reading the site graph.
func (s *Section) FeedURL() string {
	if s.Enforcement != nil {
		return ""
	}
	return FileFeed.In(s.URL())
}

// CatalogueURL returns the URL of the column's policy catalogue (JSON).
func (s *Section) CatalogueURL() string { return FileIndex.In(s.URL()) }

// CalendarURL returns the URL of the column's hearing calendar.
func (s *Section) CalendarURL() string { return FileCalendar.In(s.URL()) }

// HearingsURL returns the URL of the column's hearing schedule.
func (s *Section) HearingsURL() string { return ListHearings.In(s.URL()) }

// StatsURL returns the URL of an enforcement column's statistics (every
// year; StatsURL(column, year) gives one year's).
func (s *Section) StatsURL() string { return ListStats.In(s.URL()) }

// DataCSVURL and DataJSONURL return the URLs of an enforcement column's
// open data.
func (s *Section) DataCSVURL() string { return FileDataCSV.In(s.URL()) }

// DataJSONURL: see DataCSVURL.
func (s *Section) DataJSONURL() string { return FileDataJSON.In(s.URL()) }

// Newest returns the newest page of the section, or nil.
func (s *Section) Newest() *Page {
	var n *Page
	for _, p := range s.Pages {
		if n == nil || p.Date.After(n.Date) {
			n = p
		}
	}
	return n
}

// Term is one value of a taxonomy (a tag, a series, an issuer, a year).
type Term struct {
	Name  string
	URL   string
	Pages []*Page
}

// Summary returns the front matter's summary, or the one derived from the
// body once the page has been rendered.
func (p *Page) Summary() string {
	if p.Meta != nil && p.Meta.Summary != "" {
		return p.Meta.Summary
	}
	return p.Derived.Summary
}

// ColumnTitle returns the title of the page's column, or "".
func (p *Page) ColumnTitle() string {
	if p.Section == nil {
		return ""
	}
	return p.Section.Title()
}
