package docscheck

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/check"
	"github.com/fazhi-dev/fazhi/internal/config"
	"github.com/fazhi-dev/fazhi/internal/frontmatter"
	"github.com/fazhi-dev/fazhi/internal/legal"
)

// tomlKeys lists the toml tags of a struct type and, one level down, of
// its struct fields, as "key" and "table.key".
func tomlKeys(t reflect.Type, prefix string, out *[]string) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return
	}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		key, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		if key == "" || key == "-" {
			continue
		}
		*out = append(*out, prefix+key)
		ft := f.Type
		for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice {
			ft = ft.Elem()
		}
		if ft.Kind() == reflect.Struct && ft != reflect.TypeOf(frontmatter.Time{}) {
			tomlKeys(ft, prefix+key+".", out)
		}
	}
}

// TestAuthorGuide checks that docs/作者指南.md explains every front-matter
// key, every check rule, every closed list of values and the default
// freshness limits, so that the guide cannot fall behind the program.
func TestAuthorGuide(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(repoRoot(t), "docs", "作者指南.md"))
	if err != nil {
		t.Fatal(err)
	}
	guide := string(src)
	var keys []string
	tomlKeys(reflect.TypeOf(frontmatter.Meta{}), "", &keys)
	if len(keys) < 40 {
		t.Fatalf("only %d front-matter keys found: %v", len(keys), keys)
	}
	for _, k := range keys {
		last := k[strings.LastIndex(k, ".")+1:]
		switch {
		case k == "policy" || k == "notice" || k == "article" || k == "cleanup" || k == "report":
			if !strings.Contains(guide, "`["+k+"]`") {
				t.Errorf("the guide does not show the [%s] table", k)
			}
		case strings.HasPrefix(k, "policy.attachments."):
			if !strings.Contains(guide, last+" = ") {
				t.Errorf("the guide does not show attachment key %s", last)
			}
		default:
			if !strings.Contains(guide, "| `"+last+"` |") {
				t.Errorf("front-matter key %s has no row in a table of the guide", k)
			}
		}
	}
	for id := range check.Rules {
		if !strings.Contains(guide, "| `"+id+"` |") {
			t.Errorf("check rule %s has no row in the guide", id)
		}
	}
	for _, list := range [][]string{legal.NoticeTypes, legal.PolicyGenres, legal.PolicyStatuses, legal.ColumnTypes, legal.ReportTypes} {
		for _, v := range list {
			if !strings.Contains(guide, v) {
				t.Errorf("the guide does not name %q", v)
			}
		}
	}
	for ct, days := range check.DefaultFreshness {
		found := false
		for _, line := range strings.Split(guide, "\n") {
			if strings.HasPrefix(line, "| ") && strings.Contains(line, ct) && strings.HasSuffix(line, fmt.Sprintf("| %d |", days)) {
				found = true
			}
		}
		if !found {
			t.Errorf("the guide's freshness table does not give %s = %d days", ct, days)
		}
	}
	for _, want := range []string{"fazhi new", "make serve", "draft = true", "data/wordlist.toml", "[check.freshness]", "第十二条之一", "本办法第十二条", "interprets", "faq = true", "issuerCode", "docs/ci/"} {
		if !strings.Contains(guide, want) {
			t.Errorf("the guide does not mention %q", want)
		}
	}
}

// TestAuthorGuideIdentity checks that docs/作者指南.md names every
// [identity] setting of site.toml, each at the start of a line of its
// example or in backquotes, so that a new identity item is documented.
func TestAuthorGuideIdentity(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(repoRoot(t), "docs", "作者指南.md"))
	if err != nil {
		t.Fatal(err)
	}
	guide := string(src)
	var keys []string
	tomlKeys(reflect.TypeOf(config.Identity{}), "", &keys)
	for _, k := range keys {
		if !strings.Contains(guide, "`"+k+"`") && !strings.Contains(guide, "\n"+k+" = ") {
			t.Errorf("docs/作者指南.md does not explain [identity] %s", k)
		}
	}
}

// TestAuthorGuideCMS checks that docs/作者指南.md explains every [cms]
// setting of site.toml, how the editor is started, and where the editorial
// workflow is not available (Gitea, the local editor).
func TestAuthorGuideCMS(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(repoRoot(t), "docs", "作者指南.md"))
	if err != nil {
		t.Fatal(err)
	}
	guide := string(src)
	var keys []string
	tomlKeys(reflect.TypeOf(config.CMS{}), "", &keys)
	if len(keys) < 9 {
		t.Fatalf("only %d [cms] keys found", len(keys))
	}
	for _, k := range keys {
		if !strings.Contains(guide, "`"+k+"`") && !strings.Contains(guide, "\n"+k+" = ") {
			t.Errorf("docs/作者指南.md does not explain [cms] %s", k)
		}
	}
	for _, want := range []string{"fazhi serve --cms", "/admin/", "Gitea 不支持编辑工作流", "本地编辑不经过审核流程", "合并请求", "FAZHI_DECAP_CMS"} {
		if !strings.Contains(guide, want) {
			t.Errorf("docs/作者指南.md lacks %q", want)
		}
	}
}
