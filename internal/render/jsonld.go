package render

import (
	"encoding/json"
	"html/template"
	"strings"
	"time"

	"github.com/fazhi-dev/fazhi/internal/legal"
	"github.com/fazhi-dev/fazhi/internal/markup"
	"github.com/fazhi-dev/fazhi/internal/site"
)

const schemaContext = "https://schema.org"

// jsonLD returns the schema.org description of a content page: Legislation
// for policies, Event for 开庭公告, FAQPage for FAQ pages, NewsArticle in
// 工作动态 columns, Article for other articles and notices, WebPage else.
func jsonLD(sd *SiteData, p *site.Page, abs func(string) string, summary string, faq []markup.QA) template.JS {
	publisher := map[string]any{"@type": "GovernmentOrganization", "name": sd.Identity.Sponsor}
	if sd.Identity.Sponsor == "" {
		publisher["name"] = sd.Title
	}
	doc := map[string]any{
		"@context":   schemaContext,
		"url":        abs(p.URL),
		"name":       p.Title,
		"inLanguage": sd.LanguageCode,
	}
	if d := describe(p, summary); d != "" {
		doc["description"] = d
	}
	setDate := func(key string, t time.Time) {
		if !t.IsZero() {
			doc[key] = t.Format(time.RFC3339)
		}
	}
	setDate("datePublished", p.Date)
	if !p.Lastmod.IsZero() {
		setDate("dateModified", p.Lastmod)
	}
	if len(p.Tags) > 0 {
		doc["keywords"] = strings.Join(p.Tags, ",")
	}
	switch {
	case p.Policy != nil:
		pol := p.Policy
		doc["@type"] = "Legislation"
		if pol.DocNumber != "" {
			doc["legislationIdentifier"] = pol.DocNumber
		}
		if !pol.Written.IsZero() {
			doc["legislationDate"] = pol.Written.Format("2006-01-02")
		}
		passed := make([]any, 0, len(pol.Issuer))
		for _, is := range pol.Issuer {
			passed = append(passed, map[string]any{"@type": "GovernmentOrganization", "name": is})
		}
		doc["legislationPassedBy"] = passed
		// an enumeration member is named by its IRI, as eventStatus is
		if pol.InForce() {
			doc["legislationLegalForce"] = schemaContext + "/InForce"
		} else {
			doc["legislationLegalForce"] = schemaContext + "/NotInForce"
		}
		if pol.Genre != "" {
			doc["legislationType"] = string(pol.Genre)
		}
		if len(p.Amends) > 0 {
			changes := make([]any, 0, len(p.Amends))
			for _, a := range p.Amends {
				changes = append(changes, map[string]any{"@type": "Legislation", "@id": abs(a.URL), "name": a.Title})
			}
			if len(changes) == 1 {
				doc["legislationChanges"] = changes[0]
			} else {
				doc["legislationChanges"] = changes
			}
		}
		// A new text of a revised document consolidates its previous
		// version (schema.org: legislationConsolidates refers to "the
		// original version or the previous consolidated version").
		if r := p.Revises; r != nil {
			doc["legislationConsolidates"] = map[string]any{"@type": "Legislation", "@id": abs(r.URL), "name": r.Title}
		}
		if len(p.Supersedes) > 0 {
			based := make([]any, 0, len(p.Supersedes))
			for _, s := range p.Supersedes {
				based = append(based, map[string]any{"@type": "Legislation", "@id": abs(s.URL), "name": s.Title})
			}
			doc["isBasedOn"] = based
		}
		if !pol.Effective.IsZero() {
			doc["legislationDateVersion"] = pol.Effective.Format("2006-01-02")
		}
		if len(pol.Keywords) > 0 {
			doc["keywords"] = strings.Join(pol.Keywords, ",")
		}
		doc["publisher"] = publisher
	case p.Notice != nil && p.Notice.Type == legal.NoticeHearing && !p.Notice.Hearing.IsZero():
		n := p.Notice
		doc["@type"] = "Event"
		// datePublished and dateModified belong to CreativeWork, not to
		// Event: the notice's dates are on the page and in the sitemap.
		delete(doc, "datePublished")
		delete(doc, "dateModified")
		doc["startDate"] = n.Hearing.Format(time.RFC3339)
		doc["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
		doc["eventStatus"] = "https://schema.org/EventScheduled"
		loc := map[string]any{"@type": "Place", "name": strings.TrimSpace(n.Court + " " + n.Place)}
		if n.Court != "" {
			loc["address"] = n.Court
		}
		doc["location"] = loc
		if n.Court != "" {
			doc["organizer"] = map[string]any{"@type": "GovernmentOrganization", "name": n.Court}
		}
		if n.CaseNumber != "" {
			doc["identifier"] = n.CaseNumber
		}
	case len(faq) > 0:
		doc["@type"] = "FAQPage"
		qs := make([]any, 0, len(faq))
		for _, q := range faq {
			qs = append(qs, map[string]any{
				"@type":          "Question",
				"name":           q.Question,
				"acceptedAnswer": map[string]any{"@type": "Answer", "text": q.Answer},
			})
		}
		doc["mainEntity"] = qs
	case p.Type == site.TypeArticle || p.Type == site.TypeNotice:
		doc["@type"] = "Article"
		if p.Section != nil && p.Section.ColumnType == string(legal.ColumnNews) {
			doc["@type"] = "NewsArticle"
		}
		doc["headline"] = p.Title
		doc["publisher"] = publisher
		if a := p.Article; a != nil {
			if a.Author != "" {
				doc["author"] = map[string]any{"@type": "Person", "name": a.Author}
			} else if a.Source != "" {
				doc["author"] = map[string]any{"@type": "Organization", "name": a.Source}
			}
		}
		if doc["author"] == nil {
			doc["author"] = publisher
		}
	default:
		doc["@type"] = "WebPage"
	}
	b, err := json.Marshal(doc)
	if err != nil {
		return ""
	}
	return template.JS(b)
}
