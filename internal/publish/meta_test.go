package publish

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestManifestMetaAndSignature(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	d, err := OpenDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	built := time.Date(2026, 12, 1, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))
	var signed []byte
	d.SetMeta(Meta{Generator: "fazhi v1.0.0", Built: &built, BaseURL: "https://x.gov.cn/", SiteCode: "1234000001", Sequence: 7},
		func(m []byte) ([]byte, error) { signed = m; return []byte("c2ln\n"), nil })
	d.WriteFile("index.html", []byte("home"))
	if _, err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	mb, _ := os.ReadFile(filepath.Join(dest, ManifestName))
	want := `{
 "generator": "fazhi v1.0.0",
 "built": "2026-12-01T09:00:00+08:00",
 "baseURL": "https://x.gov.cn/",
 "siteCode": "1234000001",
 "sequence": 7,
 "files": [
  {
   "path": "index.html",`
	if !strings.HasPrefix(string(mb), want) {
		t.Errorf("manifest:\n%s", mb)
	}
	if string(signed) != string(mb) {
		t.Error("the signer did not get the manifest's exact bytes")
	}
	if sig, _ := os.ReadFile(filepath.Join(dest, SignatureName)); string(sig) != "c2ln\n" {
		t.Errorf("signature file %q", sig)
	}
	m, err := ParseManifest(mb)
	if err != nil || m.Sequence != 7 || len(m.Files) != 1 || m.Files[0].Path != "index.html" {
		t.Errorf("ParseManifest: %+v %v", m, err)
	}
	for in, msg := range map[string]string{
		`{"files":[{"path":"../x","size":1,"sha256":"` + strings.Repeat("0", 64) + `"}]}`: "输出文件夹之外",
		`{"files":[{"path":"a","size":1,"sha256":"00"}]}`:                                 "大小或哈希无效",
		`{"files":`: "无法解析",
	} {
		if _, err := ParseManifest([]byte(in)); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("ParseManifest(%s) = %v, want %q", in, err, msg)
		}
	}
}

func TestManifestSM3(t *testing.T) {
	// GB/T 32905-2016 appendix A.1.
	if got := SM3([]byte("abc")); got != "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0" {
		t.Fatalf("SM3(abc) = %s", got)
	}
	dest := filepath.Join(t.TempDir(), "public")
	d, err := OpenDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	d.SetMeta(Meta{Signature: "sm2", SM3: true}, nil)
	d.WriteFile("a.txt", []byte("abc"))
	d.WriteFile("b/index.html", []byte("首页"))
	if _, err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	mb, _ := os.ReadFile(filepath.Join(dest, ManifestName))
	m, err := ParseManifest(mb)
	if err != nil {
		t.Fatal(err)
	}
	if m.Signature != "sm2" || len(m.SM3) != 2 || m.SM3["a.txt"] != SM3([]byte("abc")) || m.SM3["b/index.html"] != SM3([]byte("首页")) {
		t.Errorf("manifest:\n%s", mb)
	}
	if !strings.Contains(string(mb), "\"sm3\": {\n  \"a.txt\": \"66c7f0f4") {
		t.Errorf("manifest:\n%s", mb)
	}
	if _, err := ParseManifest([]byte(strings.Replace(string(mb), `"a.txt": "66c7f0f4`, `"a.txt": "6`, 1))); err == nil {
		t.Error("a short SM3 digest is accepted")
	}
}
