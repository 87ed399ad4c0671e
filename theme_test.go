package fazhi_test

import (
	"bytes"
	"testing"

	"github.com/fazhi-dev/fazhi"
	"github.com/fazhi-dev/fazhi/internal/fazhitest"
	"github.com/fazhi-dev/fazhi/internal/scss"
)

// TestThemeCSSFromCurrentSCSS: theme.css was compiled from the theme's
// SCSS as it is now. It needs no Dart Sass, so it runs in -short too and
// an SCSS change landed without regenerating the CSS fails at once.
func TestThemeCSSFromCurrentSCSS(t *testing.T) {
	sum, err := scss.SourceHash(fazhi.Theme)
	if err != nil {
		t.Fatal(err)
	}
	if sum != fazhi.ThemeCSSFrom {
		t.Fatalf("theme.css was compiled from other SCSS than assets/scss holds now: run `%s` and commit theme.css and theme_css.go", scss.RegenerateCommand)
	}
	if len(fazhi.ThemeCSS) < 1000 || bytes.Contains(fazhi.ThemeCSS, []byte("@use")) {
		t.Fatalf("theme.css does not look compiled (%d bytes): run `%s`", len(fazhi.ThemeCSS), scss.RegenerateCommand)
	}
}

// TestThemeCSSMatchesDartSass compiles the embedded theme's SCSS with the
// pinned Dart Sass: the shipped CSS must be exactly its output.
func TestThemeCSSMatchesDartSass(t *testing.T) {
	if testing.Short() {
		t.Skip("needs Dart Sass (npm)")
	}
	bin, err := scss.Program.InRepo(fazhitest.RepoRoot(t))
	if err != nil {
		t.Fatal(err)
	}
	sass, err := scss.Start(bin)
	if err != nil {
		t.Fatal(err)
	}
	defer sass.Close()
	css, err := sass.Compile(fazhi.Theme, scss.Entry)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(css, fazhi.ThemeCSS) {
		t.Fatalf("theme.css (%d bytes) differs from the theme's SCSS compiled by Dart Sass (%d bytes): run `%s` and commit theme.css and theme_css.go", len(fazhi.ThemeCSS), len(css), scss.RegenerateCommand)
	}
}
