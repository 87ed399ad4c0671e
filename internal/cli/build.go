package cli

import (
	"errors"
	"fmt"
	"github.com/fazhi-dev/fazhi/internal/cms"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/fazhi-dev/fazhi"
	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/config"
	"github.com/fazhi-dev/fazhi/internal/publish"
	"github.com/fazhi-dev/fazhi/internal/scss"
	"github.com/fazhi-dev/fazhi/internal/search"
	"github.com/fazhi-dev/fazhi/internal/source"
)

// buildFlags are the flags shared by build, serve and check.
type buildFlags struct {
	source, dest, baseURL, now string
	drafts, future, expired    bool
}

func (f *buildFlags) register(fs interface {
	StringVar(*string, string, string, string)
	BoolVar(*bool, string, bool, string)
}, withDest bool) {
	fs.StringVar(&f.source, "s", ".", "站点文件夹 (site folder)")
	if withDest {
		fs.StringVar(&f.dest, "d", "", "输出文件夹，默认 <站点>/public (output folder)")
		fs.StringVar(&f.baseURL, "baseURL", "", "覆盖 site.toml 的 baseURL (override baseURL)")
	}
	fs.StringVar(&f.now, "now", "", "构建时间，如 2024-03-01 或 2024-03-01T09:00:00+08:00；默认当前时间 (build time)")
	fs.BoolVar(&f.drafts, "drafts", false, "包括草稿 (include drafts)")
	fs.BoolVar(&f.future, "future", false, "包括发布日期在将来的页面 (include future pages)")
	fs.BoolVar(&f.expired, "expired", false, "包括已过期的页面 (include expired pages)")
}

func runBuild(env *Env, args []string) int {
	var f buildFlags
	var sequence int64
	var cacheDir string
	var noCache bool
	fl := newFlags(env, "build", "build [-s 站点] [-d 输出] [--baseURL URL] [--drafts] [--future] [--expired] [--now 时间] [--sequence N] [--cache-dir 文件夹] [--no-cache]")
	f.register(fl, true)
	fl.Int64Var(&sequence, "sequence", 0, "清单的版本序号，发布时不允许用更小的序号覆盖；默认构建时间的 Unix 秒数 (manifest sequence)")
	fl.StringVar(&cacheDir, "cache-dir", "", "构建缓存文件夹，默认 <站点>/.fazhi-cache (build cache folder)")
	fl.BoolVar(&noCache, "no-cache", false, "不读也不写构建缓存，全部重新生成 (build everything; neither read nor write the cache)")
	if code, ok := parse(fl, args); !ok {
		return code
	}
	now, err := parseNow(f.now)
	if err != nil {
		fmt.Fprintln(env.Stderr, "fazhi build:", err)
		return ExitUsage
	}
	dest := f.dest
	if dest == "" {
		dest = filepath.Join(f.source, "public")
	}
	if st, err := os.Stat(f.source); err != nil || !st.IsDir() {
		fmt.Fprintf(env.Stderr, "fazhi build: 站点文件夹「%s」不存在 (site folder not found)\n", f.source)
		return ExitUsage
	}
	if err := checkDest(f.source, dest); err != nil {
		fmt.Fprintln(env.Stderr, "fazhi build:", err)
		return ExitUsage
	}
	src := source.NewDir(f.source)
	sass, err := startSass(src, f.source)
	if err != nil {
		report(env.Stderr, err)
		return ExitContent
	}
	if sass != nil {
		defer sass.Close()
	}
	idx, err := findSearch(src, f.source, searchCacheDir(f.source, cacheDir, noCache))
	if err != nil {
		fmt.Fprintln(env.Stderr, "fazhi build:", err)
		return ExitContent
	}
	meta, signer, err := manifestMeta(f.source, f.baseURL, now, sequence)
	if err != nil {
		fmt.Fprintln(env.Stderr, "fazhi build:", err)
		return ExitUsage
	}
	out, err := publish.OpenDir(dest)
	if err != nil {
		fmt.Fprintln(env.Stderr, "fazhi build:", err)
		if errors.Is(err, publish.ErrNotOutput) {
			return ExitUsage
		}
		return ExitContent
	}
	out.SetMeta(meta, signer)
	opts := build.Options{
		Source: src, Theme: fazhi.Theme, ThemeCSS: fazhi.ThemeCSS, Out: out, BaseURL: f.baseURL,
		Drafts: f.drafts, Future: f.future, Expired: f.expired, Now: now, Sass: sass,
		Search: idx,
	}
	if !noCache {
		opts.Cache = cacheOptions(f.source, dest, cacheDir)
	}
	// Decap CMS is only written with [cms] publish = true; when it is
	// not found, that build says so.
	if dir, err := cms.Decap.Find(f.source); err == nil {
		opts.Decap = dir
	}
	res, err := build.Build(env.Ctx, opts)
	if err != nil && env.Ctx.Err() != nil {
		fmt.Fprintln(env.Stderr, "构建已中断，原有输出保持不变 (build interrupted; previous output left as it was)")
		return ExitContent
	}
	if err != nil {
		report(env.Stderr, err)
		fmt.Fprintln(env.Stderr, "构建失败，原有输出保持不变 (build failed; previous output left as it was)")
		return ExitContent
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(env.Stderr, "警告:", w.Error())
	}
	for _, w := range searchWarnings(idx) {
		fmt.Fprintln(env.Stderr, "警告:", w)
	}
	summary(env, res, dest)
	if p, ok := idx.(*search.Pagefind); ok {
		st := p.Last()
		fmt.Fprintf(env.Stdout, "搜索索引 %d 页，分 %d 批：重新建立 %d 批，沿用缓存 %d 批 (search index: pages, batches, indexed, reused)\n", st.Pages, st.Batches, st.Indexed, st.Reused)
	}
	return ExitOK
}

