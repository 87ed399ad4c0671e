// Package overlay layers two file systems: a site's own files over the
// embedded default theme, so that a site overrides the theme one file at a
// time.
package overlay

import (
	"errors"
	"io"
	"io/fs"
	"sort"
)

// FS reads from Upper first and from Lower when Upper lacks a file.
// Directories are merged.
type FS struct {
	Upper, Lower fs.FS
}

// New returns the overlay of upper over lower. Either may be nil.
func New(upper, lower fs.FS) FS { return FS{Upper: upper, Lower: lower} }

// Open opens name from the upper layer, else from the lower one.
func (o FS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	var firstErr error
	for _, l := range []fs.FS{o.Upper, o.Lower} {
		if l == nil {
			continue
		}
		f, err := l.Open(name)
		if err == nil {
			if st, serr := f.Stat(); serr == nil && st.IsDir() {
				f.Close()
				return o.openDir(name)
			}
			return f, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			// The upper file is there but may not be read (a link out
			// of its folder, no permission): say so rather than use the
			// lower one in its place.
			return nil, err
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	if firstErr == nil {
		firstErr = fs.ErrNotExist
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: unwrap(firstErr)}
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// ReadDir merges the entries of both layers; upper entries win.
func (o FS) ReadDir(name string) ([]fs.DirEntry, error) {
	seen := map[string]fs.DirEntry{}
	found := false
	for _, l := range []fs.FS{o.Lower, o.Upper} {
		if l == nil {
			continue
		}
		ents, err := fs.ReadDir(l, name)
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				return nil, err
			}
			continue
		}
		found = true
		for _, e := range ents {
			seen[e.Name()] = e
		}
	}
	if !found {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	out := make([]fs.DirEntry, 0, len(seen))
	for _, e := range seen {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

func (o FS) openDir(name string) (fs.File, error) {
	ents, err := o.ReadDir(name)
	if err != nil {
		return nil, err
	}
	var info fs.FileInfo
	for _, l := range []fs.FS{o.Upper, o.Lower} {
		if l == nil {
			continue
		}
		if st, err := fs.Stat(l, name); err == nil {
			info = st
			break
		}
	}
	return &dir{info: info, ents: ents}, nil
}

type dir struct {
	info fs.FileInfo
	ents []fs.DirEntry
	pos  int
}

func (d *dir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *dir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.Name(), Err: errors.New("is a directory")}
}
func (d *dir) Close() error { return nil }

// ReadDir implements fs.ReadDirFile.
func (d *dir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.ents[d.pos:]
	if n <= 0 {
		d.pos = len(d.ents)
		return rest, nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	if n > len(rest) {
		n = len(rest)
	}
	d.pos += n
	return rest[:n], nil
}
