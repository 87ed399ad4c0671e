package docscheck

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/fazhi-dev/fazhi/internal/cli"
	"github.com/fazhi-dev/fazhi/internal/fazhitest"
	"github.com/fazhi-dev/fazhi/internal/scss"
	"github.com/fazhi-dev/fazhi/internal/search"
	"github.com/fazhi-dev/fazhi/internal/sign"
)

// TestMain lets the test binary stand in for the fazhi program that
// docs/ci/publish.sh runs.
func TestMain(m *testing.M) {
	if os.Getenv("FAZHI_TEST_AS_CLI") == "1" {
		os.Exit(cli.Main(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// publishSite is a small site that passes fazhi check.
var publishSite = map[string]string{
	"site.toml": `title = "某市法治政府网"
baseURL = "https://fzj.example.gov.cn/"
search = true
[identity]
sponsor = "某市人民政府办公室"
operator = "某市司法局"
siteCode = "1234000001"
icp = "某ICP备00000001号"
police = "某公网安备 99010202000001号"
[deploy]
publicKey = "site.pub"
keep = ["baidu_verify_*.html"]
`,
	"content/_index.md":         "+++\ntitle = \"首页\"\ncolumnType = \"首页\"\n+++\n欢迎。\n",
	"content/gongzuo/_index.md": "+++\ntitle = \"工作动态\"\ncolumnType = \"工作动态\"\nkind = \"article\"\n+++\n",
	"content/gongzuo/huiyi.md":  "+++\ntitle = \"我市召开法治政府建设工作会议\"\ndate = 2026-11-20\n[article]\nsource = \"某市司法局\"\n+++\n\n11月20日，我市召开法治政府建设工作会议。\n",
}

// TestPublishScript runs docs/ci/publish.sh, the script both example
// pipelines call, against a real S3 server: check, signed build, deploy,
// verify over HTTP of what the bucket serves; again (nothing to upload);
// and after the bucket was defaced (the deploy repairs it).
func TestPublishScript(t *testing.T) {
	srv := fazhitest.StartS3(t, "www")
	root := repoRoot(t)
	sass, err := scss.Program.InRepo(root)
	if err != nil {
		t.Fatal(err)
	}
	pagefind, err := search.Program.InRepo(root)
	if err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	site := filepath.Join(work, "site")
	for name, text := range publishSite {
		p := filepath.Join(site, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	priv, pub, err := sign.Generate(sign.Ed25519)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(site, "site.pub"), []byte(pub), 0o644)
	// The public address: a web server in front of the bucket's files.
	web := httptest.NewServer(http.FileServer(http.Dir(filepath.Join(srv.Root, "www", "site"))))
	defer web.Close()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	purge := filepath.Join(work, "purge-urls.txt")
	run := func() string {
		t.Helper()
		cmd := exec.Command("sh", filepath.Join(root, "docs", "ci", "publish.sh"))
		cmd.Dir = work
		cmd.Env = append(os.Environ(), srv.Env()...)
		cmd.Env = append(cmd.Env, "FAZHI_TEST_AS_CLI=1", "FAZHI="+exe, "SITE_DIR=site",
			"FAZHI_SIGNING_KEY="+priv, "DEPLOY_TARGET="+srv.Target("www", "site"), "PUBLIC_URL="+web.URL+"/",
			"PURGE_LIST="+purge, "FAZHI_NOW=2026-11-27", scss.EnvVar+"="+sass, search.EnvVar+"="+pagefind,
			scss.CacheEnv+"="+filepath.Join(work, ".fazhi-cache"))
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("publish.sh: %v\n%s", err, out)
		}
		return string(out)
	}
	out := run()
	for _, want := range []string{"== 发布前检查 check", "上传 ", "，修复 0，未变 0，删除 0", "全部与构建一致"} {
		if !strings.Contains(out, want) {
			t.Errorf("first run: no %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "没有设置 FAZHI_SIGNING_KEY") {
		t.Errorf("build not signed:\n%s", out)
	}
	for _, f := range []string{".fazhi-manifest.json.sig", "pagefind/pagefind.js", "gongzuo/huiyi/index.html"} {
		if _, err := os.Stat(filepath.Join(srv.Root, "www", "site", filepath.FromSlash(f))); err != nil {
			t.Errorf("bucket lacks %s", f)
		}
	}
	if b, _ := os.ReadFile(purge); !strings.Contains(string(b), "https://fzj.example.gov.cn/gongzuo/huiyi/\n") {
		t.Errorf("purge list:\n%s", b)
	}
	out = run()
	if !strings.Contains(out, "上传 0，修复 0，") || !strings.Contains(out, "全部与构建一致") {
		t.Errorf("second run:\n%s", out)
	}
	c := s3.New(s3.Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.Endpoint), UsePathStyle: true,
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: srv.Access, SecretAccessKey: srv.Secret}, nil
		})})
	_, err = c.PutObject(context.Background(), &s3.PutObjectInput{Bucket: aws.String("www"), Key: aws.String("site/gongzuo/huiyi/index.html"),
		Body: strings.NewReader("<h1>defaced</h1>")})
	if err != nil {
		t.Fatal(err)
	}
	out = run()
	if !strings.Contains(out, "上传 0，修复 1，") || !strings.Contains(out, "全部与构建一致") {
		t.Errorf("run after defacement:\n%s", out)
	}
}
