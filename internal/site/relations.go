package site

import (
	"strings"

	"github.com/fazhi-dev/fazhi/internal/diag"
)

// lookup finds a page by a content path as authors write it:
// "zhengce/a.md", "/zhengce/a.md", "content/zhengce/a.md", "zhengce/b"
// (a bundle) or "zhengce/b/index.md".
func (s *Site) lookup(ref string) (p *Page, excluded bool) {
	r := strings.TrimPrefix(strings.TrimSpace(ref), "/")
	r = strings.TrimPrefix(r, "content/")
	for _, c := range []string{r, r + ".md", strings.TrimSuffix(r, "/") + "/index.md"} {
		if p, ok := s.ByPath[c]; ok {
			return p, false
		}
		if p, ok := s.Excluded[c]; ok {
			return p, true
		}
	}
	return nil, false
}

func (s *Site) resolveRelations() error {
	var errs diag.List
	ref := func(p *Page, key, target string) *Page {
		t, excluded := s.lookup(target)
		switch {
		case t == nil:
			e := diag.New(p.SourcePath(), p.Line(key),
				"%s 指向的「%s」不存在：请写 content 文件夹下的文件路径，如 \"zhengce/2024-banfa.md\" (reference to a missing page)", key, target)
			e.Col = p.Col(key)
			errs = append(errs, e)
			return nil
		case excluded:
			s.Warnings = append(s.Warnings, &diag.Error{File: p.SourcePath(), Line: p.Line(key), Level: diag.LevelWarning,
				Msg: "「" + target + "」是草稿、尚未发布或已过期的页面，本次构建不显示这一关联"})
			return nil
		case t == p:
			errs = append(errs, diag.New(p.SourcePath(), p.Line(key), "%s 不能指向本页自己", key))
			return nil
		}
		return t
	}
	for _, p := range s.Pages {
		for _, target := range p.Meta.Interprets {
			if t := ref(p, "interprets", target); t != nil {
				p.Interprets = append(p.Interprets, t)
				t.Interpretations = append(t.Interpretations, p)
			}
		}
		if pol := p.Meta.Policy; pol != nil {
			for _, target := range pol.Amends {
				if t := ref(p, "policy.amends", target); t != nil {
					p.Amends = append(p.Amends, t)
					t.AmendedBy = append(t.AmendedBy, p)
				}
			}
			if pol.SupersededBy != "" {
				if t := ref(p, "policy.supersededBy", pol.SupersededBy); t != nil {
					p.SupersededBy = t
					t.Supersedes = append(t.Supersedes, p)
				}
			}
		}
	}
	errs.Add(s.resolveVersions(ref))
	for _, p := range s.Pages {
		if p.Type == TypeCleanup {
			errs.Add(resolveCleanup(p, ref))
		}
	}
	for _, p := range s.Pages {
		sortPages(p.Interpretations)
		sortPages(p.AmendedBy)
	}
	return errs.Err()
}
