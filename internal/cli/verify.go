package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/fazhi-dev/fazhi/internal/deploy"
	"github.com/fazhi-dev/fazhi/internal/publish"
)

func runVerify(env *Env, args []string) int {
	var (
		src, dest, target, base, manifest, key, format string
		sampleN                                        int
	)
	fl := newFlags(env, "verify", "verify [-s 站点] [-d 输出] [--target URL | --url 网址] [--manifest 文件] [--key 公钥.pub] [--sample N] [--format text|json]")
	fl.StringVar(&src, "s", ".", "站点文件夹，读取其中 site.toml 的 [deploy] (site folder)")
	fl.StringVar(&dest, "d", "", "构建的输出文件夹，用其中的清单，默认 <站点>/public (built output folder)")
	fl.StringVar(&target, "target", "", "检查的发布目标 s3://… 或 file:///…；默认 [deploy] target (target URL)")
	fl.StringVar(&base, "url", "", "改为通过 HTTP(S) 检查公众访问的网址，如 https://fzj.example.gov.cn/ (public address)")
	fl.StringVar(&manifest, "manifest", "", "使用另一个清单文件（其签名为同名 .sig 文件） (manifest file)")
	fl.StringVar(&key, "key", "", "公钥文件；给出时缺少签名或签名不符都算错误；默认 [deploy] publicKey (public key file)")
	fl.IntVar(&sampleN, "sample", 0, "只检查首页、各栏目首页和随机 N 个其他文件（频繁监测用）；0 为全部检查 (check a sample)")
	fl.StringVar(&format, "format", "text", "输出格式：text 或 json (output format)")
	if code, ok := parse(fl, args); !ok {
		return code
	}
	fail := func(code int, err error) int {
		fmt.Fprintln(env.Stderr, "fazhi verify:", err)
		return code
	}
	if format != "text" && format != "json" {
		return fail(ExitUsage, fmt.Errorf("--format 应为 text 或 json，而不是「%s」 (unknown format)", format))
	}
	if target != "" && base != "" {
		return fail(ExitUsage, errors.New("--target 和 --url 只能给一个 (give --target or --url, not both)"))
	}
	if sampleN < 0 {
		return fail(ExitUsage, errors.New("--sample 应为 0 或正整数"))
	}
	cfg, err := siteConfig(src)
	if err != nil {
		report(env.Stderr, err)
		return ExitUsage
	}
	o := deploy.VerifyOptions{Keep: cfg.Deploy.Keep, Sample: sampleN}
	switch {
	case base != "":
		if !strings.HasPrefix(base, "https://") && !strings.HasPrefix(base, "http://") {
			return fail(ExitUsage, fmt.Errorf("--url「%s」应以 https:// 或 http:// 开头", base))
		}
		o.URL = base
	default:
		if target == "" {
			target = cfg.Deploy.Target
		}
		if target == "" {
			return fail(ExitUsage, errors.New("没有检查目标：请加 --target s3://…、--target file:///… 或 --url https://… (no target)"))
		}
		if o.Target, err = deploy.ParseTarget(target); err != nil {
			return fail(ExitUsage, err)
		}
	}
	if manifest == "" {
		if dest == "" {
			dest = filepath.Join(src, "public")
		}
		manifest = filepath.Join(dest, publish.ManifestName)
	}
	if o.Manifest, err = deploy.LoadManifest(manifest); err != nil {
		return fail(ExitUsage, err)
	}
	if o.Key, err = publicKey(key, cfg, src); err != nil {
		return fail(ExitUsage, err)
	}
	rep, err := deploy.Verify(env.Ctx, o)
	if err != nil {
		if errors.Is(err, deploy.ErrUnreachable) {
			return fail(ExitUnreachable, err)
		}
		return fail(ExitUsage, err)
	}
	if format == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		enc.Encode(rep)
	} else {
		for _, f := range rep.Findings {
			if f.Detail != "" {
				fmt.Fprintf(env.Stdout, "%s %s: %s\n", f.Kind, f.Path, f.Detail)
			} else {
				fmt.Fprintf(env.Stdout, "%s %s\n", f.Kind, f.Path)
			}
		}
	}
	if len(rep.Findings) > 0 {
		fmt.Fprintf(env.Stderr, "%s：检查 %d 个文件，发现 %d 处与构建不符 (%d findings)\n", rep.Target, rep.Checked, len(rep.Findings), len(rep.Findings))
		return ExitContent
	}
	fmt.Fprintf(env.Stderr, "%s：检查 %d 个文件，全部与构建一致 (all %d files match the build)\n", rep.Target, rep.Checked, rep.Checked)
	return ExitOK
}
