package publish

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
)

// Reuser is a Publisher that can carry files of the previous output
// forward without their bytes: the build cache knows what a page's files
// held when they were written, and asks for them to be kept when nothing
// the page shows has changed.
type Reuser interface {
	// Reuse puts every file of files into the new output from the
	// previous output, or none: it returns false, having changed nothing,
	// when one of them is missing there or no longer holds exactly the
	// bytes its entry describes (a defaced file is never carried forward).
	Reuse(files []Entry) bool
}

// EntryWriter is a Publisher that returns the entry it keeps for a file
// it writes, so that a caller that keeps entries too (the build cache)
// holds the Publisher's digest string instead of computing its own copy.
type EntryWriter interface {
	WriteEntry(name string, data []byte) (Entry, error)
}

// hashFile returns the hex SHA-256 of the regular file at name, or ""
// when it is not one or its size is not size.
func hashFile(name string, size int64) string {
	st, err := os.Lstat(name)
	if err != nil || !st.Mode().IsRegular() || st.Size() != size {
		return ""
	}
	f, err := os.Open(name)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	bp := compareBufs.Get().(*[]byte)
	defer compareBufs.Put(bp)
	// Not io.CopyBuffer(h, f, …): *os.File's WriteTo would ignore the
	// buffer and allocate 32 KiB for each file, garbage that, made while
	// the collector marks, it counts as live (the peak memory of a cached
	// build that checks thousands of files).
	if _, err := io.CopyBuffer(h, struct{ io.Reader }{f}, *bp); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Reuse hard-links the files from the previous output after checking each
// one against its entry (see Reuser): by its stamp when the entry has one
// and the file still has it (see Stamp), else by its bytes.
func (d *Dir) Reuse(files []Entry) bool {
	for _, e := range files {
		if CheckName(e.Path) != nil {
			return false
		}
		full := filepath.Join(d.dest, filepath.FromSlash(e.Path))
		if !unchanged(full, e.Stamp) && hashFile(full, e.Size) != e.Hash {
			return false
		}
	}
	d.writing.RLock()
	defer d.writing.RUnlock()
	d.mu.Lock()
	if d.closed || d.err != nil {
		d.mu.Unlock()
		return false
	}
	for _, e := range files {
		if _, dup := d.entries[e.Path]; dup {
			d.mu.Unlock()
			return false
		}
	}
	for _, e := range files {
		d.entries[e.Path] = e
	}
	d.mu.Unlock()
	for _, e := range files {
		if err := d.link(e.Path); err != nil {
			d.mu.Lock()
			if d.err == nil {
				d.err = err
			}
			d.mu.Unlock()
			return true // the entry is taken: the error ends the build
		}
	}
	return true
}

// link puts the previous output's file name into the staging tree, as a
// hard link where the file system allows it, else as a copy.
func (d *Dir) link(name string) error {
	d.dirsMu.Lock()
	err := d.mkdirs(path.Dir(name))
	d.dirsMu.Unlock()
	if err != nil {
		return err
	}
	oldPath := filepath.Join(d.dest, filepath.FromSlash(name))
	full := filepath.Join(d.staging, filepath.FromSlash(name))
	if os.Link(oldPath, full) == nil {
		d.stamp(name, full) // linking changed the ctime
		return nil
	}
	data, err := os.ReadFile(oldPath)
	if err != nil {
		return fmt.Errorf("无法读取上次的输出文件 %s：%w", oldPath, err)
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

// Reuse copies the files from the previous output given to NewMem when
// each still has its entry's hash (see Reuser).
func (m *Mem) Reuse(files []Entry) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, e := range files {
		old, ok := m.prev[e.Path]
		if !ok || int64(len(old)) != e.Size || Hash(old) != e.Hash {
			return false
		}
		if _, dup := m.files[e.Path]; dup {
			return false
		}
	}
	for _, e := range files {
		m.files[e.Path] = m.prev[e.Path]
	}
	return true
}
