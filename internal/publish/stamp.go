package publish

import (
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
)

// Stamp is what the file system says of an output file besides its bytes:
// device, inode, size, and modification and status-change times in
// nanoseconds. A Dir records each file's stamp right after writing or
// linking it, and a later build compares the file's stamp with the record
// before carrying it forward instead of reading and hashing it (see
// Dir.Reuse).
//
// This is sound because no program can set a file's status-change time
// (ctime): writing to the file, truncating it, changing its times or
// replacing it all set the ctime to the current time. A file whose device,
// inode, size and ctime are as recorded still holds the bytes it held when
// the stamp was taken. The one gap is a change within the same tick of the
// file system's clock as the stamp (the ctime would not move): Commit
// therefore drops the stamps whose ctime is not older than that of a file
// it makes last, so that a stamp is kept only when any later change to the
// file must show a newer ctime. Such files are compared by their bytes the
// next time. Removing the previous output after the swap changes the ctime
// of the files linked from it, so they are stamped again (restamp).
//
// Stamps are only taken where this holds and is cheap (Linux, see
// stamp_linux.go); elsewhere every file is compared by its bytes.
type Stamp struct {
	Dev, Ino     uint64
	Size         int64
	Mtime, Ctime int64
}

// Stamper is a Publisher that reports, after Commit, the stamps of the
// files it wrote or linked (see Stamp). Files without a trustworthy stamp
// are missing from the map.
type Stamper interface {
	// TakeStamps asks for stamps to be taken; call it before the first
	// file is written.
	TakeStamps()
	Stamps() map[string]Stamp
}

// TakeStamps makes the Dir take the stamp of each file it writes or links.
func (d *Dir) TakeStamps() {
	d.mu.Lock()
	if d.stamps == nil {
		d.stamps = map[string]Stamp{}
	}
	d.mu.Unlock()
}

// stamp notes the stamp of the file name just written or linked at full,
// when stamps are taken.
func (d *Dir) stamp(name, full string) {
	d.mu.Lock()
	taking := d.stamps != nil
	d.mu.Unlock()
	if !taking {
		return
	}
	st, ok := stampOf(full)
	if !ok {
		return
	}
	d.mu.Lock()
	d.stamps[name] = st
	d.mu.Unlock()
}

// restamp takes again, before the previous output at old is removed, the
// stamps of the files linked from it: removing a name of a file changes
// its ctime. A file whose stamp changed since it was linked loses it;
// otherwise it is stamped again right after its old name is removed, and
// keeps the new stamp when only the ctime moved. The caller holds mu.
func (d *Dir) restamp(old string) {
	if len(d.stamps) == 0 {
		return
	}
	filepath.WalkDir(old, func(p string, e fs.DirEntry, err error) error {
		if err != nil || !e.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(old, p)
		if err != nil {
			return nil
		}
		name := filepath.ToSlash(rel)
		st, ok := d.stamps[name]
		if !ok {
			return nil
		}
		full := filepath.Join(d.dest, rel)
		if pre, ok := stampOf(full); !ok || pre != st {
			delete(d.stamps, name)
			return nil
		}
		os.Remove(p)
		post, ok := stampOf(full)
		if !ok || post.Dev != st.Dev || post.Ino != st.Ino || post.Size != st.Size || post.Mtime != st.Mtime {
			delete(d.stamps, name)
			return nil
		}
		d.stamps[name] = post
		return nil
	})
}

// keepOlderStamps drops the stamps whose ctime is not older than that of
// a file made now beside the output: a change in the same tick of the
// file system's clock as the stamp would not move the ctime. The caller
// holds mu.
func (d *Dir) keepOlderStamps(parent, base string) {
	if len(d.stamps) == 0 {
		return
	}
	// The staging prefix: a marker left by a killed build is removed by
	// the next one.
	marker := filepath.Join(parent, "."+base+".fazhi-tmp-stamp-"+strconv.Itoa(os.Getpid()))
	m, ok := Stamp{}, false
	if writeNew(marker, nil) == nil {
		m, ok = stampOf(marker)
		os.Remove(marker)
	}
	for name, st := range d.stamps {
		if !ok || st.Ctime >= m.Ctime {
			delete(d.stamps, name)
		}
	}
}

// Stamps returns the stamps of the files of the committed output (see
// Stamper).
func (d *Dir) Stamps() map[string]Stamp {
	d.mu.Lock()
	defer d.mu.Unlock()
	if !d.committed {
		return nil
	}
	return d.stamps
}

// unchanged reports whether the file at full still has stamp st, so that
// it holds the bytes it held when the stamp was taken.
func unchanged(full string, st Stamp) bool {
	if st == (Stamp{}) {
		return false
	}
	now, ok := stampOf(full)
	return ok && now == st
}
