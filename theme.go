// Package fazhi holds the default theme, embedded in the binary so that
// fazhi can build any site folder. A site's own layouts/, assets/, static/
// and archetypes/ override these files one by one.
package fazhi

import "embed"

// Theme is the default theme: layouts/, assets/, static/ and archetypes/.
//
//go:embed all:layouts all:assets all:static all:archetypes
var Theme embed.FS

// ThemeCSS is the default theme's stylesheet: assets/scss/main.scss
// compiled with the pinned Dart Sass by `make css` (theme.css). A site
// without SCSS of its own is styled with it as it is, so it builds with
// no Dart Sass installed.
//
//go:embed theme.css
var ThemeCSS []byte
