package deploy

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/fazhi-dev/fazhi/internal/publish"
)

// dirStore is a folder that a web server serves.
type dirStore struct {
	dir string
}

// list hashes every file under the folder; a symbolic link or other
// non-regular entry is listed with size -1, so that it is replaced or
// deleted, never followed.
func (d *dirStore) list() (map[string]object, error) {
	out := map[string]object{}
	if _, err := os.Lstat(d.dir); errors.Is(err, fs.ErrNotExist) {
		return out, nil
	}
	root, err := os.OpenRoot(d.dir)
	if err != nil {
		return nil, fmt.Errorf("%w：无法打开文件夹 %s：%v", ErrUnreachable, d.dir, err)
	}
	defer root.Close()
	err = fs.WalkDir(root.FS(), ".", func(name string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() {
			return nil
		}
		if !e.Type().IsRegular() {
			out[name] = object{size: -1}
			return nil
		}
		f, err := root.Open(filepath.FromSlash(name))
		if err != nil {
			return err
		}
		defer f.Close()
		h := sha256.New()
		n, err := io.Copy(h, f)
		if err != nil {
			return err
		}
		out[name] = object{size: n, sha256: hex.EncodeToString(h.Sum(nil))}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("%w：无法读取文件夹 %s：%v", ErrUnreachable, d.dir, err)
	}
	return out, nil
}

// read returns a file's bytes; fs.ErrNotExist when there is none.
func (d *dirStore) read(name string) ([]byte, error) {
	root, err := os.OpenRoot(d.dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fs.ErrNotExist
		}
		return nil, fmt.Errorf("%w：%v", ErrUnreachable, err)
	}
	defer root.Close()
	st, err := root.Lstat(filepath.FromSlash(name))
	if err != nil || !st.Mode().IsRegular() {
		return nil, fs.ErrNotExist
	}
	return root.ReadFile(filepath.FromSlash(name))
}

// Names of what a folder deploy leaves beside the folder.
func stagingPrefix(base string) string { return "." + base + ".fazhi-deploy-" }
func oldPrefix(base string) string     { return "." + base + ".fazhi-deploy-old-" }

// lock takes the folder's deploy lock and cleans up after a killed
// deploy; the caller releases the lock.
func (d *dirStore) lock() (*publish.Lock, error) {
	parent, base := filepath.Dir(d.dir), filepath.Base(d.dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	lock, err := publish.AcquireLock(filepath.Join(parent, "."+base+".fazhi-deploy.lock"))
	if err != nil {
		return nil, err
	}
	if err := d.recover(parent, base); err != nil {
		lock.Release()
		return nil, err
	}
	return lock, nil
}

// apply switches the folder to the build: a staging folder beside it gets
// the unchanged and kept files as hard links from the live folder and the
// others as copies from the build, and then takes the live folder's place
// in one rename. The caller holds the lock.
func (d *dirStore) apply(b *Build, p *plan, files []localFile, have map[string]object, keep []string) error {
	parent, base := filepath.Dir(d.dir), filepath.Base(d.dir)
	staging := filepath.Join(parent, fmt.Sprintf("%s%d-%d", stagingPrefix(base), os.Getpid(), rand.Uint32()))
	if err := os.Mkdir(staging, 0o755); err != nil {
		return err
	}
	if st, err := os.Stat(d.dir); err == nil {
		_ = os.Chmod(staging, st.Mode().Perm())
	}
	fail := func(err error) error {
		os.RemoveAll(staging)
		return err
	}
	changed := make(map[string]bool, len(p.upload))
	for _, s := range p.upload {
		changed[s.file.name] = true
	}
	for _, f := range files {
		var err error
		if changed[f.name] {
			err = copyFromBuild(b, f.name, staging)
		} else {
			err = linkFromLive(d.dir, f.name, staging, b)
		}
		if err != nil {
			return fail(err)
		}
	}
	for name, o := range have {
		if o.size >= 0 && kept(name, keep) && !changed[name] {
			if err := linkFromLive(d.dir, name, staging, nil); err != nil {
				return fail(err)
			}
		}
	}
	return swap(staging, d.dir, filepath.Join(parent, oldPrefix(base)+strconv.Itoa(os.Getpid())))
}

// recover removes what a killed deploy left beside the folder and puts
// the live folder back if a swap was cut between its two renames.
func (d *dirStore) recover(parent, base string) error {
	ents, err := os.ReadDir(parent)
	if err != nil {
		return err
	}
	for _, e := range ents {
		name := e.Name()
		full := filepath.Join(parent, name)
		switch {
		case strings.HasPrefix(name, oldPrefix(base)):
			if _, err := os.Lstat(d.dir); errors.Is(err, fs.ErrNotExist) {
				if err := os.Rename(full, d.dir); err != nil {
					return err
				}
				continue
			}
			if err := os.RemoveAll(full); err != nil {
				return err
			}
		case strings.HasPrefix(name, stagingPrefix(base)):
			if err := os.RemoveAll(full); err != nil {
				return err
			}
		}
	}
	return nil
}

// makeParents makes the folders of name below staging.
func makeParents(staging, name string) (string, error) {
	full := filepath.Join(staging, filepath.FromSlash(name))
	if dir := path.Dir(name); dir != "." {
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return "", err
		}
	}
	return full, nil
}

func copyFromBuild(b *Build, name, staging string) error {
	data, err := b.ReadFile(name)
	if err != nil {
		return err
	}
	full, err := makeParents(staging, name)
	if err != nil {
		return err
	}
	return os.WriteFile(full, data, 0o644)
}

// linkFromLive hard-links an unchanged file from the live folder, or
// copies it from the build (b) when a link cannot be made.
func linkFromLive(live, name, staging string, b *Build) error {
	full, err := makeParents(staging, name)
	if err != nil {
		return err
	}
	src := filepath.Join(live, filepath.FromSlash(name))
	if st, err := os.Lstat(src); err == nil && st.Mode().IsRegular() && os.Link(src, full) == nil {
		return nil
	}
	if b == nil {
		return nil
	}
	return copyFromBuild(b, name, staging)
}

// swap puts staging in the place of live. Where the kernel can exchange
// two names, it is one rename; elsewhere the live folder is first moved
// to old, which a later deploy puts back if it was killed in between.
func swap(staging, live, old string) error {
	if _, err := os.Lstat(live); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(staging, live); err != nil {
			os.RemoveAll(staging)
			return err
		}
		return nil
	}
	if exchange(staging, live) == nil {
		return os.RemoveAll(staging) // staging now holds the old tree
	}
	if err := os.Rename(live, old); err != nil {
		os.RemoveAll(staging)
		return fmt.Errorf("无法替换发布文件夹 %s：%w", live, err)
	}
	if err := os.Rename(staging, live); err != nil {
		_ = os.Rename(old, live)
		os.RemoveAll(staging)
		return fmt.Errorf("无法替换发布文件夹 %s：%w", live, err)
	}
	return os.RemoveAll(old)
}
