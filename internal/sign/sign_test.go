package sign

import (
	"errors"
	"regexp"
	"strings"
	"testing"
)

func TestSignAndVerify(t *testing.T) {
	for _, alg := range []string{Ed25519, SM2} {
		t.Run(alg, func(t *testing.T) { testSignAndVerify(t, alg) })
	}
}

func testSignAndVerify(t *testing.T, alg string) {
	priv, pub, err := Generate(alg)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{priv, pub} {
		if !regexp.MustCompile(`^` + alg + `:[A-Za-z0-9+/]+=*\n$`).MatchString(s) {
			t.Errorf("key text %q is not one line of %s:base64", s, alg)
		}
	}
	k, err := ParseKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	p, err := ParsePublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	msg := []byte(`{"files":[]}` + "\n")
	sig, err := k.Sign(msg)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Verify(msg, sig); err != nil {
		t.Errorf("verify: %v", err)
	}
	edited := append([]byte(nil), msg...)
	edited[3] ^= 1
	if err := p.Verify(edited, sig); !errors.Is(err, ErrBadSignature) {
		t.Errorf("edited manifest: err = %v", err)
	}
	for _, a := range []string{Ed25519, SM2} {
		_, other, _ := Generate(a)
		po, _ := ParsePublicKey(other)
		if err := po.Verify(msg, sig); !errors.Is(err, ErrBadSignature) {
			t.Errorf("other %s key: err = %v", a, err)
		}
	}
	if k.Algorithm() != alg || p.Algorithm() != alg {
		t.Errorf("algorithms %s %s", k.Algorithm(), p.Algorithm())
	}
	if err := p.Verify(msg, []byte("***")); err == nil || !strings.Contains(err.Error(), "不是 base64") {
		t.Errorf("garbage signature: err = %v", err)
	}
}

func TestParseErrors(t *testing.T) {
	for in, msg := range map[string]string{
		"":             "应写成「ed25519:」或「sm2:」加 base64",
		"ed25519:***":  "base64 部分无效",
		"ed25519:AAAA": "长度不对",
		"rsa:AAAA":     "不支持",
	} {
		if _, err := ParseKey(in); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("ParseKey(%q) = %v, want %q", in, err, msg)
		}
	}
}

// FuzzParseKeys: parsing never panics, and an accepted key signs and
// verifies (private) or rejects a garbage signature (public).
func FuzzParseKeys(f *testing.F) {
	priv, pub, _ := Generate(Ed25519)
	f.Add(priv)
	f.Add(pub)
	priv, pub, _ = Generate(SM2)
	f.Add(priv)
	f.Add(pub)
	f.Add("sm2:AAAA")
	f.Fuzz(func(t *testing.T, s string) {
		if k, err := ParseKey(s); err == nil {
			if _, err := k.Sign([]byte("m")); err != nil {
				t.Fatalf("%q: sign: %v", s, err)
			}
		}
		if p, err := ParsePublicKey(s); err == nil {
			if p.Verify([]byte("m"), []byte("AAAA")) == nil {
				t.Fatalf("%q: garbage signature verified", s)
			}
		}
	})
}
