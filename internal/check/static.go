package check

import (
	"bytes"
	"io/fs"
	"path"
	"regexp"
	"strings"
)

// scriptTypes are the files of static/ that run in a reader's browser as
// the site: "script" always, "markup" when it holds active content.
var scriptTypes = map[string]string{
	"js": "script", "mjs": "script", "cjs": "script",
	"html": "markup", "htm": "markup", "xhtml": "markup", "shtml": "markup", "xht": "markup",
	"svg": "markup", "xml": "markup", "xsl": "markup", "xslt": "markup",
}

// activeMarkup finds what makes a page or an SVG run script: a script
// element, an event-handler attribute (onload=), a javascript: address,
// embedded HTML in SVG (foreignObject), plug-in elements and stylesheets
// that can carry script (xml-stylesheet with XSLT).
var activeMarkup = regexp.MustCompile(`(?i)<script|<foreignobject|<iframe|<object|<embed|<\?xml-stylesheet|[\s"'/]on[a-z]+\s*=|javascript:|data:text/html`)

// checkStatic warns about files of the site's own static/ folder that
// carry script onto the site's origin. static/ belongs to whoever owns the
// theme, so these are warnings, not build errors; a file identical to the
// default theme's file of the same name (its own search.js, fazhi.js) is
// known and not reported.
func (c *checker) checkStatic() {
	fs.WalkDir(c.o.Source, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "static" {
				return fs.SkipAll
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		kind := scriptTypes[strings.TrimPrefix(strings.ToLower(path.Ext(p)), ".")]
		if kind == "" {
			return nil
		}
		data, err := fs.ReadFile(c.o.Source, p)
		if err != nil {
			return nil
		}
		if c.o.Theme != nil {
			if theirs, err := fs.ReadFile(c.o.Theme, p); err == nil && bytes.Equal(theirs, data) {
				return nil
			}
		}
		if kind == "script" {
			c.find(p, 0, 0, RuleStaticScript, "这是脚本文件，会以本网站的身份在读者的浏览器里运行：请确认它来自主题的维护者、内容可信；不需要的请删除 (script in static/)")
			return nil
		}
		loc := activeMarkup.FindIndex(data)
		if loc == nil {
			return nil
		}
		line := 1 + bytes.Count(data[:loc[0]], []byte("\n"))
		c.find(p, line, 0, RuleStaticScript, "这个文件含有脚本（<script>、onload= 之类的事件属性或 javascript: 链接），读者打开它时脚本会以本网站的身份运行：请确认它来自主题的维护者、内容可信；图片请去掉脚本或改用 PNG，不需要的请删除 (active content in static/)")
		return nil
	})
}
