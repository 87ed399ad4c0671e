package cms

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/config"
	"github.com/fazhi-dev/fazhi/internal/legal"
	"github.com/fazhi-dev/fazhi/internal/site"
)

// testColumns has a column of every content type.
var testColumns = []Column{
	{Path: "gongzuo", Title: "工作动态", Type: site.TypeArticle},
	{Path: "sifa", Title: "司法公开", Type: site.TypeNotice},
	{Path: "zhengce", Title: "政策文件", Type: site.TypePolicy},
	{Path: "about", Title: "关于", Type: site.TypePage},
	{Path: "zhifa", Title: "执法公示", Type: site.TypeEnforcement},
}

func generate(t *testing.T, cfg *config.Config, local bool) Config {
	t.Helper()
	b, err := Generate(testColumns, cfg, local)
	if err != nil {
		t.Fatal(err)
	}
	var c Config
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// fieldsByKey indexes every field of every collection (and of the columns
// collection's files) by its dotted key, "policy.docNumber".
func fieldsByKey(c Config) map[string][]Field {
	out := map[string][]Field{}
	var walk func(prefix string, fs []Field)
	walk = func(prefix string, fs []Field) {
		for _, f := range fs {
			k := prefix + f.Name
			out[k] = append(out[k], f)
			walk(k+".", f.Fields)
		}
	}
	for _, col := range c.Collections {
		walk("", col.Fields)
		for _, f := range col.Files {
			walk("", f.Fields)
		}
	}
	return out
}

// TestConfigCoversContentModel: every key the front-matter parser accepts
// (the fields of frontmatter.Meta, found by reflection: the struct the
// parser decodes into) has a field in the editor, and every closed list
// that fazhi checks a value against is a select with exactly its values.
// A key or an enum value added to fazhi without reaching the editor fails
// here.
func TestConfigCoversContentModel(t *testing.T) {
	c := generate(t, config.Default(), true)
	got := fieldsByKey(c)
	keys := Keys()
	if len(keys) < 60 {
		t.Fatalf("only %d front-matter keys found", len(keys))
	}
	for k, typ := range keys {
		fs, ok := got[k]
		if !ok {
			if strings.HasPrefix(k, "report.table") {
				continue
			}
			t.Errorf("front-matter key %q (%s) has no field in config.yml", k, typ)
			continue
		}
		// A named string type of package legal is a closed list.
		if typ.Kind() == reflect.String && typ.PkgPath() == reflect.TypeFor[legal.NoticeType]().PkgPath() {
			want, known := enums[typ]
			if !known {
				t.Errorf("%s is of the closed type %s, which the editor has no list for", k, typ)
				continue
			}
			for _, f := range fs {
				if f.Widget != "select" || !slices.Equal(f.Options, want) {
					t.Errorf("%s: widget %s options %v; want select of %v", k, f.Widget, f.Options, want)
				}
			}
		}
	}
	for k, want := range map[string][]string{
		"columnType": legal.ColumnTypes, "enforcement.type": {"行政处罚", "行政许可"},
		"policy.genre": legal.PolicyGenres, "policy.status": legal.PolicyStatuses,
		"notice.type": legal.NoticeTypes, "report.type": legal.ReportTypes,
	} {
		if len(got[k]) == 0 {
			t.Errorf("%s missing", k)
		}
		for _, f := range got[k] {
			if f.Widget != "select" || !slices.Equal(f.Options, want) {
				t.Errorf("%s: %s %v; want select of %v", k, f.Widget, f.Options, want)
			}
		}
	}
	// kind: a page's type in the columns' forms, and also enforcement in
	// a column's _index.md.
	for _, f := range got["kind"] {
		if f.Widget != "select" || !slices.Equal(f.Options, site.ContentTypes) && !slices.Equal(f.Options, site.ColumnKinds) {
			t.Errorf("kind: %s %v", f.Widget, f.Options)
		}
	}
	for k, p := range map[string]legal.Pattern{
		"policy.indexNumber": legal.IndexNumberPattern, "policy.docNumber": legal.DocNumberPattern, "notice.caseNumber": legal.CaseNumberPattern,
	} {
		for _, f := range got[k] {
			if !slices.Equal(f.Pattern, []string{p.Regexp, p.Hint}) {
				t.Errorf("%s pattern %q; want legal's %s pattern and hint", k, f.Pattern, p.Kind)
			}
		}
	}
	for _, k := range []string{"interprets", "policy.amends", "policy.supersededBy", "policy.revises"} {
		if _, ok := keys[k]; !ok {
			continue // revises arrives with [policy] revises
		}
		for _, f := range got[k] {
			if f.Widget != "relation" || f.Collection != "zhengce" || f.ValueField != "{{dirname}}/{{filename}}.{{extension}}" {
				t.Errorf("%s: %+v; want a relation to the policies' content paths", k, f)
			}
		}
	}
	for k := range mapKeys {
		if len(got[k]) == 0 || len(got[k][0].Fields) != len(mapKeys[k]) {
			t.Errorf("%s: want one field per row of the statistical table", k)
		}
	}
	// Decap checks required fields inside a table left empty, so only the
	// tables a page of its type must have hold required fields.
	for _, k := range []string{"cleanup.decided", "consultation.from", "consultation.channel", "report.type", "enforcement.type"} {
		for _, f := range got[k] {
			if f.Required {
				t.Errorf("%s is required inside an optional table", k)
			}
		}
	}
	for _, k := range []string{"title", "slug", "date", "policy", "policy.indexNumber", "policy.issuer", "notice.type"} {
		for _, f := range got[k] {
			if !f.Required {
				t.Errorf("%s is not required", k)
			}
		}
	}
}

// TestCollections: one collection per column with its own fields, entries
// named YYYY-MM-DD-<slug>.md (a policy as a page bundle, its attachments
// beside it), TOML front matter between +++ lines, the Chinese interface.
func TestCollections(t *testing.T) {
	c := generate(t, config.Default(), true)
	if c.Locale != "zh_Hans" || c.Backend.Name != "proxy" || c.Backend.ProxyURL != ProxyURL {
		t.Errorf("locale %q backend %+v", c.Locale, c.Backend)
	}
	names := map[string]Collection{}
	for _, col := range c.Collections {
		names[col.Name] = col
		if col.Format != "toml-frontmatter" || col.FrontmatterDelimiter != "+++" {
			t.Errorf("%s: format %q delimiter %q", col.Name, col.Format, col.FrontmatterDelimiter)
		}
	}
	if len(c.Collections) != len(testColumns) { // no entries in the enforcement column; one for the columns
		t.Fatalf("%d collections; want one per column and the columns' own", len(c.Collections))
	}
	z := names["zhengce"]
	if z.Folder != "content/zhengce" || z.Slug != "{{year}}-{{month}}-{{day}}-{{fields.slug}}" ||
		z.Path != "{{slug}}/index" || z.MediaFolder == nil || *z.MediaFolder != "" {
		t.Errorf("zhengce: %+v", z)
	}
	if g := names["gongzuo"]; g.Path != "" || g.Slug != z.Slug {
		t.Errorf("gongzuo: path %q slug %q", g.Path, g.Slug)
	}
	has := func(col Collection, name string) bool {
		return slices.ContainsFunc(col.Fields, func(f Field) bool { return f.Name == name })
	}
	for col, want := range map[string][]string{"zhengce": {"policy", "cleanup"}, "sifa": {"notice"}, "gongzuo": {"article", "interprets"}} {
		for _, n := range want {
			if !has(names[col], n) {
				t.Errorf("%s lacks %s", col, n)
			}
		}
	}
	if has(names["sifa"], "policy") || has(names["zhengce"], "notice") || has(names["about"], "policy") {
		t.Error("a table of another content type is offered")
	}
	for _, f := range names["zhengce"].Fields {
		if f.Name == "date" && (f.Format != "YYYY-MM-DDTHH:mm:ss") {
			t.Errorf("date format %q: want a wall-clock time, read in the site's zone", f.Format)
		}
	}
}

func TestGitBackends(t *testing.T) {
	cfg := config.Default()
	cfg.CMS = config.CMS{Enable: true, Publish: true, Backend: "gitlab", Repo: "xxgk/site", Branch: "main",
		BaseURL: "https://git.example.gov.cn", APIRoot: "https://git.example.gov.cn/api/v4", AppID: "abc", EditorialWorkflow: true}
	cfg.BaseURL = "https://fzb.example.gov.cn/"
	c := generate(t, cfg, false)
	if c.Backend.Name != "gitlab" || c.Backend.Repo != "xxgk/site" || c.Backend.AuthType != "pkce" || c.Backend.AppID != "abc" ||
		c.Backend.APIRoot != "https://git.example.gov.cn/api/v4" || c.PublishMode != "editorial_workflow" || c.SiteURL != cfg.BaseURL {
		t.Errorf("gitlab: %+v publish_mode %q", c.Backend, c.PublishMode)
	}
	cfg.CMS.Backend = "gitea"
	if c := generate(t, cfg, false); c.PublishMode != "" || c.Backend.Name != "gitea" {
		t.Errorf("gitea: %+v publish_mode %q; Gitea has no editorial workflow", c.Backend, c.PublishMode)
	}
	// fazhi serve --cms always uses its own backend.
	if c := generate(t, cfg, true); c.Backend.Name != "proxy" || c.PublishMode != "" {
		t.Errorf("local: %+v", c.Backend)
	}
}

func TestEntryFile(t *testing.T) {
	var data map[string]any
	dec := json.NewDecoder(strings.NewReader(`{"title":"某办法","slug":"banfa","date":"2026-03-01T09:00:00","draft":false,
		"summary":"","tags":[],"weight":3,"policy":{"indexNumber":"009990011/2026-00017","issuer":["某市人民政府"],"docNumber":"","written":"2026-03-01"},
		"body":"第一条　为了……\n"}`))
	dec.UseNumber()
	if err := dec.Decode(&data); err != nil {
		t.Fatal(err)
	}
	b, err := EntryFile(data)
	if err != nil {
		t.Fatal(err)
	}
	want := "+++\ndate = \"2026-03-01T09:00:00\"\ndraft = false\nslug = \"banfa\"\ntitle = \"某办法\"\nweight = 3\n\n[policy]\n  indexNumber = \"009990011/2026-00017\"\n  issuer = [\"某市人民政府\"]\n  written = \"2026-03-01\"\n+++\n\n第一条　为了……\n"
	if string(b) != want {
		t.Errorf("EntryFile:\n%s\nwant:\n%s", b, want)
	}
}

func TestIndexHTML(t *testing.T) {
	h := string(IndexHTML("某市法治政府网", []string{"zhengce", "sifa"}, false, "/css/main.1.css"))
	for _, want := range []string{`<meta name="robots" content="noindex, nofollow">`, `<link href="config.yml" type="text/yaml" rel="cms-config-url">`,
		`<script src="decap-cms/decap-cms.js"></script>`, `data-fazhi-preview="css"`, `data-fazhi-css="/css/main.1.css"`, `data-fazhi-collections="zhengce sifa"`} {
		if !strings.Contains(h, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
	if strings.Contains(h, "http") {
		t.Errorf("index.html loads something from another host:\n%s", h)
	}
}
