package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"runtime"
	"strings"
)

// inputFolders are the folders of a site that a build reads. The output
// folder may not be one of them or lie inside one: the build replaces the
// output folder as a whole.
var inputFolders = []string{"content", "layouts", "static", "assets", "archetypes", "data"}

// checkDest refuses an output folder dest that would replace the site
// folder site, one of its ancestors, or one of its input folders (or a
// folder inside one). Both are paths as given on the command line. The
// message names the folder and says what to write instead.
func checkDest(site, dest string) error {
	s, err := realPath(site)
	if err != nil {
		return err
	}
	d, err := realPath(dest)
	if err != nil {
		return err
	}
	switch {
	case samePath(s, d):
		return fmt.Errorf("输出文件夹「%s」就是站点文件夹本身：构建会用网站的输出替换整个文件夹，站点的内容和 .git 都会丢失。"+
			"请用 -d 指定一个单独的文件夹，如 -d public (output folder is the site folder)", dest)
	case within(s, d):
		return fmt.Errorf("输出文件夹「%s」包含站点文件夹：构建会替换它里面的一切，包括站点本身。"+
			"请用 -d 指定一个单独的文件夹，如 -d public (output folder contains the site)", dest)
	}
	for _, in := range inputFolders {
		f := filepath.Join(s, in)
		if samePath(f, d) || within(d, f) {
			return fmt.Errorf("输出文件夹「%s」是站点的 %s 文件夹或在它里面：构建会替换这个文件夹，写好的文件会丢失。"+
				"请用 -d 指定一个不在 %s 里的文件夹，如 -d public (output folder inside an input folder)", dest, in, in)
		}
	}
	return nil
}

// realPath returns p absolute, with the symbolic links of its existing
// part resolved, so that two names of one folder compare equal.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for cur := abs; ; {
		r, err := filepath.EvalSymlinks(cur)
		if err == nil {
			return filepath.Join(r, rest), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = parent
	}
}

// foldCase is true where file names are compared without case.
var foldCase = runtime.GOOS == "windows" || runtime.GOOS == "darwin"

func samePath(a, b string) bool {
	if foldCase {
		return strings.EqualFold(a, b)
	}
	return a == b
}

// within reports whether inner lies strictly inside outer.
func within(inner, outer string) bool {
	rel, err := filepath.Rel(outer, inner)
	if err != nil {
		return false
	}
	if foldCase {
		if r2, err := filepath.Rel(strings.ToLower(outer), strings.ToLower(inner)); err == nil {
			rel = r2
		}
	}
	return rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
