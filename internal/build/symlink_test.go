package build_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/fazhitest"
	"github.com/fazhi-dev/fazhi/internal/publish"
	"github.com/fazhi-dev/fazhi/internal/scss"
	"github.com/fazhi-dev/fazhi/internal/source"
)

const linkSite = `
-- site.toml --
title = "网"
-- layouts/_default/page.html --
<h1>{{ .Title }}</h1>{{ partial "x.html" . }}
-- layouts/_default/section.html --
x
-- layouts/_default/home.html --
x
-- layouts/_default/404.html --
x
-- layouts/partials/x.html --
partial
-- static/logo.txt --
标志
-- content/a.md --
+++
title = "甲"
date = 2026-01-01
+++
甲。
`

// A symbolic link never brings a file from outside its input folder into
// the output: the build fails and names the link.
func TestBuildRefusesLinksOut(t *testing.T) {
	cases := []struct {
		name, link, target, want string
	}{
		{"layout to a file outside", "layouts/partials/x.html", "OUTSIDE/secret.txt",
			"layouts/partials/x.html: 这是指向 layouts 文件夹之外的符号链接"},
		{"layout to the site's .git", "layouts/partials/x.html", "../../.git/config",
			"layouts/partials/x.html: 这是指向 layouts 文件夹之外的符号链接"},
		{"static folder", "static", "OUTSIDE",
			"static: 这个文件夹是符号链接"},
		{"content folder", "content", "OUTSIDE",
			"content: 这个文件夹是符号链接"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := t.TempDir()
			site, outside := filepath.Join(root, "site"), filepath.Join(root, "outside")
			for name, f := range fazhitest.Parse(linkSite) {
				p := filepath.Join(site, filepath.FromSlash(name))
				os.MkdirAll(filepath.Dir(p), 0o755)
				os.WriteFile(p, f.Data, 0o644)
			}
			os.MkdirAll(filepath.Join(site, ".git"), 0o755)
			os.WriteFile(filepath.Join(site, ".git/config"), []byte("SECRET"), 0o644)
			os.MkdirAll(outside, 0o755)
			os.WriteFile(filepath.Join(outside, "secret.txt"), []byte("SECRET"), 0o644)
			os.WriteFile(filepath.Join(outside, "a.md"), []byte("+++\ntitle = \"SECRET\"\ndate = 2026-01-01\n+++\n"), 0o644)
			link := filepath.Join(site, filepath.FromSlash(c.link))
			os.RemoveAll(link)
			if err := os.Symlink(strings.Replace(c.target, "OUTSIDE", outside, 1), link); err != nil {
				t.Fatal(err)
			}
			mem := publish.NewMem(nil)
			_, err := build.Build(context.Background(), build.Options{
				Source: source.NewDir(site), Out: mem, Now: fazhitest.Now, Sass: scss.Fake{}, Workers: 2})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("build error %v, want %q", err, c.want)
			}
			for name, data := range mem.Files() {
				if strings.Contains(string(data), "SECRET") {
					t.Errorf("%s holds the file from outside", name)
				}
			}
		})
	}
}

// An enforcement column's data file is read through the same rule: a
// symbolic link out of data/, or a data folder that is a link, stops the
// build and nothing of the file outside is published.
func TestBuildRefusesDataLinksOut(t *testing.T) {
	csv := penaltyHeader + "SECRET有限公司,法人及非法人组织,91990102MA0000010B,王五,,,某市监罚〔2026〕31号,虚假宣传,SECRET,《中华人民共和国广告法》第五十五条,警告,警告,,2026-10-12,,某市市场监督管理局,11990000000000001G,2026-10-14,一般,,,\n"
	src := linkSite + `-- content/chufa/_index.md --
+++
title = "行政处罚公示"
kind = "enforcement"
[enforcement]
type = "行政处罚"
data = "chufa.csv"
+++
-- data/chufa.csv --
` + penaltyHeader
	for _, c := range []struct{ name, link, target, want string }{
		{"data file", "data/chufa.csv", "OUTSIDE/chufa.csv", "data/chufa.csv: 这是指向 data 文件夹之外的符号链接"},
		{"data folder", "data", "OUTSIDE", "data: 这个文件夹是符号链接"},
	} {
		t.Run(c.name, func(t *testing.T) {
			root := t.TempDir()
			site, outside := filepath.Join(root, "site"), filepath.Join(root, "outside")
			for name, f := range fazhitest.Parse(src) {
				p := filepath.Join(site, filepath.FromSlash(name))
				os.MkdirAll(filepath.Dir(p), 0o755)
				os.WriteFile(p, f.Data, 0o644)
			}
			os.MkdirAll(outside, 0o755)
			os.WriteFile(filepath.Join(outside, "chufa.csv"), []byte(csv), 0o644)
			link := filepath.Join(site, filepath.FromSlash(c.link))
			os.RemoveAll(link)
			if err := os.Symlink(strings.Replace(c.target, "OUTSIDE", outside, 1), link); err != nil {
				t.Fatal(err)
			}
			mem := publish.NewMem(nil)
			_, err := build.Build(context.Background(), build.Options{
				Source: source.NewDir(site), Out: mem, Now: fazhitest.Now, Sass: scss.Fake{}, Workers: 2})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("build error %v, want %q", err, c.want)
			}
			for name, data := range mem.Files() {
				if strings.Contains(string(data), "SECRET") {
					t.Errorf("%s holds the file from outside", name)
				}
			}
		})
	}
}
