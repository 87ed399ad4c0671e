package render

import (
	"github.com/fazhi-dev/fazhi/internal/markup/compare"
	"github.com/fazhi-dev/fazhi/internal/site"
)

// CompareView is what a comparison page (修订对照) shows: the two versions
// and their articles, unchanged runs folded.
type CompareView struct {
	Old, New *site.Page
	Result   compare.Result
	Groups   []CompareGroup
}

// CompareGroup is a run of unchanged articles (Same, shown folded) or one
// added, removed or changed article.
type CompareGroup struct {
	Same  bool
	Pairs []compare.Pair
}

// First and Last are the first and the last pair of a group.
func (g CompareGroup) First() compare.Pair { return g.Pairs[0] }

// Last returns the last pair of the group.
func (g CompareGroup) Last() compare.Pair { return g.Pairs[len(g.Pairs)-1] }

// Compare renders the comparison page of page p (a version that revises
// another) from the bodies of the previous version and of p.
func (r *Renderer) Compare(p *site.Page, oldBody, newBody []byte, sink Sink) error {
	res := compare.Compare(compare.Articles(oldBody), compare.Articles(newBody))
	v := &CompareView{Old: p.Revises, New: p, Result: res}
	for _, pair := range res.Pairs {
		same := pair.Kind == compare.Same
		if n := len(v.Groups); same && n > 0 && v.Groups[n-1].Same {
			v.Groups[n-1].Pairs = append(v.Groups[n-1].Pairs, pair)
			continue
		}
		v.Groups = append(v.Groups, CompareGroup{Same: same, Pairs: []compare.Pair{pair}})
	}
	u := p.CompareURL()
	title := p.Title + "修订对照"
	d := &Data{
		Site:        r.Data,
		Kind:        "compare",
		Page:        p,
		Title:       title,
		URL:         u,
		Permalink:   r.Abs(u),
		Section:     p.Section,
		Breadcrumbs: append(r.crumbs(p.Section, p), Crumb{"修订对照", u}),
		Meta:        articleMeta(r.Data, p, ""),
		Compare:     v,
	}
	return r.execute(sink, p.Column, "compare", u, d)
}
