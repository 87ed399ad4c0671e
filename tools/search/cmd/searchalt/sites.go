package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/fazhi-dev/fazhi/tools/search/recall"
)

// doneFile marks a built site folder as complete, so that -keep can reuse it.
const doneFile = ".searchalt-built"

// builtSite returns the output folder of a site built below dir without
// any search index (the alternative index is built from its pages). src
// makes the site's source folder; a complete earlier build is reused.
func builtSite(dir string, src func() (string, error)) (string, time.Duration, error) {
	out := filepath.Join(dir, "public")
	if _, err := os.Stat(filepath.Join(out, doneFile)); err == nil {
		logf("reusing the site built in %s", out)
		return out, 0, nil
	}
	os.RemoveAll(out)
	s, err := src()
	if err != nil {
		return "", 0, err
	}
	start := time.Now()
	// A nil indexer: fazhi writes the pages (with their data-pagefind-body
	// regions) and no Pagefind index.
	if _, err := recall.Build(context.Background(), s, out, nil); err != nil {
		return "", 0, fmt.Errorf("构建 %s 失败 (build failed): %w", s, err)
	}
	d := time.Since(start)
	logf("built %s in %v", out, d.Round(time.Millisecond))
	return out, d, os.WriteFile(filepath.Join(out, doneFile), nil, 0o644)
}

func logf(format string, args ...any) { fmt.Fprintf(os.Stderr, format+"\n", args...) }
