package check

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/fazhi-dev/fazhi/internal/config"
	"github.com/fazhi-dev/fazhi/internal/frontmatter"
	"github.com/fazhi-dev/fazhi/internal/markup"
	"github.com/fazhi-dev/fazhi/internal/site"
)

// empty reports whether a column is blank: no content page in it or its
// sub-columns, and no text in its _index.md either.
func (c *checker) empty(sec *site.Section) bool {
	if len(sec.Pages) > 0 {
		return false
	}
	file := sec.Index.SourcePath()
	_, body, _, _, err := frontmatter.Split(file, c.source(file))
	return err != nil || len(bytes.TrimSpace(body)) == 0
}

// checkEmpty runs column-empty, column-empty-veto and menu-empty.
func (c *checker) checkEmpty() {
	var names []string
	var first *site.Section
	emptyByURL := map[string]*site.Section{}
	for _, sec := range sortedSections(c.site.SectionByPath) {
		if !c.empty(sec) {
			continue
		}
		emptyByURL[sec.URL()] = sec
		if first == nil {
			first = sec
		}
		names = append(names, "「"+sec.Title()+"」")
		c.find(sec.Index.SourcePath(), columnLine(sec), 0, RuleColumnEmpty, fmt.Sprintf(
			"栏目「%s」没有任何信息，检查中算作空白栏目：请在 content/%s/ 中发布内容，或在 _index.md 正文中写明栏目内容；不再使用的栏目请删除整个文件夹 (empty column)",
			sec.Title(), sec.Path))
	}
	if len(names) >= VetoColumns {
		c.veto(RuleColumnEmptyVeto, first.Index.SourcePath(), columnLine(first), fmt.Sprintf(
			"空白栏目：%d 个栏目没有任何信息（%s），达到 %d 个即单项否决", len(names), strings.Join(names, ""), VetoColumns))
	}
	for i, m := range c.cfg.Menu.Main {
		u, _ := splitLink(strings.TrimSpace(m.URL))
		if markup.IsExternal(u) {
			continue
		}
		sec, ok := emptyByURL[markup.ResolvePath("/", u)]
		if !ok {
			continue
		}
		c.find(config.FileName, c.siteTOML.Line(fmt.Sprintf("menu.main.%d.url", i)), 0, RuleMenuEmpty, fmt.Sprintf(
			"导航菜单「%s」指向的栏目「%s」（content/%s/）是空白栏目：请先发布内容，或从 [[menu.main]] 中删去这一项 (menu links to an empty column)",
			m.Name, sec.Title(), sec.Path))
	}
}
