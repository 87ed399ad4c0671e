package cli

import (
	"path/filepath"
	"testing"
)

// TestSearchCacheDir: the search index of each batch is kept in the site's
// build cache folder, and FAZHI_CACHE_DIR=off keeps nothing.
func TestSearchCacheDir(t *testing.T) {
	t.Setenv("FAZHI_CACHE_DIR", "")
	if got, want := searchCacheDir("site", "", false), filepath.Join("site", ".fazhi-cache", "search"); got != want {
		t.Errorf("searchCacheDir = %q, want %q", got, want)
	}
	// --cache-dir moves it, --no-cache keeps nothing (issue 16 point 2).
	if got, want := searchCacheDir("site", "c", false), filepath.Join("c", "search"); got != want {
		t.Errorf("--cache-dir c: searchCacheDir = %q, want %q", got, want)
	}
	if got := searchCacheDir("site", "", true); got != "" {
		t.Errorf("--no-cache: searchCacheDir = %q, want none", got)
	}
	t.Setenv("FAZHI_CACHE_DIR", "off")
	if got := searchCacheDir("site", "", false); got != "" {
		t.Errorf("FAZHI_CACHE_DIR=off: searchCacheDir = %q, want none", got)
	}
}
