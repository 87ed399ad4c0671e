package build

import (
	"errors"
	"io/fs"
	"strings"
)

// static copies static/ (site over theme) and loose content files.
func (b *builder) static() error {
	err := fs.WalkDir(b.fsys, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "static" && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			return err
		}
		if d.Type()&fs.ModeSymlink != 0 || d.IsDir() {
			return nil
		}
		name := strings.TrimPrefix(p, "static/")
		if _, ok := b.assetURLs[name]; ok {
			return nil // written fingerprinted by assets
		}
		data, err := fs.ReadFile(b.fsys, p)
		if err != nil {
			return err
		}
		return b.to("static").WriteFile(name, data)
	})
	if err != nil {
		return err
	}
	for _, a := range b.tree.Assets {
		data, err := fs.ReadFile(b.o.Source, "content/"+a)
		if err != nil {
			return err
		}
		if err := b.to("asset:"+a).WriteFile(a, data); err != nil {
			return err
		}
	}
	return nil
}
