package check

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

var (
	scriptElem = regexp.MustCompile(`(?is)<script\b([^>]*)>(.*?)</script>`)
	scriptType = regexp.MustCompile(`(?i)\btype\s*=\s*["']?([^"'\s>]+)`)
	handler    = regexp.MustCompile(`(?i)<[a-z][^>]*?\s(on[a-z]+)\s*=`)
	jsAddress  = regexp.MustCompile(`(?i)\b(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:`)
)

// checkInlineScript runs when site.toml turns the Content-Security-Policy
// on ([security] contentSecurityPolicy): the browser then refuses inline
// scripts, event-handler attributes (onclick=) and javascript: addresses,
// so a layout or a page (with [markup] trustHTML) that has one stops
// working without a word. Each distinct piece is reported once, at the
// first page that has it, with the number of pages.
func (c *checker) checkInlineScript() {
	if !c.cfg.Security.ContentSecurityPolicy {
		return
	}
	source := map[string]string{} // output file -> source file
	for _, p := range c.site.Pages {
		out := strings.TrimPrefix(p.URL, "/")
		if out == "" || strings.HasSuffix(out, "/") {
			out += "index.html"
		}
		source[out] = p.SourcePath()
	}
	names := make([]string, 0, len(c.files))
	for name := range c.files {
		if strings.HasSuffix(name, ".html") {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	type seen struct {
		file  string
		pages int
	}
	found := map[string]*seen{}
	var order []string
	for _, name := range names {
		if c.stopped() {
			return
		}
		html := string(c.files[name])
		for _, piece := range inlineScripts(html) {
			s := found[piece]
			if s == nil {
				file := source[name]
				if file == "" {
					file = name
				}
				s = &seen{file: file}
				found[piece] = s
				order = append(order, piece)
			}
			s.pages++
		}
	}
	for _, piece := range order {
		s := found[piece]
		c.find(s.file, 0, 0, RuleCSPInline, fmt.Sprintf(
			"内容安全策略已打开（site.toml [security] contentSecurityPolicy = true），浏览器不会运行网页里的「%s」（共 %d 个网页有它）：把脚本写成 static/js/ 里的文件、用 data- 属性和事件监听代替 onclick= 之类的属性；确实需要时把 contentSecurityPolicy 改为 false (inline script blocked by the CSP)",
			piece, s.pages))
	}
}

// inlineScripts returns the pieces of html a Content-Security-Policy
// without 'unsafe-inline' blocks, each cut to a recognisable length.
func inlineScripts(html string) []string {
	var out []string
	for _, m := range scriptElem.FindAllStringSubmatch(html, -1) {
		attrs, body := m[1], m[2]
		if t := scriptType.FindStringSubmatch(attrs); t != nil && !isJSType(t[1]) {
			continue // JSON-LD and other data blocks do not run
		}
		if strings.Contains(strings.ToLower(attrs), "src=") && strings.TrimSpace(body) == "" {
			continue
		}
		out = append(out, cut("<script"+attrs+">"+strings.TrimSpace(body)))
	}
	for _, m := range handler.FindAllStringSubmatch(html, -1) {
		out = append(out, strings.ToLower(m[1])+"=")
	}
	for _, m := range jsAddress.FindAllString(html, -1) {
		out = append(out, cut(m))
	}
	return out
}

func isJSType(t string) bool {
	t = strings.ToLower(t)
	return t == "module" || strings.Contains(t, "javascript") || strings.Contains(t, "ecmascript")
}

// cut shortens s to 40 runes.
func cut(s string) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return string(r)
}
