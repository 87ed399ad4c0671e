// Package frontmatter splits a content file into its TOML front matter and
// Markdown body, and decodes the front matter strictly into Meta.
package frontmatter

import (
	"bytes"

	"github.com/fazhi-dev/fazhi/internal/diag"
)

// Split separates front matter from body. The file must start with a line
// "+++" and the front matter ends at the next line "+++". bodyLine is the
// 1-based line of the file on which the body starts; fmLine is the line of
// the first front-matter line (normally 2).
func Split(file string, src []byte) (fm, body []byte, fmLine, bodyLine int, err error) {
	src = bytes.TrimPrefix(src, bom)
	first, rest, _ := cutLine(src)
	switch {
	case isFence(first):
	case string(bytes.TrimSpace(first)) == "---":
		return nil, nil, 0, 0, diag.New(file, 1,
			"前言（front matter）请用 TOML 格式，以 +++ 开始和结束，而不是 YAML 的 ---；例如：\n+++\ntitle = \"标题\"\ndate = 2024-03-01\n+++ (use TOML front matter between +++ lines, not YAML ---)")
	default:
		return nil, nil, 0, 0, diag.New(file, 1,
			"文件开头缺少前言：第一行应为 +++，接着写 title = \"标题\" 和 date = 2024-03-01，再以 +++ 结束 (missing +++ front matter)")
	}
	line := 2
	start := len(src) - len(rest)
	for len(rest) > 0 {
		l, next, _ := cutLine(rest)
		if isFence(l) {
			end := len(src) - len(rest)
			return src[start:end], next, 2, line + 1, nil
		}
		rest = next
		line++
	}
	return nil, nil, 0, 0, diag.New(file, 1,
		"前言没有结束：在前言最后一行之后加一行 +++ (front matter is not closed with +++)")
}

func cutLine(b []byte) (line, rest []byte, ok bool) {
	i := bytes.IndexByte(b, '\n')
	if i < 0 {
		return bytes.TrimSuffix(b, []byte("\r")), nil, false
	}
	return bytes.TrimSuffix(b[:i], []byte("\r")), b[i+1:], true
}
