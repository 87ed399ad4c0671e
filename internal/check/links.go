package check

import (
	"fmt"
	"net/url"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/fazhi-dev/fazhi/internal/config"
	"github.com/fazhi-dev/fazhi/internal/frontmatter"
	"github.com/fazhi-dev/fazhi/internal/markup"
	"github.com/fazhi-dev/fazhi/internal/site"
)

// linkTarget is where an internal link leads.
type linkTarget struct {
	page     *site.Page // the live page at that address, if any
	excluded *site.Page // the left-out page at that address, if any
	written  bool       // a file is written at that address
}

// checkLinks runs link-broken, image-alt and link-unpublished on every
// live page's body, and link-broken on the main menu.
func (c *checker) checkLinks() {
	byURL := map[string]*site.Page{}
	for _, p := range c.site.ByPath {
		byURL[p.URL] = p
	}
	excluded := map[string]*site.Page{}
	for _, p := range sortedPages(c.site.Excluded) {
		if u := excludedURL(p, c.cfg.URLStyle); u != "" {
			excluded[u] = p
		}
	}
	lists := markup.New(markup.Options{})
	for _, p := range sortedPages(c.site.ByPath) {
		if c.stopped() {
			return
		}
		links := c.linksOf(p, lists)
		for _, l := range links {
			c.checkLink(p, l, byURL, excluded)
		}
	}
	for i, m := range c.cfg.Menu.Main {
		dest := strings.TrimSpace(m.URL)
		if dest == "" || markup.IsExternal(dest) {
			continue
		}
		u, frag := splitLink(dest)
		abs := markup.ResolvePath("/", u)
		t := c.target(abs, byURL, excluded)
		if !t.written && frag == "" {
			line := c.siteTOML.Line(fmt.Sprintf("menu.main.%d.url", i))
			msg := fmt.Sprintf("导航菜单「%s」的网址「%s」在网站中不存在：请改成已有栏目的网址，如 url = \"/zhengce/\" (menu link to a missing page)", m.Name, dest)
			if alt := otherForm(abs, byURL); alt != "" {
				msg = fmt.Sprintf("导航菜单「%s」的网址「%s」在网站中不存在：这个页面的网址是「%s」，请写成 url = \"%s\" (menu link to a missing page)", m.Name, dest, alt, alt)
			}
			c.find(config.FileName, line, 0, RuleLinkBroken, msg)
		}
	}
}

// linksOf returns the links of a page's body: collected by the build for
// content pages, rendered here for the home page and column indexes.
func (c *checker) linksOf(p *site.Page, conv *markup.Converter) []markup.Link {
	if r, ok := c.rendered[p.Path]; ok {
		if r == nil {
			return nil
		}
		return r.Links
	}
	if p.File.Path == "" {
		return nil
	}
	file := p.SourcePath()
	_, body, _, bodyLine, err := frontmatter.Split(file, c.source(file))
	if err != nil {
		return nil
	}
	r, err := conv.Render(markup.Doc{Body: body, Line: bodyLine, Facts: true})
	if err != nil {
		return nil
	}
	return r.Links
}

func (c *checker) checkLink(p *site.Page, l markup.Link, byURL, excluded map[string]*site.Page) {
	file := p.SourcePath()
	dest := strings.TrimSpace(l.Dest)
	if l.Image && strings.TrimSpace(l.Alt) == "" {
		col := l.Col
		if lines := c.sourceLines(file); l.Line > 0 && l.Line <= len(lines) {
			if n := imageCol(lines[l.Line-1], l.Dest); n > 0 {
				col = n
			}
		}
		c.find(file, l.Line, col, RuleImageAlt, fmt.Sprintf(
			"图片「%s」缺少替代文字：请在方括号里写明图片内容，如 ![某市司法局办公楼外景](%s)，供读屏软件朗读 (image without alt text)", dest, dest))
	}
	if dest == "" || markup.IsExternal(dest) || l.Line == 0 {
		return
	}
	u, frag := splitLink(dest)
	if u == "" {
		c.checkAnchor(p, l, dest, p, frag)
		return
	}
	if strings.HasSuffix(strings.ToLower(u), ".md") {
		c.checkMDLink(p, l, dest, u)
		return
	}
	abs := markup.ResolvePath(p.LinkBase(), u)
	t := c.target(abs, byURL, excluded)
	fixed := ""
	if !t.written && t.excluded == nil {
		fixed = otherForm(abs, byURL)
	}
	switch {
	case t.written:
		if frag != "" && t.page != nil {
			c.checkAnchor(p, l, dest, t.page, frag)
		}
	case t.excluded != nil:
		c.find(file, l.Line, l.Col, RuleLinkUnpublished, unpublishedMsg(dest, t.excluded, c.site.Now))
	case fixed != "":
		if frag != "" {
			fixed += "#" + frag
		}
		c.find(file, l.Line, l.Col, RuleLinkBroken, fmt.Sprintf(
			"链接「%s」指向的页面不存在：本站这个页面的网址是「%s」，请改成它 (broken link)", dest, fixed))
	default:
		c.find(file, l.Line, l.Col, RuleLinkBroken, fmt.Sprintf(
			"链接「%s」指向的页面或文件不存在：请检查网址拼写；站内页面写成 %s，如 %s (broken link)", dest, c.pageForm(), c.pageExample()))
	}
}

