package recall

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fazhi-dev/fazhi"
	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/publish"
	"github.com/fazhi-dev/fazhi/internal/scss"
	"github.com/fazhi-dev/fazhi/tools/bench"
)

// BuildTime is the fixed "now" of every measured build.
var BuildTime = time.Date(2026, 11, 27, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))

// Build builds the site folder src with the default theme into the folder
// out and indexes it with idx. The stylesheet is faked: search does not
// need it.
func Build(ctx context.Context, src, out string, idx build.Indexer) (*build.Result, error) {
	dir, err := publish.OpenDir(out)
	if err != nil {
		return nil, err
	}
	return build.Build(ctx, build.Options{
		Source: os.DirFS(src), Theme: fazhi.Theme, Out: dir, Now: BuildTime,
		Sass: scss.Fake{}, Search: idx,
	})
}

// GenLaws writes a fazhi site of n statute pages from the corpus folder
// (cycled when n exceeds it) below work and returns the site folder.
func GenLaws(corpus, work string, n int) (string, error) {
	if _, err := bench.GenCorpus(work, corpus, n); err != nil {
		return "", err
	}
	dir := filepath.Join(work, bench.FazhiDir)
	return dir, searchOn(dir)
}

// searchOn turns search on in a generated site's site.toml (the benchmark
// sites switch it off, since indexing is measured on its own), so that
// the site gets its search page and script.
func searchOn(dir string) error {
	p := filepath.Join(dir, "site.toml")
	b, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	return os.WriteFile(p, []byte(strings.Replace(string(b), "search = false", "search = true", 1)), 0o644)
}

// GenSynthetic writes a synthetic portal of n pages (policies, notices,
// articles) below work and returns the site folder.
func GenSynthetic(work string, n int) (string, error) {
	if _, err := bench.Generate(work, n, 1); err != nil {
		return "", err
	}
	dir := filepath.Join(work, bench.FazhiDir)
	return dir, searchOn(dir)
}

// CorpusDir returns the shared statute corpus beside the repository at
// root, or "" when it is not there.
func CorpusDir(root string) string {
	d := filepath.Join(root, filepath.FromSlash(bench.DefaultCorpus))
	if st, err := os.Stat(d); err == nil && st.IsDir() {
		return d
	}
	return ""
}

// CorpusSize counts the statutes (Markdown files other than _index.md)
// below the corpus folder.
func CorpusSize(dir string) int {
	n := 0
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") && d.Name() != "_index.md" {
			n++
		}
		return nil
	})
	return n
}
