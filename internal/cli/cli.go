// Package cli implements the fazhi command line: build, serve, check, new,
// version and help. It parses flags, wires the stages together through the
// build package and turns errors into exit codes; it never calls os.Exit.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/fazhi-dev/fazhi/internal/config"
	"github.com/fazhi-dev/fazhi/internal/diag"
)

// Exit codes.
const (
	ExitOK      = 0
	ExitContent = 1 // content, config or template error; check found errors
	ExitUsage   = 2 // bad command line
)

// Version is the program's version, set at link time with
// -ldflags "-X github.com/fazhi-dev/fazhi/internal/cli.Version=…".
var Version = "dev"

// Env is what a command may use of its process.
type Env struct {
	Ctx    context.Context
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

type command struct {
	name  string
	short string
	run   func(env *Env, args []string) int
}

func commands() []command {
	return []command{
		{"build", "构建网站到输出文件夹 (build the site)", runBuild},
		{"serve", "本地预览，保存后自动刷新 (preview with live reload)", runServe},
		{"check", "发布前检查：链接、日期、栏目更新、个人信息、用词 (check before publishing)", runCheck},
		{"init", "创建一个新网站 (create a new site)", runInit},
		{"new", "按模板新建一篇内容 (create a page from an archetype)", runNew},
		{"deploy", "发布到对象存储或网站文件夹 (publish to object storage or a folder)", runDeploy},
		{"verify", "检查网站上的文件与构建是否一致（网页防篡改） (check the served files against the build)", runVerify},
		{"keygen", "生成清单签名用的密钥对 (make a signing key pair)", runKeygen},
		{"version", "显示版本 (print the version)", runVersion},
		{"help", "显示帮助 (show help)", nil},
	}
}

// Main runs the command line args and returns the exit code.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	env := &Env{Ctx: ctx, Stdin: stdin, Stdout: stdout, Stderr: stderr}
	if len(args) == 0 {
		usage(stderr)
		return ExitUsage
	}
	name := args[0]
	switch name {
	case "help", "-h", "--help", "-help":
		if len(args) > 1 {
			for _, c := range commands() {
				if c.name == args[1] && c.run != nil {
					return c.run(env, []string{"-h"})
				}
			}
		}
		usage(stdout)
		return ExitOK
	case "-v", "--version":
		name = "version"
	}
	for _, c := range commands() {
		if c.name == name && c.run != nil {
			return c.run(env, args[1:])
		}
	}
	fmt.Fprintf(stderr, "fazhi: 没有「%s」这个命令；可用的命令见 fazhi help (unknown command %q)\n", name, name)
	return ExitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "fazhi — 法治政府网站生成器 (a static-site generator for legal-information portals)")
	fmt.Fprintln(w, "\n用法 Usage: fazhi <命令> [选项]")
	fmt.Fprintln(w, "\n命令 Commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.short)
	}
	fmt.Fprintln(w, "\n每个命令的选项：fazhi help <命令> (options of a command)")
	fmt.Fprintln(w, "退出码 Exit codes: 0 成功；1 内容、配置或模板有错误，或 verify 发现不符；2 命令行用法错误；3 无法连接发布目标")
}

func runVersion(env *Env, args []string) int {
	fmt.Fprintf(env.Stdout, "fazhi %s\n", version())
	return ExitOK
}

// newFlags returns a flag set that reports usage errors to stderr.
func newFlags(env *Env, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "用法 Usage: fazhi %s\n\n选项 Options:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags; ok false means the command must return code.
func parse(fs *flag.FlagSet, args []string) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK, false
		}
		return ExitUsage, false
	}
	if fs.NArg() > 0 && fs.Name() != "new" && fs.Name() != "keygen" && fs.Name() != "init" {
		fmt.Fprintf(fs.Output(), "fazhi %s: 多余的参数「%s」 (unexpected argument)\n", fs.Name(), strings.Join(fs.Args(), " "))
		return ExitUsage, false
	}
	return 0, true
}

// parseNow reads --now: RFC 3339, "YYYY-MM-DD" or "YYYY-MM-DD HH:MM", in
// Asia/Shanghai unless a zone is given. Empty means the current time.
func parseNow(s string) (time.Time, error) {
	if s == "" {
		return time.Now(), nil
	}
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		loc = time.FixedZone("CST", 8*3600)
	}
	t, err := config.ParseTime(s, loc)
	if err != nil {
		return time.Time{}, fmt.Errorf("--now %v", err)
	}
	return t, nil
}

// report prints an error the way authors read it: one problem per line.
func report(w io.Writer, err error) {
	list := diag.Errors(err)
	list.Sort()
	for _, e := range list {
		fmt.Fprintln(w, e.Error())
	}
	if len(list) > 1 {
		fmt.Fprintf(w, "共 %d 个问题 (%d problems)\n", len(list), len(list))
	}
}
