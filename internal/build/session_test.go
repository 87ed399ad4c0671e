package build_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/fazhitest"
	"github.com/fazhi-dev/fazhi/internal/scss"
)

const sessionSite = `
-- site.toml --
title = "网"
paginate = 2
-- layouts/_default/page.html --
<h1>{{ .Title }}</h1>{{ with .Page.Prev }}<prev>{{ .Title }}</prev>{{ end }}{{ with .Page.Next }}<next>{{ .Title }}</next>{{ end }}{{ range .Page.Interpretations }}<jd>{{ .Title }}</jd>{{ end }}{{ partialCached "t.html" . .Page.Path }}{{ .Content }}
-- layouts/partials/t.html --
<t>{{ .Title }}</t>
-- layouts/_default/section.html --
{{ range .Pages }}<li>{{ .Title }}|{{ .Summary }}</li>{{ end }}
-- layouts/_default/home.html --
{{ range .Pages }}<li>{{ .Title }}</li>{{ end }}
-- layouts/_default/term.html --
{{ range .Pages }}<li>{{ .Title }}</li>{{ end }}
-- layouts/_default/taxonomy.html --
{{ range .Terms }}{{ .Name }}{{ end }}
-- layouts/_default/404.html --
404
-- content/zhengce/_index.md --
+++
title = "政策文件"
kind = "policy"
+++
-- content/zhengce/a.md --
+++
title = "某市甲办法"
date = 2026-01-01
tags = ["甲"]
[policy]
issuer = "某市人民政府"
+++
第一条　总则。
-- content/zhengce/b.md --
+++
title = "某市乙办法"
date = 2026-02-01
[policy]
issuer = "某市人民政府"
+++
第一条　依照《某市甲办法》第一条执行。
-- content/zhengce/c.md --
+++
title = "某市丙办法"
date = 2026-03-01
[policy]
issuer = "某市人民政府"
+++
第一条　丙。
-- content/jiedu/_index.md --
+++
title = "解读"
+++
-- content/jiedu/x.md --
+++
title = "解读甲"
date = 2026-03-02
interprets = ["zhengce/a.md"]
+++
解读正文。
`

func newSession(t *testing.T, fsys fstest.MapFS) *build.Session {
	t.Helper()
	s := build.NewSession(build.Options{Source: fsys, Now: fazhitest.Now, Sass: scss.Fake{}, Workers: 2})
	if _, err := s.Build(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

// sameAsFullBuild checks that the session's files equal a fresh build's.
func sameAsFullBuild(t *testing.T, s *build.Session, fsys fstest.MapFS) {
	t.Helper()
	fresh := build.NewSession(build.Options{Source: fsys, Now: fazhitest.Now, Sass: scss.Fake{}, Workers: 2})
	if _, err := fresh.Build(context.Background()); err != nil {
		t.Fatal(err)
	}
	got, want := s.Files(), fresh.Files()
	for name, w := range want {
		if g, ok := got[name]; !ok {
			t.Errorf("incremental build lacks %s", name)
		} else if string(g) != string(w) {
			t.Errorf("%s differs:\nincremental: %s\nfull:        %s", name, g, w)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("incremental build has stale %s", name)
		}
	}
}

func edit(fsys fstest.MapFS, name, old, new string) {
	f := fsys[name]
	fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(string(f.Data), old, new, 1))}
}

func TestSessionIncrementalMatchesFullBuild(t *testing.T) {
	steps := []struct {
		name      string
		change    func(fstest.MapFS) []string
		maxPages  int
		mustWrite []string
	}{
		{"body edit", func(m fstest.MapFS) []string {
			edit(m, "content/zhengce/c.md", "丙。", "丙，修改后的内容。")
			return []string{"content/zhengce/c.md"}
		}, 1, []string{"zhengce/c/index.html", "zhengce/index.html"}},
		{"title edit reaches neighbours, lists, relations and cross-references", func(m fstest.MapFS) []string {
			edit(m, "content/zhengce/a.md", `title = "某市甲办法"`, `title = "某市甲规定"`)
			edit(m, "content/zhengce/b.md", "《某市甲办法》", "《某市甲规定》")
			return []string{"content/zhengce/a.md", "content/zhengce/b.md"}
			// (jiedu/x interprets a but its template does not show a's title:
			// Changed lists only files whose content changed.)
		}, 4, []string{"zhengce/a/index.html", "zhengce/b/index.html", "tags/甲/index.html"}},
		{"date edit reorders", func(m fstest.MapFS) []string {
			edit(m, "content/zhengce/a.md", "date = 2026-01-01", "date = 2026-04-01")
			return []string{"content/zhengce/a.md"}
		}, 4, nil},
		{"new page", func(m fstest.MapFS) []string {
			m["content/zhengce/d.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"某市丁办法\"\ndate = 2026-05-01\ntags = [\"甲\"]\n[policy]\nissuer = \"某市人民政府\"\n+++\n丁。\n")}
			return []string{"content/zhengce/d.md"}
			// d, and the pages that show one whose neighbours changed: a
			// page's key counts the whole card of each page it refers to.
		}, 5, []string{"zhengce/d/index.html"}},
		{"deleted page", func(m fstest.MapFS) []string {
			delete(m, "content/zhengce/b.md")
			return []string{"content/zhengce/b.md"}
		}, 3, nil},
		{"template change rebuilds all", func(m fstest.MapFS) []string {
			edit(m, "layouts/_default/page.html", "<h1>", "<h1 class=\"t\">")
			return []string{"layouts/_default/page.html"}
		}, 100, nil},
	}
	fsys := fazhitest.Parse(sessionSite)
	s := newSession(t, fsys)
	for _, step := range steps {
		t.Run(step.name, func(t *testing.T) {
			u, err := s.Rebuild(context.Background(), step.change(fsys))
			if err != nil {
				t.Fatal(err)
			}
			if u.Pages > step.maxPages {
				t.Errorf("re-rendered %d pages, want at most %d", u.Pages, step.maxPages)
			}
			for _, w := range step.mustWrite {
				found := false
				for _, c := range u.Changed {
					found = found || c == w
				}
				if !found {
					t.Errorf("%s not rewritten; changed: %v", w, u.Changed)
				}
			}
			sameAsFullBuild(t, s, fsys)
		})
	}
	if got := string(s.Files()["zhengce/b/index.html"]); got != "" {
		t.Errorf("deleted page still served: %s", got)
	}
}

