package archetype

import (
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/fazhi-dev/fazhi/internal/frontmatter"
	"github.com/fazhi-dev/fazhi/internal/legal"
)

// PlaceholderIssuerCode stands in for the issuer code of a 索引号 when
// neither site.toml nor an existing policy gives one.
const PlaceholderIssuerCode = "000000000"

// Existing is a policy already in the site, as far as numbering needs.
type Existing struct {
	// IndexNumber is the policy's [policy] indexNumber as written.
	IndexNumber string
	// Issuer is the first issuing body of the policy, or "".
	Issuer string
}

// ScanPolicies reads every .md file under content/ of site and returns
// the policies with an index number, drafts included. Files whose front
// matter cannot be read are skipped: the build reports them.
func ScanPolicies(site fs.FS, loc *time.Location) []Existing {
	var out []Existing
	_ = fs.WalkDir(site, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".md" {
			return nil
		}
		src, err := fs.ReadFile(site, p)
		if err != nil {
			return nil
		}
		fm, _, fmLine, _, err := frontmatter.Split(p, src)
		if err != nil {
			return nil
		}
		m, err := frontmatter.Decode(p, fm, fmLine, loc)
		if err != nil || m.Policy == nil || strings.TrimSpace(m.Policy.IndexNumber) == "" {
			return nil
		}
		e := Existing{IndexNumber: strings.TrimSpace(m.Policy.IndexNumber)}
		if len(m.Policy.Issuer) > 0 {
			e.Issuer = m.Policy.Issuer[0]
		}
		out = append(out, e)
		return nil
	})
	return out
}

// IssuerCode chooses the issuer code (前段码) of a new 索引号: configured
// (site.toml [params] issuerCode) when not empty, else the code used most
// often by existing policies (the smallest on a tie), else
// PlaceholderIssuerCode with placeholder true.
func IssuerCode(existing []Existing, configured string) (code string, placeholder bool) {
	if c := strings.TrimSpace(configured); c != "" {
		return c, false
	}
	count := map[string]int{}
	for _, e := range existing {
		if x, err := legal.ParseIndexNumber(e.IndexNumber); err == nil {
			count[x.Issuer]++
		}
	}
	best := ""
	for c, n := range count {
		if best == "" || n > count[best] || n == count[best] && c < best {
			best = c
		}
	}
	if best == "" {
		return PlaceholderIssuerCode, true
	}
	return best, false
}

// NextIndexNumber returns the next free 索引号 for issuer code and year:
// the largest serial that existing policies use with the same code and
// year, plus one (00001 when there is none).
func NextIndexNumber(existing []Existing, code string, year int) string {
	max := 0
	for _, e := range existing {
		x, err := legal.ParseIndexNumber(e.IndexNumber)
		if err == nil && x.Issuer == code && x.Year == year && x.Serial > max {
			max = x.Serial
		}
	}
	return legal.FormatIndexNumber(code, year, max+1)
}

// IssuerFor returns the issuing body most existing policies with issuer
// code name first (the alphabetically first on a tie), or "".
func IssuerFor(existing []Existing, code string) string {
	count := map[string]int{}
	for _, e := range existing {
		x, err := legal.ParseIndexNumber(e.IndexNumber)
		if err == nil && x.Issuer == code && e.Issuer != "" {
			count[e.Issuer]++
		}
	}
	names := make([]string, 0, len(count))
	for n := range count {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		if count[names[i]] != count[names[j]] {
			return count[names[i]] > count[names[j]]
		}
		return names[i] < names[j]
	})
	if len(names) == 0 {
		return ""
	}
	return names[0]
}
