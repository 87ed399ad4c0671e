package deploy_test

import (
	"context"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/deploy"
)

// tree returns the files under dir with their contents.
func tree(t testing.TB, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func inode(t testing.TB, p string) uint64 {
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return st.Sys().(*syscall.Stat_t).Ino
}

func TestFolderDeploy(t *testing.T) {
	root := t.TempDir()
	public, www := filepath.Join(root, "public"), filepath.Join(root, "srv", "www")
	tg, err := deploy.ParseTarget("file://" + filepath.ToSlash(www))
	if err != nil {
		t.Fatal(err)
	}
	files := site()
	b := writeBuild(t, public, files, 1)
	sum, err := deploy.Run(context.Background(), deploy.Options{Build: b, Target: tg})
	if err != nil {
		t.Fatal(err)
	}
	// A folder gets the precompressed siblings too, for gzip_static.
	want := tree(t, public)
	if got := tree(t, www); !reflect.DeepEqual(got, want) {
		t.Fatalf("folder after the first deploy:\n%v\nwant\n%v", got, want)
	}
	if sum.Uploaded != len(files)+1 {
		t.Errorf("first deploy: %+v", sum)
	}
	cssIno := inode(t, filepath.Join(www, "css/main.0123456789.css"))

	// The same build again: the folder is left alone.
	sum, err = deploy.Run(context.Background(), deploy.Options{Build: b, Target: tg})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Uploaded+sum.Repaired+sum.Deleted != 0 || inode(t, www) == 0 {
		t.Errorf("second deploy: %+v", sum)
	}

	// Defaced, planted, placed by hand; and a new build.
	os.WriteFile(filepath.Join(www, "zhengce/index.html"), []byte("hacked"), 0o644)
	os.WriteFile(filepath.Join(www, "shell.php"), []byte("<?php"), 0o644)
	os.WriteFile(filepath.Join(www, "baidu_verify_x.html"), []byte("verify"), 0o644)
	os.Symlink("/etc/passwd", filepath.Join(www, "link.txt"))
	files2 := maps.Clone(files)
	files2["index.html"] = "new home"
	delete(files2, "zhengce/banfa/fujian.pdf")
	b2 := writeBuild(t, public, files2, 2)
	sum, err = deploy.Run(context.Background(), deploy.Options{Build: b2, Target: tg, Keep: []string{"baidu_verify_*.html"}})
	if err != nil {
		t.Fatal(err)
	}
	want = tree(t, public)
	want["baidu_verify_x.html"] = "verify"
	if got := tree(t, www); !reflect.DeepEqual(got, want) {
		t.Errorf("folder after the third deploy:\n%v\nwant\n%v", keys(got), keys(want))
	}
	if sum.Uploaded != 2 || sum.Repaired != 1 || sum.Deleted != 3 || sum.Kept != 1 {
		t.Errorf("third deploy: %+v", sum)
	}
	// Unchanged files are hard links of the live ones, not copies.
	if got := inode(t, filepath.Join(www, "css/main.0123456789.css")); got != cssIno {
		t.Errorf("unchanged file was copied, not linked")
	}
	// Nothing is left beside the folder.
	ents, _ := os.ReadDir(filepath.Dir(www))
	if len(ents) != 1 {
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		t.Errorf("beside the folder: %v", names)
	}
}

func TestFolderDeployRecovers(t *testing.T) {
	root := t.TempDir()
	public, www := filepath.Join(root, "public"), filepath.Join(root, "www")
	// A deploy killed between the two renames of the fallback left the
	// live folder under its old name, and one killed earlier a staging
	// folder.
	os.MkdirAll(filepath.Join(root, ".www.fazhi-deploy-old-99", "a"), 0o755)
	os.WriteFile(filepath.Join(root, ".www.fazhi-deploy-old-99", "a", "keep.txt"), []byte("kept"), 0o644)
	os.MkdirAll(filepath.Join(root, ".www.fazhi-deploy-98-1"), 0o755)
	b := writeBuild(t, public, map[string]string{"index.html": "x"}, 1)
	tg, _ := deploy.ParseTarget("file://" + filepath.ToSlash(www))
	if _, err := deploy.Run(context.Background(), deploy.Options{Build: b, Target: tg, Keep: []string{"a/*"}}); err != nil {
		t.Fatal(err)
	}
	got := tree(t, www)
	if got["a/keep.txt"] != "kept" || got["index.html"] != "x" {
		t.Errorf("folder: %v", got)
	}
	ents, _ := os.ReadDir(root)
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "public www" {
		t.Errorf("left behind: %v", names)
	}
}

func TestParseTarget(t *testing.T) {
	for in, want := range map[string]string{
		"s3://b": "s3 b   us-east-1 false",
		"s3://b/x/y?endpoint=https://oss-cn-hangzhou.aliyuncs.com&region=cn-hangzhou": "s3 b x/y/ https://oss-cn-hangzhou.aliyuncs.com cn-hangzhou false",
		"s3://b/?pathStyle=true&endpoint=http://127.0.0.1:9000":                       "s3 b  http://127.0.0.1:9000 us-east-1 true",
	} {
		tg, err := deploy.ParseTarget(in)
		if err != nil {
			t.Errorf("%s: %v", in, err)
			continue
		}
		got := strings.Join([]string{tg.Kind, tg.Bucket, tg.Prefix, tg.Endpoint, tg.Region, map[bool]string{true: "true", false: "false"}[tg.PathStyle]}, " ")
		if got != want {
			t.Errorf("%s: %q, want %q", in, got, want)
		}
	}
	for in, msg := range map[string]string{
		"s3:///x":                 "缺少存储桶名",
		"s3://b/../x":             "前缀无效",
		"s3://b?secret=x":         "参数「secret」未知",
		"s3://b?endpoint=ftp://x": "endpoint",
		"file://host/x":           "三个斜杠",
		"file:///":                "根目录",
		"ftp://x":                 "应以 s3:// 或 file:/// 开头",
		"file:///srv/www?x=1":     "绝对路径",
	} {
		_, err := deploy.ParseTarget(in)
		if err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("%s: err = %v, want %q", in, err, msg)
		}
	}
}

func TestFolderDeployRefusesOverlap(t *testing.T) {
	root := t.TempDir()
	public := filepath.Join(root, "public")
	b := writeBuild(t, public, map[string]string{"index.html": "x"}, 1)
	for _, dir := range []string{public, filepath.Join(public, "www"), root} {
		tg, _ := deploy.ParseTarget("file://" + filepath.ToSlash(dir))
		_, err := deploy.Run(context.Background(), deploy.Options{Build: b, Target: tg})
		if err == nil || !strings.Contains(err.Error(), "重合或互相包含") {
			t.Errorf("%s: err = %v", dir, err)
		}
	}
	if got := tree(t, public); got["index.html"] != "x" || len(got) != 2 {
		t.Errorf("build output changed: %v", got)
	}
}
