package site

import (
	"strings"
	"time"

	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/legal"
)

// Work is the versions of one revised document: each new text (修订, or
// 修正后重新公布) names the previous one in [policy] revises.
type Work struct {
	// Versions are oldest first.
	Versions []*Page
	// Current is the newest version in force at build time; nil when the
	// newest version that has come into force is no longer in force.
	Current *Page
	// Pending is the version after Current when it is published but not
	// yet in force.
	Pending *Page
}

// Version is one row of a version list (历次版本).
type Version struct {
	Page *Page
	// Current marks the newest version in force (现行版本).
	Current bool
	// This marks the page the list is shown on.
	This bool
}

// List returns the rows of the version list as shown on page p, newest
// first.
func (w *Work) List(p *Page) []Version {
	out := make([]Version, 0, len(w.Versions))
	for i := len(w.Versions) - 1; i >= 0; i-- {
		v := w.Versions[i]
		out = append(out, Version{Page: v, Current: v == w.Current, This: v == p})
	}
	return out
}

// CurrentMark is the word that marks the current version in lists.
func (w *Work) CurrentMark() string { return legal.CurrentVersion }

// index returns the position of p among the versions, or -1.
func (w *Work) index(p *Page) int {
	for i, v := range w.Versions {
		if v == p {
			return i
		}
	}
	return -1
}

// VersionNote is the note at the top of a version about the other
// versions: Lead, the linked title Cite and Tail make the sentence; To is
// the version linked.
type VersionNote struct {
	Note             legal.VersionNote
	Lead, Cite, Tail string
	To               *Page
}

// Note returns what version p says at its top about the other versions;
// nil when it says nothing.
func (w *Work) Note(p *Page) *VersionNote {
	if w == nil || w.Current == nil {
		return nil
	}
	note := func(k legal.VersionNoteKind, to *Page) *VersionNote {
		n := &VersionNote{Note: legal.VersionNote{Kind: k, Ref: ref(to), Since: effectiveDay(to)}, To: to}
		n.Lead, n.Cite, n.Tail = n.Note.Parts()
		return n
	}
	i, c := w.index(p), w.index(w.Current)
	switch {
	case p == w.Current && w.Pending != nil:
		return note(legal.NotePending, w.Pending)
	case i < c:
		return note(legal.NoteRevised, w.Current)
	case i > c && p.Policy != nil && p.Policy.Validity == NotYetInForce:
		return note(legal.NoteNotYet, w.Current)
	}
	return nil
}

// settle finds the current and the pending version once every version's
// validity is known.
func (w *Work) settle() {
	w.Current, w.Pending = nil, nil
	for i := len(w.Versions) - 1; i >= 0; i-- {
		v := w.Versions[i]
		if v.Policy == nil || v.Policy.Validity == NotYetInForce {
			continue
		}
		if v.Policy.Validity.HasForce() {
			w.Current = v
		}
		break
	}
	if c := w.Current; c != nil && c.RevisedBy != nil && c.RevisedBy.Policy != nil && c.RevisedBy.Policy.Validity == NotYetInForce {
		w.Pending = c.RevisedBy
	}
}

// resolveVersions links each page to the version it revises, refuses a
// version revised twice and chains that loop, and collects the works.
func (s *Site) resolveVersions(ref func(p *Page, key, target string) *Page) error {
	var errs diag.List
	bad := func(p *Page, format string, args ...any) {
		e := diag.New(p.SourcePath(), p.Line("policy.revises"), format, args...)
		e.Col = p.Col("policy.revises")
		errs = append(errs, e)
	}
	for _, p := range s.Pages {
		pol := p.Meta.Policy
		if pol == nil || pol.Revises == "" {
			continue
		}
		t := ref(p, "policy.revises", pol.Revises)
		switch {
		case t == nil:
			continue
		case t.Type != TypePolicy || p.Type != TypePolicy:
			bad(p, "revises 只能用于政策文件之间：「%s」和本页都应是 kind = \"policy\" 的文件 (revises links policies)", pol.Revises)
			continue
		case t.RevisedBy != nil:
			bad(p, "「%s」已被 %s 修订：一个版本只能有一个新版本，请让本页的 revises 指向 %s (version revised twice)",
				pol.Revises, t.RevisedBy.SourcePath(), strings.TrimPrefix(t.RevisedBy.SourcePath(), "content/"))
			continue
		}
		p.Revises, t.RevisedBy = t, p
	}
	// A chain that comes back to where it started has no first version.
	reported := map[*Page]bool{}
	for _, p := range s.Pages {
		var chain []*Page
		seen := map[*Page]bool{}
		for q := p; q != nil && !reported[q]; q = q.Revises {
			if seen[q] {
				names := make([]string, 0, len(chain)+1)
				start := 0
				for i, c := range chain {
					if c == q {
						start = i
					}
				}
				for _, c := range chain[start:] {
					names = append(names, strings.TrimPrefix(c.SourcePath(), "content/"))
					reported[c] = true
				}
				names = append(names, strings.TrimPrefix(q.SourcePath(), "content/"))
				bad(q, "revises 形成了循环（%s）：revises 应指向上一个（更早的）版本，最早的版本不写 revises (revises cycle)", strings.Join(names, " → "))
				break
			}
			seen[q] = true
			chain = append(chain, q)
		}
	}
	if len(errs) > 0 {
		return errs.Err()
	}
	for _, p := range s.Pages {
		if p.Revises != nil || p.RevisedBy == nil {
			continue
		}
		w := &Work{}
		for q := p; q != nil; q = q.RevisedBy {
			w.Versions = append(w.Versions, q)
			q.Work = w
		}
		s.Works = append(s.Works, w)
	}
	return nil
}

// revisedAt reports whether p's next version is in force at now.
func revisedAt(p *Page, now time.Time) bool {
	return p.RevisedBy != nil && effectiveAt(p.RevisedBy, now)
}
