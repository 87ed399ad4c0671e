package build

import (
	"hash/maphash"
	"strconv"

	"github.com/fazhi-dev/fazhi/internal/render"
	"github.com/fazhi-dev/fazhi/internal/site"
)

// indexMentions rebuilds the title → pages index.
func (s *Session) indexMentions() {
	s.mentionedBy = map[string]map[string]bool{}
	for p, titles := range s.mention {
		for _, t := range titles {
			m := s.mentionedBy[t]
			if m == nil {
				m = map[string]bool{}
				s.mentionedBy[t] = m
			}
			m[p] = true
		}
	}
}

// depHash covers what a content page shows besides its own file: its
// neighbours, relations, computed status and the pages its body names.
func (s *Session) depHash(p *site.Page) uint64 {
	var h maphash.Hash
	h.SetSeed(s.seed)
	w := func(parts ...string) {
		for _, x := range parts {
			h.WriteString(x)
			h.WriteByte('|')
		}
	}
	ref := func(q *site.Page) {
		if q == nil {
			w("-")
			return
		}
		w(q.Path, q.URL, q.Title)
		if q.Policy != nil {
			w(string(q.Policy.Validity))
		}
	}
	w(p.Path, strconv.Itoa(s.version[p.Path]), p.URL)
	ref(p.Prev)
	ref(p.Next)
	for _, group := range [][]*site.Page{p.Interprets, p.Interpretations, p.AmendedBy, p.Supersedes} {
		for _, q := range group {
			ref(q)
		}
		w(";")
	}
	for _, q := range p.Amends {
		ref(q)
	}
	ref(p.Revises)
	ref(p.RevisedBy)
	if p.Work != nil {
		// the version list and banners show every version
		for _, q := range p.Work.Versions {
			ref(q)
			if q.Policy != nil {
				w(q.Policy.DocNumber, q.Policy.Effective.String(), q.Date.String())
			}
		}
	}
	if p.Revises != nil {
		// the comparison page shows the previous version's text
		w(strconv.Itoa(s.version[p.Revises.Path]))
	}
	ref(p.SupersededBy)
	if p.Policy != nil {
		w(string(p.Policy.Validity), p.Policy.Line.String(), p.Policy.ValidUntil.String())
		ref(p.Policy.Link)
		for _, f := range p.Policy.Files {
			w(f.File, strconv.FormatInt(f.Size, 10))
		}
	}
	if p.Notice != nil {
		w(string(p.Notice.Status), strconv.FormatBool(p.Notice.Upcoming))
	}
	if c := p.Cleanup; c != nil {
		for _, g := range c.Groups {
			for _, q := range g.Pages {
				ref(q)
			}
			w(";")
		}
	}
	if p.Series != nil {
		w(p.Series.URL)
	}
	for _, t := range s.mention[p.Path] {
		u, _ := s.b.site.ResolveTitle(t)
		w(t, u)
	}
	return h.Sum64()
}

// jobHash covers a list job's index page and the order of its members.
func (s *Session) jobHash(j render.ListJob) uint64 {
	var h maphash.Hash
	h.SetSeed(s.seed)
	h.WriteString(j.Key)
	if j.Index != nil {
		h.WriteString("|" + j.Index.Path + "|" + strconv.Itoa(s.version[j.Index.Path]))
	}
	for _, p := range j.Members {
		h.WriteString("|")
		h.WriteString(p.Path)
	}
	return h.Sum64()
}

// listHash covers what list pages and feeds show of a page.
func (s *Session) listHash(p *site.Page) uint64 {
	var h maphash.Hash
	h.SetSeed(s.seed)
	for _, x := range []string{p.Path, strconv.Itoa(s.version[p.Path]), p.URL, p.Title, p.Summary()} {
		h.WriteString(x)
		h.WriteByte('|')
	}
	if p.Policy != nil {
		h.WriteString(string(p.Policy.Validity))
	}
	if p.Notice != nil {
		h.WriteString(string(p.Notice.Status))
		h.WriteString(strconv.FormatBool(p.Notice.Upcoming))
	}
	return h.Sum64()
}
