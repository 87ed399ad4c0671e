package site

import (
	"fmt"
	"path"
	"strings"

	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/legal"
)

// domain checks the typed fields of policies, notices and columns, and
// computes validity and notice status at s.Now.
func (s *Site) domain() error {
	var errs diag.List
	for _, sec := range s.SectionByPath {
		ct := sec.ColumnType
		if ct != "" && !legal.IsColumnType(ct) {
			errs = append(errs, diag.New(sec.Index.SourcePath(), sec.Index.Line("columnType"),
				"栏目类型 columnType = \"%s\" 无效，应为%s (unknown column type)", ct, legal.OneOf(legal.ColumnTypes)))
		}
		switch sec.Type {
		case "", TypePolicy, TypeNotice, TypeArticle, TypePage, TypeEnforcement:
		default:
			errs = append(errs, diag.New(sec.Index.SourcePath(), sec.Index.Line("kind"),
				"kind = \"%s\" 无效，应为 \"policy\"、\"notice\"、\"article\"、\"page\" 或 \"enforcement\"", sec.Type))
		}
	}
	if s.Home != nil && s.Home.Meta != nil && s.Home.Meta.ColumnType != "" && !legal.IsColumnType(s.Home.Meta.ColumnType) {
		errs = append(errs, diag.New(s.Home.SourcePath(), s.Home.Line("columnType"),
			"栏目类型 columnType = \"%s\" 无效，应为%s", s.Home.Meta.ColumnType, legal.OneOf(legal.ColumnTypes)))
	}
	docNumbers := map[string]*Page{}
	indexNumbers := map[string]*Page{}
	for _, p := range s.Pages {
		switch p.Type {
		case TypePolicy:
			errs.Add(s.checkPolicy(p, docNumbers, indexNumbers))
		case TypeNotice:
			errs.Add(checkNotice(p))
		}
		if p.Report() != nil {
			errs.Add(checkReport(p))
		}
		if p.Meta.Consultation != nil {
			errs.Add(s.checkConsultation(p))
		}
	}
	if len(errs) > 0 {
		return errs
	}
	for _, p := range s.Pages {
		switch p.Type {
		case TypePolicy:
			computeValidity(p, s.Now, s.Config.Legal.ValidityYears(p.Title))
			p.Policy.Files = attachmentFiles(p)
		case TypeNotice:
			computeNotice(p, s.Now)
		}
		if p.Consultation != nil {
			computeConsultation(p, s.Now)
		}
	}
	for _, w := range s.Works {
		w.settle()
	}
	return nil
}

