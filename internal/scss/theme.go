package scss

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"strconv"
	"sync"
)

// StylesDir holds a site's or theme's SCSS files.
const StylesDir = "assets/scss"

// RegenerateCommand regenerates the default theme's compiled CSS from its
// SCSS with the pinned Dart Sass; messages about a stale CSS name it.
const RegenerateCommand = "make css"

// HasOwnStyles reports whether the site folder src has SCSS files of its
// own: a file under assets/scss that theme lacks or holds with other
// content. A site without them is styled by the theme's compiled CSS and
// needs no Dart Sass (a copy of the theme's own files changes nothing).
func HasOwnStyles(src, theme fs.FS) bool {
	found := false
	fs.WalkDir(src, StylesDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		mine, err := fs.ReadFile(src, p)
		if err != nil || theme == nil {
			found = true
			return fs.SkipAll
		}
		if theirs, err := fs.ReadFile(theme, p); err != nil || !bytes.Equal(mine, theirs) {
			found = true
			return fs.SkipAll
		}
		return nil
	})
	return found
}

// SourceHash returns the SHA-256 of every file under assets/scss of fsys
// (names and contents, in walk order): the compiled theme CSS records the
// hash of the SCSS it was made from, so a stale CSS is noticed without
// running Dart Sass.
func SourceHash(fsys fs.FS) (string, error) {
	h := sha256.New()
	if err := hashTree(h, fsys, StylesDir); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Lazy is a Compiler that starts the real compiler on its first Compile:
// a build or a preview server whose site has no styles of its own never
// starts Dart Sass.
type Lazy struct {
	// Start starts the real compiler.
	Start func() (Compiler, error)

	mu   sync.Mutex
	next Compiler
}

// Compile starts the compiler if needed and compiles entry.
func (l *Lazy) Compile(fsys fs.FS, entry string) ([]byte, error) {
	l.mu.Lock()
	if l.next == nil {
		next, err := l.Start()
		if err != nil {
			l.mu.Unlock()
			return nil, err
		}
		l.next = next
	}
	next := l.next
	l.mu.Unlock()
	return next.Compile(fsys, entry)
}

// Close stops the real compiler if it was started.
func (l *Lazy) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.next == nil {
		return nil
	}
	return l.next.Close()
}

// hashTree writes the name, size and bytes of every file under dir into h,
// in walk order. SourceHash and the compile cache's key both use it.
func hashTree(h io.Writer, fsys fs.FS, dir string) error {
	return fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		io.WriteString(h, p+"\x00"+strconv.Itoa(len(b))+"\x00")
		h.Write(b)
		return nil
	})
}
