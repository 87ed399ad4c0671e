// Package initsite writes a new site for `fazhi init`: site.toml with
// every [identity] field explained in Chinese, the standard columns with
// one draft example page each, .gitignore and the CI files.
package initsite

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

//go:embed all:template
var template embed.FS

// CIFiles maps the files of docs/ci to their places in a site.
var CIFiles = map[string]string{
	"docs/ci/github-actions.yml": ".github/workflows/fazhi.yml",
	"docs/ci/gitlab-ci.yml":      ".gitlab-ci.yml",
	"docs/ci/publish.sh":         "ci/publish.sh",
}

// Options configure a new site.
type Options struct {
	Dir string
	// Search tells whether Pagefind was found: site.toml then has
	// search = true, else search = false with how to turn it on.
	Search bool
	// CI holds docs/ci (the fazhi module's root file system).
	CI fs.FS
}

const searchOn = `# 站内搜索（Pagefind）：已找到 Pagefind，构建时生成中文全文索引。
search = true`

const searchOff = `# 站内搜索（Pagefind）：这台电脑上没有找到 Pagefind，所以先关闭。
# 打开方法：把 pagefind_extended 放在 fazhi 程序旁边（发布包里已附带），或设置环境变量
# FAZHI_PAGEFIND 指向它，然后把下一行改为 search = true。
search = false`

// Write writes the new site into o.Dir, which must be empty or absent,
// and returns the paths written (slash-separated, sorted).
func Write(o Options) ([]string, error) {
	if ents, err := os.ReadDir(o.Dir); err == nil && len(ents) > 0 {
		return nil, fmt.Errorf("文件夹「%s」不是空的：fazhi init 只在新的或空的文件夹里创建网站，不会覆盖已有文件 (folder not empty)", o.Dir)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	files := map[string][]byte{}
	err := fs.WalkDir(template, "template", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := template.ReadFile(p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "template/")
		if name == "gitignore" {
			name = ".gitignore"
		}
		files[name] = b
		return nil
	})
	if err != nil {
		return nil, err
	}
	search := searchOff
	if o.Search {
		search = searchOn
	}
	files["site.toml"] = []byte(strings.Replace(string(files["site.toml"]), "{{search}}", search, 1))
	if o.CI != nil {
		for from, to := range CIFiles {
			b, err := fs.ReadFile(o.CI, from)
			if err != nil {
				return nil, err
			}
			files[to] = b
		}
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	if err := os.MkdirAll(o.Dir, 0o755); err != nil {
		return nil, err
	}
	for _, n := range names {
		full := filepath.Join(o.Dir, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return nil, err
		}
		perm := os.FileMode(0o644)
		if path.Ext(n) == ".sh" {
			perm = 0o755
		}
		f, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
		if err != nil {
			return nil, err
		}
		_, err = f.Write(files[n])
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, err
		}
	}
	return names, nil
}
