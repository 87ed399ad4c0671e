package render

import (
	"fmt"
	"html/template"
	"slices"

	"github.com/fazhi-dev/fazhi/internal/site"
)

// column renders the list pages of one column: its pager pages, and for a
// notice column the archive of ended notices and the hearing schedule,
// and for a policy column the browse pages by issuer, year and topic.
// Every page shares the column's index body, breadcrumbs and links.
type column struct {
	r      *Renderer
	sink   Sink
	sec    *site.Section
	per    int
	only   Only
	body   template.HTML
	crumbs []Crumb
	browse *site.Browse
	// Notice columns only: current and ended notices, upcoming hearings.
	notice                   bool
	current, ended, hearings []*site.Page
}

func (r *Renderer) section(sink Sink, sec *site.Section, per int, content func(*site.Page) (template.HTML, error), only Only) error {
	body, err := content(sec.Index)
	if err != nil {
		return err
	}
	c := &column{r: r, sink: sink, sec: sec, per: per, only: only, body: body,
		crumbs: r.crumbs(sec, nil), browse: r.Site.PolicyBrowse(sec)}
	if sec.Enforcement != nil {
		return c.enforcementLists()
	}
	c.current, c.ended, c.hearings, c.notice = r.Site.Notices(sec)
	if err := c.pagers(); err != nil {
		return err
	}
	if c.notice {
		if err := c.archive(); err != nil {
			return err
		}
		if err := c.schedule(); err != nil {
			return err
		}
	}
	return c.browsePages()
}

// pagers renders the column's own list. In a notice column it shows the
// current notices first, and the pages of other types; ended notices are
// only in the archive.
func (c *column) pagers() error {
	listed := c.sec.Pages
	if c.notice {
		listed = append(append([]*site.Page{}, c.current...), others(c.sec.Pages)...)
	}
	return c.list("section", c.sec.Index.Title, c.sec.URL(), listed, nil, nil)
}

// archive renders the ended notices, when there are any.
func (c *column) archive() error {
	if len(c.ended) == 0 {
		return nil
	}
	base := site.ListArchive.In(c.sec.URL())
	return c.list("archive", c.sec.Index.Title+" · 已届满公告", base, c.ended, &Crumb{"已届满公告", base}, nil)
}

// schedule renders the upcoming hearings on one page.
func (c *column) schedule() error {
	u := site.ListHearings.In(c.sec.URL())
	d := c.data("hearings", c.sec.Index.Title+" · 开庭排期", u)
	d.Pages = c.hearings
	d.Breadcrumbs = append(slices.Clip(c.crumbs), Crumb{"开庭排期", u})
	return c.r.execute(c.sink, c.sec.Path, "hearings", u, d)
}

// browsePages renders a policy column's browse lists, one per issuer,
// year and topic.
func (c *column) browsePages() error {
	if c.browse == nil {
		return nil
	}
	groups := []struct {
		label string
		terms []*site.Term
	}{{"发文机关", c.browse.Issuers}, {"年份", c.browse.Years}, {"主题分类", c.browse.Topics}, {"有效性", c.browse.Statuses}, {"体裁", c.browse.Genres}}
	for _, g := range groups {
		for _, t := range g.terms {
			title := fmt.Sprintf("%s · %s：%s", c.sec.Index.Title, g.label, t.Name)
			if err := c.list("browse", title, t.URL, t.Pages, &Crumb{g.label + "：" + t.Name, t.URL}, t); err != nil {
				return err
			}
		}
	}
	return nil
}

// list renders pages as a paginated list of kind at base; crumb, when
// set, follows the column's breadcrumbs, and term is the browse term.
func (c *column) list(kind, title, base string, pages []*site.Page, crumb *Crumb, term *site.Term) error {
	return paginate(base, pages, c.per, c.only, func(url string, chunk []*site.Page, pg *Paginator) error {
		d := c.data(kind, title, url)
		d.Term, d.Pages, d.Paginator = term, chunk, pg
		if crumb != nil {
			d.Breadcrumbs = append(slices.Clip(c.crumbs), *crumb)
		}
		return c.r.execute(c.sink, c.sec.Path, kind, url, d)
	})
}

// data returns the template data every list page of the column starts
// from.
func (c *column) data(kind, title, url string) *Data {
	r, base := c.r, c.sec.URL()
	d := &Data{Site: r.Data, Kind: kind, Page: c.sec.Index, Title: title, URL: url, Permalink: r.Abs(url),
		Content: c.body, Section: c.sec, Browse: c.browse, Breadcrumbs: c.crumbs, Meta: columnMeta(r.Data, c.sec, title),
		Enforcement: c.sec.Enforcement}
	if c.notice {
		d.Hearings = c.hearings
		d.HearingsURL = site.ListHearings.In(base)
		if len(c.ended) > 0 {
			d.ArchiveURL = site.ListArchive.In(base)
		}
	}
	return d
}

func others(ps []*site.Page) []*site.Page {
	var out []*site.Page
	for _, p := range ps {
		if p.Notice == nil {
			out = append(out, p)
		}
	}
	return out
}
