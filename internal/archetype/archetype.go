// Package archetype writes the first version of a new content page from a
// template (an archetype). The default archetypes live in the theme's
// archetypes/ folder, embedded in the binary; a site may override any of
// them with its own archetypes/<kind>.md.
//
// Archetypes are text/template files. Their data is Data: the time, the
// page's title worked out from its file name, the next free 索引号 for a
// policy and a few defaults read from the site. Everything here is pure
// except Load, which reads the site and theme file systems.
package archetype

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"text/template"
	"time"

	"github.com/fazhi-dev/fazhi"
	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/frontmatter"
)

// Kinds of page an archetype exists for, in the order shown to authors.
const (
	Policy  = "policy"
	Notice  = "notice"
	Article = "article"
	Page    = "page"
	// XxgkReport and FazhiReport are the two statutory annual reports.
	XxgkReport  = "xxgk-report"
	FazhiReport = "fazhi-report"
)

// Kinds lists every kind with its Chinese name.
var Kinds = []struct{ Name, Chinese string }{
	{Policy, "政策文件"},
	{Notice, "公告"},
	{Article, "文章"},
	{Page, "页面"},
	{XxgkReport, "政府信息公开年报"},
	{FazhiReport, "法治政府建设年度报告"},
}

// NormalizeKind turns a kind as typed on the command line ("policy",
// "Policy", "政策文件") into its English name; ok is false for an unknown
// kind.
func NormalizeKind(s string) (kind string, ok bool) {
	s = strings.TrimSpace(s)
	for _, k := range Kinds {
		if strings.EqualFold(s, k.Name) || s == k.Chinese {
			return k.Name, true
		}
	}
	return "", false
}

// ChineseName returns the Chinese name of kind ("政策文件"), or kind itself.
func ChineseName(kind string) string {
	for _, k := range Kinds {
		if k.Name == kind {
			return k.Chinese
		}
	}
	return kind
}

// DateLayout is how .Date is written: a TOML offset date-time.
const DateLayout = "2006-01-02T15:04:05-07:00"

// Data is what an archetype template sees.
type Data struct {
	// Kind is policy, notice, article or page.
	Kind string
	// Now is the creation time in the site's time zone.
	Now time.Time
	// Date is Now written as 2006-01-02T15:04:05+08:00.
	Date string
	// Title is the title worked out from the file name ("" when the name
	// is not in Chinese; the archetype then writes a placeholder).
	Title string
	// Path is the content path of the new page, "zhengce/2026-banfa.md".
	Path string
	// Section is the folder of the page under content/ ("zhengce"; "" at
	// the top level). A page bundle's own folder is not counted.
	Section string

	// IndexNumber is the next free 索引号 for a policy.
	IndexNumber string
	// IndexPlaceholder reports that IndexNumber uses the placeholder
	// issuer code 000000000 because no code is known.
	IndexPlaceholder bool
	// Issuer is the issuing body that goes with the issuer code, when the
	// site knows it; "" otherwise.
	Issuer string

	// NoticeType is the notice type guessed from the file name
	// ("kaiting" → 开庭公告); 送达公告 when nothing matches.
	NoticeType string
	// Source is the default 来源 of an article: the site's operator
	// (承办单位) or sponsor (主办单位).
	Source string
}

// NewData fills the fields of Data that follow from the kind, the content
// path and the time. The policy and site defaults (IndexNumber, Issuer,
// Source) are left for the caller.
func NewData(kind, contentPath string, now time.Time) Data {
	return Data{
		Kind:       kind,
		Now:        now,
		Date:       now.Format(DateLayout),
		Title:      TitleFromPath(contentPath),
		Path:       contentPath,
		Section:    SectionOf(contentPath),
		NoticeType: NoticeTypeFromPath(contentPath),
	}
}

// SectionOf returns the folder of a content path, skipping the bundle
// folder of an index.md: "zhengce/a.md" and "zhengce/a/index.md" are both
// in "zhengce".
func SectionOf(contentPath string) string {
	dir := path.Dir(contentPath)
	if path.Base(contentPath) == "index.md" {
		dir = path.Dir(dir)
	}
	if dir == "." {
		return ""
	}
	return dir
}

// FileName returns the archetype file of kind: "archetypes/policy.md".
func FileName(kind string) string { return "archetypes/" + kind + ".md" }

// Load returns the archetype of kind: the site's own archetypes/<kind>.md
// when it exists, else the default one. name is the file the text came
// from, for messages; fromSite tells which.
func Load(site fs.FS, kind string) (src []byte, name string, fromSite bool, err error) {
	name = FileName(kind)
	if site != nil {
		src, err = fs.ReadFile(site, name)
		if err == nil {
			return src, name, true, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, name, true, diag.New(name, 0, "无法读取：%v", err)
		}
	}
	src, err = fs.ReadFile(fazhi.Theme, name)
	if err != nil {
		return nil, name, false, fmt.Errorf("没有「%s」类型的默认模板 (no default archetype %s)", kind, name)
	}
	return src, name, false, nil
}

// Render executes the default archetype of kind with data.
func Render(kind string, data Data) ([]byte, error) {
	src, name, _, err := Load(nil, kind)
	if err != nil {
		return nil, err
	}
	return Execute(name, src, data)
}

// Execute runs the archetype text src (from file name) with data and
// checks that the result is a page fazhi can read: TOML front matter
// between +++ lines with known keys only. A problem is reported against
// the archetype file.
func Execute(name string, src []byte, data Data) ([]byte, error) {
	t, err := template.New(name).Funcs(Funcs).Option("missingkey=error").Parse(string(src))
	if err != nil {
		return nil, diag.New(name, 0, "模板错误：%v", err)
	}
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return nil, diag.New(name, 0, "模板错误：%v", err)
	}
	out := b.Bytes()
	fm, _, fmLine, _, err := frontmatter.Split(name, out)
	if err != nil {
		return nil, fmt.Errorf("模板 %s 生成的文件不能用：%w", name, err)
	}
	loc := data.Now.Location()
	if _, err := frontmatter.Decode(name, fm, fmLine, loc); err != nil {
		return nil, fmt.Errorf("模板 %s 生成的前言有误（请改正模板）：%w", name, err)
	}
	return out, nil
}

// Funcs are the functions archetypes may call besides the text/template
// built-ins.
var Funcs = template.FuncMap{
	// quote writes s as a TOML string: quote "某市\"办法\"" is "某市\"办法\"".
	"quote": Quote,
	// day writes a time as a TOML date: day .Now is 2026-03-01.
	"day": func(t time.Time) string { return t.Format("2006-01-02") },
	// addDays moves a time by n days: addDays 30 .Now.
	"addDays": func(n int, t time.Time) time.Time { return t.AddDate(0, 0, n) },
	// lastYear is the year before t's: the year an annual report written
	// at t is about (lastYear .Now is 2025 in 2026).
	"lastYear": func(t time.Time) int { return t.Year() - 1 },
}

// Quote writes s as a TOML basic string with the quotes.
func Quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
