package source

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// linkSite makes a site folder with links of every kind; outside holds a
// secret that must never be read through the site.
func linkSite(t *testing.T) (site string) {
	t.Helper()
	root := t.TempDir()
	site = filepath.Join(root, "site")
	outside := filepath.Join(root, "outside")
	files := map[string]string{
		"site/site.toml":                  "title = \"网\"\n",
		"site/layouts/_default/home.html": "home",
		"site/layouts/partials/real.html": "real partial",
		"site/content/a.md":               "+++\ntitle = \"甲\"\n+++\n",
		"site/.git/config":                "[remote] token",
		"outside/secret.html":             "SECRET",
		"outside/static/logo.txt":         "SECRET",
		"outside/content/x.md":            "SECRET",
		"outside/archetypes/policy.md":    "SECRET",
	}
	for name, data := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	links := map[string]string{
		"layouts/_default/page.html":  filepath.Join(outside, "secret.html"), // absolute, out of the site
		"layouts/_default/list.html":  "../../../outside/secret.html",        // relative, out of the site
		"layouts/_default/git.html":   "../../.git/config",                   // in the site, out of layouts
		"layouts/partials/alias.html": "real.html",                           // inside layouts
		"layouts/partials/dir":        "../_default",                         // a folder inside layouts
		"static":                      filepath.Join(outside, "static"),      // an input folder that is a link
		"archetypes":                  "../outside/archetypes",               // the same, relative
		"assets":                      "layouts",                             // the same, inside the site
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(site, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
	return site
}

func TestNoLinkLeadsOutOfAnInputFolder(t *testing.T) {
	d := NewDir(linkSite(t))
	refused := map[string]string{
		"layouts/_default/page.html": "layouts/_default/page.html: 这是指向 layouts 文件夹之外的符号链接",
		"layouts/_default/list.html": "layouts/_default/list.html: 这是指向 layouts 文件夹之外的符号链接",
		"layouts/_default/git.html":  "layouts/_default/git.html: 这是指向 layouts 文件夹之外的符号链接",
		"static/logo.txt":            "static: 这个文件夹是符号链接（快捷方式），fazhi 不跟随它",
		"static":                     "static: 这个文件夹是符号链接",
		"archetypes/policy.md":       "archetypes: 这个文件夹是符号链接",
		"assets/partials/real.html":  "assets: 这个文件夹是符号链接",
	}
	for name, want := range refused {
		b, err := d.ReadFile(name)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ReadFile(%s) = %q, %v; want error %q", name, b, err, want)
		}
		if _, err := d.Open(name); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Open(%s): %v; want error %q", name, err, want)
		}
		if _, err := d.Stat(name); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Stat(%s): %v; want error %q", name, err, want)
		}
		if errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s: a refused link must not look like a missing file", name)
		}
	}
	if _, err := d.ReadDir("static"); err == nil {
		t.Error("ReadDir of a linked input folder succeeded")
	}
	if _, err := d.OpenRaw("static/logo.txt"); err == nil || !strings.Contains(err.Error(), "这个文件夹是符号链接") {
		t.Errorf("OpenRaw through a linked folder: %v", err)
	}
	// Links that stay inside their folder are followed.
	for name, want := range map[string]string{
		"layouts/partials/alias.html":    "real partial",
		"layouts/partials/dir/home.html": "home",
		"site.toml":                      "title = \"网\"\n",
		"content/a.md":                   "+++\ntitle = \"甲\"\n+++\n",
	} {
		if b, err := d.ReadFile(name); err != nil || string(b) != want {
			t.Errorf("ReadFile(%s) = %q, %v; want %q", name, b, err, want)
		}
	}
	if _, err := d.ReadFile("layouts/none.html"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v, want not exist", err)
	}
	if _, err := d.ReadFile("data/x.toml"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing folder: %v, want not exist", err)
	}
}

// A content folder that is a link is an error for Walk, not an empty site.
func TestWalkRefusesLinkedContent(t *testing.T) {
	site := linkSite(t)
	os.RemoveAll(filepath.Join(site, "content"))
	if err := os.Symlink("../outside/content", filepath.Join(site, "content")); err != nil {
		t.Fatal(err)
	}
	tree, err := Walk(NewDir(site), "content")
	if err == nil || !strings.Contains(err.Error(), "content: 这个文件夹是符号链接") {
		t.Fatalf("Walk = %+v, %v; want the link refused", tree, err)
	}
}

// fazhi serve keeps one Dir while folders change: a content folder
// replaced by a link is refused at the next walk, and by OpenRaw after it.
func TestFolderReplacedByLink(t *testing.T) {
	site := linkSite(t)
	d := NewDir(site)
	if _, err := Walk(d, "content"); err != nil {
		t.Fatal(err)
	}
	if r, err := d.OpenRaw("content/a.md"); err != nil {
		t.Fatal(err)
	} else {
		r.Close()
	}
	os.Rename(filepath.Join(site, "content"), filepath.Join(site, "old"))
	if err := os.Symlink("../outside/content", filepath.Join(site, "content")); err != nil {
		t.Fatal(err)
	}
	if _, err := Walk(d, "content"); err == nil || !strings.Contains(err.Error(), "content: 这个文件夹是符号链接") {
		t.Errorf("Walk after the swap: %v", err)
	}
	if _, err := d.OpenRaw("content/x.md"); err == nil || !strings.Contains(err.Error(), "这个文件夹是符号链接") {
		t.Errorf("OpenRaw after the swap: %v", err)
	}
	// And a real folder again is read again.
	os.Remove(filepath.Join(site, "content"))
	os.Rename(filepath.Join(site, "old"), filepath.Join(site, "content"))
	if tree, err := Walk(d, "content"); err != nil || len(tree.Files) != 1 {
		t.Errorf("Walk after the folder came back: %+v, %v", tree, err)
	}
}

func TestTopLevelFileLink(t *testing.T) {
	site := linkSite(t)
	os.Rename(filepath.Join(site, "site.toml"), filepath.Join(site, "../site.toml"))
	if err := os.Symlink("../site.toml", filepath.Join(site, "site.toml")); err != nil {
		t.Fatal(err)
	}
	b, err := NewDir(site).ReadFile("site.toml")
	if err == nil || !strings.Contains(err.Error(), "site.toml: 这个文件是符号链接（快捷方式）") {
		t.Errorf("ReadFile(site.toml) = %q, %v; want the link refused", b, err)
	}
}
