//go:build !linux || portable

package publish

import "errors"

// exchange is not available here: Commit falls back to two renames, and
// the next build puts the old folder back if it was killed between them.
func exchange(a, b string) error { return errors.ErrUnsupported }
