package bench

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// siteTOML is fazhi's configuration of a benchmark site. Search is off:
// the search index is measured separately.
func siteTOML(title string, cols []column) string {
	var b strings.Builder
	fmt.Fprintf(&b, `# 基准测试站点，由 tools/bench 生成 (generated benchmark site)
title = %s
baseURL = "https://fzb.example.gov.cn/"
languageCode = "zh-CN"
timeZone = "Asia/Shanghai"
paginate = 20
search = false
minify = false
precompress = false

[identity]
sponsor = "某市人民政府办公室"
operator = "某市司法局"
siteCode = "9900000001"
icp = "某ICP备00000001号"
police = "某公网安备 99010202000001号"
address = "某市东城区政务路1号"
phone = "0000-12345678"
email = "fzb@example.gov.cn"
domain = "fzb.example.gov.cn"
`, tq(title))
	writeMenu(&b, cols)
	b.WriteString("\n[params]\ndescription = \"fazhi 基准测试站点\"\n")
	return b.String()
}

func writeMenu(b *strings.Builder, cols []column) {
	fmt.Fprintf(b, "\n[[menu.main]]\nname = \"首页\"\nurl = \"/\"\nweight = 1\n")
	for i, c := range cols {
		fmt.Fprintf(b, "\n[[menu.main]]\nname = %s\nurl = \"/%s/\"\nweight = %d\n", tq(c.title), c.slug, i+2)
	}
}

// hugoConfig is the Hugo configuration of the same site: same base URL,
// page size and menu, goldmark with CJK (Hugo versions before 0.112 ignore
// that key), tags as the only taxonomy.
func hugoConfig(title string, cols []column) string {
	var b strings.Builder
	fmt.Fprintf(&b, `# 基准测试站点的 Hugo 版本，由 tools/bench 生成 (generated benchmark site)
baseURL = "https://fzb.example.gov.cn/"
languageCode = "zh-CN"
title = %s
hasCJKLanguage = true
paginate = 20
timeZone = "Asia/Shanghai"
enableRobotsTXT = false

[markup.goldmark.parser]
autoHeadingID = true

[markup.goldmark.extensions.cjk]
enable = true

[taxonomies]
tag = "tags"

[params]
sponsor = "某市人民政府办公室"
operator = "某市司法局"
`, tq(title))
	writeMenu(&b, cols)
	return b.String()
}

