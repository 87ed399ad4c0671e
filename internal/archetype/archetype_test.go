package archetype_test

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/fazhi-dev/fazhi"
	"github.com/fazhi-dev/fazhi/internal/archetype"
	"github.com/fazhi-dev/fazhi/internal/check"
	"github.com/fazhi-dev/fazhi/internal/config"
	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/fazhitest"
	"github.com/fazhi-dev/fazhi/internal/frontmatter"
)

// testSite is a small portal with one column per kind and one policy
// that already has an index number.
const testSite = `
-- site.toml --
title = "某市法治政府网"
baseURL = "https://fzb.example.gov.cn/"
[identity]
sponsor = "某市人民政府办公室"
operator = "某市司法局"
siteCode = "9900000001"
icp = "某ICP备00000001号"
police = "某公网安备 99010202000001号"
-- content/zhengce/_index.md --
+++
title = "政策文件"
kind = "policy"
columnType = "政策文件"
+++
-- content/zhengce/old.md --
+++
title = "某市行政规范性文件管理办法"
date = 2026-04-10
[policy]
indexNumber = "009990011/2026-00031"
issuer = "某市司法局"
+++
第一条　为了规范行政规范性文件管理，制定本办法。
-- content/sifa/_index.md --
+++
title = "司法公开"
kind = "notice"
columnType = "司法公开"
+++
-- content/pufa/_index.md --
+++
title = "普法宣传"
kind = "article"
columnType = "普法宣传"
+++
`

// newSite parses testSite into a file system and its configuration.
func newSite(t *testing.T, files string) (fstest.MapFS, *config.Config) {
	t.Helper()
	fsys := fazhitest.Parse(files)
	cfg, err := config.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return fsys, cfg
}

// publish turns the draft into a published page.
func publish(t *testing.T, content []byte) []byte {
	t.Helper()
	s := string(content)
	if strings.Count(s, "\ndraft = true\n") != 1 {
		t.Fatalf("archetype output has no single line draft = true:\n%s", s)
	}
	return []byte(strings.Replace(s, "\ndraft = true\n", "\ndraft = false\n", 1))
}

// TestNewPageBuilds creates a page of every kind with the default
// archetype, publishes it and builds the site with the default theme: the
// defaults alone make a valid page, and fazhi check finds no error in it.
func TestNewPageBuilds(t *testing.T) {
	cases := []struct {
		kind, path, url string
		wants           []string
	}{
		{archetype.Policy, "zhengce/2026-xingzheng-fuyi.md", "zhengce/2026-xingzheng-fuyi/index.html",
			[]string{"009990011/2026-00032", "某市司法局", "第一章", "art-1"}},
		{archetype.Notice, "sifa/2026-1127-songda.md", "sifa/2026-1127-songda/index.html",
			[]string{"送达公告"}},
		{archetype.Article, "pufa/宪法宣传周.md", "pufa/宪法宣传周/index.html",
			[]string{"宪法宣传周", "某市司法局"}},
		{archetype.Page, "lianxi.md", "lianxi/index.html", nil},
	}
	for _, tc := range cases {
		t.Run(tc.kind, func(t *testing.T) {
			fsys, cfg := newSite(t, testSite)
			res, err := archetype.Create(fsys, cfg, tc.kind, tc.path, fazhitest.Now)
			if err != nil {
				t.Fatal(err)
			}
			if res.FromSite || res.Archetype != "archetypes/"+tc.kind+".md" {
				t.Errorf("archetype = %s (from site %v), want the default", res.Archetype, res.FromSite)
			}
			if !strings.Contains(string(res.Content), "date = 2026-11-27T10:00:00+08:00\n") {
				t.Errorf("date is not the creation time:\n%s", res.Content)
			}
			// As a draft the page is left out and the site still builds.
			fsys["content/"+tc.path] = &fstest.MapFile{Data: res.Content}
			r := fazhitest.BuildFS(t, fsys, fazhitest.WithTheme())
			if r.Err != nil {
				t.Fatalf("site with the draft does not build:\n%v", r.Err)
			}
			r.AssertNoFile(tc.url)

			fsys["content/"+tc.path] = &fstest.MapFile{Data: publish(t, res.Content)}
			r = fazhitest.BuildFS(t, fsys, fazhitest.WithTheme())
			if r.Err != nil {
				t.Fatalf("published page does not build:\n%v\n%s", r.Err, res.Content)
			}
			r.AssertFileContent(tc.url, tc.wants...)

			rep, err := check.Run(context.Background(), check.Options{Source: fsys, Theme: fazhi.Theme, Now: fazhitest.Now})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range rep.Findings {
				if f.File == "content/"+tc.path && f.Level == diag.LevelError {
					t.Errorf("fazhi check: %s", f.Error())
				}
			}
		})
	}
}

