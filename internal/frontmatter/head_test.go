package frontmatter

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestReadHead(t *testing.T) {
	for _, c := range []struct{ src, head string }{
		{"+++\ntitle = \"a\"\n+++\nbody\n+++\n", "+++\ntitle = \"a\"\n+++\n"},
		{"\xef\xbb\xbf+++\r\ntitle = \"a\"\r\n +++ \r\nbody", "\xef\xbb\xbf+++\r\ntitle = \"a\"\r\n +++ \r\n"},
		{"title = \"a\"\n+++\n", "title = \"a\"\n"},
		{"+++\ntitle = \"a\"\n", "+++\ntitle = \"a\"\n"},
		// A byte-order mark counts only at the start of the file, as in
		// Split.
		{"+++\n\xef\xbb\xbf+++\n+++\nbody", "+++\n\xef\xbb\xbf+++\n+++\n"},
		{"+++\n" + strings.Repeat("x", 9000) + "\n+++\nbody", "+++\n" + strings.Repeat("x", 9000) + "\n+++\n"},
	} {
		got, err := ReadHead(strings.NewReader(c.src))
		if err != nil || string(got) != c.head {
			t.Errorf("ReadHead(%.20q) = %.40q, %v; want %.40q", c.src, got, err, c.head)
		}
	}
	long := "+++\n" + strings.Repeat("a = 1\n", MaxFrontMatter/6+1) + "+++\n"
	if _, err := ReadHead(strings.NewReader(long)); !errors.Is(err, ErrTooLong) {
		t.Errorf("ReadHead(long) error = %v, want ErrTooLong", err)
	}
	if _, err := ReadHead(strings.NewReader("+++\n" + strings.Repeat("x", MaxFrontMatter+1))); !errors.Is(err, ErrTooLong) {
		t.Errorf("ReadHead(long line) error = %v, want ErrTooLong", err)
	}
}

// FuzzReadHead checks that the build's fast path (read the head, split
// it) finds the same front matter as splitting the whole file.
func FuzzReadHead(f *testing.F) {
	for _, s := range []string{"+++\ntitle = \"a\"\n+++\nbody", "\xef\xbb\xbf+++\r\n+++", "---\na: 1\n---\n", "+++\n\xef\xbb\xbf+++\n+++\n", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		head, err := ReadHead(strings.NewReader(src))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(src, string(head)) {
			t.Fatalf("head %q is not a prefix of %q", head, src)
		}
		fm1, _, l1, b1, err1 := Split("f.md", head)
		fm2, _, l2, b2, err2 := Split("f.md", []byte(src))
		if !bytes.Equal(fm1, fm2) || l1 != l2 || b1 != b2 || (err1 == nil) != (err2 == nil) {
			t.Fatalf("Split(head) = %q %d %d %v; Split(file) = %q %d %d %v", fm1, l1, b1, err1, fm2, l2, b2, err2)
		}
		if err1 != nil && err1.Error() != err2.Error() {
			t.Fatalf("errors differ: %v / %v", err1, err2)
		}
	})
}
