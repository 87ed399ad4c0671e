package bench

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// DefaultDeletedWait is how long the benchmark waits, after flushing the
// file system, between deleting outputs and the next measured run, when
// the disk is too small to keep every output until the end.
//
// ext4 without a journal (the file system of the machines this benchmark
// was first run on) prefers not to reuse a recently freed inode: for each
// free inode it considers, it reads the inode's deletion time and skips
// the inode if it was freed in the last 60 seconds, or in the last 6
// minutes when its inode-table block is dirty. The new files of a build
// dirty those blocks, so for 6 minutes after `rm -rf` of a large output
// every inode a build creates can cost a scan past thousands of freed
// ones: seconds of kernel time for a 10,000-page site, and the tool that
// creates the most files pays the most. 6 minutes and 5 seconds is past
// both windows.
const DefaultDeletedWait = 6*time.Minute + 5*time.Second

// bytesPerPageRun bounds the disk space one page takes in the outputs of
// all tools of one run (fazhi three times, Hugo, the floor; each page a
// folder and a file of up to tens of kilobytes).
const bytesPerPageRun = 160 << 10

// outputs hands out a new output folder for every measured run. When keep
// is set, nothing is deleted until finish, after the last measurement, so
// that no measured run follows a deletion; otherwise setDone deletes a
// set's outputs and waits.
type outputs struct {
	root string
	keep bool
	wait time.Duration
	log  func(format string, args ...any)
	n    int
	made []string
	old  []string // output folders of earlier benchmarks, moved aside
}

// fresh returns a folder under root, named after tool, that no earlier run
// of this benchmark wrote to. A folder left by an interrupted benchmark is
// deleted first (reset moves such folders aside, so this only happens
// without it).
func (o *outputs) fresh(tool string) (string, error) {
	o.n++
	dir := filepath.Join(o.root, fmt.Sprintf("%s-%d", tool, o.n))
	if err := removeOutput(dir); err != nil {
		return "", err
	}
	if err := os.MkdirAll(o.root, 0o755); err != nil {
		return "", err
	}
	o.made = append(o.made, dir)
	return dir, nil
}

// reset moves the output folder of an earlier benchmark, and any such
// folder an interrupted benchmark moved aside, out of the way without
// deleting them: finish deletes them after the measurements.
func (o *outputs) reset() error {
	olds, _ := filepath.Glob(o.root + ".old-*")
	o.old = append(o.old, olds...)
	if _, err := os.Stat(o.root); err != nil {
		return nil
	}
	aside := fmt.Sprintf("%s.old-%d", o.root, time.Now().UnixNano())
	if err := os.Rename(o.root, aside); err != nil {
		return err
	}
	o.old = append(o.old, aside)
	return nil
}

// setDone ends a set. Unless outputs are kept, it deletes every folder
// handed out so far, flushes the file system and waits o.wait, so that
// the next measured run does not pay for the inodes the deletion freed.
func (o *outputs) setDone() {
	if o.keep || len(o.made) == 0 {
		return
	}
	o.removeMade()
	syscall.Sync()
	if o.wait > 0 {
		if o.log != nil {
			o.log("waiting %s after deleting outputs (freed inodes are not reused at once)", o.wait)
		}
		time.Sleep(o.wait)
	}
}

// finish deletes every output and every folder reset moved aside.
func (o *outputs) finish() {
	o.removeMade()
	for _, d := range o.old {
		os.RemoveAll(d)
	}
	o.old = nil
}

func (o *outputs) removeMade() {
	for _, d := range o.made {
		removeOutput(d)
	}
	o.made = nil
}

// roomToKeep reports whether the file system holding dir has room for
// every output of the given pages (the sum of pages times runs over all
// sets), with a quarter to spare.
func roomToKeep(dir string, pageRuns int64) (bool, int64, int64) {
	need := pageRuns * bytesPerPageRun
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return false, need, 0
	}
	free := int64(st.Bavail) * int64(st.Bsize)
	return free > need+need/4, need, free
}

// removeOutput removes an output folder and what fazhi keeps beside it.
func removeOutput(out string) error {
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	parent, base := filepath.Dir(out), filepath.Base(out)
	ents, _ := os.ReadDir(parent)
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), "."+base+".fazhi-") {
			os.RemoveAll(filepath.Join(parent, e.Name()))
		}
	}
	return nil
}

// fsName names the file system holding dir: tmpfs, ext4, or its magic
// number.
func fsName(dir string) string {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return "?"
	}
	switch uint64(st.Type) {
	case 0x01021994:
		return "tmpfs"
	case 0xef53:
		return "ext4"
	case 0x9123683e:
		return "btrfs"
	case 0x58465342:
		return "xfs"
	}
	return fmt.Sprintf("0x%x", uint64(st.Type))
}
