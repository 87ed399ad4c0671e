package config

import (
	"path"
	"strings"

	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/tomlpos"
)

// Deploy holds the settings of `fazhi deploy` and `fazhi verify`
// ([deploy] in site.toml). Credentials are never read from site.toml.
type Deploy struct {
	// Target is where a deploy publishes: "s3://BUCKET/PREFIX?endpoint=…"
	// or "file:///ABSOLUTE/PATH".
	Target string `toml:"target"`
	// Keep lists path patterns (path.Match, relative to the target's
	// root) that a deploy never deletes and verify does not report, such
	// as search-engine verification files placed by hand.
	Keep []string `toml:"keep"`
	// PublicKey is the public key ("ed25519:…") or the path of a .pub
	// file, relative to the site folder, that verify checks the
	// manifest's signature with.
	PublicKey string `toml:"publicKey"`
	// Signature is the algorithm of `fazhi keygen`: "ed25519" (default)
	// or "sm2".
	Signature string `toml:"signature"`
	// Concurrency bounds the uploads in flight (default 8).
	Concurrency int `toml:"concurrency"`
	// CacheControl overrides the Cache-Control header by class of file.
	CacheControl CacheControl `toml:"cacheControl"`
	// ContentTypes maps a file extension (".ofd") to a Content-Type.
	ContentTypes map[string]string `toml:"contentTypes"`
}

// CacheControl holds the Cache-Control values of a deploy.
type CacheControl struct {
	// Immutable is for fingerprinted files, whose names change with
	// their content.
	Immutable string `toml:"immutable"`
	// Short is for HTML, feeds, the sitemap, the manifest and the search
	// entry points.
	Short string `toml:"short"`
	// Other is for everything else (images, attachments).
	Other string `toml:"other"`
}

// check validates [deploy]; credentials never belong here.
func (d *Deploy) check(pos *tomlpos.Index) diag.List {
	var errs diag.List
	if d.Signature != "" && d.Signature != "ed25519" && d.Signature != "sm2" {
		errs = append(errs, diag.New(FileName, pos.Line("deploy.signature"),
			"[deploy] signature = \"%s\" 无效：应为 \"ed25519\"（默认）或 \"sm2\"（国密） (unknown signature algorithm)", d.Signature))
	}
	for _, k := range d.Keep {
		if _, err := path.Match(k, ""); err != nil || k == "" || strings.HasPrefix(k, "/") {
			errs = append(errs, diag.New(FileName, pos.Line("deploy.keep"),
				"[deploy] keep 中的「%s」不是有效的路径模式，应写成 \"baidu_verify_*.html\" 这样的相对路径 (bad keep pattern)", k))
		}
	}
	if strings.Contains(d.Target, "@") || strings.Contains(strings.ToLower(d.Target), "secret") {
		errs = append(errs, diag.New(FileName, pos.Line("deploy.target"),
			"[deploy] target 不能含有访问密钥：密钥只放在环境变量 AWS_ACCESS_KEY_ID 和 AWS_SECRET_ACCESS_KEY 中 (no credentials in site.toml)"))
	}
	if d.Concurrency < 0 || d.Concurrency > 64 {
		errs = append(errs, diag.New(FileName, pos.Line("deploy.concurrency"), "[deploy] concurrency 应为 1 到 64 之间的整数"))
	}
	return errs
}
