package cli

import (
	"fmt"

	"github.com/fazhi-dev/fazhi"
	"github.com/fazhi-dev/fazhi/internal/initsite"
	"github.com/fazhi-dev/fazhi/internal/search"
)

func runInit(env *Env, args []string) int {
	fl := newFlags(env, "init", "init 文件夹")
	if code, ok := parse(fl, args); !ok {
		return code
	}
	if fl.NArg() != 1 {
		fmt.Fprintln(env.Stderr, "fazhi init: 请给出新网站的文件夹，如 fazhi init fzj (name the new site's folder)")
		return ExitUsage
	}
	dir := fl.Arg(0)
	_, err := search.Find(dir)
	names, err2 := initsite.Write(initsite.Options{Dir: dir, Search: err == nil, CI: fazhi.CI})
	if err2 != nil {
		fmt.Fprintln(env.Stderr, "fazhi init:", err2)
		return ExitUsage
	}
	fmt.Fprintf(env.Stdout, "已在「%s」创建新网站，共 %d 个文件。\n", dir, len(names))
	if err != nil {
		fmt.Fprintln(env.Stdout, "没有找到 Pagefind，站内搜索先关闭（site.toml 中 search = false，注释写明了打开方法）。")
	}
	fmt.Fprintf(env.Stdout, "下一步：编辑 %s/site.toml 的 [identity]，然后运行 fazhi check -s %s 查看上线前还缺什么，fazhi serve -s %s 预览。\n", dir, dir, dir)
	fmt.Fprintf(env.Stdout, "(created a new site in %s; edit site.toml, then run fazhi check -s %s)\n", dir, dir)
	return ExitOK
}
