// Package publish is the only writer to disk. A build writes a complete
// new tree beside the destination and puts it in place only when every
// step succeeded, so a failed or killed build leaves the previous output
// exactly as it was. Files whose content did not change are hard-linked
// from the previous output, keeping their modification times, so that
// rsync and object-store sync move only what changed.
package publish

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"sort"
	"strings"
	"sync"
)

// Publisher receives the files of one build.
type Publisher interface {
	// WriteFile stores data at name, a slash-separated relative path.
	// It is safe for concurrent use. The caller may reuse data once it
	// returns (the search indexer passes its index through one buffer).
	WriteFile(name string, data []byte) error
	// Commit puts the new tree in place and returns what changed.
	Commit() (*Result, error)
	// Abort drops everything written; the previous output stays.
	Abort() error
}

// ManifestName is the output manifest's file name at the output root.
const ManifestName = ".fazhi-manifest.json"

// Entry describes one output file.
type Entry struct {
	Path string `json:"path"`
	Size int64  `json:"size"`
	Hash string `json:"sha256"`
	// Stamp, when not zero, is the file's status as a Dir wrote it (see
	// Stamp); it is not part of the manifest.
	Stamp Stamp `json:"-"`
}

// Manifest lists every output file with its size and content hash.
type Manifest struct {
	Meta
	Files []Entry `json:"files"`
	// SM3 maps each path to its hex SM3 digest, when Meta.SM3 is set.
	SM3 map[string]string `json:"sm3,omitempty"`
}

// Result tells what a commit changed against the previous output.
type Result struct {
	Files     int      // files in the new output (without the manifest)
	Written   []string // new or changed files
	Unchanged int      // files kept from the previous output
	Removed   []string // files of the previous output that are gone
}

// Hash returns the hex SHA-256 of data.
func Hash(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}

// CheckName rejects a path that is absolute, empty or leaves the root.
func CheckName(name string) error {
	if name == "" || strings.HasPrefix(name, "/") || strings.Contains(name, "\\") || strings.ContainsRune(name, 0) {
		return fmt.Errorf("输出路径「%s」无效 (invalid output path)", name)
	}
	if path.Clean(name) != name {
		return fmt.Errorf("输出路径「%s」无效：不能含有「..」或多余的斜杠 (output path escapes the destination)", name)
	}
	for _, seg := range strings.Split(name, "/") {
		if seg == ".." || seg == "." {
			return fmt.Errorf("输出路径「%s」会写到输出文件夹之外 (output path escapes the destination)", name)
		}
	}
	return nil
}

// manifestBytes encodes entries sorted by path.
func manifestBytes(m map[string]Entry) []byte {
	return encodeManifest(Meta{}, m, nil)
}

// Mem is an in-memory Publisher for tests and `fazhi serve`.
type Mem struct {
	mu    sync.Mutex
	files map[string][]byte
	prev  map[string][]byte
}

// NewMem returns an empty in-memory publisher. prev, when not nil, is the
// previous output used to compute the Result.
func NewMem(prev map[string][]byte) *Mem {
	return &Mem{files: map[string][]byte{}, prev: prev}
}

// WriteFile stores a copy of data.
func (m *Mem) WriteFile(name string, data []byte) error {
	if err := CheckName(name); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, dup := m.files[name]; dup {
		return fmt.Errorf("输出文件「%s」被写了两次：两个页面或文件占用了同一个网址 (duplicate output)", name)
	}
	m.files[name] = append([]byte(nil), data...)
	return nil
}

// Commit adds the manifest and reports changes against prev.
func (m *Mem) Commit() (*Result, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	entries := map[string]Entry{}
	r := &Result{Files: len(m.files)}
	for name, data := range m.files {
		entries[name] = Entry{Path: name, Size: int64(len(data)), Hash: Hash(data)}
		if old, ok := m.prev[name]; ok && string(old) == string(data) {
			r.Unchanged++
		} else {
			r.Written = append(r.Written, name)
		}
	}
	for name := range m.prev {
		if _, ok := m.files[name]; !ok && name != ManifestName {
			r.Removed = append(r.Removed, name)
		}
	}
	m.files[ManifestName] = manifestBytes(entries)
	sort.Strings(r.Written)
	sort.Strings(r.Removed)
	return r, nil
}

// Abort drops the files.
func (m *Mem) Abort() error {
	m.mu.Lock()
	m.files = map[string][]byte{}
	m.mu.Unlock()
	return nil
}

// Files returns the stored files (do not modify).
func (m *Mem) Files() map[string][]byte {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.files
}
