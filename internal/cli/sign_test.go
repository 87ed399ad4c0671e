package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fazhi-dev/fazhi/internal/sign"
)

func TestKeygen(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	code, stdout, stderr := run(t, "keygen", "keys/site")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	priv, _ := os.ReadFile("keys/site.key")
	pub, _ := os.ReadFile("keys/site.pub")
	if !strings.HasPrefix(string(priv), "ed25519:") || strings.Count(string(priv), "\n") != 1 || !strings.HasPrefix(string(pub), "ed25519:") {
		t.Fatalf("keys: %q %q", priv, pub)
	}
	if st, _ := os.Stat("keys/site.key"); st.Mode().Perm() != 0o600 {
		t.Errorf("private key mode %v", st.Mode())
	}
	if !strings.Contains(stdout, "publicKey = \""+strings.TrimSpace(string(pub))+"\"") || !strings.Contains(stdout, "FAZHI_SIGNING_KEY") {
		t.Errorf("stdout: %s", stdout)
	}
	code, _, stderr = run(t, "keygen", "keys/site")
	if code != 2 || !strings.Contains(stderr, "「keys/site.key」已存在，不会覆盖") {
		t.Errorf("second keygen: %d %s", code, stderr)
	}
	if after, _ := os.ReadFile("keys/site.key"); string(after) != string(priv) {
		t.Error("private key overwritten")
	}
	if code, _, _ := run(t, "keygen"); code != 2 {
		t.Errorf("keygen without a name: exit %d", code)
	}
}

func TestManifestMeta(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "site.toml"), []byte("title = \"x\"\nbaseURL = \"https://fzj.example.gov.cn/\"\n[identity]\nsiteCode = \"3301000001\"\n"), 0o644)
	now := time.Date(2026, 12, 1, 9, 30, 15, 500, time.UTC)
	t.Setenv(sign.EnvVar, "")
	meta, signer, err := manifestMeta(dir, "", now, 0)
	if err != nil || signer != nil {
		t.Fatalf("meta: %v %v", err, signer)
	}
	if meta.Sequence != now.Unix() || meta.BaseURL != "https://fzj.example.gov.cn/" || meta.SiteCode != "3301000001" ||
		!meta.Built.Equal(now.Truncate(time.Second)) || !strings.HasPrefix(meta.Generator, "fazhi ") {
		t.Errorf("meta: %+v", meta)
	}
	meta, _, _ = manifestMeta(dir, "https://other.example.gov.cn/", now, 42)
	if meta.Sequence != 42 || meta.BaseURL != "https://other.example.gov.cn/" {
		t.Errorf("meta with flags: %+v", meta)
	}
	priv, pub, _ := sign.Generate(sign.Ed25519)
	t.Setenv(sign.EnvVar, priv)
	_, signer, err = manifestMeta(dir, "", now, 0)
	if err != nil || signer == nil {
		t.Fatalf("signer: %v", err)
	}
	sig, _ := signer([]byte("manifest"))
	pk, _ := sign.ParsePublicKey(pub)
	if err := pk.Verify([]byte("manifest"), sig); err != nil {
		t.Error(err)
	}
	t.Setenv(sign.EnvVar, "ed25519:AAAA")
	if _, _, err := manifestMeta(dir, "", now, 0); err == nil || !strings.Contains(err.Error(), "FAZHI_SIGNING_KEY") {
		t.Errorf("bad key: %v", err)
	}
}
