package site

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"宪法 宣传周":           "宪法-宣传周",
		"Xingzheng_Fuyi":   "xingzheng-fuyi",
		"综合政务\\政务公开":       "综合政务-政务公开",
		"  a / b ":         "a-b",
		"<script>\"x\"":    "scriptx",
		"...":              "_",
		"2026-11-24 会议 纪要": "2026-11-24-会议-纪要",
	} {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCleanURL(t *testing.T) {
	ok := map[string]string{"zhengce/a": "/zhengce/a/", "/zhengce/a/": "/zhengce/a/", "/old/c.html": "/old/c.html", "/": "/", "a//b": "/a/b/"}
	for in, want := range ok {
		if got, good := CleanURL(in); !good || got != want {
			t.Errorf("CleanURL(%q) = %q, %v; want %q", in, got, good, want)
		}
	}
	for _, bad := range []string{"../x", "/a/../../x", "https://evil.example/", "//evil.example/x", "a\\..\\x", "", "/a?b", "/a#b", "/./a"} {
		if got, good := CleanURL(bad); good {
			t.Errorf("CleanURL(%q) = %q, want rejection", bad, got)
		}
	}
}

func FuzzSlugAndURL(f *testing.F) {
	for _, s := range []string{"宪法 宣传周", "../x", "a/../../b", "/old/c.html", "综合政务\\政务公开", "\x00", "%2e%2e"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		slug := Slugify(s)
		if slug == "" || strings.ContainsAny(slug, "/\\\"<>'`") || slug == "." || slug == ".." {
			t.Fatalf("Slugify(%q) = %q is not a safe path segment", s, slug)
		}
		if utf8.ValidString(s) && !utf8.ValidString(slug) {
			t.Fatalf("Slugify(%q) gave invalid UTF-8", s)
		}
		if u, ok := CleanURL(s); ok {
			if !strings.HasPrefix(u, "/") || strings.Contains(u, "//") || hasDotSegment(u) {
				t.Fatalf("CleanURL(%q) = %q escapes", s, u)
			}
			out := OutputPath(u)
			if strings.HasPrefix(out, "/") || hasDotSegment(out) {
				t.Fatalf("OutputPath(%q) = %q escapes", u, out)
			}
		}
	})
}

func hasDotSegment(p string) bool {
	for _, seg := range strings.Split(p, "/") {
		if seg == "." || seg == ".." {
			return true
		}
	}
	return false
}

func TestPageAndFolderURL(t *testing.T) {
	for _, c := range []struct{ dir, slug, style, want, folder string }{
		{"zhengce", "Banfa 2024", "dir", "/zhengce/banfa-2024/", "/zhengce/banfa-2024/"},
		{"zhengce", "Banfa 2024", "html", "/zhengce/banfa-2024.html", "/zhengce/banfa-2024/"},
		{"", "about", "html", "/about.html", "/about/"},
		{"zhengce/市政府 文件", "办法", "html", "/zhengce/市政府-文件/办法.html", "/zhengce/市政府-文件/办法/"},
	} {
		got := PageURL(c.dir, c.slug, c.style)
		if got != c.want {
			t.Errorf("PageURL(%q, %q, %q) = %q, want %q", c.dir, c.slug, c.style, got, c.want)
		}
		if f := FolderURL(got); f != c.folder {
			t.Errorf("FolderURL(%q) = %q, want %q", got, f, c.folder)
		}
	}
	if f := FolderURL("/old/c.htm"); f != "/old/c/" {
		t.Errorf("FolderURL(/old/c.htm) = %q", f)
	}
}