// hugoLayouts are minimal templates that show what fazhi's default theme
// shows in substance: the domain metadata, a table of contents, the body,
// tags, neighbours, and paginated lists. The menu, the same on every
// page, is a cached partial in both tools. The page's own tables are read
// from .Params.params (Hugo before 0.123) or .Params (later versions).
var hugoLayouts = map[string]string{
	"_default/baseof.html": `<!DOCTYPE html>
<html lang="{{ .Site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ .Site.Title }}{{ else }}{{ .Title }} - {{ .Site.Title }}{{ end }}</title>
{{- with .Description }}
<meta name="description" content="{{ . }}">
{{- end }}
<link rel="canonical" href="{{ .Permalink }}">
</head>
<body>
<header>
<p class="site-title"><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></p>
{{ partialCached "menu.html" . }}
</header>
<main>
{{ block "main" . }}{{ end }}
</main>
<footer>
<p>主办单位：{{ .Site.Params.sponsor }}　承办单位：{{ .Site.Params.operator }}</p>
</footer>
</body>
</html>
`,
	"_default/single.html": `{{ define "main" }}
{{- $p := .Params }}{{ with .Params.params }}{{ $p = . }}{{ end }}
<article>
<h1>{{ .Title }}</h1>
<p class="meta"><time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "2006-01-02" }}</time>{{ with $p.article }}{{ with .source }} 来源：{{ . }}{{ end }}{{ end }}</p>
{{- with $p.policy }}
<table class="policy-meta">
<tr><th>索引号</th><td>{{ .indexnumber }}</td><th>主题分类</th><td>{{ .topic }}</td></tr>
<tr><th>发文机关</th><td>{{ .issuer }}</td><th>成文日期</th><td>{{ .written }}</td></tr>
<tr><th>发文字号</th><td>{{ .docnumber }}</td><th>施行日期</th><td>{{ .effective }}</td></tr>
<tr><th>体裁</th><td>{{ .genre }}</td><th>关键词</th><td>{{ delimit .keywords "、" }}</td></tr>
</table>
{{- end }}
{{- with $p.notice }}
<dl class="notice-meta"><dt>公告类型</dt><dd>{{ .type }}</dd><dt>案号</dt><dd>{{ .casenumber }}</dd><dt>法院</dt><dd>{{ .court }}</dd>{{ with .hearing }}<dt>开庭时间</dt><dd>{{ . }}</dd>{{ end }}</dl>
{{- end }}
{{- if gt (len .TableOfContents) 40 }}
<nav class="toc">{{ .TableOfContents }}</nav>
{{- end }}
<div class="body">
{{ .Content }}
</div>
{{- with .GetTerms "tags" }}
<p class="tags">标签：{{ range . }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>
{{- end }}
<nav class="prevnext">
{{- with .NextInSection }}<a rel="prev" href="{{ .RelPermalink }}">上一篇：{{ .Title }}</a>{{ end }}
{{- with .PrevInSection }}<a rel="next" href="{{ .RelPermalink }}">下一篇：{{ .Title }}</a>{{ end }}
</nav>
</article>
{{ end }}
`,
	"_default/list.html": `{{ define "main" }}
<h1>{{ .Title }}</h1>
{{- with .Content }}
<div class="intro">{{ . }}</div>
{{- end }}
<ul class="list">
{{- range .Paginator.Pages }}
{{- $p := .Params }}{{ with .Params.params }}{{ $p = . }}{{ end }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with $p.policy }} <span>{{ .docnumber }}</span>{{ end }}{{ with $p.notice }} <span>{{ .type }}</span> <span>{{ .casenumber }}</span>{{ end }} <time>{{ .Date.Format "2006-01-02" }}</time></li>
{{- end }}
</ul>
{{ template "_internal/pagination.html" . }}
{{ end }}
`,
	"index.html": `{{ define "main" }}
<div class="intro">{{ .Content }}</div>
{{- range .Site.Sections }}
<section>
<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<ul>
{{- range first 8 .Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>
{{- end }}
</ul>
</section>
{{- end }}
{{ end }}
`,
	// The menu is the same on every page: both tools render it once.
	"partials/menu.html": `<nav><ul>
{{- range .Site.Menus.main }}
<li><a href="{{ .URL | relURL }}">{{ .Name }}</a></li>
{{- end }}
</ul></nav>`,
}