// cacheOptions places the build cache: dir, or <site>/.fazhi-cache; none
// when FAZHI_CACHE_DIR is "off", which turns every cache off.
func cacheOptions(site, dest, dir string) *build.CacheOptions {
	if os.Getenv(scss.CacheEnv) == "off" {
		return nil
	}
	if dir == "" {
		dir = filepath.Join(site, ".fazhi-cache")
	}
	absSite, err1 := filepath.Abs(site)
	absDest, err2 := filepath.Abs(dest)
	absDir, err3 := filepath.Abs(dir)
	if err1 != nil || err2 != nil || err3 != nil {
		return nil
	}
	return &build.CacheOptions{Dir: absDir, Site: absSite, Dest: absDest}
}

// startSass returns the SCSS compiler for the site: Dart Sass, started
// only when a build first compiles (a site without SCSS of its own is
// styled with the theme's compiled CSS and never starts it), or nil when
// Dart Sass is not found and the site does not need it. When site.toml
// does not load, nothing is looked up: the build reports why.
func startSass(src fs.FS, dir string) (scss.Compiler, error) {
	if _, err := config.Load(src); err != nil {
		return nil, nil
	}
	bin, err := scss.Find(dir)
	if err != nil {
		if build.NeedSass(src, fazhi.Theme, fazhi.ThemeCSS) {
			return nil, err
		}
		return nil, nil
	}
	start := func() (scss.Compiler, error) { return scss.Start(bin) }
	if cache := scss.CacheDir(); cache != "" {
		// Compiled CSS is kept between builds; Dart Sass starts only
		// when the styles changed.
		return &scss.Cached{Dir: cache, Ident: scss.BinaryIdent(bin), Start: start}, nil
	}
	return &scss.Lazy{Start: start}, nil
}

// findSearch returns the Pagefind indexer when site.toml enables search
// (the default); nil when it is off or the configuration does not load
// (the build then reports the configuration error itself).
func findSearch(src fs.FS, dir, cacheDir string) (build.Indexer, error) {
	cfg, err := config.Load(src)
	if err != nil || cfg == nil || !cfg.SearchEnabled() {
		return nil, nil
	}
	bin, err := search.Find(dir)
	if err != nil {
		return nil, err
	}
	return search.New(bin, search.CacheDir(cacheDir)), nil
}

// searchCacheDir is where the search index of each batch of pages is kept
// between builds: search/ in the build cache folder (--cache-dir, by
// default <site>/.fazhi-cache), or nowhere with --no-cache or when
// FAZHI_CACHE_DIR is "off".
func searchCacheDir(site, cacheDir string, noCache bool) string {
	if noCache || os.Getenv(scss.CacheEnv) == "off" {
		return ""
	}
	if cacheDir == "" {
		cacheDir = filepath.Join(site, ".fazhi-cache")
	}
	return filepath.Join(cacheDir, "search")
}

// searchWarnings returns why the search indexer did not use its cache.
func searchWarnings(idx build.Indexer) []string {
	if p, ok := idx.(*search.Pagefind); ok {
		return p.Last().Warnings
	}
	return nil
}

func summary(env *Env, res *build.Result, dest string) {
	var kinds []string
	s := res.Site
	byType := map[string]int{}
	for _, p := range s.Pages {
		byType[p.Type]++
	}
	names := map[string]string{"policy": "政策文件", "notice": "公告", "article": "文章", "page": "普通页面"}
	keys := make([]string, 0, len(byType))
	for k := range byType {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		kinds = append(kinds, fmt.Sprintf("%s %d", names[k], byType[k]))
	}
	p := res.Published
	fmt.Fprintf(env.Stdout, "内容页 %d（%s），列表页 %d\n", res.Pages["page"], strings.Join(kinds, "，"), res.Pages["list"])
	fmt.Fprintf(env.Stdout, "文件 %d：新写入 %d，未变 %d，删除 %d\n", p.Files, len(p.Written), p.Unchanged, len(p.Removed))
	if res.Reused > 0 {
		fmt.Fprintf(env.Stdout, "构建缓存：沿用 %d 个内容页，重新生成 %d 个 (build cache: %d pages kept, %d rendered)\n",
			res.Reused, res.Pages["page"]-res.Reused, res.Reused, res.Pages["page"]-res.Reused)
	}
	fmt.Fprintf(env.Stdout, "用时 %d 毫秒，输出到 %s\n", res.Duration.Milliseconds(), dest)
}
