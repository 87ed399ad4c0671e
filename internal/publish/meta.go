package publish

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/emmansun/gmsm/sm3"
)

// SignatureName is the file beside the manifest that holds the base64
// signature over the manifest's exact bytes.
const SignatureName = ManifestName + ".sig"

// Meta describes the build a manifest comes from. A zero Meta adds
// nothing to the manifest.
type Meta struct {
	// Generator names the program and its version, "fazhi v1.2.0".
	Generator string `json:"generator,omitempty"`
	// Built is the build time (--now).
	Built *time.Time `json:"built,omitempty"`
	// BaseURL is the site's public address.
	BaseURL string `json:"baseURL,omitempty"`
	// SiteCode is the 网站标识码.
	SiteCode string `json:"siteCode,omitempty"`
	// Sequence grows with every build; a deploy refuses to replace a
	// target's manifest with one of a lower sequence.
	Sequence int64 `json:"sequence,omitempty"`
	// Signature names the algorithm of the signature file ("ed25519",
	// "sm2"), when the build is signed.
	Signature string `json:"signature,omitempty"`
	// SM3 adds each file's SM3 digest to the manifest, beside SHA-256,
	// for sites under 商用密码 assessment.
	SM3 bool `json:"-"`
}

// SM3 returns the hex SM3 digest of data.
func SM3(data []byte) string {
	h := sm3.Sum(data)
	return hex.EncodeToString(h[:])
}

// addSM3 records the SM3 digest of every staged file when Meta.SM3 is
// set; the caller holds d.mu after stop.
func (d *Dir) addSM3() error {
	d.sm3 = nil
	if !d.meta.SM3 {
		return nil
	}
	d.sm3 = make(map[string]string, len(d.entries))
	for name := range d.entries {
		b, err := os.ReadFile(filepath.Join(d.staging, filepath.FromSlash(name)))
		if err != nil {
			return err
		}
		d.sm3[name] = SM3(b)
	}
	return nil
}

// Signer signs a manifest's bytes and returns the text of the signature
// file (base64 and a newline).
type Signer func(manifest []byte) ([]byte, error)

// ParseManifest decodes a manifest and checks that its paths are valid
// and listed once.
func ParseManifest(b []byte) (*Manifest, error) {
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("清单 %s 无法解析：%v (manifest is not valid JSON)", ManifestName, err)
	}
	seen := make(map[string]bool, len(m.Files))
	for _, e := range m.Files {
		if err := CheckName(e.Path); err != nil {
			return nil, fmt.Errorf("清单 %s：%v", ManifestName, err)
		}
		if e.Path == ManifestName || e.Path == SignatureName || seen[e.Path] {
			return nil, fmt.Errorf("清单 %s 中的「%s」重复或不应列出 (duplicate manifest entry)", ManifestName, e.Path)
		}
		if len(e.Hash) != 64 || e.Size < 0 || (m.SM3 != nil && len(m.SM3[e.Path]) != 64) {
			return nil, fmt.Errorf("清单 %s 中「%s」的大小或哈希无效 (bad manifest entry)", ManifestName, e.Path)
		}
		seen[e.Path] = true
	}
	return &m, nil
}

// encodeManifest encodes entries sorted by path, with the build's
// description first.
func encodeManifest(meta Meta, m map[string]Entry, sm3 map[string]string) []byte {
	es := make([]Entry, 0, len(m))
	for _, e := range m {
		es = append(es, e)
	}
	sort.Slice(es, func(i, j int) bool { return es[i].Path < es[j].Path })
	b, _ := json.MarshalIndent(Manifest{Meta: meta, Files: es, SM3: sm3}, "", " ")
	return append(b, '\n')
}
