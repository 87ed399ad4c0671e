package build_test

import (
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/fazhitest"
	"github.com/fazhi-dev/fazhi/internal/scss"
)

// themeCSSSite is a site over a small theme with SCSS; the theme's
// compiled CSS is given separately, as fazhi.ThemeCSS is.
const themeCSSSite = `
-- site.toml --
title = "网"
-- content/a.md --
+++
title = "甲"
+++
`

var cssTheme = fazhitest.Parse(`
-- layouts/_default/page.html --
<link href="{{ .Site.CSS }}">
-- layouts/_default/home.html --
<link href="{{ .Site.CSS }}">
-- layouts/_default/section.html --
x
-- layouts/_default/404.html --
x
-- assets/scss/main.scss --
@use "vars";
body { color: vars.$ink; }
-- assets/scss/_vars.scss --
$ink: #111;
`)

const compiledThemeCSS = "body{color:#111}/*compiled*/"

// TestThemeCSS: a site without SCSS of its own is styled with the theme's
// compiled CSS and needs no compiler; a site with SCSS of its own (one
// partial is enough) is compiled, and without a compiler that is an error
// saying how to get Dart Sass.
func TestThemeCSS(t *testing.T) {
	try := func(files string, sass scss.Compiler) *fazhitest.Result {
		return fazhitest.Try(t, themeCSSSite+files, fazhitest.WithOptions(func(o *build.Options) {
			o.Theme, o.ThemeCSS, o.Sass = cssTheme, []byte(compiledThemeCSS), sass
		}))
	}
	cssOf := func(r *fazhitest.Result) string {
		for _, n := range r.Names() {
			if strings.HasPrefix(n, "css/main.") {
				return string(r.Files[n])
			}
		}
		t.Fatalf("no stylesheet among %v", r.Names())
		return ""
	}

	r := try("", nil)
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	if got := cssOf(r); got != compiledThemeCSS {
		t.Errorf("stylesheet %q, want the theme's compiled CSS", got)
	}
	// A copy of the theme's own partial changes nothing.
	r = try("-- assets/scss/_vars.scss --\n$ink: #111;\n", nil)
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	if got := cssOf(r); got != compiledThemeCSS {
		t.Errorf("with a copy of the theme's partial: stylesheet %q", got)
	}
	// A partial of its own needs Dart Sass.
	own := "-- assets/scss/_vars.scss --\n$ink: #000;\n"
	r = try(own, nil)
	if r.Err == nil || !strings.Contains(r.Err.Error(), "assets/scss/main.scss: 找不到 Dart Sass：请设置环境变量 FAZHI_DART_SASS") {
		t.Errorf("own SCSS without a compiler: err = %v", r.Err)
	}
	r = try(own, scss.Fake{})
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	if got := cssOf(r); !strings.Contains(got, `@use "vars"`) {
		t.Errorf("own SCSS was not compiled: %q", got)
	}
	if !needSass(own) || needSass("") || needSass("-- assets/scss/_vars.scss --\n$ink: #111;\n") {
		t.Error("NeedSass disagrees with the build")
	}
}

func needSass(files string) bool {
	return build.NeedSass(fazhitest.Parse(themeCSSSite+files), cssTheme, []byte(compiledThemeCSS))
}
