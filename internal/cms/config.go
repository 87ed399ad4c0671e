package cms

import (
	"encoding/json"
	"reflect"
	"sort"
	"strings"

	"github.com/fazhi-dev/fazhi/internal/config"
	"github.com/fazhi-dev/fazhi/internal/site"
)

// Column is a column (栏目) of the site: a folder of content/ with an
// _index.md.
type Column struct {
	// Path is the folder below content/, "zhengce" or "xxgk/nianbao".
	Path string
	// Title is the column's title.
	Title string
	// Type is the content type of its pages (site.TypePolicy …).
	Type string
}

// Columns lists the site's columns, by path.
func Columns(s *site.Site) []Column {
	var out []Column
	for p, sec := range s.SectionByPath {
		if p == "" || sec.Index == nil {
			continue
		}
		t := sec.Type
		if t == "" {
			t = site.TypeArticle
		}
		out = append(out, Column{Path: p, Title: sec.Title(), Type: t})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// ProxyURL is where fazhi serve --cms answers Decap's local-backend API.
const ProxyURL = "/admin/api/v1"

// ColumnsCollection names the collection of the columns' _index.md files.
const ColumnsCollection = "lanmu"

// Generate returns config.yml for the columns of a site with settings
// cfg. local selects the backend fazhi serve --cms answers itself;
// otherwise the Git host of [cms] is used.
func Generate(cols []Column, cfg *config.Config, local bool) ([]byte, error) {
	c := Config{
		Locale:       "zh_Hans",
		MediaFolder:  "content/uploads",
		PublicFolder: "/uploads",
		Slug:         SlugConf{Encoding: "ascii", CleanAccents: true, SanitizeReplacement: "-"},
	}
	cc := cfg.CMS
	branch := cc.Branch
	if branch == "" {
		branch = "main"
	}
	if local {
		c.Backend = Backend{Name: "proxy", ProxyURL: ProxyURL, Branch: branch}
	} else {
		c.Backend = Backend{Name: cc.Backend, Repo: cc.Repo, Branch: branch, BaseURL: cc.BaseURL, APIRoot: cc.APIRoot, AppID: cc.AppID}
		if cc.AppID != "" {
			c.Backend.AuthType = "pkce"
		}
		if cc.EditorialWorkflow && cc.Backend == config.CMSGitLab {
			c.PublishMode = "editorial_workflow"
		}
		if base := site.ParseBase(cfg.BaseURL); base.Origin() != "" {
			c.SiteURL = base.Abs("/")
			c.DisplayURL = c.SiteURL
		}
	}
	rel := relationTarget{}
	for _, col := range cols {
		if col.Type == site.TypePolicy {
			rel.collection = collectionName(col.Path)
			break
		}
	}
	keys := Keys()
	for _, col := range cols {
		if col.Type != site.TypeEnforcement { // its pages come from a data file
			c.Collections = append(c.Collections, columnCollection(col, keys, rel))
		}
	}
	c.Collections = append(c.Collections, columnsCollection(cols, keys, rel))
	return json.MarshalIndent(c, "", "  ")
}

// collectionName turns a column path into a collection name.
func collectionName(p string) string { return strings.ReplaceAll(p, "/", "-") }

// forType reports whether a top-level key belongs in the form of a page
// of content type typ.
func forType(key, typ string) bool {
	switch key {
	case "columnType", "keywords", "enforcement":
		return false // keys of a column's _index.md
	case "policy", "cleanup":
		return typ == site.TypePolicy
	case "notice":
		return typ == site.TypeNotice
	case "article", "interprets", "report":
		return typ == site.TypeArticle
	case "consultation":
		return typ == site.TypePolicy || typ == site.TypeArticle
	}
	return true
}

// topOrder is the order of the common keys in the form; the tables
// follow, then the body.
var topOrder = []string{"title", "slug", "date", "draft", "summary", "tags", "interprets", "lastmod",
	"publishDate", "expiryDate", "description", "weight", "aliases", "url", "kind", "articles", "faq",
	"columnType", "keywords"}

func topKeys(keys map[string]reflect.Type) []string {
	var out []string
	seen := map[string]bool{}
	for _, k := range topOrder {
		if _, ok := keys[k]; ok {
			out = append(out, k)
			seen[k] = true
		}
	}
	var rest []string
	for k := range keys {
		if !strings.Contains(k, ".") && !seen[k] {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}

func columnCollection(col Column, keys map[string]reflect.Type, rel relationTarget) Collection {
	name := collectionName(col.Path)
	c := Collection{
		Name: name, Label: col.Title, LabelSingular: col.Title,
		Folder: "content/" + col.Path, Create: true, Extension: "md",
		Format: "toml-frontmatter", FrontmatterDelimiter: "+++",
		Slug:           "{{year}}-{{month}}-{{day}}-{{fields.slug}}",
		Summary:        "{{title}}",
		SortableFields: []string{"date", "title"},
	}
	if col.Type == site.TypePolicy {
		// A policy is a page bundle: its attachments sit beside index.md.
		empty := ""
		c.Path = "{{slug}}/index"
		c.MediaFolder, c.PublicFolder = &empty, &empty
	}
	for _, k := range topKeys(keys) {
		if forType(k, col.Type) {
			f := fieldFor(k, keys[k], rel)
			if k == "policy" && col.Type != site.TypePolicy || k == "notice" && col.Type != site.TypeNotice {
				f.Required = false
			}
			c.Fields = append(c.Fields, f)
		}
	}
	c.Fields = append(c.Fields, bodyField(false))
	return c
}

// columnsCollection edits the columns' own pages: title, type and the
// text shown above the list.
func columnsCollection(cols []Column, keys map[string]reflect.Type, rel relationTarget) Collection {
	c := Collection{Name: ColumnsCollection, Label: "栏目设置", Format: "toml-frontmatter", FrontmatterDelimiter: "+++",
		Description: "各栏目的名称、类型和栏目首页的说明文字"}
	no := false
	c.Delete = &no
	for _, col := range cols {
		f := File{Label: col.Title, Name: collectionName(col.Path), File: "content/" + col.Path + "/_index.md"}
		for _, k := range []string{"title", "description", "keywords", "columnType", "kind", "weight", "enforcement"} {
			fd := fieldFor(k, keys[k], rel)
			if k == "kind" {
				fd.Options = site.ColumnKinds
				fd.Hint = "本栏目页面的类型：policy 政策文件、notice 公告、article 文章、page 普通页面；enforcement 行政执法公示（内容来自 data 文件夹的表格）"
			}
			f.Fields = append(f.Fields, fd)
		}
		f.Fields = append(f.Fields, bodyField(false))
		c.Files = append(c.Files, f)
	}
	return c
}

func bodyField(required bool) Field {
	// Raw Markdown first: the rich-text mode re-writes Markdown, and the
	// text of a legal document must stay as the author wrote it.
	return Field{Label: "正文", Name: "body", Widget: "markdown", Required: required, Modes: []string{"raw", "rich_text"},
		Hint: "条文写成「第一条　……」，fazhi 自动生成条文锚点"}
}
