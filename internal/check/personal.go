package check

import (
	"slices"
	"strings"

	"github.com/fazhi-dev/fazhi/internal/lint"
	"github.com/fazhi-dev/fazhi/internal/site"
)

// SeriesCaseStudy is the series (or tag) of 以案释法 material.
const SeriesCaseStudy = "以案释法"

// checkPersonal runs personal-id, personal-phone and personal-bankcard on
// the whole file of every live page, and personal-name on 以案释法 pages.
func (c *checker) checkPersonal() {
	parties := c.partyNames()
	for _, p := range sortedPages(c.site.ByPath) {
		if c.stopped() {
			return
		}
		if p.File.Path == "" {
			continue
		}
		file := p.SourcePath()
		text := string(c.source(file))
		for _, f := range lint.PersonalData(text) {
			c.find(file, f.Line, f.Col, f.Rule, f.Message)
		}
		if caseStudy(p) {
			for _, f := range lint.MaskedNames(text, parties) {
				c.find(file, f.Line, f.Col, RulePersonalName, f.Message)
			}
		}
	}
}

// caseStudy reports whether p is 以案释法 material.
func caseStudy(p *site.Page) bool {
	if p.Article != nil && strings.Contains(p.Article.Series, SeriesCaseStudy) {
		return true
	}
	return slices.Contains(p.Tags, SeriesCaseStudy)
}

// partyNames collects the parties listed in the site's notices, published
// or not: they are real people whose names a case study must mask.
func (c *checker) partyNames() []string {
	var out []string
	for _, m := range []map[string]*site.Page{c.site.ByPath, c.site.Excluded} {
		for _, p := range sortedPages(m) {
			if p.Meta == nil || p.Meta.Notice == nil {
				continue
			}
			for _, name := range p.Meta.Notice.Parties {
				if !slices.Contains(out, name) {
					out = append(out, name)
				}
			}
		}
	}
	return out
}
