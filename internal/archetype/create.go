package archetype

import (
	"fmt"
	"io/fs"
	"strings"
	"time"

	"github.com/fazhi-dev/fazhi/internal/config"
	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/legal"
)

// Result is a new page, ready to be written.
type Result struct {
	// Content is the text of the page.
	Content []byte
	// Archetype is the template file used; FromSite reports whether it is
	// the site's own one.
	Archetype string
	FromSite  bool
	// Data is what the template was given.
	Data Data
}

// Create renders the new page of kind at contentPath (relative to
// content/, already checked with CleanPath) for the site in site with
// configuration cfg, at time now. It reads the site's archetype and, for a
// policy, the existing policies; it writes nothing.
func Create(site fs.FS, cfg *config.Config, kind, contentPath string, now time.Time) (*Result, error) {
	loc := cfg.Location
	if loc == nil {
		loc = time.Local
	}
	now = now.In(loc)
	data := NewData(kind, contentPath, now)
	data.Source = cfg.Identity.Operator
	if data.Source == "" {
		data.Source = cfg.Identity.Sponsor
	}
	if kind == Policy {
		configured, err := paramString(cfg, "issuerCode")
		if err != nil {
			return nil, err
		}
		if configured != "" {
			if _, err := legal.ParseIndexNumber(legal.FormatIndexNumber(configured, now.Year(), 1)); err != nil {
				return nil, diag.New(config.FileName, 0,
					"[params] issuerCode = %q 不能用作索引号的前段码：应为 6 至 20 位数字或英文字母（发布机构的组织机构代码或统一社会信用代码）", configured)
			}
		}
		existing := ScanPolicies(site, loc)
		code, placeholder := IssuerCode(existing, configured)
		data.IndexNumber = NextIndexNumber(existing, code, now.Year())
		data.IndexPlaceholder = placeholder
		data.Issuer = IssuerFor(existing, code)
		if data.Issuer == "" {
			if data.Issuer, err = paramString(cfg, "issuer"); err != nil {
				return nil, err
			}
		}
	}
	src, name, fromSite, err := Load(site, kind)
	if err != nil {
		return nil, err
	}
	out, err := Execute(name, src, data)
	if err != nil {
		return nil, err
	}
	return &Result{Content: out, Archetype: name, FromSite: fromSite, Data: data}, nil
}

// paramString reads a text value of site.toml's [params].
func paramString(cfg *config.Config, key string) (string, error) {
	v, ok := cfg.Params[key]
	if !ok {
		return "", nil
	}
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x), nil
	case int64:
		return "", diag.New(config.FileName, 0, "[params] %s 要用英文双引号括起来，如 %s = \"%d\"（否则开头的 0 会丢失）", key, key, x)
	}
	return "", diag.New(config.FileName, 0, "[params] %s 应为文字，用英文双引号括起来 (%s must be a string)", key, fmt.Sprint(key))
}