// fazhiMinLayouts are fazhi templates equivalent to hugoLayouts: the same
// head, menu and footer, the same page (date, source, policy table,
// notice facts, table of contents, body, tags, neighbours), the same
// lists (title, document or case number, date, a pager of nearby page
// numbers) and home page. They are written into the minimal-layout fazhi
// tree, where they override the embedded theme's templates one by one;
// archive, hearings and browse are overridden too so that no page of
// that tree is drawn by the default theme. The feeds, sitemap, catalogue
// and calendar fazhi writes do not depend on templates.
var fazhiMinLayouts = map[string]string{
	"_default/baseof.html": `<!DOCTYPE html>
<html lang="{{ default "zh-CN" .Site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if eq .Kind "home" }}{{ .Site.Title }}{{ else }}{{ .Title }} - {{ .Site.Title }}{{ end }}</title>
{{- with .Page }}{{ with .Description }}
<meta name="description" content="{{ . }}">
{{- end }}{{ end }}
<link rel="canonical" href="{{ .Permalink }}">
</head>
<body>
<header>
<p class="site-title"><a href="{{ relURL "/" }}">{{ .Site.Title }}</a></p>
{{ partialCached "menu.html" . }}
</header>
<main>
{{ block "main" . }}{{ end }}
</main>
<footer>
<p>主办单位：{{ .Site.Identity.Sponsor }}　承办单位：{{ .Site.Identity.Operator }}</p>
</footer>
</body>
</html>
`,
	"_default/page.html": `{{ define "main" }}
{{- $p := .Page }}
<article>
<h1>{{ .Title }}</h1>
<p class="meta">{{ if not $p.Date.IsZero }}<time datetime="{{ rfc3339 $p.Date }}">{{ isoDate $p.Date }}</time>{{ end }}{{ with $p.Article }}{{ with .Source }} 来源：{{ . }}{{ end }}{{ end }}</p>
{{- with $p.Policy }}
<table class="policy-meta">
<tr><th>索引号</th><td>{{ .IndexNumber }}</td><th>主题分类</th><td>{{ .Topic }}</td></tr>
<tr><th>发文机关</th><td>{{ range $i, $v := .Issuer }}{{ if $i }}、{{ end }}{{ $v }}{{ end }}</td><th>成文日期</th><td>{{ if not .Written.IsZero }}{{ isoDate .Written.Time }}{{ end }}</td></tr>
<tr><th>发文字号</th><td>{{ .DocNumber }}</td><th>施行日期</th><td>{{ if not .Effective.IsZero }}{{ isoDate .Effective.Time }}{{ end }}</td></tr>
<tr><th>体裁</th><td>{{ .Genre }}</td><th>关键词</th><td>{{ join .Keywords "、" }}</td></tr>
</table>
{{- end }}
{{- with $p.Notice }}
<dl class="notice-meta"><dt>公告类型</dt><dd>{{ .Type }}</dd><dt>案号</dt><dd>{{ .CaseNumber }}</dd><dt>法院</dt><dd>{{ .Court }}</dd>{{ if not .Hearing.IsZero }}<dt>开庭时间</dt><dd>{{ pubDate .Hearing.Time }}</dd>{{ end }}</dl>
{{- end }}
{{- with .TableOfContents }}
<nav class="toc">{{ . }}</nav>
{{- end }}
<div class="body">
{{ .Content }}
</div>
{{- with $p.TagTerms }}
<p class="tags">标签：{{ range . }}<a href="{{ relURL .URL }}">{{ .Name }}</a> {{ end }}</p>
{{- end }}
<nav class="prevnext">
{{- with $p.Prev }}<a rel="prev" href="{{ relURL .URL }}">上一篇：{{ .Title }}</a>{{ end }}
{{- with $p.Next }}<a rel="next" href="{{ relURL .URL }}">下一篇：{{ .Title }}</a>{{ end }}
</nav>
</article>
{{ end }}
`,
	"_default/section.html": `{{ define "main" }}
<h1>{{ .Title }}</h1>
{{- if eq .Kind "section" }}{{ with .Content }}
<div class="intro">{{ . }}</div>
{{- end }}{{ end }}
{{ template "layouts/partials/bench-list.html" . }}
{{ end }}
`,
	"_default/term.html":     minList,
	"_default/archive.html":  minList,
	"_default/hearings.html": minList,
	"_default/browse.html":   minList,
	"_default/taxonomy.html": `{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul class="list">
{{- range .Terms }}
<li><a href="{{ relURL .URL }}">{{ .Name }}</a> <span>{{ len .Pages }}</span></li>
{{- end }}
</ul>
{{ end }}
`,
	"_default/home.html": `{{ define "main" }}
<div class="intro">{{ .Content }}</div>
{{- range .Site.Sections }}
<section>
<h2><a href="{{ relURL .URL }}">{{ .Title }}</a></h2>
<ul>
{{- range first 8 .Pages }}
<li><a href="{{ relURL .URL }}">{{ .Title }}</a>{{ if not .Date.IsZero }} <time>{{ isoDate .Date }}</time>{{ end }}</li>
{{- end }}
</ul>
</section>
{{- end }}
{{ end }}
`,
	"_default/404.html": `{{ define "main" }}
<h1>页面不存在</h1>
<p><a href="{{ relURL "/" }}">返回首页</a></p>
{{ end }}
`,
	// bench-list is the list of a column, term or browse page with its
	// pager, as Hugo's list.html with _internal/pagination.html.
	"partials/menu.html": `<nav><ul>
{{- range .Site.Menu }}
<li><a href="{{ relURL .URL }}">{{ .Name }}</a></li>
{{- end }}
</ul></nav>`,
	"partials/bench-list.html": `<ul class="list">
{{- range .Pages }}
<li><a href="{{ relURL .URL }}">{{ .Title }}</a>{{ with .Policy }} <span>{{ .DocNumber }}</span>{{ end }}{{ with .Notice }} <span>{{ .Type }}</span> <span>{{ .CaseNumber }}</span>{{ end }}{{ if not .Date.IsZero }} <time>{{ isoDate .Date }}</time>{{ end }}</li>
{{- end }}
</ul>
{{- with .Paginator }}{{ if gt .Total 1 }}
<ul class="pagination">
<li><a href="{{ relURL .First }}">«</a></li>
{{- with .Prev }}
<li><a href="{{ relURL . }}">‹</a></li>
{{- end }}
{{- range .Pages }}
{{- if .Gap }}
<li>…</li>
{{- else }}
<li{{ if .Current }} class="active"{{ end }}><a href="{{ relURL .URL }}">{{ .Number }}</a></li>
{{- end }}
{{- end }}
{{- with .Next }}
<li><a href="{{ relURL . }}">›</a></li>
{{- end }}
<li><a href="{{ relURL .Last }}">»</a></li>
</ul>
{{- end }}{{ end }}
`,
}

