package cli

import (
	"path/filepath"
	"testing"
)

// TestSearchCacheDir: the search index of each batch is kept in the site's
// build cache folder, and FAZHI_CACHE_DIR=off keeps nothing.
func TestSearchCacheDir(t *testing.T) {
	t.Setenv("FAZHI_CACHE_DIR", "")
	if got, want := searchCacheDir("site"), filepath.Join("site", ".fazhi-cache", "search"); got != want {
		t.Errorf("searchCacheDir = %q, want %q", got, want)
	}
	t.Setenv("FAZHI_CACHE_DIR", "off")
	if got := searchCacheDir("site"); got != "" {
		t.Errorf("FAZHI_CACHE_DIR=off: searchCacheDir = %q, want none", got)
	}
}
