// Package fazhi holds the default theme, embedded in the binary so that
// fazhi can build any site folder. A site's own layouts/, assets/, static/
// and archetypes/ override these files one by one.
package fazhi

import "embed"

// Theme is the default theme: layouts/, assets/, static/ and archetypes/.
//
//go:embed all:layouts all:assets all:static all:archetypes
var Theme embed.FS
