package site

import (
	"path"
	"strings"
	"time"

	"github.com/fazhi-dev/fazhi/internal/frontmatter"
	"github.com/fazhi-dev/fazhi/internal/legal"
)

// Validity values of a policy (有效性); their home is legal.
const (
	NotYetInForce = legal.NotYetInForce
	InForce       = legal.InForce
	Expired       = legal.Expired
	Repealed      = legal.Repealed
	Amended       = legal.Amended
)

// PolicyInfo is a policy's metadata with its computed validity.
type PolicyInfo struct {
	*frontmatter.Policy
	// Validity is computed at build time from dates, status and relations.
	Validity legal.Validity
	// Reason explains a validity other than 有效, for the banner.
	Reason string
	// Line is the status line under the title: the state, its date and
	// its reason in one sentence (「已失效 · 有效期至2025年6月30日」).
	Line legal.StatusLine
	// Link is the page the status line links to (the replacing or
	// amending document, or the cleanup decision) and LinkLabel its text.
	Link      *Page
	LinkLabel string
	// ValidUntil is the last day in force: expires, or the default 有效期
	// of a 行政规范性文件 ([legal] normativeValidityYears), zero if none.
	ValidUntil time.Time
	// DefaultYears is the default 有效期 in years when ValidUntil came
	// from the site's setting rather than expires; 0 otherwise.
	DefaultYears int
	// Decision is the cleanup decision that set the state, if any.
	Decision *Decision
	// Revised is set on an older version of a revised document once its
	// new text is in force: it is 已修改 and no longer applies.
	Revised bool
	// ReplacedBy links to the page that replaced or amended it, if any.
	ReplacedBy *Page
	// Attachments with their sizes and types.
	Files []AttachmentFile
}

// Decision is a cleanup (清理结果) decision about a document.
type Decision struct {
	By      *Page // the 清理结果 page
	Outcome legal.CleanupOutcome
	Decided time.Time // the decision date; it applies from 00:00 of that day
}

// AttachmentFile is an attachment of a policy as shown to readers.
type AttachmentFile struct {
	Name string // display name
	File string // path relative to the page bundle
	URL  string // site-relative URL
	Ext  string // upper-case type, "PDF"
	Size int64  // bytes
}

// InForce reports whether the policy has legal force now (有效 or 已修改),
// which an older version whose new text is in force has not.
func (p *PolicyInfo) InForce() bool { return p.Validity.HasForce() && !p.Revised }

// computeValidity applies the validity rules to page p at now; years is
// the default 有效期 of a 行政规范性文件 without expires (0: none).
// Order: explicit status; a cleanup decision in effect; replacement by a
// page in force; the effective date (尚未施行); the last day of the
// 有效期; a new version in force (修订), then a 修改决定 in force;
// otherwise 有效.
func computeValidity(p *Page, now time.Time, years int) {
	info := p.Policy
	info.ValidUntil = info.Expires.Time
	if info.ValidUntil.IsZero() && info.Genre == legal.GenreNormative && years > 0 {
		if from := effectiveDay(p); !from.IsZero() {
			info.ValidUntil, info.DefaultYears = legal.DefaultExpiry(from, years), years
		}
	}
	decideValidity(p, now)
	info.Line = statusLine(p, now)
	info.Link, info.LinkLabel = statusLink(p)
}

// statusLink is the page the status line links to, with its label.
func statusLink(p *Page) (*Page, string) {
	info := p.Policy
	switch {
	case info.Decision != nil && info.Decision.Outcome != legal.CleanupContinued:
		return info.Decision.By, "查看清理结果"
	case info.ReplacedBy == nil:
		return nil, ""
	case info.Validity == Amended && info.ReplacedBy == p.RevisedBy:
		return info.ReplacedBy, "查看新版本"
	case info.Validity == Amended:
		return info.ReplacedBy, "查看修改文件"
	}
	return info.ReplacedBy, "查看现行文件"
}

// statusLine fills the status line from the computed state.
func statusLine(p *Page, now time.Time) legal.StatusLine {
	info := p.Policy
	l := legal.StatusLine{Validity: info.Validity}
	if d := info.Decision; d != nil {
		l.By, l.Cleanup, l.Since = ref(d.By), true, d.Decided
		return l
	}
	if r := info.ReplacedBy; r != nil {
		l.By = ref(r)
		l.Revised = r == p.RevisedBy
	}
	switch info.Validity {
	case InForce, NotYetInForce:
		l.Since = info.Effective.Time
		if l.Since.IsZero() && info.Validity == InForce {
			l.Since = p.Date
		}
	case Expired:
		l.Until = info.ValidUntil
	case Repealed:
		if r := info.ReplacedBy; r != nil && effectiveAt(r, now) {
			l.Since = effectiveDay(r)
		}
	}
	return l
}

