// Package toolbin finds the external programs fazhi drives (Dart Sass,
// Pagefind) the same way for each: an environment variable, then a name on
// PATH, then beside the fazhi binary (its folder, and the pinned npm
// package in a node_modules folder there).
//
// A site never chooses a program: nothing is looked up in the site folder,
// in the working directory or in the folders above them, because a site
// repository is written by many hands and a file committed to it must not
// run as the person who builds it. When the fazhi binary itself lies inside
// the site folder (downloaded into a checkout by a CI job), its folder is
// part of the site and is not searched either.
package toolbin

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Tool describes where a program may be found.
type Tool struct {
	// Label names the program in messages ("Dart Sass").
	Label string
	// Env is the environment variable that may hold its path.
	Env string
	// Name is the executable's name on PATH.
	Name string
	// Beside are paths, relative to the fazhi binary's folder, where the
	// program may sit ("pagefind_extended",
	// "node_modules/@pagefind/linux-x64/bin/pagefind_extended").
	Beside []string
	// NPMPath is the program's path inside an npm install, relative to
	// the folder holding node_modules; InRepo looks there.
	NPMPath string
	// NotFound is returned when the program is nowhere.
	NotFound error
	// Folder, when set, makes the tool a folder of files that fazhi
	// serves rather than a program it runs (Decap CMS's dist folder): a
	// path then names a folder holding the file Folder, and PATH is not
	// searched.
	Folder string
}

// look reports whether p is the tool: an executable, or a folder holding
// t.Folder.
func (t Tool) look(p string) (string, bool) {
	if t.Folder == "" {
		return lookExec(p)
	}
	st, err := os.Stat(filepath.Join(p, t.Folder))
	if err != nil || !st.Mode().IsRegular() {
		return "", false
	}
	return p, true
}

// Find returns the program's path: the environment variable when set
// (then it must name an executable), the name on PATH, or a file beside
// the running fazhi binary. sites are the site folders being built: when
// the binary lies inside one of them, its folder is not searched.
func (t Tool) Find(sites ...string) (string, error) {
	exe, err := os.Executable()
	if err != nil {
		exe = ""
	}
	if exe != "" {
		if r, err := filepath.EvalSymlinks(exe); err == nil {
			exe = r
		}
	}
	return t.find(exe, sites)
}

func (t Tool) find(exe string, sites []string) (string, error) {
	if env := os.Getenv(t.Env); env != "" {
		if p, ok := t.look(env); ok {
			return p, nil
		}
		if t.Folder != "" {
			return "", fmt.Errorf("环境变量 %s=%q 不是含有 %s 的文件夹：请把它设为 %s 的文件夹的完整路径 (%s does not name the folder)", t.Env, env, t.Folder, t.Label, t.Env)
		}
		return "", fmt.Errorf("环境变量 %s=%q 不是可执行文件：请把它设为 %s 程序的完整路径 (%s does not name an executable)", t.Env, env, t.Label, t.Env)
	}
	if t.Name != "" && t.Folder == "" {
		// exec.LookPath refuses a program found through a relative PATH
		// entry (exec.ErrDot), so "." on PATH cannot pick the site's file.
		if p, err := exec.LookPath(t.Name); err == nil {
			return p, nil
		}
	}
	if exe != "" {
		dir := filepath.Dir(exe)
		inSite := ""
		for _, s := range sites {
			if s != "" && within(dir, s) {
				inSite = s
			}
		}
		if inSite == "" {
			for _, rel := range t.Beside {
				if p, ok := t.look(filepath.Join(dir, filepath.FromSlash(rel))); ok {
					return p, nil
				}
			}
		} else if t.NotFound != nil {
			return "", fmt.Errorf("%w\nfazhi 程序放在站点文件夹「%s」里，它旁边的程序不会被使用：请把 fazhi 放到站点文件夹之外，或设置环境变量 %s (the fazhi binary is inside the site folder, so programs beside it are not used)", t.NotFound, inSite, t.Env)
		}
	}
	if t.NotFound != nil {
		return "", t.NotFound
	}
	return "", errors.New(t.Label + " not found")
}

// InRepo returns the program for fazhi's own tests and commands run from
// its source repository: the environment variable when set, otherwise the
// pinned npm package below root, the repository root that the caller
// names explicitly. fazhi never calls it for a site.
func (t Tool) InRepo(root string) (string, error) {
	if env := os.Getenv(t.Env); env != "" {
		if p, ok := t.look(env); ok {
			return p, nil
		}
		return "", fmt.Errorf("%s=%q is not an executable", t.Env, env)
	}
	p := filepath.Join(root, filepath.FromSlash(t.NPMPath))
	if q, ok := t.look(p); ok {
		return filepath.Abs(q)
	}
	return "", fmt.Errorf("%s not installed at %s (run make tools, or npm ci in the repository)", t.Label, p)
}

// within reports whether dir is folder or inside it, after making both
// absolute and resolving links.
func within(dir, folder string) bool {
	d, err1 := realAbs(dir)
	f, err2 := realAbs(folder)
	if err1 != nil || err2 != nil {
		return false
	}
	if d == f {
		return true
	}
	rel, err := filepath.Rel(f, d)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

func realAbs(p string) (string, error) {
	a, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	if r, err := filepath.EvalSymlinks(a); err == nil {
		return r, nil
	}
	return a, nil
}

// lookExec reports whether p names an executable file (on Windows, with
// one of the PATHEXT extensions added when p has none) and returns it. A
// bare name is looked up on PATH.
func lookExec(p string) (string, bool) {
	q, err := exec.LookPath(p)
	if err != nil {
		return "", false
	}
	return q, true
}

// IsExec reports whether p is an executable file.
func IsExec(p string) bool {
	_, ok := lookExec(p)
	return ok
}
