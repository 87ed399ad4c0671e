// Package search builds the site's full-text search index with Pagefind
// (the "extended" binary, the one that segments Chinese text into words).
// The index is written under pagefind/ in the output through the build's
// publisher, so it is listed in the manifest and published with the pages.
package search

import (
	"errors"

	"github.com/fazhi-dev/fazhi/internal/toolbin"
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
	return toolbin.Tool{Label: "Pagefind", Env: EnvVar, Name: BinaryName, NPMPath: NPMPath, NotFound: ErrNotFound}.Find(configured, dirs...)
}
