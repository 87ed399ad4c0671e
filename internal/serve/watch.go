package serve

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watched are the folders (and file) of a site that trigger rebuilds.
var Watched = []string{"content", "layouts", "assets", "static", "archetypes", "data", "site.toml"}

// DefaultDebounce is how long the watcher waits after the last change
// before rebuilding, so that a burst of saves gives one rebuild.
const DefaultDebounce = 30 * time.Millisecond

// Watch watches the site folder dir and calls rebuild with the changed
// paths (relative to dir, slash-separated) after each burst of changes.
// It handles editors that write in place, write a temporary file and
// rename it, or delete and re-create; new folders are watched as they
// appear. It returns when ctx ends.
func Watch(ctx context.Context, dir string, debounce time.Duration, rebuild func([]string)) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	if err := w.Add(dir); err != nil {
		return err
	}
	for _, name := range Watched {
		addTree(w, filepath.Join(dir, name))
	}
	pending := map[string]bool{}
	var timer *time.Timer
	var fire <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-w.Errors:
			_ = err
		case ev := <-w.Events:
			rel, err := filepath.Rel(dir, ev.Name)
			if err != nil {
				continue
			}
			rel = filepath.ToSlash(rel)
			if !watched(rel) || ignored(rel) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Lstat(ev.Name); err == nil && st.IsDir() {
					addTree(w, ev.Name)
					// Files may have been written before the watch was added.
					filepath.WalkDir(ev.Name, func(p string, d fs.DirEntry, err error) error {
						if err == nil && !d.IsDir() {
							if r, err := filepath.Rel(dir, p); err == nil {
								pending[filepath.ToSlash(r)] = true
							}
						}
						return nil
					})
				}
			}
			pending[rel] = true
			if timer == nil {
				timer = time.NewTimer(debounce)
			} else {
				timer.Reset(debounce)
			}
			fire = timer.C
		case <-fire:
			fire = nil
			changed := make([]string, 0, len(pending))
			for p := range pending {
				changed = append(changed, p)
			}
			pending = map[string]bool{}
			rebuild(changed)
		}
	}
}

func watched(rel string) bool {
	for _, name := range Watched {
		if rel == name || strings.HasPrefix(rel, name+"/") {
			return true
		}
	}
	return false
}

// ignored skips editor scratch files: backups, swap files, temporary
// files that are renamed into place.
func ignored(rel string) bool {
	base := filepath.Base(rel)
	switch {
	case strings.HasPrefix(base, ".") && base != ".", strings.HasSuffix(base, "~"),
		strings.HasSuffix(base, ".swp"), strings.HasSuffix(base, ".swx"), strings.HasSuffix(base, ".tmp"),
		strings.HasPrefix(base, "#") && strings.HasSuffix(base, "#"), base == "4913":
		return true
	}
	return false
}

func addTree(w *fsnotify.Watcher, root string) {
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") && p != root {
				return filepath.SkipDir
			}
			w.Add(p)
		}
		return nil
	})
}
