package browsertest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestVNU runs the Nu Html Checker once over every HTML file of the built
// portal and expects no error.
func TestVNU(t *testing.T) {
	s := portal(t)
	jar := filepath.Join(s.root, "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
	if _, err := os.Stat(jar); err != nil {
		t.Fatalf("vnu-jar not installed (run make test or npm ci): %v", err)
	}
	java, err := exec.LookPath("java")
	if err != nil {
		t.Fatalf("java is needed for the Nu Html Checker: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, java, "-jar", jar, "--errors-only", "--format", "json", "--skip-non-html", s.out)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	runErr := cmd.Run() // exits 1 when there are errors; the JSON tells
	var res struct {
		Messages []struct {
			Type    string `json:"type"`
			SubType string `json:"subType"`
			URL     string `json:"url"`
			Line    int    `json:"lastLine"`
			Col     int    `json:"lastColumn"`
			Message string `json:"message"`
			Extract string `json:"extract"`
		} `json:"messages"`
	}
	if err := json.Unmarshal(stderr.Bytes(), &res); err != nil {
		t.Fatalf("vnu: %v (run error %v); output:\n%s", err, runErr, stderr.String())
	}
	var b strings.Builder
	n := 0
	for _, m := range res.Messages {
		if m.Type != "error" && m.SubType != "fatal" {
			continue
		}
		n++
		rel := strings.TrimPrefix(m.URL, "file:"+s.out)
		fmt.Fprintf(&b, "\n%s:%d:%d: %s\n    %s", rel, m.Line, m.Col, m.Message, strings.TrimSpace(m.Extract))
	}
	if n > 0 {
		t.Errorf("Nu Html Checker: %d errors:%s", n, b.String())
	}
	pages := 0
	_ = filepath.WalkDir(s.out, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			pages++
		}
		return nil
	})
	t.Logf("Nu Html Checker: %d HTML files, %d errors", pages, n)
}
