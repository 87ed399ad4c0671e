package search

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// batchCache keeps each batch's index between builds in one folder (the
// build cache's search/ folder): an entry b<i>-of-<n>/ per batch, with
// entry.json (the batch key and every file's SHA-256) and the files under
// files/. A batch whose key is unchanged is copied from here instead of
// indexed again. An entry that does not check out (missing, edited or
// half-written file, symlink, other key) is ignored and rewritten.
type batchCache struct{ dir string }

const cacheEntryFile = "entry.json"

type cacheEntry struct {
	Key   string       `json:"key"`
	Files []cachedFile `json:"files"`
}

type cachedFile struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
}

// indexFile is one file of a batch's Pagefind output.
type indexFile struct {
	name string // slash-separated, relative to the output folder
	data []byte
}

func entryName(i, n int) string { return "b" + strconv.Itoa(i) + "-of-" + strconv.Itoa(n) }

// load returns batch i of n's files when the cache holds them for key.
// The error says why an entry that exists was not used.
func (c batchCache) load(i, n int, key string) ([]indexFile, error) {
	if c.dir == "" {
		return nil, nil
	}
	dir := filepath.Join(c.dir, entryName(i, n))
	raw, err := readRegular(filepath.Join(dir, cacheEntryFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var e cacheEntry
	if err := json.Unmarshal(raw, &e); err != nil {
		return nil, fmt.Errorf("%s 无法解析 (unreadable): %w", filepath.Join(dir, cacheEntryFile), err)
	}
	if e.Key != key {
		return nil, nil // the batch's pages changed
	}
	files := make([]indexFile, 0, len(e.Files))
	for _, f := range e.Files {
		if !fs.ValidPath(f.Name) {
			return nil, fmt.Errorf("%s 中有无效的文件名 %q (bad file name)", dir, f.Name)
		}
		data, err := readRegular(filepath.Join(dir, "files", filepath.FromSlash(f.Name)))
		if err != nil {
			return nil, err
		}
		if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != f.SHA256 {
			return nil, fmt.Errorf("缓存文件 %s 已被改动 (cached file changed)", filepath.Join(dir, "files", f.Name))
		}
		files = append(files, indexFile{f.Name, data})
	}
	return files, nil
}

// readRegular reads a regular file, refusing symlinks and other kinds.
func readRegular(name string) ([]byte, error) {
	st, err := os.Lstat(name)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("缓存中的 %s 不是普通文件 (not a regular file)", name)
	}
	return os.ReadFile(name)
}

// store writes batch i of n's files for key. The entry is written to a
// temporary folder and renamed into place, so a build killed meanwhile
// leaves the old entry, no entry, or the new one, never a mix; a leftover
// temporary folder is removed by the next build (clean).
func (c batchCache) store(i, n int, key string, files []indexFile) error {
	if c.dir == "" {
		return nil
	}
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(c.dir, tmpPrefix)
	if err != nil {
		return err
	}
	e := cacheEntry{Key: key}
	for _, f := range files {
		p := filepath.Join(tmp, "files", filepath.FromSlash(f.name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			os.RemoveAll(tmp)
			return err
		}
		if err := os.WriteFile(p, f.data, 0o644); err != nil {
			os.RemoveAll(tmp)
			return err
		}
		sum := sha256.Sum256(f.data)
		e.Files = append(e.Files, cachedFile{f.name, hex.EncodeToString(sum[:])})
	}
	raw, _ := json.Marshal(e)
	// entry.json is written last: a folder without it is not an entry.
	if err := os.WriteFile(filepath.Join(tmp, cacheEntryFile), raw, 0o644); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	final := filepath.Join(c.dir, entryName(i, n))
	if err := removeOwn(final); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	return os.Rename(tmp, final)
}

const tmpPrefix = ".tmp-"

// clean removes the cache's entries that the current split into n
// batches does not use and temporary folders of killed builds. It removes
// only names it writes itself.
func (c batchCache) clean(n int) error {
	if c.dir == "" {
		return nil
	}
	ents, err := os.ReadDir(c.dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range ents {
		name := e.Name()
		if strings.HasPrefix(name, tmpPrefix) || isEntryName(name) && !strings.HasSuffix(name, "-of-"+strconv.Itoa(n)) {
			if err := removeOwn(filepath.Join(c.dir, name)); err != nil {
				return err
			}
		}
	}
	return nil
}

// isEntryName reports whether name is b<i>-of-<n>.
func isEntryName(name string) bool {
	a, b, ok := strings.Cut(strings.TrimPrefix(name, "b"), "-of-")
	if !ok || !strings.HasPrefix(name, "b") {
		return false
	}
	_, e1 := strconv.Atoi(a)
	_, e2 := strconv.Atoi(b)
	return e1 == nil && e2 == nil
}

// removeOwn removes a cache entry folder; a symlink put in its place is
// removed itself, never followed.
func removeOwn(p string) error {
	st, err := os.Lstat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !st.IsDir() {
		return os.Remove(p)
	}
	return os.RemoveAll(p)
}

// joinBundle is the output path of file name of the bundle at prefix.
func joinBundle(prefix, name string) string { return path.Join(Dir, prefix, name) }
