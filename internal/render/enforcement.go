package render

import (
	"fmt"
	"html/template"
	"slices"
	"strings"

	"github.com/fazhi-dev/fazhi/internal/markup"
	"github.com/fazhi-dev/fazhi/internal/site"
)

// The pages of a 行政执法公示 column (site.EnforcementInfo): its list of
// the decisions in 公示 (paginated), the filter pages by year (by month,
// with the customary notice for a month without decisions), by 类别 and
// by authority, and one page per decision, which becomes a tombstone
// without the party's data once the decision is taken down.

// Template kinds of an enforcement column.
const (
	KindDecisions    = "decisions"      // the column list and the 类别 and authority pages
	KindDecisionYear = "decisions-year" // a year, month by month
	KindDecision     = "decision"       // one decision
	KindDecisionGone = "decision-gone"  // a decision taken down
)

// enforcementLists renders the column list, the filter pages and the
// statistics pages.
func (c *column) enforcementLists() error {
	e := c.sec.Enforcement
	if err := c.decisionList(KindDecisions, c.sec.Index.Title, c.sec.URL(), e.Listed, nil, nil); err != nil {
		return err
	}
	for _, y := range e.Years {
		u := y.URL
		d := c.data(KindDecisionYear, fmt.Sprintf("%s · %s年", c.sec.Index.Title, y.Name), u)
		d.DecisionTerm, d.Decisions = y, y.Pages
		d.Breadcrumbs = append(slices.Clip(c.crumbs), Crumb{y.Name + "年", u})
		if err := c.r.execute(c.sink, c.sec.Path, KindDecisionYear, u, d); err != nil {
			return err
		}
	}
	groups := []struct {
		label string
		terms []*site.DecisionTerm
	}{{e.CategoryLabel(), e.Categories}, {e.AuthorityLabel(), e.Authorities}}
	for _, g := range groups {
		for _, t := range g.terms {
			title := fmt.Sprintf("%s · %s：%s", c.sec.Index.Title, g.label, t.Name)
			if err := c.decisionList(KindDecisions, title, t.URL, t.Pages, &Crumb{g.label + "：" + t.Name, t.URL}, t); err != nil {
				return err
			}
		}
	}
	return c.decisionStats()
}

// decisionList renders decisions as a paginated table at base.
func (c *column) decisionList(kind, title, base string, ds []*site.DecisionPage, crumb *Crumb, term *site.DecisionTerm) error {
	return paginate(base, ds, c.per, nil, func(url string, chunk []*site.DecisionPage, pg *Paginator) error {
		d := c.data(kind, title, url)
		d.DecisionTerm, d.Decisions, d.Paginator = term, chunk, pg
		if crumb != nil {
			d.Breadcrumbs = append(slices.Clip(c.crumbs), *crumb)
		}
		return c.r.execute(c.sink, c.sec.Path, kind, url, d)
	})
}

// decisionPages renders the page of every decision of an enforcement
// column: the decision itself while it is listed, a tombstone after.
func (r *Renderer) decisionPages(sink Sink, sec *site.Section) error {
	crumbs := r.crumbs(sec, nil)
	for _, dp := range sec.Enforcement.Pages {
		kind := KindDecision
		if dp.Gone() {
			kind = KindDecisionGone
		}
		title := dp.Number
		d := &Data{Site: r.Data, Kind: kind, Page: sec.Index, Title: title, URL: dp.URL, Permalink: r.Abs(dp.URL),
			Section: sec, Enforcement: sec.Enforcement, Decision: dp, Breadcrumbs: append(slices.Clip(crumbs), Crumb{title, dp.URL}),
			Meta: decisionMeta(r.Data, sec, dp)}
		if !dp.Gone() && dp.Basis != "" {
			basis, err := r.basis(dp.Basis)
			if err != nil {
				return fmt.Errorf("%s:%d: %w", sec.Enforcement.Data, dp.Line, err)
			}
			d.Basis = basis
		}
		if err := r.execute(sink, sec.Path, kind, dp.URL, d); err != nil {
			return err
		}
	}
	return nil
}

// decisionMeta returns the tags of a decision page; a tombstone is kept
// out of search engines.
func decisionMeta(sd *SiteData, sec *site.Section, dp *site.DecisionPage) []MetaTag {
	tags := columnMeta(sd, sec, sec.Title())
	tags = append(tags, MetaTag{"ArticleTitle", dp.Number}, MetaTag{"PubDate", dp.Decided}, MetaTag{"ContentSource", dp.Authority})
	if dp.Gone() {
		tags = append(tags, MetaTag{"robots", "noindex"})
	}
	return tags
}

// basis renders a 处罚依据 with the statute titles linked the way page
// bodies link them: 《title》 to the site's page of that title, and
// 《title》第X条 to the article's anchor there (the markup's statute
// extension, with the site's title resolver). The text is plain: every
// ASCII punctuation mark is escaped so that it is not read as Markdown.
func (r *Renderer) basis(text string) (template.HTML, error) {
	out, err := r.Markup.Render(markup.Doc{Body: []byte(escapeMarkdown(text)), Statute: true})
	if err != nil {
		return "", err
	}
	h := strings.TrimSpace(out.HTML)
	h = strings.TrimSuffix(strings.TrimPrefix(h, "<p>"), "</p>")
	return template.HTML(h), nil
}

// escapeMarkdown backslash-escapes the ASCII punctuation of plain text,
// which CommonMark then shows as written, and joins its lines.
func escapeMarkdown(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r':
			b.WriteByte(' ')
		case r < 0x80 && strings.ContainsRune("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
