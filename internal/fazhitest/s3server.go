package fazhitest

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// VersityEnv names the versitygw binary; the Makefile sets it after
// installing versitygw v1.8.0.
const VersityEnv = "FAZHI_VERSITYGW"

// S3Server is a real S3 server (versitygw with its posix backend) on
// loopback, serving the folder Root: each folder below Root is a bucket.
type S3Server struct {
	Endpoint       string // http://127.0.0.1:PORT
	Access, Secret string
	Root           string
}

// StartS3 starts versitygw for the test and stops it at the end. It skips
// under -short and fails when versitygw is not installed (make test
// installs it).
func StartS3(t testing.TB, buckets ...string) *S3Server {
	t.Helper()
	if testing.Short() {
		t.Skip("needs versitygw (run make test)")
	}
	bin := os.Getenv(VersityEnv)
	if bin == "" {
		p, err := exec.LookPath("versitygw")
		if err != nil {
			t.Fatalf("versitygw not found: run make test, or set %s (go install github.com/versity/versitygw/cmd/versitygw@v1.8.0)", VersityEnv)
		}
		bin = p
	}
	root := t.TempDir()
	for _, b := range buckets {
		if err := os.Mkdir(filepath.Join(root, b), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	s := &S3Server{Endpoint: "http://" + addr, Access: "fazhitest", Secret: "fazhitest-secret", Root: root}
	cmd := exec.Command(bin, "--access", s.Access, "--secret", s.Secret, "--port", addr, "--quiet", "posix", root)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("start versitygw: %v", err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	// Wait until it accepts connections: a bounded number of tries.
	for i := 0; ; i++ {
		c, err := net.Dial("tcp", addr)
		if err == nil {
			c.Close()
			return s
		}
		if i == 400 {
			t.Fatalf("versitygw did not listen on %s: %v", addr, err)
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// Env returns the environment a deploy to the server needs.
func (s *S3Server) Env() []string {
	return []string{"AWS_ACCESS_KEY_ID=" + s.Access, "AWS_SECRET_ACCESS_KEY=" + s.Secret}
}

// Target returns the deploy target URL of bucket/prefix on the server.
func (s *S3Server) Target(bucket, prefix string) string {
	if prefix != "" {
		prefix = "/" + prefix
	}
	return fmt.Sprintf("s3://%s%s?endpoint=%s&region=us-east-1&pathStyle=true", bucket, prefix, s.Endpoint)
}
