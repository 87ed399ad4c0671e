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
var ErrNotFound = errors.New("找不到 Pagefind：请设置环境变量 FAZHI_PAGEFIND 指向 pagefind_extended，或把 pagefind_extended 放在 fazhi 程序旁边；在 fazhi 源码目录里运行 make 会安装它并设置好这个变量；也可以在 site.toml 中写 search = false 关闭站内搜索 (Pagefind not found: set FAZHI_PAGEFIND, put pagefind_extended beside the fazhi binary, or set search = false in site.toml)")

// Program says where Pagefind is found: $FAZHI_PAGEFIND, then
// pagefind_extended on PATH, then beside the fazhi binary. Never in the
// site folder.
var Program = toolbin.Tool{
	Label: "Pagefind", Env: EnvVar, Name: BinaryName, NPMPath: NPMPath,
	Beside:   []string{BinaryName, NPMPath},
	NotFound: ErrNotFound,
}

// Find locates Pagefind for building the site folder site (see Program).
func Find(site string) (string, error) { return Program.Find(site) }
