package scss

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"sync"
)

// CacheEnv names the environment variable that sets the folder for
// compiled CSS; "off" turns the cache off.
const CacheEnv = "FAZHI_CACHE_DIR"

// Cached is a Compiler that keeps compiled CSS in a folder on disk, keyed
// by every file under assets/ and by the compiler, and starts the real
// compiler only when the key is not there yet. Building the same theme
// again (every CI run with a kept cache, every restart of serve) then
// costs no Dart Sass process at all. Failed compiles are not kept.
type Cached struct {
	// Dir is the cache folder; it is created when needed.
	Dir string
	// Ident identifies the compiler, such as its path, size and time.
	Ident string
	// Start starts the real compiler on the first miss.
	Start func() (Compiler, error)

	mu   sync.Mutex
	next Lazy
}

// CacheDir returns the folder for compiled CSS: $FAZHI_CACHE_DIR, or
// fazhi/scss under the user's cache folder; "" when caching is off or no
// folder is known.
func CacheDir() string {
	if d := os.Getenv(CacheEnv); d != "" {
		if d == "off" {
			return ""
		}
		return filepath.Join(d, "scss")
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "fazhi", "scss")
}

// BinaryIdent identifies a compiler binary by path, size and modification
// time, so that a new Dart Sass gives new keys.
func BinaryIdent(binary string) string {
	st, err := os.Stat(binary)
	if err != nil {
		return binary
	}
	return binary + "|" + st.ModTime().UTC().String() + "|" + strconv.FormatInt(st.Size(), 10)
}

// Compile returns the cached CSS for entry, or compiles and keeps it.
func (c *Cached) Compile(fsys fs.FS, entry string) ([]byte, error) {
	key, err := c.key(fsys, entry)
	if err != nil {
		return c.compile(fsys, entry)
	}
	file := filepath.Join(c.Dir, key+".css")
	if css, err := os.ReadFile(file); err == nil {
		return css, nil
	}
	css, err := c.compile(fsys, entry)
	if err != nil {
		return nil, err
	}
	if os.MkdirAll(c.Dir, 0o755) == nil {
		if tmp, err := os.CreateTemp(c.Dir, ".tmp-*"); err == nil {
			_, werr := tmp.Write(css)
			if cerr := tmp.Close(); werr == nil && cerr == nil {
				_ = os.Rename(tmp.Name(), file)
			}
			os.Remove(tmp.Name())
		}
	}
	return css, nil
}

func (c *Cached) compile(fsys fs.FS, entry string) ([]byte, error) {
	c.mu.Lock()
	if c.next.Start == nil {
		c.next.Start = c.Start
	}
	c.mu.Unlock()
	return c.next.Compile(fsys, entry)
}

// key hashes the compiler, the entry and every file under assets/.
func (c *Cached) key(fsys fs.FS, entry string) (string, error) {
	h := sha256.New()
	h.Write([]byte(c.Ident + "\x00" + entry + "\x00"))
	if err := hashTree(h, fsys, "assets"); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Close stops the real compiler if it was started.
func (c *Cached) Close() error { return c.next.Close() }
