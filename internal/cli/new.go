package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/fazhi-dev/fazhi/internal/archetype"
	"github.com/fazhi-dev/fazhi/internal/config"
	fzsource "github.com/fazhi-dev/fazhi/internal/source"
)

const newSynopsis = "new 类型 路径 [-s 站点] [--now 时间]\n\n" +
	"类型 KIND：policy（政策文件）、notice（公告）、article（文章）、page（页面），也可以写中文\n" +
	"路径 PATH：相对于 content 文件夹，以 .md 结尾，如 zhengce/2026-xingzheng-fuyi.md\n" +
	"例 Example：fazhi new policy zhengce/2026-xingzheng-fuyi.md"

// runNew writes a new content page from its archetype.
func runNew(env *Env, args []string) int {
	var source, nowFlag string
	fl := newFlags(env, "new", newSynopsis)
	fl.StringVar(&source, "s", ".", "站点文件夹 (site folder)")
	fl.StringVar(&nowFlag, "now", "", "创建时间，如 2024-03-01 或 2024-03-01T09:00:00+08:00；默认当前时间 (creation time)")
	// Flags may come before, between or after KIND and PATH.
	var pos []string
	for {
		if code, ok := parse(fl, args); !ok {
			return code
		}
		rest := fl.Args()
		if len(rest) == 0 {
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	if len(pos) != 2 {
		fmt.Fprintln(env.Stderr, "fazhi new: 需要两个参数：类型和路径，如 fazhi new policy zhengce/2026-xingzheng-fuyi.md (need KIND and PATH)")
		fl.Usage()
		return ExitUsage
	}
	kind, ok := archetype.NormalizeKind(pos[0])
	if !ok {
		var names []string
		for _, k := range archetype.Kinds {
			names = append(names, k.Name+"（"+k.Chinese+"）")
		}
		fmt.Fprintf(env.Stderr, "fazhi new: 没有「%s」这个类型，可用的类型：%s (unknown kind)\n", pos[0], strings.Join(names, "、"))
		return ExitUsage
	}
	rel, problem := archetype.CleanPath(pos[1])
	if problem != "" {
		fmt.Fprintf(env.Stderr, "fazhi new: %s (bad path)\n", problem)
		return ExitUsage
	}
	now, err := parseNow(nowFlag)
	if err != nil {
		fmt.Fprintln(env.Stderr, "fazhi new:", err)
		return ExitUsage
	}
	if st, err := os.Stat(source); err != nil || !st.IsDir() {
		fmt.Fprintf(env.Stderr, "fazhi new: 站点文件夹「%s」不存在 (site folder not found)\n", source)
		return ExitUsage
	}
	target := filepath.Join(source, "content", filepath.FromSlash(rel))
	shown := filepath.ToSlash(filepath.Join("content", filepath.FromSlash(rel)))
	if source != "." {
		shown = filepath.ToSlash(target)
	}
	if _, err := os.Lstat(target); err == nil {
		fmt.Fprintf(env.Stderr, "fazhi new: %s 已经存在，不会覆盖它；请换一个文件名，或直接编辑这个文件 (file exists)\n", shown)
		return ExitContent
	}
	if err := checkNoLinks(source, "content/"+path.Dir(rel)); err != nil {
		fmt.Fprintf(env.Stderr, "fazhi new: %v\n", err)
		return ExitContent
	}
	site := fzsource.NewDir(source)
	cfg, err := config.Load(site)
	if err != nil {
		report(env.Stderr, err)
		return ExitContent
	}
	res, err := archetype.Create(site, cfg, kind, rel, now)
	if err != nil {
		report(env.Stderr, err)
		return ExitContent
	}
	if err := writeNew(source, "content/"+rel, res.Content); err != nil {
		if errors.Is(err, fs.ErrExist) {
			fmt.Fprintf(env.Stderr, "fazhi new: %s 已经存在，不会覆盖它 (file exists)\n", shown)
		} else {
			fmt.Fprintf(env.Stderr, "fazhi new: 无法写入 %s：%v\n", shown, err)
		}
		return ExitContent
	}
	fmt.Fprintf(env.Stdout, "已新建%s：%s\n", archetype.ChineseName(kind), shown)
	if res.FromSite {
		fmt.Fprintf(env.Stdout, "使用了站点自己的模板 %s\n", res.Archetype)
	}
	if kind == archetype.Policy {
		fmt.Fprintf(env.Stdout, "索引号：%s\n", res.Data.IndexNumber)
		if res.Data.IndexPlaceholder {
			fmt.Fprintln(env.Stdout, "注意：索引号斜杠前的 000000000 是占位符，请换成发布机构的组织机构代码（或在 site.toml 的 [params] 中写 issuerCode）")
		}
	}
	fmt.Fprintln(env.Stdout, "请打开这个文件，按每行 # 后面的说明填写。写完后把 draft = true 改为 false，页面才会发布。")
	return ExitOK
}

// checkNoLinks refuses dir (slash-separated, relative to the site folder
// site) when it or a folder on the way to it is a symbolic link: a new
// page is never written through a link to somewhere else. Folders that do
// not exist yet are fine; writeNew makes them.
func checkNoLinks(site, dir string) error {
	p := ""
	for _, seg := range strings.Split(dir, "/") {
		if seg == "." || seg == "" {
			continue
		}
		p = path.Join(p, seg)
		st, err := os.Lstat(filepath.Join(site, filepath.FromSlash(p)))
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		if st.Mode()&fs.ModeSymlink != 0 {
			return fmt.Errorf("%s 是符号链接（快捷方式），fazhi 不会通过它写文件：请在站点文件夹里建一个真正的文件夹 (symbolic link in the path refused)", p)
		}
		if !st.IsDir() {
			return fmt.Errorf("%s 不是文件夹：请换一个路径 (not a folder)", p)
		}
	}
	return nil
}

// writeNew creates the file name (slash-separated, relative to the site
// folder site) and its folders through an os.Root of the site folder, so
// that nothing is written outside it; it never replaces a file.
func writeNew(site, name string, data []byte) error {
	root, err := os.OpenRoot(site)
	if err != nil {
		return err
	}
	defer root.Close()
	if err := root.MkdirAll(path.Dir(name), 0o755); err != nil {
		return err
	}
	f, err := root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		root.Remove(name)
		return err
	}
	return f.Close()
}
