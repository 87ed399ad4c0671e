package deploy_test

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/fazhi-dev/fazhi/internal/deploy"
	"github.com/fazhi-dev/fazhi/internal/fazhitest"
	"github.com/fazhi-dev/fazhi/internal/publish"
)

// site is a small build: a home page, a column, a page, a fingerprinted
// stylesheet, an attachment and a precompressed sibling.
func site() map[string]string {
	return map[string]string{
		"index.html":                          "<!doctype html><title>首页</title><link href=/css/main.0123456789.css>",
		"index.html.gz":                       "gzip bytes",
		"zhengce/index.html":                  "<!doctype html><title>政策文件</title>",
		"zhengce/banfa/index.html":            "<!doctype html><title>办法</title>",
		"zhengce/banfa/fujian.pdf":            "%PDF-1.4 附件",
		"css/main.0123456789.css":             "body{color:#000}",
		"sitemap.xml":                         "<urlset></urlset>",
		"pagefind/pagefind.js":                "export{}",
		"pagefind/fragment/zh_ab.pf_fragment": "frag",
	}
}

// writeBuild writes files through the real publisher into dir, with a
// manifest of the given sequence.
func writeBuild(t testing.TB, dir string, files map[string]string, seq int64) *deploy.Build {
	t.Helper()
	out, err := publish.OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	built := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	out.SetMeta(publish.Meta{Generator: "fazhi test", Built: &built, BaseURL: "https://fzj.example.gov.cn/", SiteCode: "1234000001", Sequence: seq}, nil)
	for name, data := range files {
		if err := out.WriteFile(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := out.Commit(); err != nil {
		t.Fatal(err)
	}
	b, err := deploy.OpenBuild(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return b
}

// request is one HTTP request a deploy sent.
type request struct {
	Method, Path string
	Header       http.Header
}

// recorder records the requests it carries.
type recorder struct {
	mu   sync.Mutex
	reqs []request
	// before, when set, runs before the n-th request (from 1) is sent.
	before func(n int)
	// answer, when set and returning a response, answers a request
	// instead of the server.
	answer func(req *http.Request) *http.Response
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	r.mu.Lock()
	r.reqs = append(r.reqs, request{req.Method, req.URL.Path, req.Header.Clone()})
	n := len(r.reqs)
	r.mu.Unlock()
	if r.before != nil {
		r.before(n)
	}
	if r.answer != nil {
		if res := r.answer(req); res != nil {
			return res, nil
		}
	}
	return http.DefaultTransport.RoundTrip(req)
}

func (r *recorder) client() *http.Client { return &http.Client{Transport: r} }

// writes returns "PUT key" and "DELETE key" of the recorded requests, in
// order.
func (r *recorder) writes() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, q := range r.reqs {
		if q.Method == http.MethodPut || q.Method == http.MethodDelete {
			out = append(out, q.Method+" "+q.Path)
		}
	}
	return out
}

// client returns an S3 client of the test server for assertions.
func client(srv *fazhitest.S3Server) *s3.Client {
	return s3.New(s3.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(srv.Endpoint),
		UsePathStyle: true,
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: srv.Access, SecretAccessKey: srv.Secret}, nil
		}),
		RequestChecksumCalculation: aws.RequestChecksumCalculationWhenRequired,
		ResponseChecksumValidation: aws.ResponseChecksumValidationWhenRequired,
	})
}

// bucket returns every object of the bucket with its content.
func bucket(t testing.TB, c *s3.Client, name string) map[string]string {
	t.Helper()
	out := map[string]string{}
	pg := s3.NewListObjectsV2Paginator(c, &s3.ListObjectsV2Input{Bucket: aws.String(name)})
	for pg.HasMorePages() {
		page, err := pg.NextPage(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range page.Contents {
			if strings.HasSuffix(*o.Key, "/") {
				continue
			}
			res, err := c.GetObject(context.Background(), &s3.GetObjectInput{Bucket: aws.String(name), Key: o.Key})
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			out[*o.Key] = string(b)
		}
	}
	return out
}

func put(t testing.TB, c *s3.Client, bucket, key, data string) {
	t.Helper()
	_, err := c.PutObject(context.Background(), &s3.PutObjectInput{Bucket: aws.String(bucket), Key: aws.String(key), Body: strings.NewReader(data)})
	if err != nil {
		t.Fatal(err)
	}
}

// wantBucket returns what the bucket must hold after deploying the build
// under prefix: every file but the compressed siblings, and the manifest.
func wantBucket(t testing.TB, dir, prefix string, files map[string]string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for k, v := range files {
		if strings.HasSuffix(k, ".gz") || strings.HasSuffix(k, ".br") {
			continue
		}
		out[prefix+k] = v
	}
	m, err := os.ReadFile(filepath.Join(dir, publish.ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	out[prefix+publish.ManifestName] = string(m)
	return out
}

func keys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func s3Target(t testing.TB, srv *fazhitest.S3Server, bucket, prefix string) *deploy.Target {
	t.Helper()
	for _, kv := range srv.Env() {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
	tg, err := deploy.ParseTarget(srv.Target(bucket, prefix))
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

func fazhitestStart(t *testing.T, buckets ...string) *fazhitest.S3Server {
	return fazhitest.StartS3(t, buckets...)
}

func removeFile(dir, name string) error {
	return os.Remove(filepath.Join(dir, filepath.FromSlash(name)))
}
