package recall_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/fazhitest"
	"github.com/fazhi-dev/fazhi/internal/search"
	"github.com/fazhi-dev/fazhi/tools/search/recall"
)

// TestRecallList keeps the query list usable: at least 30 queries, each
// with wanted pages.
func TestRecallList(t *testing.T) {
	cases, err := recall.ReadCases(filepath.Join("testdata", "recall.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 30 {
		t.Errorf("%d queries, want at least 30", len(cases))
	}
	for _, s := range recall.Sites(cases) {
		if s != "portal" && s != "laws" {
			t.Errorf("unknown site %q", s)
		}
	}
}

// minRecall is the mean recall@10 each site must keep.
var minRecall = map[string]float64{"portal": 0.95, "laws": 0.9}

// TestRecall runs the query list in Chromium over the bundled portal and,
// when the shared corpus is present, over the statutes; it logs the table
// and fails when a site's mean recall@10 drops below minRecall.
func TestRecall(t *testing.T) {
	bin := pagefind(t)
	root := fazhitest.RepoRoot(t)
	cases, err := recall.ReadCases(filepath.Join("testdata", "recall.txt"))
	if err != nil {
		t.Fatal(err)
	}
	corpus := recall.CorpusDir(root)
	if corpus == "" {
		t.Log("no statute corpus: measuring the portal only")
	}
	work := t.TempDir()
	rows, _, err := recall.Measure(context.Background(), recall.Setup{
		Root: root, Corpus: corpus, Work: work,
		Index: func() build.Indexer { return search.New(bin) },
		Log:   t.Logf,
	}, cases)
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + recall.Markdown(rows))
	if m := recall.Missed(rows); m != "" {
		t.Log("\n" + m)
	}
	for _, s := range recall.Summarise(rows) {
		if s.Mean < minRecall[s.Site] {
			t.Errorf("%s: mean recall@10 %.3f < %.2f", s.Site, s.Mean, minRecall[s.Site])
		}
	}
}

// pagefind returns the installed Pagefind. Full test runs (make test)
// install it, so there a missing binary fails the test.
func pagefind(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("needs Pagefind and Chromium (run make test)")
	}
	bin, err := search.Program.InRepo(fazhitest.RepoRoot(t))
	if err != nil {
		t.Fatal(err)
	}
	return bin
}
