package browsertest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

// LighthouseCategories are the categories run and their targets (score
// out of 100).
var LighthouseCategories = []struct {
	ID     string
	Name   string
	Target int
}{
	{"performance", "Performance", 95},
	{"accessibility", "Accessibility", 100},
	{"best-practices", "Best practices", 100},
	{"seo", "SEO", 100},
}

// LighthouseReport is the part of a Lighthouse JSON report fazhi reads.
type LighthouseReport struct {
	LighthouseVersion string `json:"lighthouseVersion"`
	Environment       struct {
		BenchmarkIndex float64 `json:"benchmarkIndex"`
	} `json:"environment"`
	FinalURL   string `json:"finalDisplayedUrl"`
	Categories map[string]struct {
		Score     *float64 `json:"score"`
		AuditRefs []struct {
			ID     string  `json:"id"`
			Weight float64 `json:"weight"`
		} `json:"auditRefs"`
	} `json:"categories"`
	Audits map[string]struct {
		Title        string   `json:"title"`
		Score        *float64 `json:"score"`
		Mode         string   `json:"scoreDisplayMode"`
		DisplayValue string   `json:"displayValue"`
		NumericValue float64  `json:"numericValue"`
	} `json:"audits"`
}

// Score returns a category's score out of 100 (-1 when missing).
func (r *LighthouseReport) Score(cat string) int {
	c, ok := r.Categories[cat]
	if !ok || c.Score == nil {
		return -1
	}
	return int(*c.Score*100 + 0.5)
}

// Benchmark is Lighthouse's measure of the machine's speed (higher is
// faster; a recent desktop scores about 1,500 to 2,500).
func (r *LighthouseReport) Benchmark() float64 { return r.Environment.BenchmarkIndex }

// Failing lists the audits of a category that did not pass, as
// "id: title (value)".
func (r *LighthouseReport) Failing(cat string) []string {
	var out []string
	for _, ref := range r.Categories[cat].AuditRefs {
		a, ok := r.Audits[ref.ID]
		if !ok || a.Score == nil || *a.Score >= 0.9 || a.Mode == "notApplicable" || a.Mode == "manual" || a.Mode == "informative" {
			continue
		}
		s := ref.ID + ": " + a.Title
		if a.DisplayValue != "" {
			s += " (" + a.DisplayValue + ")"
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// Metric returns an audit's display value ("1.2 s").
func (r *LighthouseReport) Metric(id string) string {
	return strings.ReplaceAll(r.Audits[id].DisplayValue, "\u00a0", " ")
}

// RunLighthouse runs the pinned Lighthouse CLI (node_modules) on url as a
// mobile page with Chromium at ChromiumPath, and returns its report.
func RunLighthouse(ctx context.Context, root, url, work string) (*LighthouseReport, error) {
	bin := filepath.Join(root, "node_modules", ".bin", "lighthouse")
	if _, err := os.Stat(bin); err != nil {
		return nil, fmt.Errorf("lighthouse not installed (run npm ci): %w", err)
	}
	profile, err := os.MkdirTemp(work, "lh-profile-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(profile)
	report := filepath.Join(work, "lighthouse.json")
	cats := make([]string, len(LighthouseCategories))
	for i, c := range LighthouseCategories {
		cats[i] = c.ID
	}
	flags := append(append([]string{}, ChromiumFlags...), "--user-data-dir="+profile)
	cmd := exec.CommandContext(ctx, bin, url,
		"--chrome-flags="+strings.Join(flags, " "),
		"--only-categories="+strings.Join(cats, ","),
		"--form-factor=mobile",
		"--output=json", "--output-path="+report,
		"--quiet",
	)
	cmd.Env = append(os.Environ(), "CHROME_PATH="+ChromiumPath)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("lighthouse %s: %w\n%s", url, err, stderr.String())
	}
	data, err := os.ReadFile(report)
	if err != nil {
		return nil, err
	}
	var r LighthouseReport
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, err
	}
	if len(r.Categories) == 0 {
		return nil, errors.New("lighthouse report has no categories")
	}
	return &r, nil
}
