// Package sign makes and checks the signature of a build's manifest. Keys
// are one-line texts, "ed25519:" followed by base64, so that a private key
// fits a masked CI variable; the signature file holds the base64 of the
// signature over the manifest's exact bytes.
package sign

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/emmansun/gmsm/sm2"
)

// Algorithms.
const (
	Ed25519 = "ed25519"
	// SM2 signs with SM2 over the SM3 digest of the message and the
	// default user ID (GB/T 32918.2-2016, GM/T 0009), for sites under
	// 商用密码 assessment.
	SM2 = "sm2"
)

// EnvVar holds the private key's text for `fazhi build`.
const EnvVar = "FAZHI_SIGNING_KEY"

// ErrBadSignature means that a signature does not match the manifest.
var ErrBadSignature = errors.New("签名与清单不符：清单在签名后被改动，或签名用的不是这把密钥 (signature does not match the manifest)")

// Key is a private key.
type Key struct {
	alg string
	ed  ed25519.PrivateKey
	sm  *sm2.PrivateKey
}

// PublicKey is a public key.
type PublicKey struct {
	alg string
	ed  ed25519.PublicKey
	sm  *ecdsa.PublicKey
}

// Generate makes a key pair of the algorithm and returns the texts of the
// private and public key files (each one line, with a newline).
func Generate(alg string) (priv, pub string, err error) {
	switch alg {
	case Ed25519, "":
		pk, sk, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			return "", "", err
		}
		return encode(Ed25519, sk.Seed()), encode(Ed25519, pk), nil
	case SM2:
		k, err := sm2.GenerateKey(rand.Reader)
		if err != nil {
			return "", "", err
		}
		return encode(SM2, k.D.FillBytes(make([]byte, 32))), encode(SM2, elliptic.Marshal(sm2.P256(), k.X, k.Y)), nil
	}
	return "", "", unknownAlg(alg)
}

func encode(alg string, b []byte) string {
	return alg + ":" + base64.StdEncoding.EncodeToString(b) + "\n"
}

func unknownAlg(alg string) error {
	return fmt.Errorf("签名算法「%s」不支持，应为 \"ed25519\" 或 \"sm2\" (unknown signature algorithm)", alg)
}

// decode splits "alg:base64" into its parts.
func decode(text, what string) (string, []byte, error) {
	alg, b64, ok := strings.Cut(strings.TrimSpace(text), ":")
	if !ok {
		return "", nil, fmt.Errorf("%s应写成「ed25519:」或「sm2:」加 base64 的一行文字 (malformed key)", what)
	}
	b, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		return "", nil, fmt.Errorf("%s的 base64 部分无效：%v (malformed key)", what, err)
	}
	return alg, b, nil
}

// ParseKey reads a private key's text.
func ParseKey(text string) (*Key, error) {
	alg, b, err := decode(text, "私钥")
	if err != nil {
		return nil, err
	}
	switch alg {
	case Ed25519:
		if len(b) != ed25519.SeedSize {
			return nil, fmt.Errorf("私钥长度不对：应为 %d 字节，实为 %d 字节 (bad private key)", ed25519.SeedSize, len(b))
		}
		return &Key{alg: alg, ed: ed25519.NewKeyFromSeed(b)}, nil
	case SM2:
		c := sm2.P256()
		d := new(big.Int).SetBytes(b)
		if len(b) != 32 || d.Sign() == 0 || d.Cmp(c.Params().N) >= 0 {
			return nil, fmt.Errorf("SM2 私钥无效：应为 32 字节的私钥数 (bad SM2 private key)")
		}
		k := new(sm2.PrivateKey)
		k.Curve, k.D = c, d
		k.X, k.Y = c.ScalarBaseMult(b)
		return &Key{alg: alg, sm: k}, nil
	}
	return nil, unknownAlg(alg)
}

// ParsePublicKey reads a public key's text.
func ParsePublicKey(text string) (*PublicKey, error) {
	alg, b, err := decode(text, "公钥")
	if err != nil {
		return nil, err
	}
	switch alg {
	case Ed25519:
		if len(b) != ed25519.PublicKeySize {
			return nil, fmt.Errorf("公钥长度不对：应为 %d 字节，实为 %d 字节 (bad public key)", ed25519.PublicKeySize, len(b))
		}
		return &PublicKey{alg: alg, ed: ed25519.PublicKey(b)}, nil
	case SM2:
		x, y := elliptic.Unmarshal(sm2.P256(), b)
		if x == nil {
			return nil, fmt.Errorf("SM2 公钥无效：应为 65 字节的未压缩点 (bad SM2 public key)")
		}
		return &PublicKey{alg: alg, sm: &ecdsa.PublicKey{Curve: sm2.P256(), X: x, Y: y}}, nil
	}
	return nil, unknownAlg(alg)
}

// Algorithm returns the key's algorithm name.
func (k *Key) Algorithm() string { return k.alg }

// Algorithm returns the key's algorithm name.
func (p *PublicKey) Algorithm() string { return p.alg }

// Sign returns the signature file's text for msg.
func (k *Key) Sign(msg []byte) ([]byte, error) {
	var sig []byte
	switch k.alg {
	case Ed25519:
		sig = ed25519.Sign(k.ed, msg)
	case SM2:
		var err error
		if sig, err = k.sm.Sign(rand.Reader, msg, sm2.NewSM2SignerOption(true, nil)); err != nil {
			return nil, err
		}
	default:
		return nil, unknownAlg(k.alg)
	}
	return []byte(base64.StdEncoding.EncodeToString(sig) + "\n"), nil
}

// Verify checks the signature file's text sigFile against msg.
func (p *PublicKey) Verify(msg, sigFile []byte) error {
	sig, err := base64.StdEncoding.DecodeString(strings.TrimSpace(string(sigFile)))
	if err != nil {
		return fmt.Errorf("签名文件不是 base64：%v (malformed signature)", err)
	}
	switch p.alg {
	case Ed25519:
		if !ed25519.Verify(p.ed, msg, sig) {
			return ErrBadSignature
		}
		return nil
	case SM2:
		if !sm2.VerifyASN1WithSM2(p.sm, nil, msg, sig) {
			return ErrBadSignature
		}
		return nil
	}
	return unknownAlg(p.alg)
}