// otherForm returns the URL of the page that u names in the other URL
// style ("/zhengce/a/" for "/zhengce/a.html" and the other way round),
// or "" when there is none: the usual mistake after a site changes its
// urlStyle.
func otherForm(u string, byURL map[string]*site.Page) string {
	alt := site.OtherStyleURL(u)
	if p, ok := byURL[alt]; ok && alt != "" && p.IsContent() {
		return alt
	}
	return ""
}

// checkMDLink follows a link written as a content file path.
func (c *checker) checkMDLink(p *site.Page, l markup.Link, dest, u string) {
	file := p.SourcePath()
	ref := strings.TrimPrefix(u, "/")
	if !strings.HasPrefix(u, "/") {
		ref = path.Join(path.Dir(p.Path), u)
	}
	ref = strings.TrimPrefix(ref, "content/")
	if t, ok := c.site.ByPath[ref]; ok {
		c.find(file, l.Line, l.Col, RuleLinkBroken, fmt.Sprintf(
			"链接「%s」写的是源文件名，网页上打不开：请改成该页面的网址「%s」 (link to a .md file)", dest, t.URL))
		return
	}
	if t, ok := c.site.Excluded[ref]; ok {
		c.find(file, l.Line, l.Col, RuleLinkUnpublished, unpublishedMsg(dest, t, c.site.Now))
		return
	}
	c.find(file, l.Line, l.Col, RuleLinkBroken, fmt.Sprintf(
		"链接「%s」指向的文件不存在：请检查文件名；站内页面写成 %s 这样的网址 (broken link)", dest, c.pageForm()))
}

// checkAnchor checks that frag is an id on target (list pages have none
// to check).
func (c *checker) checkAnchor(p *site.Page, l markup.Link, dest string, target *site.Page, frag string) {
	if !target.IsContent() {
		return
	}
	r := c.rendered[target.Path]
	if r == nil || slices.Contains(r.IDs, frag) {
		return
	}
	where := "本页"
	if target != p {
		where = "《" + target.Title + "》"
	}
	c.find(p.SourcePath(), l.Line, l.Col, RuleLinkBroken, fmt.Sprintf(
		"链接「%s」指向%s中的「#%s」，但%s没有这个位置：条文写成 #art-12（第十二条），标题的位置见该页目录 (missing anchor)",
		dest, where, frag, where))
}

// target finds what is at a site address.
func (c *checker) target(u string, byURL, excluded map[string]*site.Page) linkTarget {
	var t linkTarget
	if u == "" {
		return t
	}
	dir := u
	if !strings.HasSuffix(dir, "/") {
		dir += "/"
	}
	for _, k := range []string{u, dir} {
		if t.page == nil {
			t.page = byURL[k]
		}
		if t.excluded == nil {
			t.excluded = excluded[k]
		}
	}
	// The file the address is written to, as the address of a page or
	// of a folder.
	for _, f := range []string{site.OutputPath(u), site.OutputPath(dir)} {
		if _, ok := c.files[f]; ok {
			t.written = true
		}
	}
	return t
}

// splitLink cuts the query and fragment off a destination and decodes
// both.
func splitLink(dest string) (u, frag string) {
	u, frag, _ = strings.Cut(dest, "#")
	u, _, _ = strings.Cut(u, "?")
	if d, err := url.PathUnescape(u); err == nil {
		u = d
	}
	if d, err := url.PathUnescape(frag); err == nil {
		frag = d
	}
	return u, frag
}

// excludedURL computes the address a left-out page would have, by the
// site's own rule; "" when its url or slug is invalid.
func excludedURL(p *site.Page, style string) string {
	u, _ := site.ContentURL(p.File.Dir, p.File.Name(), p.Meta, style)
	return u
}

// pageForm and pageExample show authors how a page address is written in
// the site's URL style.
func (c *checker) pageForm() string {
	return site.PageURL("栏目文件夹", "文件名", c.cfg.URLStyle)
}

func (c *checker) pageExample() string {
	return site.PageURL("zhengce", "2024-banfa", c.cfg.URLStyle)
}

// sortedPages returns a map's pages ordered by content path.
func sortedPages(m map[string]*site.Page) []*site.Page {
	out := make([]*site.Page, 0, len(m))
	for _, p := range m {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// imageCol finds the column of "![" for an image with empty alt text on a
// line of the file (the Markdown parser has no text to place it by); 0
// when it is not found.
func imageCol(line, dest string) int {
	i := strings.Index(line, "![]("+dest)
	if i < 0 {
		return 0
	}
	return len([]rune(line[:i])) + 1
}
