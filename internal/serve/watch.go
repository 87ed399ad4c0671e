package serve

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
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
// appear. Errors of the watcher go to report (which may be nil). When the
// kernel's queue of changes overflowed, some changes are lost: Watch then
// watches every folder again and calls rebuild with "." (the whole site
// folder), which rebuilds everything. It returns when ctx ends.
func Watch(ctx context.Context, dir string, debounce time.Duration, rebuild func([]string), report func(error)) error {
	sw, err := startWatch(dir)
	if err != nil {
		return err
	}
	defer sw.w.Close()
	return sw.run(ctx, debounce, rebuild, report)
}

// siteWatcher is a watcher with every folder of a site watched.
type siteWatcher struct {
	w   *fsnotify.Watcher
	dir string
}

// startWatch watches the site folder dir and every folder in Watched;
// changes made after it returns are seen.
func startWatch(dir string) (*siteWatcher, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	if err := w.Add(dir); err != nil {
		w.Close()
		return nil, err
	}
	sw := &siteWatcher{w: w, dir: dir}
	sw.addAll()
	return sw, nil
}

func (sw *siteWatcher) addAll() {
	for _, name := range Watched {
		addTree(sw.w, filepath.Join(sw.dir, name))
	}
}

func (sw *siteWatcher) run(ctx context.Context, debounce time.Duration, rebuild func([]string), report func(error)) error {
	return watchLoop(ctx, sw.dir, debounce, sw.w.Events, sw.w.Errors, func(p string) { addTree(sw.w, p) }, sw.addAll, rebuild, report)
}

// Everything is the changed path Watch reports when it cannot tell what
// changed: the site folder itself.
const Everything = "."

// watchLoop is Watch's loop over the watcher's events and errors; add
// watches a new folder and addAll every folder of the site again.
func watchLoop(ctx context.Context, dir string, debounce time.Duration, events <-chan fsnotify.Event, errs <-chan error,
	add func(string), addAll func(), rebuild func([]string), report func(error)) error {
	pending := map[string]bool{}
	var timer *time.Timer
	var fire <-chan time.Time
	arm := func() {
		if timer == nil {
			timer = time.NewTimer(debounce)
		} else {
			timer.Reset(debounce)
		}
		fire = timer.C
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case err, ok := <-errs:
			if !ok {
				errs = nil
				continue
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				err = fmt.Errorf("短时间内文件变化太多，有些变化没有被看到：重新构建整个网站 (file watch queue overflowed; rebuilding everything): %w", err)
				addAll()
				pending[Everything] = true
				arm()
			} else {
				err = fmt.Errorf("监视文件变化时出错 (file watch error): %w", err)
			}
			if report != nil {
				report(err)
			}
		case ev, ok := <-events:
			if !ok {
				events = nil
				continue
			}
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
					add(ev.Name)
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
			arm()
		case <-fire:
			fire = nil
			changed := make([]string, 0, len(pending))
			for p := range pending {
				changed = append(changed, p)
			}
			sort.Strings(changed)
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
