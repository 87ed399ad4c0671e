// Package render turns the site graph into pages: it renders each page's
// Markdown, builds the data a template receives, executes the template and
// hands the bytes to a Sink. Content pages are rendered in a stream (the
// HTML is written and dropped); lists are built from metadata afterwards.
package render

import (
	"html/template"
	"time"

	"github.com/fazhi-dev/fazhi/internal/config"
	"github.com/fazhi-dev/fazhi/internal/markup"
	"github.com/fazhi-dev/fazhi/internal/site"
)

// Data is what every template receives as ".".
type Data struct {
	Site *SiteData
	// Kind is the template kind: home, section, page, taxonomy, term, 404,
	// archive, hearings, browse, series, alias.
	Kind string
	// Page is the content page, the column index or the home page.
	Page *site.Page
	// Title is the title of this output (a list page's own title).
	Title string
	// URL is this output's site-relative URL, Permalink its absolute URL.
	URL       string
	Permalink string

	Content template.HTML
	TOC     []markup.Heading
	FAQ     []markup.QA
	Summary string

	// Section is the column being shown or holding the page.
	Section *site.Section
	// Pages are the pages listed on this output (one pager page).
	Pages     []*site.Page
	Paginator *Paginator
	// Terms are a taxonomy's terms; Term is the term of a term page.
	Terms []*site.Term
	Term  *site.Term
	// Browse groups a policy column by issuer, year and topic.
	Browse *site.Browse
	// Hearings are upcoming hearings of a notice column, by time.
	Hearings []*site.Page
	// ArchiveURL links a notice column to its archive when it has one.
	ArchiveURL string
	// HearingsURL links a notice column to its hearing schedule.
	HearingsURL string
	// Enforcement is the 行政执法公示 column being listed; Decisions are
	// the decisions on this output, DecisionTerm the filter (a year, a
	// 类别, an authority) of a filter page.
	Enforcement  *site.EnforcementInfo
	Decisions    []*site.DecisionPage
	DecisionTerm *site.DecisionTerm
	// Decision is the decision of a decision page or tombstone, and
	// Basis its 处罚依据 with the statutes linked.
	Decision *site.DecisionPage
	Basis    template.HTML
	// Stats are the figures of an enforcement column's statistics page.
	Stats *StatsView

	// Compare is the comparison of a version with the previous one on a
	// comparison page (修订对照).
	Compare *CompareView

	Breadcrumbs []Crumb
	// Meta are the government page tags (SiteName, ColumnName, ArticleTitle…).
	Meta []MetaTag
	// Target is the redirect target of an alias page.
	Target string
	// SiteMap is what the 网站地图 page lists.
	SiteMap *site.SiteMap

	// jsonLD and qr compute the structured data and the QR code when a
	// template first asks for them, so layouts that show neither pay
	// nothing for them.
	jsonLD func() template.JS
	qr     func() template.HTML
}

// JSONLD returns the page's structured data (schema.org JSON).
func (d *Data) JSONLD() template.JS {
	if d.jsonLD == nil {
		return ""
	}
	return d.jsonLD()
}

// QR returns an inline SVG QR code of the page's permalink.
func (d *Data) QR() template.HTML {
	if d.qr == nil {
		return ""
	}
	return d.qr()
}

// ConacURL returns the link of the site's 党政机关网站标识 ("" without
// [identity] conacID).
func (d *Data) ConacURL() string { return site.ConacURL(d.Site.Identity) }

// FindErrorURL returns the 「我为政府网站找错」 link of the site (""
// without [identity] siteCode). It names the site's home page, as
// government sites do, so that the footer stays the same on every page
// (the theme renders it once).
func (d *Data) FindErrorURL() string {
	return site.FindErrorURL(d.Site.Identity, site.ParseBase(d.Site.BaseURL).Abs(site.HomeURL))
}

// PoliceURL returns the public record page of the 公安机关备案号.
func (d *Data) PoliceURL() string { return site.PoliceURL(d.Site.Identity) }

// SitemapPageURL is the URL of the HTML 网站地图.
func (d *Data) SitemapPageURL() string { return site.SitemapPageURL }

// SiteData is the site-wide part of Data.
type SiteData struct {
	Title        string
	BaseURL      string
	LanguageCode string
	Identity     config.Identity
	Menu         []config.MenuItem
	Params       map[string]any
	// Sections are the top-level columns (.Site.Sections). They are
	// SiteColumns, not the graph's columns themselves, so that what a
	// template reads of a column it reached through the site can be told
	// from what it reads of its own (the build cache keys a column's list
	// by its own pages only).
	Sections []SiteColumn
	Tags     []*site.Term
	Series   []*site.Term
	Search   bool
	Now      time.Time
	// Mourning is set when the build date falls in a mourning period.
	Mourning *config.Mourning
	// CSS and JS are the fingerprinted asset URLs (site-relative).
	CSS string
	JS  string
	// CSP is the Content-Security-Policy for a <meta http-equiv> tag,
	// empty unless site.toml turns it on ([security]).
	CSP string
	// Serve is true in `fazhi serve`: templates add the reload script.
	Serve bool
	// Home is the home page.
	Home *site.Page
	// Graph gives templates access to the whole site when they need it.
	Graph *site.Site
}

// Crumb is one step of a breadcrumb trail.
type Crumb struct {
	Title string
	URL   string
}

// MetaTag is a <meta name content> pair.
type MetaTag struct {
	Name    string
	Content string
}

// SiteColumn is a top-level column as .Site.Sections shows it: everything
// the column has (its fields and methods are promoted), under a type of
// its own.
type SiteColumn struct{ *site.Section }

// SiteColumns wraps the top-level columns for .Site.Sections.
func SiteColumns(ss []*site.Section) []SiteColumn {
	out := make([]SiteColumn, len(ss))
	for i, s := range ss {
		out[i] = SiteColumn{s}
	}
	return out
}