// TestPolicyWithoutKnownIssuer: in a site without policies and without
// [params] issuerCode, the index number gets the placeholder issuer code
// with a comment, and the issuer is left empty, so that publishing the
// page before filling it in fails with a message saying what to write.
func TestPolicyWithoutKnownIssuer(t *testing.T) {
	fsys, cfg := newSite(t, `
-- site.toml --
title = "某市法治政府网"
-- content/zhengce/_index.md --
+++
title = "政策文件"
+++
`)
	res, err := archetype.Create(fsys, cfg, archetype.Policy, "zhengce/a.md", fazhitest.Now)
	if err != nil {
		t.Fatal(err)
	}
	out := string(res.Content)
	for _, want := range []string{
		`indexNumber = "000000000/2026-00001"`,
		"# 请把斜杠前的 000000000 换成",
		`issuerCode = "组织机构代码"`,
		`issuer = []`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
	fsys["content/zhengce/a.md"] = &fstest.MapFile{Data: publish(t, res.Content)}
	r := fazhitest.BuildFS(t, fsys, fazhitest.WithTheme())
	if r.Err == nil || !strings.Contains(r.Err.Error(), "content/zhengce/a.md:") || !strings.Contains(r.Err.Error(), "缺少发文机关") {
		t.Fatalf("want the missing issuer error, got %v", r.Err)
	}
	fixed := strings.Replace(string(publish(t, res.Content)), `issuer = []`, `issuer = "某市人民政府"`, 1)
	fsys["content/zhengce/a.md"] = &fstest.MapFile{Data: []byte(fixed)}
	if r := fazhitest.BuildFS(t, fsys, fazhitest.WithTheme()); r.Err != nil {
		t.Fatalf("with the issuer filled in: %v", r.Err)
	}
}

// TestIssuerCodeFromParams: [params] issuerCode wins over the codes of
// existing policies, and [params] issuer fills in the issuer.
func TestIssuerCodeFromParams(t *testing.T) {
	fsys, cfg := newSite(t, strings.Replace(testSite, "[identity]", "[params]\nissuerCode = \"11330100MB0000000X\"\nissuer = \"某市人民政府\"\n[identity]", 1))
	res, err := archetype.Create(fsys, cfg, archetype.Policy, "zhengce/b.md", fazhitest.Now)
	if err != nil {
		t.Fatal(err)
	}
	out := string(res.Content)
	if !strings.Contains(out, `indexNumber = "11330100MB0000000X/2026-00001"`) || !strings.Contains(out, `issuer = "某市人民政府"`) {
		t.Errorf("params not used:\n%s", out)
	}

	fsys, cfg = newSite(t, strings.Replace(testSite, "[identity]", "[params]\nissuerCode = \"12/3\"\n[identity]", 1))
	if _, err := archetype.Create(fsys, cfg, archetype.Policy, "zhengce/b.md", fazhitest.Now); err == nil || !strings.Contains(err.Error(), "issuerCode") {
		t.Errorf("bad issuerCode: err = %v", err)
	}
}

// TestHearingNotice: a file name with kaiting makes a 开庭公告 whose
// hearing time is left for the author; the example line, once uncommented,
// is valid.
func TestHearingNotice(t *testing.T) {
	fsys, cfg := newSite(t, testSite)
	res, err := archetype.Create(fsys, cfg, archetype.Notice, "sifa/2026-1127-kaiting-maimai.md", fazhitest.Now)
	if err != nil {
		t.Fatal(err)
	}
	page := string(publish(t, res.Content))
	if !strings.Contains(page, `type = "开庭公告"`) {
		t.Fatalf("not a 开庭公告:\n%s", page)
	}
	fsys["content/sifa/2026-1127-kaiting-maimai.md"] = &fstest.MapFile{Data: []byte(page)}
	r := fazhitest.BuildFS(t, fsys, fazhitest.WithTheme())
	if r.Err == nil || !strings.Contains(r.Err.Error(), "开庭公告必须写开庭时间") {
		t.Fatalf("want the missing hearing error, got %v", r.Err)
	}
	page = strings.Replace(page, "\n# hearing = ", "\nhearing = ", 1)
	fsys["content/sifa/2026-1127-kaiting-maimai.md"] = &fstest.MapFile{Data: []byte(page)}
	if r := fazhitest.BuildFS(t, fsys, fazhitest.WithTheme()); r.Err != nil {
		t.Fatalf("with the hearing: %v", r.Err)
	}
}

// exampleLine is an optional field left commented out: "# key = value".
var exampleLine = regexp.MustCompile(`(?m)^# ([a-zA-Z]+ = .*)$`)

// TestExamplesAreValid uncomments every optional field of every default
// archetype: each example is valid front matter with a known key.
func TestExamplesAreValid(t *testing.T) {
	for _, k := range archetype.Kinds {
		for _, name := range []string{"zhengce/a.md", "sifa/kaiting.md"} {
			data := archetype.NewData(k.Name, name, fazhitest.Now)
			data.IndexNumber = "009990011/2026-00001"
			out, err := archetype.Render(k.Name, data)
			if err != nil {
				t.Fatalf("%s: %v", k.Name, err)
			}
			all := exampleLine.ReplaceAllString(string(out), "$1")
			fm, _, line, _, err := frontmatter.Split("x.md", []byte(all))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := frontmatter.Decode("x.md", fm, line, time.UTC); err != nil {
				t.Errorf("%s with every example uncommented: %v\n%s", k.Name, err, all)
			}
			if n := len(exampleLine.FindAllString(string(out), -1)); n < 4 {
				t.Errorf("%s: only %d optional examples", k.Name, n)
			}
		}
	}
}

// TestEveryFieldDocumented: every front-matter key that an archetype sets
// has a comment line right above it.
func TestEveryFieldDocumented(t *testing.T) {
	key := regexp.MustCompile(`^(# )?[a-zA-Z]+ = `)
	for _, k := range archetype.Kinds {
		data := archetype.NewData(k.Name, "zhengce/a.md", fazhitest.Now)
		out, err := archetype.Render(k.Name, data)
		if err != nil {
			t.Fatal(err)
		}
		fm, _, _, _, _ := frontmatter.Split("x.md", out)
		lines := strings.Split(string(fm), "\n")
		for i, l := range lines {
			if !key.MatchString(l) {
				continue
			}
			if i == 0 || !strings.HasPrefix(lines[i-1], "# ") || key.MatchString(lines[i-1]) {
				t.Errorf("%s: %q has no explaining comment above it", k.Name, l)
				continue
			}
			c := lines[i-1]
			if !strings.Contains(c, "必填") && !strings.Contains(c, "选填") && !strings.Contains(c, "应填写") && !strings.Contains(c, "写成 true") {
				t.Errorf("%s: comment %q does not say whether %q is required", k.Name, c, l)
			}
		}
	}
}

// TestSiteArchetype: a site's archetypes/<kind>.md replaces the default,
// and a broken one is reported against its file without writing anything.
func TestSiteArchetype(t *testing.T) {
	fsys, cfg := newSite(t, testSite+`
-- archetypes/article.md --
+++
title = {{ quote (or .Title "新文章") }}
date = {{ .Date }}
draft = true
[article]
source = "{{ .Section }}"
+++
`)
	res, err := archetype.Create(fsys, cfg, archetype.Article, "pufa/x.md", fazhitest.Now)
	if err != nil {
		t.Fatal(err)
	}
	if !res.FromSite || !strings.Contains(string(res.Content), `source = "pufa"`) {
		t.Errorf("site archetype not used: %v\n%s", res.FromSite, res.Content)
	}

	fsys["archetypes/article.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"x\"\nauthor = \"y\"\n+++\n")}
	_, err = archetype.Create(fsys, cfg, archetype.Article, "pufa/x.md", fazhitest.Now)
	if err == nil || !strings.Contains(err.Error(), "archetypes/article.md") || !strings.Contains(err.Error(), "author") {
		t.Errorf("broken archetype: err = %v", err)
	}
	fsys["archetypes/article.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = {{ .Nope }}\n+++\n")}
	_, err = archetype.Create(fsys, cfg, archetype.Article, "pufa/x.md", fazhitest.Now)
	if err == nil || !strings.Contains(err.Error(), "archetypes/article.md") {
		t.Errorf("template error: err = %v", err)
	}
}
