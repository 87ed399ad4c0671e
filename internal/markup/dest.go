package markup

import (
	"regexp"
	"strings"
)

// scheme matches a destination that starts with a URL scheme ("https:",
// "mailto:", "tel:"). It is the one definition of "has a scheme" in
// fazhi: links are rebased, checked and joined to the base URL only when
// they have none.
var scheme = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:`)

// HasScheme reports whether dest starts with a URL scheme ("https:",
// "mailto:", "tel:").
func HasScheme(dest string) bool { return scheme.MatchString(dest) }

// IsExternal reports whether dest leaves the site: it has a scheme or is
// scheme-relative ("//host/x").
func IsExternal(dest string) bool { return HasScheme(dest) || strings.HasPrefix(dest, "//") }
