// Package search builds the site's full-text search index with Pagefind
// (the "extended" binary, the one that segments Chinese text into words).
// The index is written under pagefind/ in the output through the build's
// publisher, so it is listed in the manifest and published with the pages.
package search

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// EnvVar names the environment variable that may point at Pagefind.
const EnvVar = "FAZHI_PAGEFIND"

// BinaryName is the name of the Pagefind binary that segments Chinese.
const BinaryName = "pagefind_extended"

// NPMPath is where the pinned npm package puts the Pagefind binary.
const NPMPath = "node_modules/@pagefind/linux-x64/bin/pagefind_extended"

// ErrNotFound is returned when no Pagefind binary can be found. Its text
// is the one line an author needs.
var ErrNotFound = errors.New("找不到 Pagefind：请在 fazhi 源码目录运行 make（会用 npm 安装 pagefind），或设置环境变量 FAZHI_PAGEFIND 指向 pagefind_extended；或在 site.toml 中写 search = false 关闭站内搜索 (Pagefind not found: run `make`, set FAZHI_PAGEFIND, or set search = false in site.toml)")

// Find locates Pagefind: the configured path when not empty, then
// $FAZHI_PAGEFIND, then pagefind_extended on PATH, then the npm package
// below each of dirs or any folder above it (the site folder, the working
// directory, the fazhi binary's folder).
func Find(configured string, dirs ...string) (string, error) {
	if configured != "" {
		if isExec(configured) {
			return configured, nil
		}
		return "", fmt.Errorf("Pagefind 路径「%s」不是可执行文件 (not an executable)", configured)
	}
	if env := os.Getenv(EnvVar); env != "" {
		if isExec(env) {
			return env, nil
		}
		return "", fmt.Errorf("环境变量 %s=%q 不是可执行文件 (not an executable)", EnvVar, env)
	}
	if p, err := exec.LookPath(BinaryName); err == nil {
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
			if p := filepath.Join(dir, NPMPath); isExec(p) {
				return p, nil
			}
			if filepath.Dir(dir) == dir {
				break
			}
		}
	}
	return "", ErrNotFound
}

func isExec(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir() && st.Mode()&0o111 != 0
}
