package render

import (
	"strings"

	"github.com/fazhi-dev/fazhi/internal/legal"
	"github.com/fazhi-dev/fazhi/internal/site"
)

// siteMeta returns the tags every page carries (网页设计规范: SiteName,
// SiteDomain, SiteIDCode).
func siteMeta(sd *SiteData) []MetaTag {
	domain := sd.Identity.Domain
	if domain == "" {
		domain = site.ParseBase(sd.BaseURL).Host()
	}
	return []MetaTag{
		{"SiteName", sd.Title},
		{"SiteDomain", domain},
		{"SiteIDCode", sd.Identity.SiteCode},
	}
}

// columnMeta returns the column tags of a list page.
func columnMeta(sd *SiteData, sec *site.Section, title string) []MetaTag {
	tags := siteMeta(sd)
	if sec == nil {
		return append(tags, MetaTag{"ColumnName", title}, MetaTag{"ColumnType", string(legal.ColumnOther)})
	}
	idx := sec.Index
	desc := idx.Description
	if desc == "" {
		desc = idx.Title
	}
	ct := sec.ColumnType
	if ct == "" {
		ct = string(legal.ColumnOther)
	}
	return append(tags,
		MetaTag{"ColumnName", title},
		MetaTag{"ColumnDescription", desc},
		MetaTag{"ColumnKeywords", strings.Join(idx.Meta.Keywords, ",")},
		MetaTag{"ColumnType", ct},
	)
}

// articleMeta returns the tags of a content page.
func articleMeta(sd *SiteData, p *site.Page, summary string) []MetaTag {
	tags := siteMeta(sd)
	if p.Section != nil {
		tags = append(tags, MetaTag{"ColumnName", p.Section.Title()})
		ct := p.Section.ColumnType
		if ct == "" {
			ct = string(legal.ColumnOther)
		}
		tags = append(tags, MetaTag{"ColumnType", ct})
	}
	tags = append(tags,
		MetaTag{"ArticleTitle", p.Title},
		MetaTag{"PubDate", p.Date.Format("2006-01-02 15:04")},
		MetaTag{"ContentSource", contentSource(sd, p)},
	)
	if len(p.Tags) > 0 {
		tags = append(tags, MetaTag{"Keywords", strings.Join(p.Tags, ",")})
	}
	if a := p.Article; a != nil && a.Author != "" {
		tags = append(tags, MetaTag{"Author", a.Author})
	}
	if d := describe(p, summary); d != "" {
		tags = append(tags, MetaTag{"Description", d})
	}
	if p.Date.IsZero() {
		// A plain page without a date: drop the empty PubDate.
		out := tags[:0]
		for _, t := range tags {
			if t.Name != "PubDate" {
				out = append(out, t)
			}
		}
		tags = out
	}
	return tags
}

// contentSource is the 发布单位或转载来源 of a page.
func contentSource(sd *SiteData, p *site.Page) string {
	switch {
	case p.Article != nil && p.Article.Source != "":
		return p.Article.Source
	case p.Policy != nil && len(p.Policy.Issuer) > 0:
		return strings.Join(p.Policy.Issuer, "、")
	case p.Notice != nil && p.Notice.Court != "":
		return p.Notice.Court
	case sd.Identity.Operator != "":
		return sd.Identity.Operator
	}
	return sd.Identity.Sponsor
}

func describe(p *site.Page, summary string) string {
	switch {
	case p.Description != "":
		return p.Description
	case p.Meta != nil && p.Meta.Summary != "":
		return p.Meta.Summary
	}
	return summary
}
