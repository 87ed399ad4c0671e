package archetype

import (
	"path"
	"strings"
	"unicode"

	"github.com/fazhi-dev/fazhi/internal/legal"
)

// CleanPath checks a page path as typed after fazhi new and returns it
// relative to content/: "content/zhengce/a.md" and "zhengce/a.md" both
// give "zhengce/a.md". The path must stay inside content/, end in .md and
// not name a column index (_index.md). The error message is for authors.
func CleanPath(p string) (string, string) {
	p = strings.TrimSpace(strings.ReplaceAll(p, "\\", "/"))
	p = strings.TrimPrefix(p, "./")
	p = strings.TrimPrefix(p, "content/")
	switch {
	case p == "":
		return "", "请写出新页面的路径，如 zhengce/2026-xingzheng-fuyi.md"
	case strings.HasPrefix(p, "/") || (len(p) > 1 && p[1] == ':'):
		return "", "路径「" + p + "」应相对于 content 文件夹来写，如 zhengce/2026-xingzheng-fuyi.md，不要以 / 或盘符开头"
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." {
			return "", "路径「" + p + "」跑到了 content 文件夹外面：不能含有「..」"
		}
	}
	c := path.Clean(p)
	if path.Ext(c) != ".md" {
		return "", "路径「" + p + "」应以 .md 结尾，如 zhengce/2026-xingzheng-fuyi.md"
	}
	if path.Base(c) == "_index.md" {
		return "", "_index.md 是栏目首页，不能用 fazhi new 新建；栏目首页的写法见作者指南"
	}
	return c, ""
}

// TitleFromPath works out a title from the file name: the name without
// .md (for a bundle's index.md, the folder's name), without a leading date
// or number such as 2026-03-11- , when what is left contains Chinese
// characters. Otherwise it returns "": pinyin file names make no title.
func TitleFromPath(contentPath string) string {
	name := path.Base(contentPath)
	if name == "index.md" {
		name = path.Base(path.Dir(contentPath))
	}
	name = strings.TrimSuffix(name, ".md")
	name = strings.TrimLeftFunc(name, func(r rune) bool {
		return r >= '0' && r <= '9' || r == '-' || r == '_' || r == ' ' || r == '.'
	})
	name = strings.TrimSpace(name)
	for _, r := range name {
		if unicode.Is(unicode.Han, r) {
			return name
		}
	}
	return ""
}

// noticeWords map words of a file name to a notice type.
var noticeWords = []struct {
	word string
	typ  legal.NoticeType
}{
	{"kaiting", legal.NoticeHearing}, {"开庭", legal.NoticeHearing},
	{"songda", legal.NoticeService}, {"送达", legal.NoticeService},
	{"zhixing", legal.NoticeExecution}, {"执行", legal.NoticeExecution},
	{"paimai", legal.NoticeAuction}, {"拍卖", legal.NoticeAuction},
}

// NoticeTypeFromPath guesses a notice's type from its file name
// ("2026-06-10-kaiting-laodong.md" is a 开庭公告); it returns 送达公告, the
// most frequent type, when the name says nothing.
func NoticeTypeFromPath(contentPath string) string {
	name := strings.ToLower(path.Base(contentPath))
	if name == "index.md" {
		name = strings.ToLower(path.Base(path.Dir(contentPath)))
	}
	for _, w := range noticeWords {
		if strings.Contains(name, w.word) {
			return string(w.typ)
		}
	}
	return string(legal.NoticeService)
}
