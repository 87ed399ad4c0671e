package publish

import (
	"testing"
)

// FuzzParseManifest: an accepted manifest lists only valid, distinct
// paths with well-formed hashes.
func FuzzParseManifest(f *testing.F) {
	f.Add([]byte(`{"sequence":3,"files":[{"path":"index.html","size":1,"sha256":"` + Hash([]byte("x")) + `"}]}`))
	f.Add([]byte(`{"files":[{"path":"../x","size":1,"sha256":""}]}`))
	f.Add([]byte(`{"files":[],"sm3":{"a":"b"}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := ParseManifest(b)
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, e := range m.Files {
			if CheckName(e.Path) != nil || seen[e.Path] || len(e.Hash) != 64 || e.Size < 0 {
				t.Fatalf("accepted bad entry %+v", e)
			}
			seen[e.Path] = true
		}
	})
}
