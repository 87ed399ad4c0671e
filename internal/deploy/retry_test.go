package deploy_test

import (
	"context"
	"io"
	"net/http"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/deploy"
)

// TestS3Retries: a 503 SlowDown (throttling) and a 500 InternalError
// answer to an upload are retried, and the deploy ends with every object
// in place.
func TestS3Retries(t *testing.T) {
	srv := fazhitestStart(t, "www")
	tg := s3Target(t, srv, "www", "")
	dir := filepath.Join(t.TempDir(), "public")
	files := site()
	b := writeBuild(t, dir, files, 1)
	var mu sync.Mutex
	failed := map[string]int{}
	rec := &recorder{answer: func(req *http.Request) *http.Response {
		if req.Method != http.MethodPut {
			return nil
		}
		mu.Lock()
		defer mu.Unlock()
		var code int
		var body string
		switch {
		case req.URL.Path == "/www/index.html" && failed[req.URL.Path] == 0:
			code, body = 503, "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>"
		case req.URL.Path == "/www/sitemap.xml" && failed[req.URL.Path] < 2:
			code, body = 500, "<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>"
		default:
			return nil
		}
		failed[req.URL.Path]++
		return &http.Response{StatusCode: code, Status: http.StatusText(code), Header: http.Header{"Content-Type": {"application/xml"}},
			Body: io.NopCloser(strings.NewReader(body)), Request: req, ProtoMajor: 1, ProtoMinor: 1}
	}}
	if _, err := deploy.Run(context.Background(), deploy.Options{Build: b, Target: tg, HTTPClient: rec.client()}); err != nil {
		t.Fatal(err)
	}
	puts := map[string]int{}
	for _, w := range rec.writes() {
		puts[w]++
	}
	if puts["PUT /www/index.html"] != 2 || puts["PUT /www/sitemap.xml"] != 3 {
		t.Errorf("PUTs: %v", puts)
	}
	if got, want := bucket(t, client(srv), "www"), wantBucket(t, dir, "", files); !reflect.DeepEqual(got, want) {
		t.Errorf("bucket:\n%v\nwant\n%v", keys(got), keys(want))
	}
}
