package publish

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/fazhi-dev/fazhi/internal/rawfs"
)

// Dir publishes to a folder on disk through a staging folder beside it.
//
// Callers on many goroutines hand files to WriteFile, which hashes each
// file and writes it on the caller's goroutine, so that the data need not
// be copied and held in a queue: the renderers write what they render, as
// goldmark alone would. (An earlier design with one writer goroutine and a
// queue held a copy of up to 64 pages and their reusable buffers, about a
// third of the peak memory of a 10,000-statute build, and was no faster.)
//
// Files are written with plain paths below the staging folder: the folder
// is new, named at random and only this build creates entries in it, so no
// symbolic link can stand in a path, and CheckName keeps every name inside
// it. (An os.Root would resolve each name one folder at a time, which costs
// several system calls per file.)
type Dir struct {
	dest    string
	staging string
	old     map[string]Entry
	lock    *Lock

	mu      sync.Mutex
	entries map[string]Entry
	written []string
	closed  bool
	err     error // first error of a write
	// stamps are the files' stamps taken as they were written or
	// linked, and committed tells that Commit kept the trustworthy ones.
	stamps    map[string]Stamp
	committed bool

	// writing is held for reading while a file is written and for
	// writing while the Dir is closed, so that Commit and Abort wait for
	// the writes in progress.
	writing sync.RWMutex

	dirsMu sync.Mutex
	dirs   map[string]bool // folders made in the staging tree

	meta Meta              // written at the head of the manifest
	sign Signer            // when set, Commit writes SignatureName
	sm3  map[string]string // SM3 digests, when meta.SM3
}

// SetMeta sets the build's description written into the manifest and,
// when sign is not nil, the signer of the manifest. Call it before Commit.
func (d *Dir) SetMeta(meta Meta, sign Signer) {
	d.mu.Lock()
	d.meta, d.sign = meta, sign
	d.mu.Unlock()
}

