// Package source walks a site's content folder and classifies what it
// finds: column index files, pages, page bundles and their resources, and
// loose files. It does not read or parse any file.
package source

import (
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// File is one Markdown source under content/.
type File struct {
	// Path is relative to content/, with forward slashes: "zhengce/a.md",
	// "zhengce/b/index.md", "zhengce/_index.md", "_index.md".
	Path string
	// Dir is the folder of the file relative to content/ ("" for the root).
	// For a bundle it is the folder that contains the bundle folder.
	Dir string
	// SectionIndex is true for _index.md files.
	SectionIndex bool
	// Bundle is true for <name>/index.md page bundles.
	Bundle bool
	// Resources are the other files of a bundle, relative to content/.
	Resources []string
	// Sizes gives the size in bytes of each resource (of those still
	// there once the walk had listed them).
	Sizes map[string]int64
}

// Name returns the page's base name: the file name without ".md", or the
// bundle folder's name.
func (f File) Name() string {
	if f.Bundle {
		return path.Base(path.Dir(f.Path))
	}
	return strings.TrimSuffix(path.Base(f.Path), ".md")
}

// Tree is what Walk found.
type Tree struct {
	Files []File
	// Assets are non-Markdown files outside bundles, copied as they are.
	Assets []string
	// Skipped lists symbolic links that were not followed.
	Skipped []string
	// Rejected are files that may not be published from content/ (see
	// Check), in walk order; a hidden folder is one entry.
	Rejected []Rejected
}

// Rejected is a file of content/ that is not published, and why.
type Rejected struct {
	// Path is relative to content/.
	Path string
	// Reason says in Chinese what to do instead.
	Reason string
}

// Walk lists the sources under root in fsys (normally "content"). Symbolic
// links are never followed, so a link cannot pull files from outside the
// site into it. Housekeeping files (Ignored) are skipped; files that may
// not be published (Check), hidden ones included, are listed in Rejected.
// Names that cannot exist on Windows or macOS, or that differ from an
// earlier one only in case, are listed in Rejected too (NameProblem).
// A missing root gives an empty tree.
func Walk(fsys fs.FS, root string) (*Tree, error) {
	t := &Tree{}
	bundles := map[string]int{} // bundle dir -> index in Files
	var loose []string
	sizes := map[string]int64{} // of loose files other than Markdown
	folds := Folds{}            // names that are one file on Windows and macOS
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			return err
		}
		name := d.Name()
		if p != root && (Ignored(name) || strings.HasPrefix(name, ".")) {
			if !Ignored(name) {
				t.Rejected = append(t.Rejected, Rejected{Path: rel(root, p), Reason: Check(rel(root, p))})
			}
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p != root {
			r := rel(root, p)
			why := NameProblem(name)
			if why == "" {
				if first := folds.Add(r); first != "" {
					why = CaseCollision(root+"/"+r, root+"/"+first)
				}
			}
			if why != "" {
				t.Rejected = append(t.Rejected, Rejected{Path: r, Reason: why})
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
		}
		if d.Type()&fs.ModeSymlink != 0 {
			t.Skipped = append(t.Skipped, rel(root, p))
			return nil
		}
		if d.IsDir() {
			return nil
		}
		r := rel(root, p)
		if why := Check(r); why != "" {
			t.Rejected = append(t.Rejected, Rejected{Path: r, Reason: why})
			return nil
		}
		dir := path.Dir(r)
		if dir == "." {
			dir = ""
		}
		switch {
		case name == "_index.md":
			t.Files = append(t.Files, File{Path: r, Dir: dir, SectionIndex: true})
		case name == "index.md" && dir != "":
			bundles[dir] = len(t.Files)
			parent := path.Dir(dir)
			if parent == "." {
				parent = ""
			}
			t.Files = append(t.Files, File{Path: r, Dir: parent, Bundle: true})
		default:
			loose = append(loose, r)
			if !strings.HasSuffix(r, ".md") {
				if info, err := d.Info(); err == nil { // else removed meanwhile
					sizes[r] = info.Size()
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, r := range loose {
		if b, ok := bundleOf(r, bundles); ok {
			f := &t.Files[bundles[b]]
			f.Resources = append(f.Resources, r)
			size, ok := sizes[r]
			if !ok { // a Markdown file kept as a bundle's resource
				if info, err := fs.Stat(fsys, path.Join(root, r)); err == nil {
					size, ok = info.Size(), true
				}
			}
			if ok {
				if f.Sizes == nil {
					f.Sizes = map[string]int64{}
				}
				f.Sizes[r] = size
			}
			continue
		}
		if strings.HasSuffix(r, ".md") {
			dir := path.Dir(r)
			if dir == "." {
				dir = ""
			}
			t.Files = append(t.Files, File{Path: r, Dir: dir})
			continue
		}
		t.Assets = append(t.Assets, r)
	}
	sort.Slice(t.Files, func(i, j int) bool { return t.Files[i].Path < t.Files[j].Path })
	sort.Strings(t.Assets)
	return t, nil
}

// bundleOf finds the innermost bundle folder that contains r.
func bundleOf(r string, bundles map[string]int) (string, bool) {
	for d := path.Dir(r); d != "." && d != ""; d = path.Dir(d) {
		if _, ok := bundles[d]; ok {
			return d, true
		}
	}
	return "", false
}

func rel(root, p string) string {
	if root == "." || root == "" {
		return p
	}
	return strings.TrimPrefix(strings.TrimPrefix(p, root), "/")
}
