package search

import (
	"strings"
	"testing"
)

// TestNotFoundMessage keeps the missing-binary message one line that
// tells an author both ways out, in Chinese first.
func TestNotFoundMessage(t *testing.T) {
	msg := ErrNotFound.Error()
	for _, want := range []string{"找不到 Pagefind", "make", "search = false", EnvVar, "fazhi 程序旁边"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q: %s", want, msg)
		}
	}
	if strings.Contains(msg, "\n") || !strings.HasPrefix(msg, "找不到") {
		t.Errorf("message is not one line starting in Chinese: %q", msg)
	}
}
