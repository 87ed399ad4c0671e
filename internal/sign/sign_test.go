package sign

import (
	"errors"
	"regexp"
	"strings"
	"testing"
)

func TestSignAndVerify(t *testing.T) {
	priv, pub, err := Generate("")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{priv, pub} {
		if !regexp.MustCompile(`^ed25519:[A-Za-z0-9+/]+=*\n$`).MatchString(s) {
			t.Errorf("key text %q is not one line of ed25519:base64", s)
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
	_, other, _ := Generate(Ed25519)
	po, _ := ParsePublicKey(other)
	if err := po.Verify(msg, sig); !errors.Is(err, ErrBadSignature) {
		t.Errorf("other key: err = %v", err)
	}
	if err := p.Verify(msg, []byte("***")); err == nil || !strings.Contains(err.Error(), "不是 base64") {
		t.Errorf("garbage signature: err = %v", err)
	}
}

func TestParseErrors(t *testing.T) {
	for in, msg := range map[string]string{
		"":             "应写成「ed25519:」加 base64",
		"ed25519:***":  "base64 部分无效",
		"ed25519:AAAA": "长度不对",
		"rsa:AAAA":     "不支持",
	} {
		if _, err := ParseKey(in); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("ParseKey(%q) = %v, want %q", in, err, msg)
		}
	}
}
