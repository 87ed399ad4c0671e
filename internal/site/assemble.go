package site

import (
	"path"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/fazhi-dev/fazhi/internal/config"
	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/enforcement"
)

// Options selects what goes into the site.
type Options struct {
	Config *config.Config
	// Now is the build time: future, expired, validity and status use it.
	Now time.Time
	// Drafts, Future and Expired include pages that are otherwise left out.
	Drafts, Future, Expired bool
	// Decisions are the rows read from the data file of each enforcement
	// column, by the column's folder. They hold identity numbers: the
	// site keeps only what enforcement.Publish makes of them.
	Decisions map[string][]*enforcement.Decision
}

// Site is the assembled graph.
type Site struct {
	Config *config.Config
	Now    time.Time
	// Home is the home page (content/_index.md, or a default one).
	Home *Page
	// Pages are all content pages, newest first.
	Pages []*Page
	// ByPath holds every page, column index and the home page by content path.
	ByPath map[string]*Page
	// Sections are the top-level columns in menu order.
	Sections []*Section
	// SectionByPath holds every column and sub-column by folder.
	SectionByPath map[string]*Section
	// Tags and Series are the taxonomies, sorted by name.
	Tags   []*Term
	Series []*Term
	// Works are the revised documents: chains of versions linked by
	// [policy] revises.
	Works []*Work
	// Excluded holds drafts, future and expired pages that were left out.
	Excluded map[string]*Page
	// Warnings are problems that do not stop the build.
	Warnings diag.List
	// titles maps a page title to the page for cross-references.
	titles map[string]*Page
}

// ResolveTitle returns the URL of the page whose title is title, for
// 《Title》 cross-references.
func (s *Site) ResolveTitle(title string) (string, bool) {
	p, ok := s.titles[title]
	if !ok {
		return "", false
	}
	return p.URL, true
}

// PageByTitle returns the page with the given title.
func (s *Site) PageByTitle(title string) *Page { return s.titles[title] }

// Assemble builds the site graph from parsed sources. All problems found
// are returned together as a diag.List.
func Assemble(srcs []Source, o Options) (*Site, error) {
	s := &Site{
		Config:        o.Config,
		Now:           o.Now,
		ByPath:        map[string]*Page{},
		SectionByPath: map[string]*Section{},
		Excluded:      map[string]*Page{},
		titles:        map[string]*Page{},
	}
	var errs diag.List
	var pages []*Page
	for _, src := range srcs {
		p, err := newPage(src)
		if err != nil {
			errs.Add(err)
			continue
		}
		if p.Kind == KindPage && !included(p, o) {
			s.Excluded[p.Path] = p
			continue
		}
		s.ByPath[p.Path] = p
		pages = append(pages, p)
	}
	s.buildSections(pages)
	errs.Add(s.enforcementColumns(o.Decisions))
	for _, p := range pages {
		if p.Kind != KindPage {
			continue
		}
		p.Section = s.sectionFor(p.File.Dir)
		if p.Type == "" {
			p.Type = TypeArticle
			if p.Section != nil && p.Section.Type != "" && p.Section.Type != TypeEnforcement {
				p.Type = p.Section.Type
			}
			if p.Section == nil && p.File.Dir == "" {
				p.Type = TypePage
			}
		}
		p.Column = strings.SplitN(p.File.Dir, "/", 2)[0]
		s.Pages = append(s.Pages, p)
	}
	for _, p := range s.Pages {
		errs.Add(checkPage(p))
	}
	errs.Add(s.assignURLs())
	for _, p := range s.Pages {
		if t, ok := s.titles[p.Title]; !ok || p.Path < t.Path {
			s.titles[p.Title] = p
		}
	}
	errs.Add(s.resolveRelations())
	errs.Add(s.domain())
	if len(errs) > 0 {
		return nil, errs
	}
	sortPages(s.Pages)
	s.linkNeighbours()
	s.buildTaxonomies()
	return s, nil
}

func included(p *Page, o Options) bool {
	if p.Draft && !o.Drafts {
		return false
	}
	pub := p.PublishDate
	if pub.IsZero() {
		pub = p.Date
	}
	if !o.Future && !pub.IsZero() && pub.After(o.Now) {
		return false
	}
	if !o.Expired && !p.ExpiryDate.IsZero() && !p.ExpiryDate.After(o.Now) {
		return false
	}
	return true
}

func newPage(src Source) (*Page, error) {
	m := src.Meta
	f := src.File
	p := &Page{
		Path:        f.Path,
		File:        f,
		Kind:        KindPage,
		Type:        m.Kind,
		Title:       strings.TrimSpace(m.Title),
		Description: m.Description,
		Date:        m.Date.Time,
		Lastmod:     m.Lastmod.Time,
		PublishDate: m.PublishDate.Time,
		ExpiryDate:  m.ExpiryDate.Time,
		Weight:      m.Weight,
		Tags:        m.Tags,
		Aliases:     m.Aliases,
		Draft:       m.Draft,
		Meta:        m,
		BodyLine:    src.BodyLine,
		Article:     m.Article,
	}
	if f.SectionIndex {
		p.Kind = KindSection
		p.Type = ""
		if f.Dir == "" {
			p.Kind = KindHome
		}
	}
	file := "content/" + f.Path
	if p.Title == "" {
		return nil, diag.New(file, 2, "缺少标题：请在前言中写 title = \"文章标题\" (missing title)")
	}
	switch {
	case m.Kind == "" || slices.Contains(ContentTypes, m.Kind):
	case m.Kind == TypeEnforcement:
		if !f.SectionIndex || f.Dir == "" {
			return nil, diag.New(file, m.Lines("kind"),
				"kind = \"enforcement\" 只能写在栏目的 _index.md 中：执法公示的决定来自 data 文件夹里的表格，不必逐条写页面")
		}
	default:
		return nil, diag.New(file, m.Lines("kind"),
			"kind = \"%s\" 无效，应为 \"policy\"（政策文件）、\"notice\"（公告）、\"article\"（文章）、\"page\"（普通页面）或 \"cleanup\"（清理结果）之一", m.Kind)
	}
	return p, nil
}

