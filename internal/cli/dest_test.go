package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckDest(t *testing.T) {
	root := t.TempDir()
	site := filepath.Join(root, "site")
	for _, d := range []string{"content/zhengce", "static", ".git", "public"} {
		if err := os.MkdirAll(filepath.Join(site, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(site, filepath.Join(root, "link")); err != nil {
		t.Fatal(err)
	}
	for dest, want := range map[string]string{
		site:                                    "就是站点文件夹本身",
		site + "/.":                             "就是站点文件夹本身",
		filepath.Join(root, "link"):             "就是站点文件夹本身",
		root:                                    "包含站点文件夹",
		"/":                                     "包含站点文件夹",
		filepath.Join(site, "content"):          "是站点的 content 文件夹或在它里面",
		filepath.Join(site, "content/zhengce"):  "是站点的 content 文件夹或在它里面",
		filepath.Join(site, "static/out"):       "是站点的 static 文件夹或在它里面",
		filepath.Join(root, "link/layouts/new"): "是站点的 layouts 文件夹或在它里面",
		filepath.Join(site, "public"):           "",
		filepath.Join(root, "public"):           "",
		filepath.Join(site, "contents"):         "",
		filepath.Join(site, "public/content"):   "",
	} {
		err := checkDest(site, dest)
		switch {
		case want == "" && err != nil:
			t.Errorf("checkDest(%s) = %v, want nil", dest, err)
		case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
			t.Errorf("checkDest(%s) = %v, want %q", dest, err, want)
		}
	}
}
