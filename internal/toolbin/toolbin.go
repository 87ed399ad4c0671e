// Package toolbin finds the external programs fazhi drives (Dart Sass,
// Pagefind) the same way for each: a configured path, then an environment
// variable, then a name on PATH, then the pinned npm package below the
// site folder, the working directory or the fazhi binary's folder, or any
// folder above them.
package toolbin

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// Tool describes where a program may be found.
type Tool struct {
	// Label names the program in messages ("Dart Sass").
	Label string
	// Env is the environment variable that may hold its path.
	Env string
	// Name is the executable's name on PATH.
	Name string
	// NPMPath is its path inside an npm install, relative to the folder
	// holding node_modules.
	NPMPath string
	// Key is the site.toml key that may configure the path, if any.
	Key string
	// NotFound is returned when the program is nowhere.
	NotFound error
}

// Find returns the program's path. configured, when not empty, must be an
// executable; so must the environment variable when it is set.
func (t Tool) Find(configured string, dirs ...string) (string, error) {
	if configured != "" {
		if IsExec(configured) {
			return configured, nil
		}
		if t.Key != "" {
			return "", fmt.Errorf("site.toml 中 %s = %q 不是可执行文件 (%s is not an executable)", t.Key, configured, t.Key)
		}
		return "", fmt.Errorf("%s 路径「%s」不是可执行文件 (not an executable)", t.Label, configured)
	}
	if env := os.Getenv(t.Env); env != "" {
		if IsExec(env) {
			return env, nil
		}
		return "", fmt.Errorf("环境变量 %s=%q 不是可执行文件 (not an executable)", t.Env, env)
	}
	if p, err := exec.LookPath(t.Name); err == nil {
		return p, nil
	}
	for _, d := range dirs {
		if d == "" {
			continue
		}
		d, err := filepath.Abs(d)
		if err != nil {
			continue
		}
		for dir := d; ; dir = filepath.Dir(dir) {
			if p := filepath.Join(dir, t.NPMPath); IsExec(p) {
				return p, nil
			}
			if filepath.Dir(dir) == dir {
				break
			}
		}
	}
	if t.NotFound != nil {
		return "", t.NotFound
	}
	return "", errors.New(t.Label + " not found")
}

// IsExec reports whether p is an executable file.
func IsExec(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir() && st.Mode()&0o111 != 0
}
