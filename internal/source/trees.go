package source

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/fazhi-dev/fazhi/internal/diag"
)

// trees is a site folder as an fs.FS in which no symbolic link leads out
// of the input tree it lies in. Each top-level folder (content, layouts,
// static, assets, archetypes, data, …) is opened as an os.Root of its
// own: a link inside it may point to another file or folder inside it
// (os.Root resolves it there), but not to the rest of the site folder
// (.git, site.toml, another input folder) or outside it, nor with an
// absolute target. A top-level folder that is itself a symbolic link is
// refused, whatever it points to. Files at the top level (site.toml) are
// read through an os.Root of the site folder.
type trees struct {
	dir string

	mu    sync.Mutex
	site  *os.Root
	roots map[string]*tree
}

// tree is one input folder, opened as an os.Root; info is the folder it
// was opened on, to notice that the folder was replaced since.
type tree struct {
	root *os.Root
	fsys fs.FS
	info fs.FileInfo
}

func newTrees(dir string) *trees {
	return &trees{dir: dir, roots: map[string]*tree{}}
}

// linkError is the error for a symbolic link that fazhi does not follow:
// p is its path in the site folder, tree the input folder it lies in (""
// for a top-level folder that is itself a link, "." for a top-level file).
func linkError(p, tree string) error {
	if tree == "" {
		return diag.New(p, 0, "这个文件夹是符号链接（快捷方式），fazhi 不跟随它：请把文件夹本身放进站点文件夹，"+
			"不要链接到别处 (symbolic link to an input folder refused)")
	}
	if tree == "." {
		return diag.New(p, 0, "这个文件是符号链接（快捷方式），fazhi 不跟随站点文件夹里第一层的链接：请把文件本身放进站点文件夹 "+
			"(symbolic link refused)")
	}
	return diag.New(p, 0, "这是指向 %s 文件夹之外的符号链接（快捷方式），fazhi 不会读取它：请把文件本身复制到 %s 文件夹里 "+
		"(symbolic link leads out of %s)", tree, tree, tree)
}

// lookup returns the file system that holds name and name within it.
func (t *trees) lookup(op, name string) (fs.FS, string, *tree, error) {
	if !fs.ValidPath(name) {
		return nil, "", nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	top, rest, _ := strings.Cut(name, "/")
	if rest == "" {
		rest = "."
	}
	if name == "." {
		site, err := t.siteRoot()
		if err != nil {
			return nil, "", nil, err
		}
		return site.FS(), ".", nil, nil
	}
	st, err := os.Lstat(filepath.Join(t.dir, top))
	if err != nil {
		return nil, "", nil, &fs.PathError{Op: op, Path: name, Err: bare(err)}
	}
	if st.Mode()&fs.ModeSymlink != 0 {
		t.forget(top)
		return nil, "", nil, t.topLinkError(top)
	}
	if !st.IsDir() {
		site, err := t.siteRoot()
		if err != nil {
			return nil, "", nil, err
		}
		return site.FS(), name, nil, nil
	}
	tr, err := t.tree(top, st)
	var de *diag.Error
	if errors.As(err, &de) {
		return nil, "", nil, err
	}
	if err != nil {
		return nil, "", nil, &fs.PathError{Op: op, Path: name, Err: bare(err)}
	}
	return tr.fsys, rest, tr, nil
}

func (t *trees) siteRoot() (*os.Root, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.site == nil {
		r, err := os.OpenRoot(t.dir)
		if err != nil {
			return nil, err
		}
		t.site = r
	}
	return t.site, nil
}

// tree returns the os.Root of the top-level folder top, which Lstat saw
// as st; it is opened again when the folder was replaced (fazhi serve
// runs while folders come and go).
func (t *trees) tree(top string, st fs.FileInfo) (*tree, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if tr := t.roots[top]; tr != nil && os.SameFile(tr.info, st) {
		return tr, nil
	}
	r, err := os.OpenRoot(filepath.Join(t.dir, top))
	if err != nil {
		return nil, err
	}
	// The folder may have been swapped for a link between Lstat and
	// OpenRoot, which follows links.
	if got, err := r.Stat("."); err != nil || !os.SameFile(got, st) {
		r.Close()
		return nil, linkError(top, "")
	}
	// A replaced root is not closed here: a reader may still hold it.
	// os.Root closes its descriptor when it is collected.
	tr := &tree{root: r, fsys: r.FS(), info: st}
	t.roots[top] = tr
	return tr, nil
}

// topLinkError is linkError for the top-level entry top, which is a
// symbolic link: to a folder, or else to a file (site.toml).
func (t *trees) topLinkError(top string) error {
	if st, err := os.Stat(filepath.Join(t.dir, top)); err == nil && !st.IsDir() {
		return linkError(top, ".")
	}
	return linkError(top, "")
}

// forget drops the tree of top (see tree on closing it).
func (t *trees) forget(top string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.roots, top)
}

