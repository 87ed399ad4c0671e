package initsite_test

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi"
	"github.com/fazhi-dev/fazhi/internal/config"
	"github.com/fazhi-dev/fazhi/internal/initsite"
	"github.com/fazhi-dev/fazhi/internal/legal"
)

func TestWrite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "fzj")
	names, err := initsite.Write(initsite.Options{Dir: dir, CI: fazhi.CI})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"site.toml", ".gitignore", ".github/workflows/fazhi.yml", ".gitlab-ci.yml", "ci/publish.sh", "content/_index.md"} {
		if !slices.Contains(names, want) {
			t.Errorf("%s not written (%v)", want, names)
		}
	}
	src, _ := os.ReadFile(filepath.Join(dir, "site.toml"))
	cfg, err := config.Parse(src)
	if err != nil {
		t.Fatalf("site.toml does not load: %v", err)
	}
	if cfg.SearchEnabled() || !strings.Contains(string(src), "search = false") {
		t.Error("search is not off without Pagefind")
	}
	if !cfg.CMS.Enable || cfg.CMS.Publish {
		t.Errorf("a new site has [cms] enable = %v, publish = %v; want the editor on for fazhi serve --cms only", cfg.CMS.Enable, cfg.CMS.Publish)
	}
	// Every [identity] field is present, each under a Chinese comment.
	lines := strings.Split(string(src), "\n")
	idType := reflect.TypeOf(config.Identity{})
	for i := 0; i < idType.NumField(); i++ {
		key := idType.Field(i).Tag.Get("toml")
		j := slices.Index(lines, key+` = ""`)
		if j < 1 || !strings.HasPrefix(lines[j-1], "# ") {
			t.Errorf("[identity] %s is missing or has no comment above it", key)
		}
	}
	// The standard columns, each with a valid column type and one draft
	// example page.
	// 政府信息公开 has its five parts: 指南, 目录, 法定主动公开内容 and
	// 依申请公开 as draft pages, 年报 as a column of its own.
	examples := map[string][]string{"xxgk": {"zhinan.md", "mulu.md", "fading.md", "yishenqing/index.md"}}
	for _, col := range []string{"gongzuo", "tongzhi", "zhengce", "jiedu", "sifa", "pufa", "xxgk", "xxgk/nianbao"} {
		idx, err := os.ReadFile(filepath.Join(dir, "content", col, "_index.md"))
		if err != nil {
			t.Fatal(err)
		}
		var ct string
		for _, l := range strings.Split(string(idx), "\n") {
			if v, ok := strings.CutPrefix(l, "columnType = "); ok {
				ct = strings.Trim(v, `"`)
			}
		}
		if !legal.IsColumnType(ct) {
			t.Errorf("%s: columnType %q", col, ct)
		}
		if col == "xxgk/nianbao" {
			if ct != string(legal.ColumnAnnualReport) {
				t.Errorf("%s: columnType %q, want %s", col, ct, legal.ColumnAnnualReport)
			}
			continue
		}
		names, ok := examples[col]
		if !ok {
			names = []string{"shili.md"}
		}
		for _, name := range names {
			ex, err := os.ReadFile(filepath.Join(dir, "content", col, name))
			if err != nil || !strings.Contains(string(ex), "\ndraft = true\n") {
				t.Errorf("%s: no draft example page %s", col, name)
			}
		}
	}
	// The application form is a Word file (a ZIP archive) that the
	// 依申请公开 page links.
	form, _ := os.ReadFile(filepath.Join(dir, "content/xxgk/yishenqing/shenqingbiao.docx"))
	page, _ := os.ReadFile(filepath.Join(dir, "content/xxgk/yishenqing/index.md"))
	if !strings.HasPrefix(string(form), "PK\x03\x04") || !strings.Contains(string(page), "](shenqingbiao.docx)") {
		t.Errorf("依申请公开: form %d bytes, linked %v", len(form), strings.Contains(string(page), "shenqingbiao.docx"))
	}
	gi, _ := os.ReadFile(filepath.Join(dir, ".gitignore"))
	for _, want := range []string{"*.key", "/public/", "/.fazhi-cache/"} {
		if !slices.Contains(strings.Split(string(gi), "\n"), want) {
			t.Errorf(".gitignore lacks %s", want)
		}
	}
	if st, _ := os.Stat(filepath.Join(dir, "ci/publish.sh")); st.Mode().Perm()&0o100 == 0 {
		t.Error("ci/publish.sh is not executable")
	}

	// A folder that is not empty is refused and left as it was.
	_, err = initsite.Write(initsite.Options{Dir: dir})
	if err == nil || !strings.Contains(err.Error(), "不是空的") {
		t.Errorf("second init: %v", err)
	}
	on := filepath.Join(t.TempDir(), "on")
	if _, err := initsite.Write(initsite.Options{Dir: on, Search: true}); err != nil {
		t.Fatal(err)
	}
	if src, _ := os.ReadFile(filepath.Join(on, "site.toml")); !strings.Contains(string(src), "\nsearch = true\n") {
		t.Error("search not on with Pagefind")
	}
}