// ref names page p in a status line.
func ref(p *Page) legal.Ref {
	r := legal.Ref{Title: p.Title}
	if p.Meta != nil && p.Meta.Policy != nil {
		r.DocNumber = p.Meta.Policy.DocNumber
	}
	return r
}

// effectiveDay is the day page p takes effect: its 施行日期, or its date.
func effectiveDay(p *Page) time.Time {
	if p.Meta != nil && p.Meta.Policy != nil && !p.Meta.Policy.Effective.IsZero() {
		return p.Meta.Policy.Effective.Time
	}
	return p.Date
}

// decision returns the latest cleanup decision about p in effect at now
// (from 00:00 of its decision date), or nil.
func decision(p *Page, now time.Time) *Decision {
	var d *Decision
	for i := range p.Decisions {
		c := &p.Decisions[i]
		if now.Before(legal.StartOfDay(c.Decided)) {
			continue
		}
		if d == nil || c.Decided.After(d.Decided) {
			d = c
		}
	}
	return d
}

func decideValidity(p *Page, now time.Time) {
	info := p.Policy
	info.Decision, info.Revised = nil, false
	switch info.Status {
	case legal.StatusRepealed:
		info.Validity, info.Reason = Repealed, "本文件已废止"
		info.ReplacedBy = p.SupersededBy
		return
	case legal.StatusExpired:
		info.Validity, info.Reason = Expired, "本文件已失效"
		info.ReplacedBy = p.SupersededBy
		return
	case legal.StatusAmended:
		info.Validity, info.Reason = Amended, "本文件已被修改"
		info.ReplacedBy = newestAmender(p)
		return
	}
	if d := decision(p, now); d != nil {
		info.Decision = d
		info.Validity, info.Reason = d.Outcome.Validity(), "本文件经清理"+string(d.Outcome)
		return
	}
	if s := p.SupersededBy; s != nil && effectiveAt(s, now) {
		info.Validity, info.Reason, info.ReplacedBy = Repealed, "本文件已被新文件替代而废止", s
		return
	}
	if !info.Effective.IsZero() && now.Before(legal.StartOfDay(info.Effective.Time)) {
		info.Validity, info.Reason = NotYetInForce, "本文件自"+info.Effective.Format("2006年1月2日")+"起施行"
		return
	}
	if !info.ValidUntil.IsZero() && !now.Before(legal.StartOfDay(info.ValidUntil).AddDate(0, 0, 1)) {
		info.Validity, info.Reason = Expired, "本文件有效期至"+info.ValidUntil.Format("2006年1月2日")+"，已失效"
		info.ReplacedBy = p.SupersededBy
		return
	}
	if revisedAt(p, now) {
		info.Validity, info.Reason, info.ReplacedBy = Amended, "本文件已被修订", p.RevisedBy
		info.Revised = true
		return
	}
	if a := newestAmender(p); a != nil && effectiveAt(a, now) {
		info.Validity, info.Reason, info.ReplacedBy = Amended, "本文件已被修改，请同时阅读修改文件", a
		return
	}
	info.Validity = InForce
}

func effectiveAt(p *Page, now time.Time) bool {
	if p.Policy == nil || p.Policy.Effective.IsZero() {
		return !p.Date.After(now)
	}
	return !now.Before(legal.StartOfDay(p.Policy.Effective.Time))
}

func newestAmender(p *Page) *Page {
	var n *Page
	for _, a := range p.AmendedBy {
		if n == nil || a.Date.After(n.Date) {
			n = a
		}
	}
	return n
}

// attachmentFiles lists a policy's attachments as readers see them: name,
// URL beside the page, upper-case type and size (from the content walk).
func attachmentFiles(p *Page) []AttachmentFile {
	var out []AttachmentFile
	for _, a := range p.Policy.Attachments {
		size, ok := p.File.Sizes[path.Join(path.Dir(p.Path), a.File)]
		if !ok {
			continue
		}
		out = append(out, AttachmentFile{
			Name: a.Name, File: a.File, URL: p.Folder() + a.File,
			Ext: strings.ToUpper(strings.TrimPrefix(path.Ext(a.File), ".")), Size: size,
		})
	}
	return out
}
