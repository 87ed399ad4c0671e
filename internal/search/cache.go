package search

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
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

func entryName(i, n int) string { return "b" + strconv.Itoa(i) + "-of-" + strconv.Itoa(n) }

// cachedBatch is a batch's entry in the cache whose files were checked.
type cachedBatch struct {
	dir   string
	files []cachedFile
}

// load returns batch i of n's entry when the cache holds it for key,
// after checking every file against its hash. The files are streamed
// through buf, so that loading never holds a batch's index in memory.
// The error says why an entry that exists was not used.
func (c batchCache) load(i, n int, key string, buf *[]byte) (*cachedBatch, error) {
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
	cb := &cachedBatch{dir: dir, files: e.Files}
	for _, f := range e.Files {
		if !fs.ValidPath(f.Name) {
			return nil, fmt.Errorf("%s 中有无效的文件名 %q (bad file name)", dir, f.Name)
		}
		if _, err := cb.read(f, buf); err != nil {
			return nil, err
		}
	}
	return cb, nil
}

// read reads one file of the entry into *buf (grown as needed) and
// checks it against its hash.
func (cb *cachedBatch) read(f cachedFile, buf *[]byte) ([]byte, error) {
	name := filepath.Join(cb.dir, "files", filepath.FromSlash(f.Name))
	data, err := readRegularInto(name, buf)
	if err != nil {
		return nil, err
	}
	if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != f.SHA256 {
		return nil, fmt.Errorf("缓存文件 %s 已被改动 (cached file changed)", name)
	}
	return data, nil
}

// each calls fn with every file of the entry, in order, read through
// buf; data is valid only until fn returns.
func (cb *cachedBatch) each(buf *[]byte, fn func(name string, data []byte) error) error {
	for _, f := range cb.files {
		data, err := cb.read(f, buf)
		if err != nil {
			return err
		}
		if err := fn(f.Name, data); err != nil {
			return err
		}
	}
	return nil
}

// readRegularInto reads a regular file into *buf, refusing symlinks and
// other kinds.
func readRegularInto(name string, buf *[]byte) ([]byte, error) {
	st, err := os.Lstat(name)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("缓存中的 %s 不是普通文件 (not a regular file)", name)
	}
	return readInto(name, buf)
}

// readInto reads the file name into *buf, growing it once to the file's
// size when it is smaller, and returns the bytes read.
func readInto(name string, buf *[]byte) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := int(st.Size())
	if cap(*buf) < size {
		*buf = make([]byte, 0, size+size/4)
	}
	data := (*buf)[:size]
	if _, err := io.ReadFull(f, data); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var one [1]byte
	if n, _ := f.Read(one[:]); n > 0 {
		return nil, fmt.Errorf("%s 在读取时被改动 (changed while being read)", name)
	}
	return data, nil
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

// cacheWriter writes one batch's entry. The entry is written to a
// temporary folder and renamed into place by commit, so a build killed
// meanwhile leaves the old entry, no entry, or the new one, never a mix; a
// leftover temporary folder is removed by the next build (clean).
type cacheWriter struct {
	c   batchCache
	tmp string
	e   cacheEntry
	err error
}

// begin starts writing an entry; with no cache folder it writes nothing.
func (c batchCache) begin() *cacheWriter {
	w := &cacheWriter{c: c}
	if c.dir == "" {
		return w
	}
	if w.err = os.MkdirAll(c.dir, 0o755); w.err == nil {
		w.tmp, w.err = os.MkdirTemp(c.dir, tmpPrefix)
	}
	return w
}

// add writes one file of the batch's index.
func (w *cacheWriter) add(name string, data []byte) {
	if w.c.dir == "" || w.err != nil {
		return
	}
	p := filepath.Join(w.tmp, "files", filepath.FromSlash(name))
	if w.err = os.MkdirAll(filepath.Dir(p), 0o755); w.err != nil {
		return
	}
	if w.err = os.WriteFile(p, data, 0o644); w.err != nil {
		return
	}
	sum := sha256.Sum256(data)
	w.e.Files = append(w.e.Files, cachedFile{name, hex.EncodeToString(sum[:])})
}

// commit puts the entry in place as batch i of n for key.
func (w *cacheWriter) commit(i, n int, key string) error {
	if w.c.dir == "" {
		return nil
	}
	if w.err != nil {
		w.abort()
		return w.err
	}
	w.e.Key = key
	raw, _ := json.Marshal(w.e)
	// entry.json is written last: a folder without it is not an entry.
	if err := os.WriteFile(filepath.Join(w.tmp, cacheEntryFile), raw, 0o644); err != nil {
		w.abort()
		return err
	}
	final := filepath.Join(w.c.dir, entryName(i, n))
	if err := removeOwn(final); err != nil {
		w.abort()
		return err
	}
	return os.Rename(w.tmp, final)
}

// abort removes the temporary folder.
func (w *cacheWriter) abort() {
	if w.tmp != "" {
		os.RemoveAll(w.tmp)
	}
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