func (s *Site) checkPolicy(p *Page, docNumbers, indexNumbers map[string]*Page) error {
	var errs diag.List
	file := p.SourcePath()
	m := p.Meta.Policy
	if m == nil {
		return diag.New(file, 2, "政策文件缺少 [policy] 表：请写明 indexNumber（索引号）、issuer（发文机关）、docNumber（发文字号）等，见作者指南")
	}
	p.Policy = &PolicyInfo{Policy: m}
	bad := func(key, format string, args ...any) {
		errs = append(errs, diag.New(file, p.Line("policy."+key), format, args...))
	}
	if m.IndexNumber != "" {
		if _, err := legal.ParseIndexNumber(m.IndexNumber); err != nil {
			bad("indexNumber", "索引号 indexNumber 有误：%v", err)
		} else if other, dup := indexNumbers[m.IndexNumber]; dup {
			bad("indexNumber", "索引号「%s」与 %s 重复：索引号在全站必须唯一 (duplicate indexNumber)", m.IndexNumber, other.SourcePath())
		} else {
			indexNumbers[m.IndexNumber] = p
		}
	}
	if m.DocNumber != "" {
		if _, err := legal.ParseDocNumber(m.DocNumber); err != nil {
			bad("docNumber", "发文字号 docNumber 有误：%v", err)
		} else if other, dup := docNumbers[m.DocNumber]; dup {
			bad("docNumber", "发文字号「%s」与 %s 重复：发文字号在全站必须唯一 (duplicate docNumber)", m.DocNumber, other.SourcePath())
		} else {
			docNumbers[m.DocNumber] = p
		}
	}
	issuers := m.Issuer[:0:0]
	for _, is := range m.Issuer {
		if strings.TrimSpace(is) != "" {
			issuers = append(issuers, strings.TrimSpace(is))
		}
	}
	m.Issuer = issuers
	if len(m.Issuer) == 0 {
		bad("issuer", "缺少发文机关：请在 [policy] 中写 issuer = \"某市人民政府\"（联合发文写成列表） (missing issuer)")
	}
	if m.Genre != "" && !legal.IsPolicyGenre(string(m.Genre)) {
		bad("genre", "体裁 genre = \"%s\" 无效，应为%s", m.Genre, legal.OneOf(legal.PolicyGenres))
	}
	if m.Status != "" && !legal.IsPolicyStatus(string(m.Status)) {
		bad("status", "status = \"%s\" 无效，应为%s；仍然有效的文件不写 status", m.Status, legal.OneOf(legal.PolicyStatuses))
	}
	if !m.Expires.IsZero() && !m.Effective.IsZero() && m.Expires.Before(m.Effective.Time) {
		bad("expires", "有效期至 expires（%s）早于施行日期 effective（%s）：请改正日期 (expires before effective)",
			m.Expires.Format("2006-01-02"), m.Effective.Format("2006-01-02"))
	}
	for i, a := range m.Attachments {
		if a.File == "" || a.Name == "" {
			bad("attachments", "第 %d 个附件缺少 file 或 name：应写成 { file = \"fujian1.pdf\", name = \"附件1：申请表\" }", i+1)
			continue
		}
		if !hasResource(p, a.File) {
			bad("attachments", "附件「%s」不存在：附件文件要放在页面文件夹里（%s），并把页面命名为 index.md", a.File, path.Dir(file))
		}
	}
	return errs.Err()
}

func hasResource(p *Page, file string) bool {
	want := path.Join(path.Dir(p.Path), file)
	for _, r := range p.File.Resources {
		if r == want {
			return true
		}
	}
	return false
}

func checkNotice(p *Page) error {
	var errs diag.List
	file := p.SourcePath()
	m := p.Meta.Notice
	if m == nil {
		return diag.New(file, 2, "公告缺少 [notice] 表：请写明 type（公告类型）、caseNumber（案号）、court（法院）等，见作者指南")
	}
	p.Notice = &NoticeInfo{Notice: m}
	bad := func(key, format string, args ...any) {
		errs = append(errs, diag.New(file, p.Line("notice."+key), format, args...))
	}
	if !legal.IsNoticeType(string(m.Type)) {
		if m.Type == "" {
			bad("type", "缺少公告类型：请在 [notice] 中写 type = \"开庭公告\"，可选%s", legal.OneOf(legal.NoticeTypes))
		} else {
			bad("type", "公告类型 type = \"%s\" 无效，应为%s (unknown notice type)", m.Type, legal.OneOf(legal.NoticeTypes))
		}
	}
	if m.CaseNumber != "" {
		if _, err := legal.ParseCaseNumber(m.CaseNumber); err != nil {
			bad("caseNumber", "%v", err)
		}
	}
	if m.Type == legal.NoticeHearing && m.Hearing.IsZero() {
		bad("type", "开庭公告必须写开庭时间：在 [notice] 中加上 hearing = 2024-03-01T09:30:00 (missing hearing)")
	}
	if m.PeriodDays < 0 {
		bad("periodDays", "公告期 periodDays 应为正整数天数，如 periodDays = 30")
	}
	if m.PeriodDays > 0 && !m.Until.IsZero() {
		bad("until", "periodDays 和 until 只能写一个：公告期写天数，或写截止日期")
	}
	return errs.Err()
}

// String describes a page for debugging.
func (p *Page) String() string { return fmt.Sprintf("%s(%s)", p.Path, p.URL) }
