package deploy_test

import (
	"context"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/fazhi-dev/fazhi/internal/deploy"
	"github.com/fazhi-dev/fazhi/internal/publish"
)

func TestS3DeployIncremental(t *testing.T) {
	srv := fazhitestStart(t, "www")
	c := client(srv)
	tg := s3Target(t, srv, "www", "")
	dir := filepath.Join(t.TempDir(), "public")
	files := site()
	b := writeBuild(t, dir, files, 100)

	// First deploy: everything but the .gz sibling is uploaded.
	rec := &recorder{}
	sum, err := deploy.Run(context.Background(), deploy.Options{Build: b, Target: tg, HTTPClient: rec.client()})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Uploaded != len(files) || sum.Repaired != 0 || sum.Unchanged != 0 || sum.Deleted != 0 {
		t.Errorf("first deploy: %+v, want %d uploaded", sum, len(files))
	}
	if got, want := bucket(t, c, "www"), wantBucket(t, dir, "", files); !reflect.DeepEqual(got, want) {
		t.Errorf("bucket after first deploy:\n%v\nwant\n%v", keys(got), keys(want))
	}
	// Order: other files, then pages, then the manifest.
	w := rec.writes()
	pos := func(s string) int { return slices.Index(w, s) }
	if !(pos("PUT /www/zhengce/banfa/fujian.pdf") < pos("PUT /www/index.html") &&
		pos("PUT /www/css/main.0123456789.css") < pos("PUT /www/zhengce/index.html") &&
		pos("PUT /www/zhengce/banfa/index.html") < pos("PUT /www/.fazhi-manifest.json") &&
		pos("PUT /www/.fazhi-manifest.json") == len(w)-1) {
		t.Errorf("upload order:\n%s", strings.Join(w, "\n"))
	}
	// A PUT carries no checksum the object stores of Aliyun, Tencent and
	// Huawei refuse: no trailer, no chunked encoding, no CRC.
	for _, q := range rec.reqs {
		if q.Method != "PUT" {
			continue
		}
		for h := range q.Header {
			lh := strings.ToLower(h)
			if strings.HasPrefix(lh, "x-amz-checksum") || lh == "x-amz-sdk-checksum-algorithm" || lh == "x-amz-trailer" || lh == "x-amz-decoded-content-length" {
				t.Errorf("PUT %s carries %s: %s", q.Path, h, q.Header.Get(h))
			}
		}
		if ce := q.Header.Get("Content-Encoding"); ce != "" {
			t.Errorf("PUT %s carries Content-Encoding %q", q.Path, ce)
		}
		if sha := q.Header.Get("X-Amz-Content-Sha256"); strings.HasPrefix(sha, "STREAMING") {
			t.Errorf("PUT %s is a streaming upload (%s)", q.Path, sha)
		}
		if q.Header.Get("Content-Type") == "" || q.Header.Get("Cache-Control") == "" {
			t.Errorf("PUT %s without Content-Type or Cache-Control: %v", q.Path, q.Header)
		}
	}

	// Headers read back with HEAD.
	for key, want := range map[string][2]string{
		"index.html":                          {"text/html; charset=utf-8", deploy.CacheShort},
		"css/main.0123456789.css":             {"text/css; charset=utf-8", deploy.CacheImmutable},
		"sitemap.xml":                         {"application/xml; charset=utf-8", deploy.CacheShort},
		"zhengce/banfa/fujian.pdf":            {"application/pdf", deploy.CacheOther},
		"pagefind/pagefind.js":                {"text/javascript; charset=utf-8", deploy.CacheShort},
		".fazhi-manifest.json":                {"application/json; charset=utf-8", deploy.CacheShort},
		"pagefind/fragment/zh_ab.pf_fragment": {"application/octet-stream", deploy.CacheImmutable},
	} {
		h, err := c.HeadObject(context.Background(), &s3.HeadObjectInput{Bucket: aws.String("www"), Key: aws.String(key)})
		if err != nil {
			t.Fatalf("HEAD %s: %v", key, err)
		}
		if got := [2]string{aws.ToString(h.ContentType), aws.ToString(h.CacheControl)}; got != want {
			t.Errorf("HEAD %s: %q, want %q", key, got, want)
		}
	}

	// Second deploy of the same build: nothing is written.
	rec = &recorder{}
	sum, err = deploy.Run(context.Background(), deploy.Options{Build: b, Target: tg, HTTPClient: rec.client()})
	if err != nil {
		t.Fatal(err)
	}
	if w := rec.writes(); len(w) != 0 || sum.Unchanged != len(files) || sum.Uploaded+sum.Repaired+sum.Deleted != 0 {
		t.Errorf("second deploy wrote %v (%+v)", w, sum)
	}

	// One page edited, one removed; meanwhile the bucket was defaced, a
	// file planted, and a verification file placed by hand.
	put(t, c, "www", "zhengce/index.html", "<h1>hacked</h1>")
	put(t, c, "www", "shell.php", "<?php system($_GET['c']);")
	put(t, c, "www", "baidu_verify_abc.html", "verify")
	files2 := maps.Clone(files)
	files2["index.html"] = "<!doctype html><title>首页（新）</title>"
	delete(files2, "zhengce/banfa/index.html")
	delete(files2, "zhengce/banfa/fujian.pdf")
	b2 := writeBuild(t, dir, files2, 101)
	rec = &recorder{}
	var purge []string
	sum, err = deploy.Run(context.Background(), deploy.Options{Build: b2, Target: tg, HTTPClient: rec.client(), Keep: []string{"baidu_verify_*.html"}})
	if err != nil {
		t.Fatal(err)
	}
	purge = sum.PurgeURLs("https://fzj.example.gov.cn/")
	wantWrites := []string{
		"PUT /www/index.html", "PUT /www/zhengce/index.html", "PUT /www/.fazhi-manifest.json",
		"DELETE /www/shell.php", "DELETE /www/zhengce/banfa/fujian.pdf", "DELETE /www/zhengce/banfa/index.html",
	}
	got := rec.writes()
	slices.Sort(got[:2])
	slices.Sort(got[3:])
	if !slices.Equal(got, wantWrites) {
		t.Errorf("third deploy wrote\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantWrites, "\n"))
	}
	if sum.Uploaded != 2 || sum.Repaired != 1 || sum.Deleted != 3 || sum.Kept != 1 {
		t.Errorf("third deploy: %+v", sum)
	}
	want := wantBucket(t, dir, "", files2)
	want["baidu_verify_abc.html"] = "verify"
	if got := bucket(t, c, "www"); !reflect.DeepEqual(got, want) {
		t.Errorf("bucket after third deploy:\n%v\nwant\n%v", keys(got), keys(want))
	}
	wantPurge := []string{
		"https://fzj.example.gov.cn/",
		"https://fzj.example.gov.cn/index.html",
		"https://fzj.example.gov.cn/shell.php",
		"https://fzj.example.gov.cn/zhengce/",
		"https://fzj.example.gov.cn/zhengce/banfa/",
		"https://fzj.example.gov.cn/zhengce/banfa/fujian.pdf",
		"https://fzj.example.gov.cn/zhengce/banfa/index.html",
		"https://fzj.example.gov.cn/zhengce/index.html",
	}
	if !slices.Equal(purge, wantPurge) {
		t.Errorf("purge list:\n%s", strings.Join(purge, "\n"))
	}

	// Replaying the older build is refused, and changes nothing.
	old := writeBuild(t, filepath.Join(t.TempDir(), "old"), files, 100)
	rec = &recorder{}
	_, err = deploy.Run(context.Background(), deploy.Options{Build: old, Target: tg, HTTPClient: rec.client()})
	var rb *deploy.RollbackError
	if !errors.As(err, &rb) || rb.Have != 101 || rb.Want != 100 {
		t.Fatalf("replayed build: err = %v, want a rollback refusal", err)
	}
	if w := rec.writes(); len(w) != 0 {
		t.Errorf("refused deploy wrote %v", w)
	}
	if _, err := deploy.Run(context.Background(), deploy.Options{Build: old, Target: tg, AllowRollback: true}); err != nil {
		t.Fatalf("--allow-rollback: %v", err)
	}
	if got, want := bucket(t, c, "www")["index.html"], files["index.html"]; got != want {
		t.Errorf("after rollback index.html = %q", got)
	}
}

func TestS3DryRun(t *testing.T) {
	srv := fazhitestStart(t, "www")
	tg := s3Target(t, srv, "www", "site")
	b := writeBuild(t, filepath.Join(t.TempDir(), "public"), map[string]string{"index.html": "x", "a.css": "y"}, 1)
	put(t, client(srv), "www", "site/old.html", "old")
	var log strings.Builder
	rec := &recorder{}
	sum, err := deploy.Run(context.Background(), deploy.Options{Build: b, Target: tg, DryRun: true, Log: &log, HTTPClient: rec.client()})
	if err != nil {
		t.Fatal(err)
	}
	want := "upload a.css\nupload index.html\nupload .fazhi-manifest.json\ndelete old.html\n"
	if log.String() != want || sum.Uploaded != 3 || sum.Deleted != 1 {
		t.Errorf("dry run printed\n%s(%+v)\nwant\n%s", log.String(), sum, want)
	}
	if w := rec.writes(); len(w) != 0 {
		t.Errorf("dry run wrote %v", w)
	}
}

func TestS3PrefixIsolation(t *testing.T) {
	srv := fazhitestStart(t, "www")
	c := client(srv)
	put(t, c, "www", "other/index.html", "another site")
	put(t, c, "www", "site-old/x.html", "shares the prefix's letters")
	put(t, c, "www", "root.txt", "at the root")
	tg := s3Target(t, srv, "www", "site")
	dir := filepath.Join(t.TempDir(), "public")
	b := writeBuild(t, dir, site(), 1)
	if _, err := deploy.Run(context.Background(), deploy.Options{Build: b, Target: tg}); err != nil {
		t.Fatal(err)
	}
	b2 := writeBuild(t, dir, map[string]string{"index.html": "only"}, 2)
	if _, err := deploy.Run(context.Background(), deploy.Options{Build: b2, Target: tg}); err != nil {
		t.Fatal(err)
	}
	want := wantBucket(t, dir, "site/", map[string]string{"index.html": "only"})
	want["other/index.html"] = "another site"
	want["site-old/x.html"] = "shares the prefix's letters"
	want["root.txt"] = "at the root"
	if got := bucket(t, c, "www"); !reflect.DeepEqual(got, want) {
		t.Errorf("bucket:\n%v\nwant\n%v", got, want)
	}
}

func TestRefusesIncompleteBuild(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	writeBuild(t, dir, map[string]string{"index.html": "x", "a/b.html": "y"}, 1)
	if err := removeFile(dir, "a/b.html"); err != nil {
		t.Fatal(err)
	}
	_, err := deploy.OpenBuild(dir)
	if err == nil || !strings.Contains(err.Error(), "输出文件夹不完整：清单列出的「a/b.html」缺失") {
		t.Errorf("err = %v", err)
	}
	if err := removeFile(dir, publish.ManifestName); err != nil {
		t.Fatal(err)
	}
	_, err = deploy.OpenBuild(dir)
	if err == nil || !strings.Contains(err.Error(), "中没有清单 .fazhi-manifest.json") {
		t.Errorf("err = %v", err)
	}
}

// TestForeignTarget: a target that holds files but no manifest (another
// site, a mistyped prefix) is not emptied unless the deploy adopts it.
func TestForeignTarget(t *testing.T) {
	srv := fazhitestStart(t, "www")
	c := client(srv)
	put(t, c, "www", "other-site/index.html", "another site")
	dir := filepath.Join(t.TempDir(), "public")
	b := writeBuild(t, dir, map[string]string{"index.html": "ours"}, 1)
	www := filepath.Join(t.TempDir(), "www")
	os.MkdirAll(www, 0o755)
	os.WriteFile(filepath.Join(www, "old.html"), []byte("a hand-made site"), 0o644)
	ftg, _ := deploy.ParseTarget("file://" + filepath.ToSlash(www))
	for _, tg := range []*deploy.Target{s3Target(t, srv, "www", ""), ftg} {
		rec := &recorder{}
		_, err := deploy.Run(context.Background(), deploy.Options{Build: b, Target: tg, HTTPClient: rec.client()})
		var fe *deploy.ForeignError
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), "--adopt") {
			t.Fatalf("%s: err = %v", tg, err)
		}
		if w := rec.writes(); len(w) != 0 {
			t.Errorf("%s: refused deploy wrote %v", tg, w)
		}
		if _, err := deploy.Run(context.Background(), deploy.Options{Build: b, Target: tg, Adopt: true}); err != nil {
			t.Fatalf("%s: --adopt: %v", tg, err)
		}
	}
	if got := bucket(t, c, "www"); got["index.html"] != "ours" || got["other-site/index.html"] != "" {
		t.Errorf("bucket after adopt: %v", keys(got))
	}
	if _, err := os.Stat(filepath.Join(www, "old.html")); err == nil {
		t.Error("old.html kept after adopt")
	}
}
