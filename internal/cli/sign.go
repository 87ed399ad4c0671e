package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/fazhi-dev/fazhi/internal/config"
	"github.com/fazhi-dev/fazhi/internal/publish"
	"github.com/fazhi-dev/fazhi/internal/sign"
)

// version returns the program's version: the one set at link time, else
// the module version of the binary's build information (a `go install`
// of a tag reports that tag).
func version() string {
	if Version != "dev" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return Version
}

// manifestMeta describes the build for its manifest, and returns the
// signer of the key in FAZHI_SIGNING_KEY (nil when it is empty).
func manifestMeta(dir, baseURL string, now time.Time, sequence int64) (publish.Meta, publish.Signer, error) {
	cfg, err := config.Load(os.DirFS(dir))
	if err != nil {
		cfg = config.Default() // the build reports the configuration error itself
	}
	if baseURL == "" {
		baseURL = cfg.BaseURL
	}
	if sequence == 0 {
		sequence = now.Unix()
	}
	built := now.Truncate(time.Second)
	meta := publish.Meta{Generator: "fazhi " + version(), Built: &built, BaseURL: baseURL,
		SiteCode: cfg.Identity.SiteCode, Sequence: sequence,
		// Sites under 商用密码 assessment get SM3 digests of every file.
		SM3: cfg.Deploy.Signature == sign.SM2}
	text := os.Getenv(sign.EnvVar)
	if strings.TrimSpace(text) == "" {
		return meta, nil, nil
	}
	key, err := sign.ParseKey(text)
	if err != nil {
		return meta, nil, fmt.Errorf("环境变量 %s：%v", sign.EnvVar, err)
	}
	if want := cfg.Deploy.Signature; want != "" && want != key.Algorithm() {
		return meta, nil, fmt.Errorf("site.toml 要求 %s 签名（[deploy] signature），但环境变量 %s 中是 %s 密钥：请用 fazhi keygen --type %s 生成密钥 (key algorithm does not match [deploy] signature)",
			want, sign.EnvVar, key.Algorithm(), want)
	}
	meta.Signature = key.Algorithm()
	meta.SM3 = meta.SM3 || key.Algorithm() == sign.SM2
	return meta, key.Sign, nil
}

func runKeygen(env *Env, args []string) int {
	var alg string
	fl := newFlags(env, "keygen", "keygen [--type ed25519|sm2] 名称")
	fl.StringVar(&alg, "type", "", "签名算法：ed25519（默认）或 sm2（国密）；默认取 site.toml 的 [deploy] signature (algorithm)")
	if code, ok := parse(fl, args); !ok {
		return code
	}
	if fl.NArg() != 1 {
		fmt.Fprintln(env.Stderr, "fazhi keygen: 请给出密钥名称，如 fazhi keygen site（写出 site.key 和 site.pub） (name the key)")
		return ExitUsage
	}
	if alg == "" {
		if cfg, err := config.Load(os.DirFS(".")); err == nil && cfg.Deploy.Signature != "" {
			alg = cfg.Deploy.Signature
		}
	}
	name := fl.Arg(0)
	priv, pub, err := sign.Generate(alg)
	if err != nil {
		fmt.Fprintln(env.Stderr, "fazhi keygen:", err)
		return ExitUsage
	}
	for _, p := range []string{name + ".key", name + ".pub"} {
		if _, err := os.Lstat(p); !errors.Is(err, fs.ErrNotExist) {
			fmt.Fprintf(env.Stderr, "fazhi keygen: 「%s」已存在，不会覆盖；请换一个名称 (refusing to overwrite)\n", p)
			return ExitUsage
		}
	}
	if err := writeExclusive(name+".key", priv, 0o600); err != nil {
		fmt.Fprintln(env.Stderr, "fazhi keygen:", err)
		return ExitContent
	}
	if err := writeExclusive(name+".pub", pub, 0o644); err != nil {
		fmt.Fprintln(env.Stderr, "fazhi keygen:", err)
		return ExitContent
	}
	fmt.Fprintf(env.Stdout, "已写出私钥 %s.key 和公钥 %s.pub。\n", name, name)
	fmt.Fprintf(env.Stdout, "私钥：把 %s.key 的内容设为 CI 的加密变量 %s，不要提交到仓库（.gitignore 已列出 *.key）。\n", name, sign.EnvVar)
	fmt.Fprintf(env.Stdout, "公钥：在 site.toml 的 [deploy] 中写 publicKey = \"%s\"，fazhi verify 用它检查签名。\n", strings.TrimSpace(pub))
	fmt.Fprintf(env.Stdout, "(wrote %s.key and %s.pub; put the private key in %s, the public key in [deploy] publicKey)\n", name, name, sign.EnvVar)
	return ExitOK
}

func writeExclusive(name, text string, perm os.FileMode) error {
	if dir := filepath.Dir(name); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// publicKey reads the public key of --key FILE, else of [deploy]
// publicKey (the key's text or a .pub file relative to the site folder
// dir); nil when neither is given.
func publicKey(file string, cfg *config.Config, dir string) (*sign.PublicKey, error) {
	text, from := "", ""
	switch {
	case file != "":
		b, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("无法读取公钥文件「%s」：%v", file, err)
		}
		text, from = string(b), file
	case cfg.Deploy.PublicKey != "":
		text, from = cfg.Deploy.PublicKey, "site.toml [deploy] publicKey"
		if !strings.Contains(text, ":") || strings.HasSuffix(text, ".pub") {
			p := text
			if !filepath.IsAbs(p) {
				p = filepath.Join(dir, p)
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return nil, fmt.Errorf("site.toml [deploy] publicKey：无法读取公钥文件「%s」：%v", p, err)
			}
			text = string(b)
		}
	default:
		return nil, nil
	}
	k, err := sign.ParsePublicKey(text)
	if err != nil {
		return nil, fmt.Errorf("%s：%v", from, err)
	}
	return k, nil
}
