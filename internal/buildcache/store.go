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
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"

	"github.com/fazhi-dev/fazhi/internal/publish"
)

// FileName is the cache file inside the cache folder.
const FileName = "build.cache"

// format changes whenever the records or the file's layout change.
const format = 5

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
// bytes it was minified or compressed from, zero when it was written as
// it came.
type Made struct {
	From Sum
	publish.Entry
}

func (s Sum) bytes() []byte { return s[:] }

// HexSum returns the digest written in hex by publish.Hash, or zero.
func HexSum(h string) Sum {
	var s Sum
	if len(h) != 2*len(s) {
		return Sum{}
	}
	if _, err := hex.Decode(s[:], []byte(h)); err != nil {
		return Sum{}
	}
	return s
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

// The file is the magic line, the SHA-256 of the payload and the payload:
// a gob stream of a header, then one value per Made, page and list record,
// so that neither writing nor reading it holds the whole payload in
// memory (a 10,000-page site's records are several megabytes, and a
// cached build must not peak above a build without the cache). A file
// of a page lists each file by its name only when the file's Made record
// says the rest, so that the name and digest are held once.
type header struct {
	Format                int
	Program, Site, Dest   string
	NMade, NPages, NLists int
}

type madeRec struct {
	Name string
	// From and Hash are raw digests ([]byte: gob writes an array byte by
	// byte); an empty From is a zero one.
	From, Hash []byte
	Size       int64
	// Stamp is the file's stamp as the output took it (publish.Stamp).
	Stamp publish.Stamp
}

type fileRec struct {
	// Made is 1 + the index of the file's Made record, in name order,
	// which says the rest; 0 when it does not.
	Made int
	Path string
	// Hash is the raw digest.
	Hash  []byte
	Size  int64
	Stamp publish.Stamp
}

type pageRec struct {
	Path           string
	Key            []byte
	Titles, Bodies []string
	Summary        string
	Files          []fileRec
	BadUTF8        bool
}

// Load reads the cache in dir written for site and dest. A missing cache
// returns an empty one and no error; one that cannot be used returns an
// empty one and an error saying why (a warning, not a failure).
func Load(dir, site, dest string) (*Cache, error) {
	c := New(site, dest)
	f, err := os.Open(filepath.Join(dir, FileName))
	if errors.Is(err, os.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, fmt.Errorf("%w: %v", ErrIgnored, err)
	}
	defer f.Close()
	old, err := load(f, site, dest)
	if err != nil {
		return c, fmt.Errorf("%w: %v", ErrIgnored, err)
	}
	return old, nil
}

var errCorrupt = errors.New("缓存文件已损坏 (not a fazhi build cache)")

// load checks the file's checksum in a first pass, then decodes it record
// by record in a second: nothing is decoded from bytes not checked.
func load(f *os.File, site, dest string) (*Cache, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := st.Size()
	head := make([]byte, len(magic)+sha256.Size)
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head[:len(magic)], magic) {
		return nil, errCorrupt
	}
	h := sha256.New()
	buf := make([]byte, 64<<10)
	// struct{io.Reader} hides *os.File's WriteTo, which would ignore buf.
	if _, err := io.CopyBuffer(h, struct{ io.Reader }{f}, buf); err != nil {
		return nil, err
	}
	if !bytes.Equal(h.Sum(nil), head[len(magic):]) {
		return nil, errors.New("缓存文件已损坏或不完整 (checksum mismatch)")
	}
	if _, err := f.Seek(int64(len(head)), io.SeekStart); err != nil {
		return nil, err
	}
	dec := gob.NewDecoder(bufio.NewReaderSize(f, len(buf)))
	var hd header
	if err := dec.Decode(&hd); err != nil {
		return nil, fmt.Errorf("缓存文件已损坏 (%v)", err)
	}
	switch {
	case hd.Format != format || hd.Program != Program():
		return nil, errors.New("缓存由另一个版本的 fazhi 写成 (written by another fazhi)")
	case hd.Site != site:
		return nil, fmt.Errorf("缓存属于另一个站点 %s (written for another site)", hd.Site)
	case hd.Dest != dest:
		return nil, fmt.Errorf("缓存属于另一个输出文件夹 %s (written for another output folder)", hd.Dest)
	case hd.NMade < 0 || hd.NPages < 0 || hd.NLists < 0 || int64(hd.NMade)+int64(hd.NPages)+int64(hd.NLists) > size:
		return nil, errCorrupt // every record takes a byte at least
	}
	c := &Cache{Format: format, Program: hd.Program, Site: site, Dest: dest,
		Made: make(map[string]Made, hd.NMade), Pages: make(map[string]*Page, hd.NPages), Lists: make(map[string]*Page, hd.NLists)}
	names := make([]string, 0, hd.NMade)
	for range hd.NMade {
		var m madeRec
		if err := dec.Decode(&m); err != nil {
			return nil, fmt.Errorf("缓存文件已损坏 (%v)", err)
		}
		var from Sum
		if len(m.Hash) != len(from) || len(m.From) != 0 && len(m.From) != len(from) {
			return nil, errCorrupt
		}
		copy(from[:], m.From)
		c.Made[m.Name] = Made{From: from, Entry: publish.Entry{Path: m.Name, Size: m.Size, Hash: hex.EncodeToString(m.Hash), Stamp: m.Stamp}}
		names = append(names, m.Name)
	}
	for _, part := range []struct {
		n  int
		to map[string]*Page
	}{{hd.NPages, c.Pages}, {hd.NLists, c.Lists}} {
		for range part.n {
			var r pageRec
			if err := dec.Decode(&r); err != nil {
				return nil, fmt.Errorf("缓存文件已损坏 (%v)", err)
			}
			p := &Page{Titles: r.Titles, Bodies: r.Bodies, Summary: r.Summary, BadUTF8: r.BadUTF8}
			if len(r.Key) != len(p.Key) {
				return nil, errCorrupt
			}
			copy(p.Key[:], r.Key)
			if len(r.Files) > 0 {
				p.Files = make([]publish.Entry, len(r.Files))
			}
			for i, fr := range r.Files {
				switch {
				case fr.Made == 0 && len(fr.Hash) == len(Sum{}):
					p.Files[i] = publish.Entry{Path: fr.Path, Size: fr.Size, Hash: hex.EncodeToString(fr.Hash), Stamp: fr.Stamp}
				case fr.Made > 0 && fr.Made <= len(names):
					p.Files[i] = c.Made[names[fr.Made-1]].Entry // shares the name and digest
				default:
					return nil, errCorrupt
				}
			}
			part.to[r.Path] = p
		}
	}
	var extra header
	if err := dec.Decode(&extra); err != io.EOF {
		return nil, errCorrupt
	}
	return c, nil
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
	f, err := os.CreateTemp(dir, FileName+".tmp*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	// The payload is encoded straight into the file, its checksum
	// computed on the way and written into the head at the end.
	_, err = f.Write(append(append([]byte(nil), magic...), make([]byte, sha256.Size)...))
	h := sha256.New()
	w := bufio.NewWriterSize(io.MultiWriter(f, h), 64<<10)
	if err == nil {
		err = c.encode(gob.NewEncoder(w))
	}
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		_, err = f.WriteAt(h.Sum(nil), int64(len(magic)))
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

// encode writes the header and the records, each group in key order.
func (c *Cache) encode(enc *gob.Encoder) error {
	hd := header{Format: c.Format, Program: c.Program, Site: c.Site, Dest: c.Dest}
	// A record with a digest that is not publish.Hash's (none has) is
	// left out: the file is then only made again.
	names := slices.DeleteFunc(slices.Sorted(maps.Keys(c.Made)), func(name string) bool { return !hexDigest(c.Made[name].Hash) })
	pages, lists := writable(c.Pages), writable(c.Lists)
	hd.NPages, hd.NLists = len(pages), len(lists)
	hd.NMade = len(names)
	if err := enc.Encode(&hd); err != nil {
		return err
	}
	index := make(map[string]int, len(names))
	for i, name := range names {
		m := c.Made[name]
		r := madeRec{Name: name, Size: m.Size, Hash: HexSum(m.Hash).bytes(), Stamp: m.Stamp}
		if m.From != (Sum{}) {
			r.From = m.From[:]
		}
		if err := enc.Encode(&r); err != nil {
			return err
		}
		index[name] = i + 1
	}
	var files []fileRec
	for _, part := range []struct {
		keys []string
		recs map[string]*Page
	}{{pages, c.Pages}, {lists, c.Lists}} {
		for _, key := range part.keys {
			p := part.recs[key]
			files = files[:0]
			for _, e := range p.Files {
				if m, ok := c.Made[e.Path]; ok && m.Entry == e && index[e.Path] > 0 {
					files = append(files, fileRec{Made: index[e.Path]})
				} else {
					files = append(files, fileRec{Path: e.Path, Size: e.Size, Hash: HexSum(e.Hash).bytes(), Stamp: e.Stamp})
				}
			}
			r := pageRec{Path: key, Key: p.Key[:], Titles: p.Titles, Bodies: p.Bodies, Summary: p.Summary, Files: files, BadUTF8: p.BadUTF8}
			if err := enc.Encode(&r); err != nil {
				return err
			}
		}
	}
	return nil
}

// hexDigest reports whether h is a digest as publish.Hash writes it.
func hexDigest(h string) bool {
	return HexSum(h) != (Sum{}) && hex.EncodeToString(HexSum(h).bytes()) == h
}

// writable returns the keys of the records whose files all have digests
// as publish.Hash writes them, in order; the others are left out (their
// owners are only made again).
func writable(recs map[string]*Page) []string {
	return slices.DeleteFunc(slices.Sorted(maps.Keys(recs)), func(key string) bool {
		return slices.ContainsFunc(recs[key].Files, func(e publish.Entry) bool { return !hexDigest(e.Hash) })
	})
}
