package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"

	"github.com/fazhi-dev/fazhi"
	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/check"
	"github.com/fazhi-dev/fazhi/internal/serve"
	"github.com/fazhi-dev/fazhi/internal/source"
)

func runServe(env *Env, args []string) int {
	var f buildFlags
	fl := newFlags(env, "serve", "serve [-s 站点] [--bind 127.0.0.1] [--port 1313] [--drafts] [--future] [--now 时间]")
	f.register(fl, false)
	bind := fl.String("bind", "127.0.0.1", "监听地址 (address to listen on)")
	port := fl.Int("port", 1313, "端口；0 表示随机 (port; 0 picks a free one)")
	checks := fl.Bool("check", true, "每次构建后运行 fazhi check，结果显示在页面的「发布前检查」框和终端中 (run the checks after each rebuild)")
	withCMS := fl.Bool("cms", false, "同时提供网页编辑器 /admin/（只在本机地址） (serve the web editor at /admin/, loopback only)")
	if code, ok := parse(fl, args); !ok {
		return code
	}
	now, err := parseNow(f.now)
	if err != nil {
		fmt.Fprintln(env.Stderr, "fazhi serve:", err)
		return ExitUsage
	}
	if st, err := os.Stat(f.source); err != nil || !st.IsDir() {
		fmt.Fprintf(env.Stderr, "fazhi serve: 站点文件夹「%s」不存在 (site folder not found)\n", f.source)
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
	bopts := build.Options{
		Source: src, Theme: fazhi.Theme, ThemeCSS: fazhi.ThemeCSS, Drafts: f.drafts, Future: f.future, Expired: f.expired, Now: now, Sass: sass,
	}
	session := build.NewSession(bopts)
	srv := serve.New(session, nil)
	srv.SetBind(*bind)
	start := time.Now()
	if _, err := session.Build(env.Ctx); err != nil {
		report(env.Stderr, err)
		fmt.Fprintln(env.Stderr, "第一次构建失败：请先改正上面的问题 (the first build failed)")
		return ExitContent
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(*bind, strconv.Itoa(*port)))
	if err != nil {
		fmt.Fprintln(env.Stderr, "fazhi serve: 无法监听端口：", err)
		return ExitUsage
	}
	fmt.Fprintf(env.Stdout, "预览地址 http://%s/ （构建用时 %d 毫秒；按 Ctrl+C 停止）\n", ln.Addr(), time.Since(start).Milliseconds())
	if *checks {
		srv.EnableCheck(check.Options{Source: src, Theme: fazhi.Theme, Now: now, Drafts: f.drafts, Future: f.future, Expired: f.expired}, env.Stdout)
		defer srv.StopCheck()
	}
	var handler http.Handler = srv
	if *withCMS {
		h, err := cmsHandler(srv, session, bopts, f.source, *bind)
		if err != nil {
			fmt.Fprintln(env.Stderr, "fazhi serve --cms:", err)
			return ExitUsage
		}
		handler = h
		fmt.Fprintf(env.Stdout, "网页编辑器 http://%s/admin/\n", ln.Addr())
	}
	hs := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second}
	ctx, cancel := context.WithCancel(env.Ctx)
	defer cancel()
	go func() {
		err := serve.Watch(ctx, f.source, serve.DefaultDebounce, func(changed []string) {
			srv.StopCheck() // the rebuild first; a new check follows it
			u, err := session.Rebuild(ctx, changed)
			// Print before Rebuilt starts the next check, which prints too.
			if err != nil {
				report(env.Stderr, err)
			} else {
				fmt.Fprintf(env.Stdout, "已更新：%d 个内容页，%d 个列表页，%d 毫秒\n", u.Pages, u.Lists, u.Duration.Milliseconds())
			}
			srv.Rebuilt(u, err)
		}, func(err error) { fmt.Fprintln(env.Stderr, "fazhi serve:", err) })
		if err != nil {
			fmt.Fprintln(env.Stderr, "fazhi serve: 无法监视文件：", err)
		}
	}()
	go func() {
		<-ctx.Done()
		sctx, c := context.WithTimeout(context.Background(), 2*time.Second)
		defer c()
		hs.Shutdown(sctx)
	}()
	if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintln(env.Stderr, "fazhi serve:", err)
		return ExitContent
	}
	return ExitOK
}