// explain names the full path in err or, when a symbolic link on the way
// to name was refused by the os.Root, returns linkError for it.
func (t *trees) explain(op, name string, tr *tree, rest string, err error) error {
	inner := bare(err)
	if tr != nil && !errors.Is(inner, fs.ErrNotExist) && !errors.Is(inner, fs.ErrInvalid) {
		top, _, _ := strings.Cut(name, "/")
		p := "."
		for _, seg := range strings.Split(rest, "/") {
			p = path.Join(p, seg)
			if st, lerr := tr.root.Lstat(p); lerr == nil && st.Mode()&fs.ModeSymlink != 0 {
				return linkError(top+"/"+p, top)
			}
		}
	}
	return &fs.PathError{Op: op, Path: name, Err: inner}
}

// bare strips an fs.PathError (whose path is relative to a tree).
func bare(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Open implements fs.FS.
func (t *trees) Open(name string) (fs.File, error) {
	fsys, rest, tr, err := t.lookup("open", name)
	if err != nil {
		return nil, err
	}
	f, err := fsys.Open(rest)
	if err != nil {
		return nil, t.explain("open", name, tr, rest, err)
	}
	if rest == "." && name != "." {
		return rootDir{f, path.Base(name)}, nil
	}
	return f, nil
}

// ReadDir implements fs.ReadDirFS.
func (t *trees) ReadDir(name string) ([]fs.DirEntry, error) {
	fsys, rest, tr, err := t.lookup("readdir", name)
	if err != nil {
		return nil, err
	}
	ents, err := fs.ReadDir(fsys, rest)
	if err != nil {
		return nil, t.explain("readdir", name, tr, rest, err)
	}
	return ents, nil
}

// Stat implements fs.StatFS.
func (t *trees) Stat(name string) (fs.FileInfo, error) {
	fsys, rest, tr, err := t.lookup("stat", name)
	if err != nil {
		return nil, err
	}
	st, err := fs.Stat(fsys, rest)
	if err != nil {
		return nil, t.explain("stat", name, tr, rest, err)
	}
	if rest == "." && name != "." {
		return renamed{st, path.Base(name)}, nil
	}
	return st, nil
}

// ReadFile implements fs.ReadFileFS.
func (t *trees) ReadFile(name string) ([]byte, error) {
	fsys, rest, tr, err := t.lookup("read", name)
	if err != nil {
		return nil, err
	}
	b, err := fs.ReadFile(fsys, rest)
	if err != nil {
		return nil, t.explain("read", name, tr, rest, err)
	}
	return b, nil
}

// checkTop returns the error of lookup for the top-level entry of name,
// for OpenRaw, which opens by path: the input folder must not be a link.
// (The folders below it come from Walk, which never enters a link, and
// Walk lists no link as a file.)
func (t *trees) checkTop(name string) error {
	top, _, _ := strings.Cut(name, "/")
	// A folder that lookup opened as a tree was a real folder then; Walk
	// looks it up again at the start of every build, which forgets it
	// when it has become a link. So the pages of a build cost no more
	// system calls than before.
	t.mu.Lock()
	_, seen := t.roots[top]
	t.mu.Unlock()
	if seen {
		return nil
	}
	st, err := os.Lstat(filepath.Join(t.dir, top))
	if err == nil && st.Mode()&fs.ModeSymlink != 0 {
		return t.topLinkError(top)
	}
	return nil
}

// renamed is the info of a tree's root, named as in the site folder
// rather than ".".
type renamed struct {
	fs.FileInfo
	name string
}

func (r renamed) Name() string { return r.name }

// rootDir is a tree's root opened as "." and reporting its own name.
type rootDir struct {
	fs.File
	name string
}

func (d rootDir) Stat() (fs.FileInfo, error) {
	st, err := d.File.Stat()
	if err != nil {
		return nil, err
	}
	return renamed{st, d.name}, nil
}

// ReadDir implements fs.ReadDirFile.
func (d rootDir) ReadDir(n int) ([]fs.DirEntry, error) {
	if rd, ok := d.File.(fs.ReadDirFile); ok {
		return rd.ReadDir(n)
	}
	return nil, &fs.PathError{Op: "readdir", Path: d.name, Err: errors.New("not a directory")}
}
