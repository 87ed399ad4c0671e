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
// file system, between deleting a set's outputs and the next measured
// run.
//
// ext4 without a journal (the file system of the machines this benchmark
// was first run on) does not reuse an inode freed in the last 60 seconds,
// or in the last 6 minutes while its inode-table block is not written
// back: the allocator checks each candidate and skips it. A build that
// starts right after `rm -rf` of a large output therefore pays kernel time
// for every inode the deletion freed, several seconds for a 10,000-page
// site, and the tool that creates the most files pays the most. Every
// run writes to a new folder, the outputs of a set are deleted only after
// its last run, and the next set (and the first) waits this long after a
// sync.
const DefaultDeletedWait = 65 * time.Second

// outputs hands out a new output folder for every measured run and
// deletes them together, between sets.
type outputs struct {
	root string
	wait time.Duration
	log  func(format string, args ...any)
	n    int
	made []string
}

// fresh returns a folder under root, named after tool, that no earlier run
// of this benchmark wrote to. A folder left by an interrupted benchmark is
// deleted first.
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

// clear deletes every folder handed out so far, flushes the file system
// and waits o.wait, so that the next measured run does not pay for the
// inodes the deletion freed.
func (o *outputs) clear() {
	if len(o.made) == 0 {
		return
	}
	for _, d := range o.made {
		removeOutput(d)
	}
	o.made = nil
	syscall.Sync()
	if o.wait > 0 {
		if o.log != nil {
			o.log("waiting %s after deleting outputs (freed inodes are not reused at once)", o.wait)
		}
		time.Sleep(o.wait)
	}
}

// reset deletes everything under root, left by an earlier benchmark or
// not, and waits as clear does: what was deleted just before the
// benchmark started would otherwise slow the first set alone.
func (o *outputs) reset() {
	o.made = append(o.made, o.root)
	o.clear()
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
