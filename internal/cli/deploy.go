package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/fazhi-dev/fazhi/internal/config"
	"github.com/fazhi-dev/fazhi/internal/deploy"
	"github.com/fazhi-dev/fazhi/internal/sign"
)

// ExitUnreachable is the exit code of deploy and verify when the target
// cannot be reached.
const ExitUnreachable = 3

// siteConfig loads site.toml of dir; a folder without one gets the
// defaults (deploy and verify also work on an output folder alone).
func siteConfig(dir string) (*config.Config, error) {
	cfg, err := config.Load(os.DirFS(dir))
	if err != nil {
		if _, statErr := os.Stat(filepath.Join(dir, config.FileName)); errors.Is(statErr, fs.ErrNotExist) {
			return config.Default(), nil
		}
		return nil, err
	}
	return cfg, nil
}

func runDeploy(env *Env, args []string) int {
	var (
		src, dest, target, purge string
		dry, rollback, adopt     bool
	)
	fl := newFlags(env, "deploy", "deploy [-s 站点] [-d 输出] [--target URL] [--dry-run] [--purge-list 文件] [--allow-rollback] [--adopt]")
	fl.StringVar(&src, "s", ".", "站点文件夹，读取其中 site.toml 的 [deploy] (site folder)")
	fl.StringVar(&dest, "d", "", "已构建的输出文件夹，默认 <站点>/public (built output folder)")
	fl.StringVar(&target, "target", "", "发布目标：s3://存储桶/前缀?endpoint=…&region=… 或 file:///绝对路径；默认 [deploy] target (target URL)")
	fl.BoolVar(&dry, "dry-run", false, "只列出将要上传和删除的文件，不做任何改动 (print the plan, change nothing)")
	fl.StringVar(&purge, "purge-list", "", "把改动和删除的网址（绝对网址，每行一个）写到此文件，供 CDN 刷新 (write changed URLs for a CDN purge)")
	fl.BoolVar(&rollback, "allow-rollback", false, "允许用序号更小的旧构建覆盖目标（回退） (allow replacing a newer deploy)")
	fl.BoolVar(&adopt, "adopt", false, "目标上已有别的文件而没有 fazhi 清单时，仍然发布并删除这些文件 (take over a target fazhi did not write)")
	if code, ok := parse(fl, args); !ok {
		return code
	}
	cfg, err := siteConfig(src)
	if err != nil {
		report(env.Stderr, err)
		return ExitContent
	}
	if target == "" {
		target = cfg.Deploy.Target
	}
	if target == "" {
		fmt.Fprintln(env.Stderr, "fazhi deploy: 没有发布目标：请加 --target s3://… 或 file:///…，或在 site.toml 的 [deploy] 中写 target = \"…\" (no target)")
		return ExitUsage
	}
	tg, err := deploy.ParseTarget(target)
	if err != nil {
		fmt.Fprintln(env.Stderr, "fazhi deploy:", err)
		return ExitUsage
	}
	if dest == "" {
		dest = filepath.Join(src, "public")
	}
	b, err := deploy.OpenBuild(dest)
	if err != nil {
		fmt.Fprintln(env.Stderr, "fazhi deploy:", err)
		return ExitContent
	}
	defer b.Close()
	// With a public key configured, only a build signed with its private
	// key is published.
	pk, err := publicKey("", cfg, src)
	if err != nil {
		fmt.Fprintln(env.Stderr, "fazhi deploy:", err)
		return ExitUsage
	}
	if pk != nil {
		switch {
		case b.Sig == nil:
			fmt.Fprintf(env.Stderr, "fazhi deploy: site.toml 设置了 [deploy] publicKey，但构建没有签名：请在构建时设置环境变量 %s (build not signed)\n", sign.EnvVar)
			return ExitContent
		case pk.Verify(b.Raw, b.Sig) != nil:
			fmt.Fprintf(env.Stderr, "fazhi deploy: 构建的签名与 [deploy] publicKey 不符：%v\n", pk.Verify(b.Raw, b.Sig))
			return ExitContent
		}
	}
	base := b.Manifest.BaseURL
	if base == "" {
		base = cfg.BaseURL
	}
	if purge != "" && !strings.HasPrefix(base, "https://") && !strings.HasPrefix(base, "http://") {
		fmt.Fprintf(env.Stderr, "fazhi deploy: --purge-list 需要绝对的 baseURL（如 https://fzj.example.gov.cn/），而构建的 baseURL 是「%s」 (purge list needs an absolute baseURL)\n", base)
		return ExitUsage
	}
	sum, err := deploy.Run(env.Ctx, deploy.Options{
		Build: b, Target: tg, Keep: cfg.Deploy.Keep, Concurrency: cfg.Deploy.Concurrency,
		Headers: deploy.Headers{CacheControl: cfg.Deploy.CacheControl, ContentTypes: cfg.Deploy.ContentTypes},
		DryRun:  dry, AllowRollback: rollback, Adopt: adopt, Log: env.Stdout,
	})
	if err != nil {
		fmt.Fprintln(env.Stderr, "fazhi deploy:", err)
		if errors.Is(err, deploy.ErrUnreachable) {
			return ExitUnreachable
		}
		return ExitContent
	}
	if purge != "" && !dry {
		urls := sum.PurgeURLs(base)
		text := strings.Join(urls, "\n")
		if len(urls) > 0 {
			text += "\n"
		}
		if err := os.WriteFile(purge, []byte(text), 0o644); err != nil {
			fmt.Fprintln(env.Stderr, "fazhi deploy:", err)
			return ExitContent
		}
	}
	verb := "已发布到"
	if dry {
		verb = "试运行，未改动"
	}
	fmt.Fprintf(env.Stdout, "%s %s：上传 %d，修复 %d，未变 %d，删除 %d，保留 %d，%d 字节，用时 %.1f 秒 (uploaded %d, repaired %d, unchanged %d, deleted %d, kept %d, %d bytes, %.1f s)\n",
		verb, tg, sum.Uploaded, sum.Repaired, sum.Unchanged, sum.Deleted, sum.Kept, sum.Bytes, sum.Duration.Seconds(),
		sum.Uploaded, sum.Repaired, sum.Unchanged, sum.Deleted, sum.Kept, sum.Bytes, sum.Duration.Seconds())
	return ExitOK
}
