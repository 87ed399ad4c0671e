// Package buildcache is fazhi's persistent build cache (<site>/.fazhi-cache/):
// for each content page, the key of everything it showed when it was
// last rendered, the titles its body looked up, and the files it wrote;
// for each output file, what it was made from, so that minifying and
// compressing an unchanged file is never done twice.
//
// The cache holds only what the output already shows (a page's summary,
// the 《titles》 its body names, file names) and digests: never a page's
// source, data cells or anything masked. It is written whole, to a new
// file renamed over the old one, after the output it describes was put in
// place; a cache that does not read back (cut short, corrupt, another
// fazhi, another site or output folder) is ignored with a warning. A
// record is only ever a claim that the output's own bytes are checked
// against before they are carried forward, so even a cache that lies
// cannot put a stale or defaced file into the output.
package buildcache

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/fazhi-dev/fazhi/internal/publish"
)

// FileName is the cache file inside the cache folder.
const FileName = "build.cache"

// format changes whenever the records change meaning.
const format = 3

var magic = []byte("fazhi-build-cache\n")

// Page is what the cache knows of one content page's last rendering.
type Page struct {
	// Key is the digest of everything the page showed (see the build).
	Key Sum
	// Titles are the 《titles》 the body looked up, in order; Bodies the
	// content paths of other pages whose bodies it showed.
	Titles, Bodies []string
	// Summary is the summary rendering derived from the body.
	Summary string
	// Files are the files the page wrote (after minifying), with the
	// compressed copies made of them.
	Files []publish.Entry
	// BadUTF8 notes that the body had invalid UTF-8 (a warning).
	BadUTF8 bool
}

// Made is what an output file was made from: From is the digest of the
// bytes it was minified or compressed from.
type Made struct {
	From string
	publish.Entry
}

// Cache is the content of the cache file.
type Cache struct {
	Format  int
	Program string
	// Site and Dest are the site and output folders it was written for.
	Site, Dest string
	Pages      map[string]*Page
	// Lists are the list jobs' records (Key and Files), by job key.
	Lists map[string]*Page
	Made  map[string]Made
}

// New returns an empty cache for a build of site into dest.
func New(site, dest string) *Cache {
	return &Cache{Format: format, Program: Program(), Site: site, Dest: dest, Pages: map[string]*Page{}, Lists: map[string]*Page{}, Made: map[string]Made{}}
}

var program = sync.OnceValue(func() string {
	h := sha256.New()
	if exe, err := os.Executable(); err == nil {
		if f, err := os.Open(exe); err == nil {
			io.Copy(h, f)
			f.Close()
		}
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		h.Write([]byte(bi.String()))
	}
	return fmt.Sprintf("%x", h.Sum(nil))
})

// Program identifies the running fazhi: a digest of its executable, so
// that a cache written by any other build of fazhi is not trusted.
func Program() string { return program() }

// ErrIgnored wraps the reason a cache file was not used.
var ErrIgnored = errors.New("build cache ignored")

// Load reads the cache in dir written for site and dest. A missing cache
// returns an empty one and no error; one that cannot be used returns an
// empty one and an error saying why (a warning, not a failure).
func Load(dir, site, dest string) (*Cache, error) {
	c := New(site, dest)
	data, err := os.ReadFile(filepath.Join(dir, FileName))
	if errors.Is(err, os.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, fmt.Errorf("%w: %v", ErrIgnored, err)
	}
	rest, ok := bytes.CutPrefix(data, magic)
	if !ok || len(rest) < sha256.Size {
		return c, fmt.Errorf("%w: 缓存文件已损坏 (not a fazhi build cache)", ErrIgnored)
	}
	sum, payload := rest[:sha256.Size], rest[sha256.Size:]
	if got := sha256.Sum256(payload); !bytes.Equal(got[:], sum) {
		return c, fmt.Errorf("%w: 缓存文件已损坏或不完整 (checksum mismatch)", ErrIgnored)
	}
	var old Cache
	if err := gob.NewDecoder(bytes.NewReader(payload)).Decode(&old); err != nil {
		return c, fmt.Errorf("%w: 缓存文件已损坏 (%v)", ErrIgnored, err)
	}
	switch {
	case old.Format != format || old.Program != c.Program:
		return c, fmt.Errorf("%w: 缓存由另一个版本的 fazhi 写成 (written by another fazhi)", ErrIgnored)
	case old.Site != site:
		return c, fmt.Errorf("%w: 缓存属于另一个站点 %s (written for another site)", ErrIgnored, old.Site)
	case old.Dest != dest:
		return c, fmt.Errorf("%w: 缓存属于另一个输出文件夹 %s (written for another output folder)", ErrIgnored, old.Dest)
	}
	if old.Pages == nil {
		old.Pages = map[string]*Page{}
	}
	if old.Lists == nil {
		old.Lists = map[string]*Page{}
	}
	if old.Made == nil {
		old.Made = map[string]Made{}
	}
	return &old, nil
}

// Save writes c to dir atomically: a build killed while saving leaves the
// previous cache file (or none), never a part of one.
func (c *Cache) Save(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	// Leftovers of a save that was killed.
	if ents, err := os.ReadDir(dir); err == nil {
		for _, e := range ents {
			if strings.HasPrefix(e.Name(), FileName+".tmp") {
				os.Remove(filepath.Join(dir, e.Name()))
			}
		}
	}
	var payload bytes.Buffer
	if err := gob.NewEncoder(&payload).Encode(c); err != nil {
		return err
	}
	sum := sha256.Sum256(payload.Bytes())
	f, err := os.CreateTemp(dir, FileName+".tmp*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(magic)
	if err == nil {
		_, err = f.Write(sum[:])
	}
	if err == nil {
		_, err = f.Write(payload.Bytes())
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, filepath.Join(dir, FileName))
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}
