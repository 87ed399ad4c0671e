package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/publish"
)

func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(context.Background(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestDeployToFolder(t *testing.T) {
	root := t.TempDir()
	public := filepath.Join(root, "public")
	out, err := publish.OpenDir(public)
	if err != nil {
		t.Fatal(err)
	}
	out.SetMeta(publish.Meta{BaseURL: "https://fzj.example.gov.cn/", Sequence: 5}, nil)
	out.WriteFile("index.html", []byte("home"))
	out.WriteFile("a/index.html", []byte("a"))
	if _, err := out.Commit(); err != nil {
		t.Fatal(err)
	}
	www := filepath.Join(root, "www")
	purge := filepath.Join(root, "purge.txt")
	code, stdout, stderr := run(t, "deploy", "-s", root, "-d", public, "--target", "file://"+filepath.ToSlash(www), "--purge-list", purge)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "上传 3，修复 0，未变 0，删除 0") {
		t.Errorf("summary: %s", stdout)
	}
	b, _ := os.ReadFile(purge)
	want := "https://fzj.example.gov.cn/\nhttps://fzj.example.gov.cn/a/\nhttps://fzj.example.gov.cn/a/index.html\nhttps://fzj.example.gov.cn/index.html\n"
	if string(b) != want {
		t.Errorf("purge list:\n%s", b)
	}
	code, stdout, _ = run(t, "deploy", "-s", root, "-d", public, "--target", "file://"+filepath.ToSlash(www), "--dry-run")
	if code != 0 || !strings.HasPrefix(stdout, "试运行，未改动") || !strings.Contains(stdout, "未变 3") {
		t.Errorf("dry run: %d %s", code, stdout)
	}
}

func TestDeployErrors(t *testing.T) {
	root := t.TempDir()
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"deploy", "-s", root}, 2, "没有发布目标"},
		{[]string{"deploy", "-s", root, "--target", "ftp://x"}, 2, "应以 s3:// 或 file:/// 开头"},
		{[]string{"deploy", "-s", root, "--target", "file:///srv/www"}, 1, "中没有清单 .fazhi-manifest.json"},
	} {
		os.MkdirAll(filepath.Join(root, "public"), 0o755)
		code, _, stderr := run(t, c.args...)
		if code != c.code || !strings.Contains(stderr, c.msg) {
			t.Errorf("%v: exit %d, %q; want %d, %q", c.args, code, stderr, c.code, c.msg)
		}
	}
}