// OpenDir prepares a build into dest: it takes the lock, removes what
// killed earlier builds left behind, and creates the staging folder.
func OpenDir(dest string) (*Dir, error) {
	dest, err := filepath.Abs(dest)
	if err != nil {
		return nil, err
	}
	if err := checkOwned(dest); err != nil {
		return nil, err
	}
	parent, base := filepath.Dir(dest), filepath.Base(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	lock, err := AcquireLock(filepath.Join(parent, "."+base+".fazhi.lock"))
	if err != nil {
		return nil, err
	}
	d := &Dir{dest: dest, lock: lock, entries: map[string]Entry{}, dirs: map[string]bool{".": true}}
	if err := d.recover(parent, base); err != nil {
		lock.Release()
		return nil, err
	}
	d.staging = filepath.Join(parent, fmt.Sprintf(".%s.fazhi-tmp-%d-%d", base, os.Getpid(), rand.Uint32()))
	if err := os.Mkdir(d.staging, 0o755); err != nil {
		lock.Release()
		return nil, err
	}
	d.old = readManifest(dest)
	return d, nil
}

// recover cleans up after a build that was killed: a staging folder is
// removed; if the swap was cut between its two renames, the previous
// output is put back.
func (d *Dir) recover(parent, base string) error {
	ents, err := os.ReadDir(parent)
	if err != nil {
		return err
	}
	prefixTmp, prefixOld := "."+base+".fazhi-tmp-", "."+base+".fazhi-old-"
	for _, e := range ents {
		name := e.Name()
		full := filepath.Join(parent, name)
		switch {
		case strings.HasPrefix(name, prefixTmp):
			if err := os.RemoveAll(full); err != nil {
				return err
			}
		case strings.HasPrefix(name, prefixOld):
			if _, err := os.Stat(d.dest); errors.Is(err, fs.ErrNotExist) {
				if err := os.Rename(full, d.dest); err != nil {
					return err
				}
				continue
			}
			if err := os.RemoveAll(full); err != nil {
				return err
			}
		}
	}
	return nil
}

func readManifest(dest string) map[string]Entry {
	b, err := os.ReadFile(filepath.Join(dest, ManifestName))
	if err != nil {
		return nil
	}
	var m Manifest
	if json.Unmarshal(b, &m) != nil {
		return nil
	}
	out := make(map[string]Entry, len(m.Files))
	for _, e := range m.Files {
		out[e.Path] = e
	}
	return out
}

// WriteFile writes data to the staging tree; a file whose content is the
// same as in the previous output (its manifest entry matches and its bytes
// on disk are still data) is hard-linked from it instead. It is
// safe for concurrent use, and data may be reused once it returns. An
// error of an earlier write is returned by a later call and by Commit.
func (d *Dir) WriteFile(name string, data []byte) error {
	_, err := d.WriteEntry(name, data)
	return err
}

// WriteEntry is WriteFile returning the file's entry (see EntryWriter).
func (d *Dir) WriteEntry(name string, data []byte) (Entry, error) {
	if err := CheckName(name); err != nil {
		return Entry{}, err
	}
	e := Entry{Path: name, Size: int64(len(data)), Hash: Hash(data)}
	d.writing.RLock()
	defer d.writing.RUnlock()
	d.mu.Lock()
	if d.closed {
		d.mu.Unlock()
		return Entry{}, errors.New("publish: write after Commit or Abort")
	}
	if d.err != nil {
		err := d.err
		d.mu.Unlock()
		return Entry{}, err
	}
	if _, dup := d.entries[name]; dup {
		d.mu.Unlock()
		return Entry{}, fmt.Errorf("输出文件「%s」被写了两次：两个页面或文件占用了同一个网址 (duplicate output)", name)
	}
	d.entries[name] = e
	d.mu.Unlock()
	old, ok := d.old[name]
	if err := d.write(name, data, ok && old == e); err != nil {
		d.mu.Lock()
		if d.err == nil {
			d.err = err
		}
		d.mu.Unlock()
		return Entry{}, err
	}
	return e, nil
}

// write puts one file in the staging tree; tryLink says that the previous
// output had the same content under name.
func (d *Dir) write(name string, data []byte, tryLink bool) error {
	d.dirsMu.Lock()
	err := d.mkdirs(path.Dir(name))
	d.dirsMu.Unlock()
	if err != nil {
		return err
	}
	full := filepath.Join(d.staging, filepath.FromSlash(name))
	if tryLink {
		oldPath := filepath.Join(d.dest, filepath.FromSlash(name))
		if sameContent(oldPath, data) && os.Link(oldPath, full) == nil {
			d.stamp(name, full)
			return nil
		}
	}
	d.mu.Lock()
	d.written = append(d.written, name)
	d.mu.Unlock()
	if err := writeNew(full, data); err != nil {
		return err
	}
	d.stamp(name, full)
	return nil
}

// stop waits for the writes in progress and refuses later ones; it
// returns the first error of a write.
func (d *Dir) stop() error {
	d.writing.Lock()
	defer d.writing.Unlock()
	d.mu.Lock()
	defer d.mu.Unlock()
	d.closed = true
	return d.err
}

// writeNew creates the file full, which must not exist yet, and writes
// data to it (with three system calls on Linux).
func writeNew(full string, data []byte) error {
	if err := rawfs.WriteNew(full, data, 0o644); err != nil {
		return &fs.PathError{Op: "write", Path: full, Err: err}
	}
	return nil
}

// mkdirs makes the folder dir (slash-separated, relative to the staging
// folder) and its parents; the caller holds dirsMu.
func (d *Dir) mkdirs(dir string) error {
	if d.dirs[dir] {
		return nil
	}
	if err := d.mkdirs(path.Dir(dir)); err != nil {
		return err
	}
	full := filepath.Join(d.staging, filepath.FromSlash(dir))
	if err := rawfs.Mkdir(full, 0o755); err != nil && err != fs.ErrExist {
		return &fs.PathError{Op: "mkdir", Path: full, Err: err}
	}
	d.dirs[dir] = true
	return nil
}

// Root returns the folder the new output is being written to (the
// staging folder, until Commit), for tools such as the search indexer that
// read the written HTML from disk. Every file whose WriteFile has returned
// is there.
func (d *Dir) Root() string {
	return d.staging
}

// Commit writes the manifest and swaps the staging tree into place.
func (d *Dir) Commit() (*Result, error) {
	defer d.lock.Release()
	err := d.stop()
	d.mu.Lock()
	defer d.mu.Unlock()
	if err != nil {
		return nil, d.abortLocked(err)
	}
	if err := d.addSM3(); err != nil {
		return nil, d.abortLocked(err)
	}
	mb := encodeManifest(d.meta, d.entries, d.sm3)
	mpath := filepath.Join(d.staging, ManifestName)
	if err := writeNew(mpath, mb); err != nil {
		return nil, d.abortLocked(err)
	}
	if d.sign != nil {
		sig, err := d.sign(mb)
		if err == nil {
			err = writeNew(filepath.Join(d.staging, SignatureName), sig)
		}
		if err != nil {
			return nil, d.abortLocked(err)
		}
	}
	if old, err := os.ReadFile(filepath.Join(d.dest, ManifestName)); err == nil && string(old) == string(mb) {
		// Keep the manifest's modification time too when nothing changed.
		_ = os.Remove(mpath)
		_ = os.Link(filepath.Join(d.dest, ManifestName), mpath)
	}
	d.committed = true
	r := &Result{Files: len(d.entries), Written: append([]string(nil), d.written...)}
	r.Unchanged = r.Files - len(r.Written)
	for name := range d.old {
		if _, ok := d.entries[name]; !ok {
			r.Removed = append(r.Removed, name)
		}
	}
	sort.Strings(r.Written)
	sort.Strings(r.Removed)
	parent, base := filepath.Dir(d.dest), filepath.Base(d.dest)
	if _, err := os.Stat(d.dest); err == nil {
		// Swap the two trees in one step where the kernel can; the old
		// tree then sits under the staging name until it is removed, and
		// a build killed before that leaves only a staging folder, which
		// the next build removes.
		if exchange(d.staging, d.dest) == nil {
			d.restamp(d.staging)
			err := os.RemoveAll(d.staging)
			d.keepOlderStamps(parent, base)
			return r, err
		}
		oldDir := filepath.Join(parent, "."+base+".fazhi-old-"+strconv.Itoa(os.Getpid()))
		if err := os.Rename(d.dest, oldDir); err != nil {
			os.RemoveAll(d.staging)
			return nil, fmt.Errorf("无法替换输出文件夹 %s：%w", d.dest, err)
		}
		if err := os.Rename(d.staging, d.dest); err != nil {
			_ = os.Rename(oldDir, d.dest)
			os.RemoveAll(d.staging)
			return nil, fmt.Errorf("无法替换输出文件夹 %s：%w", d.dest, err)
		}
		d.restamp(oldDir)
		err := os.RemoveAll(oldDir)
		d.keepOlderStamps(parent, base)
		return r, err
	}
	if err := os.Rename(d.staging, d.dest); err != nil {
		os.RemoveAll(d.staging)
		return nil, err
	}
	d.keepOlderStamps(parent, base)
	return r, nil
}

// Abort removes the staging tree; the previous output is untouched.
func (d *Dir) Abort() error {
	d.stop()
	d.mu.Lock()
	defer d.mu.Unlock()
	defer d.lock.Release()
	return d.abortLocked(nil)
}

func (d *Dir) abortLocked(cause error) error {
	err := os.RemoveAll(d.staging)
	if cause != nil {
		return cause
	}
	return err
}

// Lock is an exclusive lock file holding the owner's process id.
type Lock struct{ path string }

// AcquireLock creates path exclusively. A lock left by a process that no
// longer runs is taken over; one held by a running process is an error.
func AcquireLock(path string) (*Lock, error) {
	for i := 0; i < 2; i++ {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if err == nil {
			fmt.Fprintf(f, "%d\n", os.Getpid())
			f.Close()
			return &Lock{path: path}, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, err
		}
		b, _ := os.ReadFile(path)
		pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
		if pid > 0 && pid != os.Getpid() && processAlive(pid) {
			return nil, fmt.Errorf("另一个 fazhi 构建（进程 %d）正在写同一个输出文件夹，请等它结束后再试；如果确定没有构建在运行，可删除锁文件 %s (another build holds the lock)", pid, path)
		}
		if pid == os.Getpid() {
			return nil, fmt.Errorf("本进程已有一个构建在写同一个输出文件夹 (build already running in this process)")
		}
		os.Remove(path)
	}
	return nil, fmt.Errorf("无法取得锁文件 %s", path)
}

// Release removes the lock file.
func (l *Lock) Release() {
	if l != nil {
		os.Remove(l.path)
	}
}