// checkPage checks what every content page needs.
func checkPage(p *Page) error {
	var errs diag.List
	file := p.SourcePath()
	if p.Date.IsZero() && p.Type != TypePage {
		errs = append(errs, diag.New(file, 2,
			"缺少发布日期：请在前言中写 date = 2024-03-01（未注明发布时间的信息在检查中视为不更新） (missing date)"))
	}
	if !p.Lastmod.IsZero() && !p.Date.IsZero() && p.Lastmod.Before(p.Date) {
		errs = append(errs, diag.New(file, p.Line("lastmod"),
			"更新日期 lastmod（%s）早于发布日期 date（%s）：请改正其中一个 (lastmod before date)",
			p.Lastmod.Format("2006-01-02"), p.Date.Format("2006-01-02")))
	}
	m := p.Meta
	if m.Policy != nil && p.Type != TypePolicy {
		errs = append(errs, diag.New(file, p.Line("policy"), "[policy] 表只用于政策文件：请加上 kind = \"policy\"，或删去 [policy] 表"))
	}
	if m.Cleanup != nil && p.Type != TypeCleanup {
		errs = append(errs, diag.New(file, p.Line("cleanup"), "[cleanup] 表只用于清理结果页面：请加上 kind = \"cleanup\"，或删去 [cleanup] 表"))
	}
	if m.Notice != nil && p.Type != TypeNotice {
		errs = append(errs, diag.New(file, p.Line("notice"), "[notice] 表只用于公告：请加上 kind = \"notice\"，或删去 [notice] 表"))
	}
	return errs.Err()
}

func (s *Site) buildSections(pages []*Page) {
	for _, p := range pages {
		switch p.Kind {
		case KindHome:
			s.Home = p
		case KindSection:
			sec := &Section{Path: p.File.Dir, Index: p, ColumnType: p.Meta.ColumnType, Type: p.Meta.Kind}
			p.Section = sec
			p.Column = strings.SplitN(sec.Path, "/", 2)[0]
			s.SectionByPath[sec.Path] = sec
		}
	}
	if s.Home == nil {
		s.Home = &Page{Path: "_index.md", Kind: KindHome, Title: s.Config.Title, Meta: emptyMeta()}
		s.ByPath[s.Home.Path] = s.Home
	}
	s.Home.URL = "/"
	for _, sec := range s.SectionByPath {
		if parent := s.sectionFor(path.Dir(sec.Path)); parent != nil && parent != sec && strings.Contains(sec.Path, "/") {
			sec.Parent = parent
			parent.Children = append(parent.Children, sec)
			if sec.Type == "" {
				sec.Type = parent.Type
			}
		} else {
			s.Sections = append(s.Sections, sec)
		}
	}
	sortSections(s.Sections)
	for _, sec := range s.SectionByPath {
		sortSections(sec.Children)
	}
}

func sortSections(secs []*Section) {
	sort.Slice(secs, func(i, j int) bool {
		a, b := secs[i].Index, secs[j].Index
		if a.Weight != b.Weight {
			if a.Weight == 0 || b.Weight == 0 {
				return b.Weight == 0
			}
			return a.Weight < b.Weight
		}
		return secs[i].Path < secs[j].Path
	})
}

// sectionFor finds the nearest section holding folder dir.
func (s *Site) sectionFor(dir string) *Section {
	for d := dir; d != "." && d != "" && d != "/"; d = path.Dir(d) {
		if sec, ok := s.SectionByPath[d]; ok {
			return sec
		}
	}
	return nil
}

// sortPages orders a list: pages with a weight first (by weight), then
// newest first, then by title and path so that the order is total.
func sortPages(ps []*Page) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.Weight != b.Weight {
			if a.Weight == 0 || b.Weight == 0 {
				return b.Weight == 0
			}
			return a.Weight < b.Weight
		}
		if !a.Date.Equal(b.Date) {
			return a.Date.After(b.Date)
		}
		return a.Path < b.Path
	})
}

func (s *Site) linkNeighbours() {
	for _, p := range s.Pages {
		if p.Section != nil {
			p.Section.Pages = append(p.Section.Pages, p)
			for parent := p.Section.Parent; parent != nil; parent = parent.Parent {
				parent.Pages = append(parent.Pages, p)
			}
		}
	}
	for _, sec := range s.SectionByPath {
		sortPages(sec.Pages)
		var prev *Page
		for _, p := range sec.Pages {
			if p.Section != sec {
				continue
			}
			if prev != nil {
				prev.Next = p
				p.Prev = prev
			}
			prev = p
		}
	}
}
