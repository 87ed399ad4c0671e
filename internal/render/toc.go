package render

import (
	"html/template"
	"strconv"
	"strings"
)

// TableOfContents returns the page's table of contents as a list ready to
// put in a template, one item per heading with its level as a class:
//
//	<ul>
//	<li class="toc-l2"><a href="#id">第一章　总则</a></li>
//	</ul>
//
// It is what {{ range .TOC }} with those elements gives, built without a
// template call per heading; empty when the page has no headings.
func (d *Data) TableOfContents() template.HTML {
	if len(d.TOC) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("<ul>\n")
	for _, h := range d.TOC {
		b.WriteString(`<li class="toc-l`)
		b.WriteString(strconv.Itoa(h.Level))
		b.WriteString(`"><a href="#`)
		fragment(&b, h.ID)
		b.WriteString(`">`)
		htmlText.WriteString(&b, h.Text)
		b.WriteString("</a></li>\n")
	}
	b.WriteString("</ul>")
	return template.HTML(b.String())
}

// fragment writes id percent-encoded as html/template encodes a value
// after "#" in a URL: every byte but letters, digits and "-._~", in
// lowercase hex.
func fragment(b *strings.Builder, id string) {
	const hex = "0123456789abcdef"
	for i := 0; i < len(id); i++ {
		c := id[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
}

// htmlText escapes text as html/template does in element content.
var htmlText = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")