// minList is the minimal template of every other list kind.
const minList = `{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ template "layouts/partials/bench-list.html" . }}
{{ end }}
`

// SetPostProcessing switches minify and precompress in a generated
// fazhi tree's site.toml (siteDir is DIR/fazhi).
func SetPostProcessing(siteDir string, minify, precompress bool) error {
	found := 0
	return editSiteTOML(siteDir, func(l string) []string {
		switch {
		case strings.HasPrefix(l, "minify = "):
			found++
			return []string{"minify = " + strconv.FormatBool(minify)}
		case strings.HasPrefix(l, "precompress = "):
			found++
			return []string{"precompress = " + strconv.FormatBool(precompress)}
		}
		return []string{l}
	}, func() bool { return found == 2 }, "minify/precompress lines not found")
}

// SetURLStyle sets urlStyle in a generated fazhi tree's site.toml ("" or
// "dir" leaves the default). The line goes among the top-level keys,
// after precompress.
func SetURLStyle(siteDir, style string) error {
	found := false
	return editSiteTOML(siteDir, func(l string) []string {
		switch {
		case strings.HasPrefix(l, "urlStyle = "):
			return nil
		case strings.HasPrefix(l, "precompress = "):
			found = true
			if style != "" && style != "dir" {
				return []string{l, "urlStyle = " + strconv.Quote(style)}
			}
		}
		return []string{l}
	}, func() bool { return found }, "precompress line not found")
}

// editSiteTOML replaces each line of a generated tree's site.toml with
// the lines edit returns, and writes the file back when ok reports that
// the edit found what it looked for.
func editSiteTOML(siteDir string, edit func(line string) []string, ok func() bool, notFound string) error {
	p := filepath.Join(siteDir, "site.toml")
	b, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		out = append(out, edit(l)...)
	}
	if !ok() {
		return fmt.Errorf("%s: %s", p, notFound)
	}
	return os.WriteFile(p, []byte(strings.Join(out, "\n")), 0o644)
}
