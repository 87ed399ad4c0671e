package publish

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
// therefore drops the stamps whose ctime is not older than the manifest's,
// written last, so that a stamp is kept only when any later change to the
// file must show a newer ctime. Such files are compared by their bytes the
// next time.
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

// keepOlderStamps drops the stamps whose ctime is not older than the
// file at marker's (just written): the caller holds mu.
func (d *Dir) keepOlderStamps(marker string) {
	m, ok := stampOf(marker)
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
