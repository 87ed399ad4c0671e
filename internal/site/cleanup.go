package site

import (
	"time"

	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/legal"
)

// CleanupInfo is what a 清理结果 page (kind = "cleanup") shows: the
// decision date and, for each outcome, the documents listed under it.
type CleanupInfo struct {
	Decided time.Time
	Groups  []CleanupGroup
}

// CleanupGroup is the documents of one outcome, in the order written.
type CleanupGroup struct {
	Outcome legal.CleanupOutcome
	Pages   []*Page
}

// Count is the number of documents listed under all outcomes.
func (c *CleanupInfo) Count() int {
	n := 0
	for _, g := range c.Groups {
		n += len(g.Pages)
	}
	return n
}

// resolveCleanup reads the [cleanup] table of a 清理结果 page: each listed
// content path must be a policy, listed once; each listed policy records
// the decision. ref resolves a content path and reports its errors.
func resolveCleanup(p *Page, ref func(p *Page, key, target string) *Page) error {
	var errs diag.List
	m := p.Meta.Cleanup
	if m == nil || m.Decided.IsZero() {
		return diag.New(p.SourcePath(), p.Line("kind"),
			"清理结果页面（kind = \"cleanup\"）缺少 [cleanup] 表或其中的决定日期：请写 [cleanup] decided = 2026-05-01，再用 continued（继续有效）、revised（修改后重新发布）、expired（宣布失效）、repealed（宣布废止）列出文件路径 (missing [cleanup] decided)")
	}
	info := &CleanupInfo{Decided: m.Decided.Time}
	seen := map[*Page]legal.CleanupOutcome{}
	for i, list := range [][]string{m.Continued, m.Revised, m.Expired, m.Repealed} {
		outcome := legal.CleanupOutcomes[i]
		key := "cleanup." + [...]string{"continued", "revised", "expired", "repealed"}[i]
		g := CleanupGroup{Outcome: outcome}
		for _, target := range list {
			t := ref(p, key, target)
			if t == nil {
				continue
			}
			if t.Type != TypePolicy {
				errs = append(errs, diag.New(p.SourcePath(), p.Line(key),
					"%s 中的「%s」不是政策文件：清理结果只能列出 kind = \"policy\" 的文件 (not a policy)", key, target))
				continue
			}
			if o, dup := seen[t]; dup {
				errs = append(errs, diag.New(p.SourcePath(), p.Line(key),
					"「%s」在本清理结果中列了两次（%s、%s）：每个文件只能有一个清理结论 (listed twice)", target, o, outcome))
				continue
			}
			seen[t] = outcome
			g.Pages = append(g.Pages, t)
			t.Decisions = append(t.Decisions, Decision{By: p, Outcome: outcome, Decided: m.Decided.Time})
		}
		info.Groups = append(info.Groups, g)
	}
	p.Cleanup = info
	return errs.Err()
}
