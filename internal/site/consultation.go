package site

import (
	"sort"
	"strings"
	"time"

	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/frontmatter"
	"github.com/fazhi-dev/fazhi/internal/legal"
)

// ConsultationInfo is a consultation's metadata with its computed state.
type ConsultationInfo struct {
	*frontmatter.Consultation
	// Status is 未开始, 征集中, 已结束 or 已反馈 at build time.
	Status legal.ConsultationStatus
	// Ends is the instant the comment period closes.
	Ends time.Time
	// ResultPage is the 采纳情况 page, when published.
	ResultPage *Page
	// Channels are the ways to comment, each with its link.
	Channels []Channel
}

// Open reports whether comments are being taken.
func (c *ConsultationInfo) Open() bool { return c.Status == legal.ConsultationOpen }

// LastDay returns the last day on which comments are taken.
func (c *ConsultationInfo) LastDay() time.Time { return c.Ends.Add(-time.Nanosecond) }

// ToEndOfDay reports whether to is a date, so that comments are taken
// through the whole of that day (as opposed to a closing time).
func (c *ConsultationInfo) ToEndOfDay() bool { return !c.Ends.Equal(c.To.Time) }

// Channel is one way to send comments: Href is a mailto: or web address,
// "" for a postal address.
type Channel struct {
	Text, Href string
}

func channelOf(s string) Channel {
	s = strings.TrimSpace(s)
	switch {
	case strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://"):
		return Channel{Text: s, Href: s}
	case strings.HasPrefix(s, "mailto:"):
		return Channel{Text: strings.TrimPrefix(s, "mailto:"), Href: s}
	case !strings.ContainsAny(s, " \t") && strings.Count(s, "@") == 1 && !strings.HasPrefix(s, "@") && !strings.HasSuffix(s, "@"):
		return Channel{Text: s, Href: "mailto:" + s}
	}
	return Channel{Text: s}
}

// checkConsultation checks a page's [consultation] table and resolves its
// result page.
func (s *Site) checkConsultation(p *Page) error {
	m := p.Meta.Consultation
	var errs diag.List
	file := p.SourcePath()
	bad := func(key, format string, args ...any) {
		line := p.Line("consultation." + key)
		if line == 0 {
			line = p.Line("consultation")
		}
		errs = append(errs, diag.New(file, line, format, args...))
	}
	c := &ConsultationInfo{Consultation: m}
	p.Consultation = c
	if m.From.IsZero() {
		bad("from", "意见征集缺少开始日期：请在 [consultation] 中写 from = 2026-12-01 (missing from)")
	}
	if m.To.IsZero() {
		bad("to", "意见征集缺少截止日期：请在 [consultation] 中写 to = 2026-12-31（当天 24 时截止）或 to = 2026-12-31T17:00:00 (missing to)")
	}
	if !m.From.IsZero() && !m.To.IsZero() && !legal.ConsultationEnd(m.To.Time).After(m.From.Time) {
		bad("to", "截止日期 to（%s）早于开始日期 from（%s）：请改正日期 (to before from)",
			m.To.Format("2006-01-02 15:04"), m.From.Format("2006-01-02 15:04"))
	}
	for _, ch := range m.Channel {
		if strings.TrimSpace(ch) != "" {
			c.Channels = append(c.Channels, channelOf(ch))
		}
	}
	if len(c.Channels) == 0 {
		bad("channel", "意见征集缺少反馈渠道：请在 [consultation] 中写 channel = \"fzb@moushi.gov.cn\"（电子邮箱、通信地址或网上表单的网址，可写成列表） (missing channel)")
	}
	if m.Result != "" {
		t, excluded := s.lookup(m.Result)
		switch {
		case t == nil || excluded:
			bad("result", "result 指向的采纳情况页面「%s」不存在或尚未发布：请写 content 文件夹下的文件路径，如 \"zhengji/2026-caina.md\" (result page missing)", m.Result)
		case t == p:
			bad("result", "result 不能指向本页自己：应指向另一篇采纳情况页面")
		default:
			c.ResultPage = t
		}
	}
	return errs.Err()
}

// computeConsultation sets the state at now.
func computeConsultation(p *Page, now time.Time) {
	c := p.Consultation
	c.Ends = legal.ConsultationEnd(c.To.Time)
	c.Status = legal.ConsultationState(c.From.Time, c.Ends, now, c.ResultPage != nil)
}

// openConsultations returns the pages of pages taking comments at build
// time, the one closing first first.
func openConsultations(pages []*Page) []*Page {
	var out []*Page
	for _, p := range pages {
		if p.Consultation != nil && p.Consultation.Open() {
			out = append(out, p)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Consultation.Ends, out[j].Consultation.Ends
		if !a.Equal(b) {
			return a.Before(b)
		}
		return out[i].Path < out[j].Path
	})
	return out
}

// OpenConsultations returns the site's consultations taking comments at
// build time, the one closing first first (the home page's 意见征集 block).
func (s *Site) OpenConsultations() []*Page { return openConsultations(s.Pages) }

// OpenConsultations returns the column's consultations taking comments at
// build time, the one closing first first.
func (s *Section) OpenConsultations() []*Page { return openConsultations(s.Pages) }

// HasConsultations reports whether any page of the column is a
// consultation, open or not.
func (s *Section) HasConsultations() bool {
	for _, p := range s.Pages {
		if p.Consultation != nil {
			return true
		}
	}
	return false
}
