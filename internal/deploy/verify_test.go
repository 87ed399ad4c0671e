package deploy_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fazhi-dev/fazhi/internal/deploy"
	"github.com/fazhi-dev/fazhi/internal/publish"
	"github.com/fazhi-dev/fazhi/internal/sign"
)

// signedBuild writes site() signed with a new key and returns the
// public key.
func signedBuild(t *testing.T, dir string) *sign.PublicKey {
	t.Helper()
	priv, pub, err := sign.Generate(sign.Ed25519)
	if err != nil {
		t.Fatal(err)
	}
	k, _ := sign.ParseKey(priv)
	pk, _ := sign.ParsePublicKey(pub)
	out, err := publish.OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	built := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	out.SetMeta(publish.Meta{Built: &built, BaseURL: "https://fzj.example.gov.cn/", Sequence: 3}, k.Sign)
	for name, data := range site() {
		out.WriteFile(name, []byte(data))
	}
	if _, err := out.Commit(); err != nil {
		t.Fatal(err)
	}
	return pk
}

func verify(t *testing.T, o deploy.VerifyOptions, public string) []deploy.Finding {
	t.Helper()
	m, err := deploy.LoadManifest(filepath.Join(public, publish.ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	o.Manifest = m
	rep, err := deploy.Verify(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	return rep.Findings
}

func f(kind, path string) deploy.Finding { return deploy.Finding{Kind: kind, Path: path} }

// checkTarget runs the verify cases against a target that deploy
// filled: clean, one byte changed, a file added, the manifest edited
// after signing. change and add alter the target.
func checkTarget(t *testing.T, public string, key *sign.PublicKey, o deploy.VerifyOptions, change, add func(name, data string)) {
	t.Helper()
	o.Key = key
	if got := verify(t, o, public); len(got) != 0 {
		t.Errorf("clean target: %v", got)
	}
	change("zhengce/banfa/index.html", strings.Replace(site()["zhengce/banfa/index.html"], "办", "力", 1))
	want := []deploy.Finding{f(deploy.Changed, "zhengce/banfa/index.html")}
	if add != nil {
		add("shell.php", "<?php")
		add("baidu_verify_x.html", "kept by hand")
		want = append([]deploy.Finding{f(deploy.Unexpected, "shell.php")}, want...)
	}
	o.Keep = []string{"baidu_verify_*.html"}
	if got := verify(t, o, public); !reflect.DeepEqual(got, want) {
		t.Errorf("defaced target:\n%v\nwant\n%v", got, want)
	}
	// The manifest edited after signing: the signature no longer holds.
	mp := filepath.Join(public, publish.ManifestName)
	raw, _ := os.ReadFile(mp)
	os.WriteFile(mp, []byte(strings.Replace(string(raw), `"sequence": 3`, `"sequence": 9`, 1)), 0o644)
	got := verify(t, o, public)
	if len(got) == 0 || got[0].Kind != deploy.Signature || !strings.Contains(got[0].Detail, "签名与清单不符") {
		t.Errorf("edited manifest: %v", got)
	}
	sig, _ := os.ReadFile(filepath.Join(public, publish.SignatureName))
	os.Remove(filepath.Join(public, publish.SignatureName))
	if got := verify(t, o, public); len(got) == 0 || got[0] != (deploy.Finding{deploy.Signature, publish.SignatureName, "缺少签名文件 (no signature)"}) {
		t.Errorf("no signature: %v", got)
	}
	os.WriteFile(mp, raw, 0o644)
	os.WriteFile(filepath.Join(public, publish.SignatureName), sig, 0o644)
}

func TestVerifyFolder(t *testing.T) {
	root := t.TempDir()
	public, www := filepath.Join(root, "public"), filepath.Join(root, "www")
	key := signedBuild(t, public)
	b, _ := deploy.OpenBuild(public)
	tg, _ := deploy.ParseTarget("file://" + www)
	if _, err := deploy.Run(context.Background(), deploy.Options{Build: b, Target: tg}); err != nil {
		t.Fatal(err)
	}
	b.Close()
	write := func(name, data string) { os.WriteFile(filepath.Join(www, name), []byte(data), 0o644) }
	checkTarget(t, public, key, deploy.VerifyOptions{Target: tg}, write, write)
	os.Remove(filepath.Join(www, "css/main.0123456789.css"))
	got := verify(t, deploy.VerifyOptions{Target: tg, Keep: []string{"baidu_verify_*.html"}}, public)
	want := []deploy.Finding{f(deploy.Unexpected, "shell.php"), f(deploy.Missing, "css/main.0123456789.css"), f(deploy.Changed, "zhengce/banfa/index.html")}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("missing file:\n%v\nwant\n%v", got, want)
	}
	_, err := deploy.Verify(context.Background(), deploy.VerifyOptions{Manifest: mustManifest(t, public), Target: &deploy.Target{Kind: "file", Dir: filepath.Join(root, "nowhere")}})
	if !errors.Is(err, deploy.ErrUnreachable) {
		t.Errorf("missing folder: %v", err)
	}
}

func mustManifest(t *testing.T, public string) *deploy.Manifest {
	m, err := deploy.LoadManifest(filepath.Join(public, publish.ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestVerifyHTTP(t *testing.T) {
	root := t.TempDir()
	public, www := filepath.Join(root, "public"), filepath.Join(root, "www")
	key := signedBuild(t, public)
	b, _ := deploy.OpenBuild(public)
	tg, _ := deploy.ParseTarget("file://" + www)
	if _, err := deploy.Run(context.Background(), deploy.Options{Build: b, Target: tg}); err != nil {
		t.Fatal(err)
	}
	b.Close()
	var requests, dotted, compressed atomic.Int32
	fileServer := http.FileServer(http.Dir(www))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		if r.Header.Get("Accept-Encoding") != "identity" {
			compressed.Add(1)
		}
		// A hardened server refuses paths that start with a dot.
		if strings.Contains(r.URL.Path, "/.") {
			dotted.Add(1)
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		fileServer.ServeHTTP(w, r)
	}))
	defer srv.Close()
	write := func(name, data string) { os.WriteFile(filepath.Join(www, name), []byte(data), 0o644) }
	checkTarget(t, public, key, deploy.VerifyOptions{URL: srv.URL + "/"}, write, nil)
	if dotted.Load() != 0 || compressed.Load() != 0 {
		t.Errorf("%d requests for dot paths, %d without Accept-Encoding: identity", dotted.Load(), compressed.Load())
	}
	// A sample reads the home page, the column fronts and N others.
	requests.Store(0)
	m := mustManifest(t, public)
	rep, err := deploy.Verify(context.Background(), deploy.VerifyOptions{Manifest: m, URL: srv.URL + "/", Sample: 2})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Checked != 4 { // index.html, zhengce/index.html and two others
		t.Errorf("sample checked %d files", rep.Checked)
	}
	if requests.Load() != 4 {
		t.Errorf("sample made %d requests", requests.Load())
	}
	srv.Close()
	_, err = deploy.Verify(context.Background(), deploy.VerifyOptions{Manifest: m, URL: srv.URL + "/"})
	if !errors.Is(err, deploy.ErrUnreachable) {
		t.Errorf("closed server: %v", err)
	}
}

func TestVerifyBucket(t *testing.T) {
	srv := fazhitestStart(t, "www")
	c := client(srv)
	tg := s3Target(t, srv, "www", "site")
	public := filepath.Join(t.TempDir(), "public")
	key := signedBuild(t, public)
	b, _ := deploy.OpenBuild(public)
	if _, err := deploy.Run(context.Background(), deploy.Options{Build: b, Target: tg}); err != nil {
		t.Fatal(err)
	}
	b.Close()
	write := func(name, data string) { put(t, c, "www", "site/"+name, data) }
	checkTarget(t, public, key, deploy.VerifyOptions{Target: tg}, write, write)
}

func TestVerifySM2AndSM3(t *testing.T) {
	root := t.TempDir()
	public, www := filepath.Join(root, "public"), filepath.Join(root, "www")
	priv, pub, err := sign.Generate(sign.SM2)
	if err != nil {
		t.Fatal(err)
	}
	k, _ := sign.ParseKey(priv)
	pk, _ := sign.ParsePublicKey(pub)
	out, err := publish.OpenDir(public)
	if err != nil {
		t.Fatal(err)
	}
	out.SetMeta(publish.Meta{Sequence: 1, Signature: sign.SM2, SM3: true}, k.Sign)
	for name, data := range site() {
		out.WriteFile(name, []byte(data))
	}
	if _, err := out.Commit(); err != nil {
		t.Fatal(err)
	}
	b, _ := deploy.OpenBuild(public)
	tg, _ := deploy.ParseTarget("file://" + www)
	if _, err := deploy.Run(context.Background(), deploy.Options{Build: b, Target: tg}); err != nil {
		t.Fatal(err)
	}
	b.Close()
	if got := verify(t, deploy.VerifyOptions{Target: tg, Key: pk}, public); len(got) != 0 {
		t.Errorf("clean: %v", got)
	}
	// A manifest whose SM3 digest was altered (and so its signature):
	// verify compares the SM3 digests too.
	mp := filepath.Join(public, publish.ManifestName)
	raw, _ := os.ReadFile(mp)
	want := publish.SM3([]byte(site()["sitemap.xml"]))
	edited := strings.Replace(string(raw), want, strings.Repeat("0", 64), 1)
	if edited == string(raw) {
		t.Fatal("no SM3 digest in the manifest")
	}
	os.WriteFile(mp, []byte(edited), 0o644)
	got := verify(t, deploy.VerifyOptions{Target: tg, Key: pk}, public)
	wantF := []deploy.Finding{
		{Kind: deploy.Signature, Path: publish.ManifestName, Detail: sign.ErrBadSignature.Error()},
		{Kind: deploy.Changed, Path: publish.ManifestName},
		{Kind: deploy.Changed, Path: "sitemap.xml", Detail: "SM3 摘要不符 (SM3 digest differs)"},
	}
	if !reflect.DeepEqual(got, wantF) {
		t.Errorf("edited SM3:\n%v\nwant\n%v", got, wantF)
	}
}
