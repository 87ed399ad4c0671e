package deploy_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/deploy"
)

// FuzzParseTarget: a target either fails with a message or names a bucket
// with a clean prefix, or an absolute folder that is not a root.
func FuzzParseTarget(f *testing.F) {
	for _, s := range []string{"s3://b/p?endpoint=https://x&region=r&pathStyle=true", "file:///srv/www", "file:///C:/www",
		"s3://b/../x", "s3://b//x", "file://h/x", "s3://b?endpoint=ftp://x", "%zz"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tg, err := deploy.ParseTarget(s)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		switch tg.Kind {
		case "s3":
			if tg.Bucket == "" || strings.Contains(tg.Prefix, "//") || strings.HasPrefix(tg.Prefix, "/") ||
				(tg.Prefix != "" && !strings.HasSuffix(tg.Prefix, "/")) {
				t.Fatalf("%q: %+v", s, tg)
			}
			for _, seg := range strings.Split(strings.TrimSuffix(tg.Prefix, "/"), "/") {
				if seg == ".." || seg == "." {
					t.Fatalf("%q: prefix %q leaves the bucket root", s, tg.Prefix)
				}
			}
		case "file":
			if !filepath.IsAbs(tg.Dir) || filepath.Dir(tg.Dir) == tg.Dir {
				t.Fatalf("%q: folder %q", s, tg.Dir)
			}
		default:
			t.Fatalf("%q: kind %q", s, tg.Kind)
		}
	})
}
