package serve_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi"
	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/fazhitest"
	"github.com/fazhi-dev/fazhi/internal/scss"
)

// BenchmarkRebuild measures the incremental rebuild alone (no watcher, no
// debounce) after editing one page of a generated 10,000-page site.
func BenchmarkRebuild(b *testing.B) {
	bin, err := scss.Program.InRepo(fazhitest.RepoRoot(b))
	if err != nil {
		b.Skip("needs Dart Sass (make tools)")
	}
	sass, err := scss.Start(bin)
	if err != nil {
		b.Fatal(err)
	}
	defer sass.Close()
	dir := b.TempDir()
	genSite(b, dir, 10000)
	session := build.NewSession(build.Options{Source: os.DirFS(dir), Theme: fazhi.Theme, Now: fazhitest.Now, Sass: sass})
	if _, err := session.Build(context.Background()); err != nil {
		b.Fatal(err)
	}
	target := filepath.Join(dir, "content", "gongzuo", "p00002.md")
	orig, _ := os.ReadFile(target)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		os.WriteFile(target, []byte(strings.Replace(string(orig), "制定本条。", fmt.Sprintf("制定本条（%d）。", i), 1)), 0o644)
		u, err := session.Rebuild(context.Background(), []string{"content/gongzuo/p00002.md"})
		if err != nil {
			b.Fatal(err)
		}
		if i == 0 {
			b.Logf("pages %d lists %d changed %d", u.Pages, u.Lists, len(u.Changed))
		}
	}
}
