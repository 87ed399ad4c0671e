package check

import (
	"fmt"
	"strings"
)

// Summary states the result as an inspector would, in three lines:
//
//	单项否决 1 项：首页不更新：最新信息…
//	错误 2 个，警告 3 个
//	结论：不合格（存在单项否决项）
//
// or 「结论：未发现单项否决项」 when there is no veto. Error-level findings
// still fail `fazhi check`; the conclusion only speaks of vetoes.
func (r *Report) Summary() string {
	var b strings.Builder
	if len(r.Vetoes) == 0 {
		b.WriteString("单项否决 0 项\n")
	} else {
		items := make([]string, len(r.Vetoes))
		for i, v := range r.Vetoes {
			items[i] = fmt.Sprintf("%s [%s]", v.Message, v.Rule)
		}
		fmt.Fprintf(&b, "单项否决 %d 项：%s\n", len(r.Vetoes), strings.Join(items, "；"))
	}
	fmt.Fprintf(&b, "错误 %d 个，警告 %d 个\n", r.Errors, r.Warnings)
	if len(r.Vetoes) > 0 {
		b.WriteString("结论：不合格（存在单项否决项）\n")
	} else {
		b.WriteString("结论：未发现单项否决项\n")
	}
	return b.String()
}
