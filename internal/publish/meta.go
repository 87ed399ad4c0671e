package publish

import (
	"encoding/json"
	"fmt"
	"sort"
	"time"
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
		if len(e.Hash) != 64 || e.Size < 0 {
			return nil, fmt.Errorf("清单 %s 中「%s」的大小或哈希无效 (bad manifest entry)", ManifestName, e.Path)
		}
		seen[e.Path] = true
	}
	return &m, nil
}

// encodeManifest encodes entries sorted by path, with the build's
// description first.
func encodeManifest(meta Meta, m map[string]Entry) []byte {
	es := make([]Entry, 0, len(m))
	for _, e := range m {
		es = append(es, e)
	}
	sort.Slice(es, func(i, j int) bool { return es[i].Path < es[j].Path })
	b, _ := json.MarshalIndent(Manifest{Meta: meta, Files: es}, "", " ")
	return append(b, '\n')
}