func TestSessionKeepsLastGoodSiteOnError(t *testing.T) {
	fsys := fazhitest.Parse(sessionSite)
	s := newSession(t, fsys)
	before := string(s.Files()["zhengce/c/index.html"])
	edit(fsys, "content/zhengce/c.md", `title = "某市丙办法"`, `title = "某市丙办法`)
	_, err := s.Rebuild(context.Background(), []string{"content/zhengce/c.md"})
	if err == nil || !strings.Contains(err.Error(), "content/zhengce/c.md:2") {
		t.Fatalf("err = %v", err)
	}
	if got := string(s.Files()["zhengce/c/index.html"]); got != before {
		t.Errorf("last good page not kept")
	}
	edit(fsys, "content/zhengce/c.md", `title = "某市丙办法`, `title = "某市丙办法二"`)
	if _, err := s.Rebuild(context.Background(), []string{"content/zhengce/c.md"}); err != nil {
		t.Fatal(err)
	}
	sameAsFullBuild(t, s, fsys)
}

// The preview renders again every page whose template lists the site's
// pages when a title changes, as the build does (issue 16 point 2).
func TestSessionGraphTemplate(t *testing.T) {
	fsys := fazhitest.Parse(sessionSite)
	edit(fsys, "layouts/_default/page.html", "<h1>", `<ul>{{ range .Site.Graph.Pages }}<li>{{ .Title }}</li>{{ end }}</ul><h1>`)
	s := newSession(t, fsys)
	edit(fsys, "content/zhengce/c.md", `title = "某市丙办法"`, `title = "某市丙规定"`)
	if _, err := s.Rebuild(context.Background(), []string{"content/zhengce/c.md"}); err != nil {
		t.Fatal(err)
	}
	sameAsFullBuild(t, s, fsys)
	if got := string(s.Files()["jiedu/x/index.html"]); !strings.Contains(got, "<li>某市丙规定</li>") {
		t.Errorf("jiedu/x lists the old title: %s", got)
	}
}

// A 《title》 nested in another (《《某市甲办法》解读》第一条) is linked by the
// preview as by the build, and unlinked when the title it names changes.
func TestSessionNestedTitle(t *testing.T) {
	fsys := fazhitest.Parse(sessionSite)
	edit(fsys, "content/jiedu/x.md", `title = "解读甲"`, `title = "《某市甲办法》解读"`)
	fsys["content/zhengce/e.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"某市戊办法\"\ndate = 2025-01-01\n[policy]\nissuer = \"某市人民政府\"\n+++\n第一条　详见《《某市甲办法》解读》第一条。\n")}
	s := newSession(t, fsys)
	if got := string(s.Files()["zhengce/e/index.html"]); !strings.Contains(got, `href="/jiedu/x/#art-1"`) {
		t.Fatalf("the nested title is not linked: %s", got)
	}
	edit(fsys, "content/jiedu/x.md", `title = "《某市甲办法》解读"`, `title = "《某市甲办法》的解读"`)
	if _, err := s.Rebuild(context.Background(), []string{"content/jiedu/x.md"}); err != nil {
		t.Fatal(err)
	}
	sameAsFullBuild(t, s, fsys)
	edit(fsys, "content/jiedu/x.md", `title = "《某市甲办法》的解读"`, `title = "《某市甲办法》解读"`)
	if _, err := s.Rebuild(context.Background(), []string{"content/jiedu/x.md"}); err != nil {
		t.Fatal(err)
	}
	sameAsFullBuild(t, s, fsys)
	if got := string(s.Files()["zhengce/e/index.html"]); !strings.Contains(got, `href="/jiedu/x/#art-1"`) {
		t.Errorf("the nested title is not linked again: %s", got)
	}
}
