package publish

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

func write(t *testing.T, d Publisher, files map[string]string) *Result {
	t.Helper()
	for name, data := range files {
		if err := d.WriteFile(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	r, err := d.Commit()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func inode(t *testing.T, p string) (uint64, time.Time) {
	t.Helper()
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return st.Sys().(*syscall.Stat_t).Ino, st.ModTime()
}

func TestDirSecondBuildRewritesNothing(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	files := map[string]string{"index.html": "首页", "a/index.html": "甲", "b/index.html": "乙"}
	d, err := OpenDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	r := write(t, d, files)
	if len(r.Written) != 3 || r.Unchanged != 0 {
		t.Fatalf("first build: %+v", r)
	}
	ino1, mt1 := inode(t, filepath.Join(dest, "a/index.html"))
	man1, _ := os.ReadFile(filepath.Join(dest, ManifestName))
	time.Sleep(20 * time.Millisecond)

	d, _ = OpenDir(dest)
	r = write(t, d, files)
	if len(r.Written) != 0 || r.Unchanged != 3 || len(r.Removed) != 0 {
		t.Fatalf("second build: %+v", r)
	}
	ino2, mt2 := inode(t, filepath.Join(dest, "a/index.html"))
	if ino1 != ino2 || !mt1.Equal(mt2) {
		t.Errorf("unchanged file was rewritten: inode %d→%d, mtime %v→%v", ino1, ino2, mt1, mt2)
	}
	man2, _ := os.ReadFile(filepath.Join(dest, ManifestName))
	if string(man1) != string(man2) {
		t.Error("manifest changed")
	}

	// One edit, one removal, one addition: exactly those are reported.
	d, _ = OpenDir(dest)
	r = write(t, d, map[string]string{"index.html": "首页", "a/index.html": "甲（修改）", "c/index.html": "丙"})
	if !reflect.DeepEqual(r.Written, []string{"a/index.html", "c/index.html"}) || !reflect.DeepEqual(r.Removed, []string{"b/index.html"}) || r.Unchanged != 1 {
		t.Fatalf("edit build: %+v", r)
	}
	var m Manifest
	b, _ := os.ReadFile(filepath.Join(dest, ManifestName))
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	want := []Entry{{Path: "a/index.html", Size: int64(len("甲（修改）")), Hash: Hash([]byte("甲（修改）"))}, {Path: "c/index.html", Size: 3, Hash: Hash([]byte("丙"))}, {Path: "index.html", Size: 6, Hash: Hash([]byte("首页"))}}
	if !reflect.DeepEqual(m.Files, want) {
		t.Errorf("manifest = %+v", m.Files)
	}
	if _, err := os.Stat(filepath.Join(dest, "b")); !os.IsNotExist(err) {
		t.Error("removed page still on disk")
	}
}

func TestDirAbortKeepsPrevious(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	d, _ := OpenDir(dest)
	write(t, d, map[string]string{"index.html": "旧"})
	d, _ = OpenDir(dest)
	d.WriteFile("index.html", []byte("新"))
	d.WriteFile("x/index.html", []byte("新"))
	if err := d.Abort(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(b) != "旧" {
		t.Errorf("previous output changed: %q", b)
	}
	assertNoStray(t, filepath.Dir(dest))
}

func assertNoStray(t *testing.T, parent string) {
	t.Helper()
	ents, _ := os.ReadDir(parent)
	for _, e := range ents {
		if strings.Contains(e.Name(), ".fazhi-") {
			t.Errorf("stray %s left behind", e.Name())
		}
	}
}

func TestDirRejectsEscapingNames(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	d, _ := OpenDir(dest)
	defer d.Abort()
	for _, name := range []string{"../x", "a/../../x", "/etc/x", "a/./b", "", "a\\b", "a//b"} {
		if err := d.WriteFile(name, []byte("x")); err == nil {
			t.Errorf("WriteFile(%q) succeeded", name)
		}
	}
	if err := d.WriteFile("a/b.html", []byte("x")); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("a/b.html", []byte("y")); err == nil || !strings.Contains(err.Error(), "被写了两次") {
		t.Errorf("duplicate write: %v", err)
	}
}

func TestLock(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	d, err := OpenDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := OpenDir(dest); err == nil || !strings.Contains(err.Error(), "本进程已有一个构建") {
		t.Errorf("second open in the same process: %v", err)
	}
	d.Abort()
	// A lock held by another live process.
	lock := filepath.Join(filepath.Dir(dest), ".public.fazhi.lock")
	os.WriteFile(lock, []byte("1\n"), 0o644) // pid 1 is always alive
	if _, err := OpenDir(dest); err == nil || !strings.Contains(err.Error(), "另一个 fazhi 构建（进程 1）正在写同一个输出文件夹") {
		t.Errorf("live lock: %v", err)
	}
	// A stale lock of a process that is gone is taken over.
	os.WriteFile(lock, []byte("999999999\n"), 0o644)
	d, err = OpenDir(dest)
	if err != nil {
		t.Fatalf("stale lock: %v", err)
	}
	d.Abort()
}

func TestRecoverAfterKilledSwap(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	d, _ := OpenDir(dest)
	write(t, d, map[string]string{"index.html": "旧"})
	// Simulate a build killed between the two renames of the swap, and a
	// staging folder left by a killed build.
	os.Rename(dest, filepath.Join(parent, ".public.fazhi-old-123"))
	os.MkdirAll(filepath.Join(parent, ".public.fazhi-tmp-123-9", "x"), 0o755)
	d, err := OpenDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(b) != "旧" {
		t.Errorf("previous output not restored: %q", b)
	}
	d.Abort()
	assertNoStray(t, parent)
}

func TestMem(t *testing.T) {
	m := NewMem(map[string][]byte{"a": []byte("1"), "b": []byte("2")})
	m.WriteFile("a", []byte("1"))
	m.WriteFile("c", []byte("3"))
	r, _ := m.Commit()
	if !reflect.DeepEqual(r.Written, []string{"c"}) || !reflect.DeepEqual(r.Removed, []string{"b"}) || r.Unchanged != 1 {
		t.Errorf("mem result = %+v", r)
	}
	if _, ok := m.Files()[ManifestName]; !ok {
		t.Error("no manifest")
	}
}

// TestDirWriteErrorFailsCommit checks that a failed write (here a file
// where a folder must go) is returned by that WriteFile, by later ones and
// by Commit, and that the previous output and no staging folder are left.
func TestDirWriteErrorFailsCommit(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	d, _ := OpenDir(dest)
	write(t, d, map[string]string{"index.html": "旧"})
	d, _ = OpenDir(dest)
	if err := d.WriteFile("a", []byte("file")); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("a/index.html", []byte("page")); err == nil || !strings.Contains(err.Error(), "not a directory") {
		t.Fatalf("WriteFile under a file: err = %v, want not a directory", err)
	}
	err := d.WriteFile("b/index.html", []byte("page"))
	if err == nil || !strings.Contains(err.Error(), "a/index.html") {
		t.Errorf("WriteFile after a failed write: err = %v, want the failed path", err)
	}
	if _, err := d.Commit(); err == nil || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("Commit: err = %v, want not a directory", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(b) != "旧" {
		t.Errorf("previous output changed: %q", b)
	}
	if err := d.WriteFile("c", nil); err == nil {
		t.Error("WriteFile after Commit succeeded")
	}
	assertNoStray(t, filepath.Dir(dest))
}

// TestDirConcurrentWriters writes from many goroutines and checks every
// file and the manifest.
func TestDirConcurrentWriters(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	d, _ := OpenDir(dest)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				name := fmt.Sprintf("col%d/p%d/index.html", i%3, g*100+i)
				if err := d.WriteFile(name, []byte(name)); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	r, err := d.Commit()
	if err != nil {
		t.Fatal(err)
	}
	if r.Files != 400 || len(r.Written) != 400 {
		t.Errorf("files %d, written %d; want 400", r.Files, len(r.Written))
	}
	for _, name := range r.Written {
		if b, err := os.ReadFile(filepath.Join(dest, name)); err != nil || string(b) != name {
			t.Errorf("%s: %q, %v", name, b, err)
		}
	}
}

// A file of the previous output edited in place (same size, so the
// manifest and the size still match) is written again from the build,
// not carried over by a hard link.
func TestDirDefacedFileIsRewritten(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	files := map[string]string{"index.html": "<h1>首页</h1>", "a/index.html": "甲"}
	d, err := OpenDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	write(t, d, files)
	man1, _ := os.ReadFile(filepath.Join(dest, ManifestName))
	defaced := "<h1>黑了</h1>"
	if len(defaced) != len(files["index.html"]) {
		t.Fatal("the defaced text must keep the size")
	}
	f, err := os.OpenFile(filepath.Join(dest, "index.html"), os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt([]byte(defaced), 0); err != nil {
		t.Fatal(err)
	}
	f.Close()

	d, _ = OpenDir(dest)
	r := write(t, d, files)
	got, _ := os.ReadFile(filepath.Join(dest, "index.html"))
	if string(got) != files["index.html"] {
		t.Fatalf("index.html after the rebuild = %q, want the built %q", got, files["index.html"])
	}
	if !reflect.DeepEqual(r.Written, []string{"index.html"}) || r.Unchanged != 1 {
		t.Errorf("result %+v, want index.html written and one file unchanged", r)
	}
	man2, _ := os.ReadFile(filepath.Join(dest, ManifestName))
	if string(man1) != string(man2) {
		t.Errorf("manifest changed:\n%s\n%s", man1, man2)
	}
	var m Manifest
	if err := json.Unmarshal(man2, &m); err != nil {
		t.Fatal(err)
	}
	for _, e := range m.Files {
		b, _ := os.ReadFile(filepath.Join(dest, e.Path))
		if Hash(b) != e.Hash {
			t.Errorf("%s on disk does not match its manifest hash", e.Path)
		}
	}
	// The unchanged file is still linked, not copied.
	d, _ = OpenDir(dest)
	ino1, _ := inode(t, filepath.Join(dest, "a/index.html"))
	write(t, d, files)
	if ino2, _ := inode(t, filepath.Join(dest, "a/index.html")); ino1 != ino2 {
		t.Error("an unchanged file was rewritten")
	}
}

// OpenDir never takes over a folder it did not make: one with files but
// no manifest, or a file.
func TestOpenDirRefusesForeignFolder(t *testing.T) {
	root := t.TempDir()
	foreign := filepath.Join(root, "site")
	os.MkdirAll(filepath.Join(foreign, ".git"), 0o755)
	os.WriteFile(filepath.Join(foreign, "site.toml"), []byte("x"), 0o644)
	file := filepath.Join(root, "file")
	os.WriteFile(file, []byte("x"), 0o644)
	for dest, want := range map[string]string{
		foreign: "里已经有文件，但不是 fazhi 生成的（没有 .fazhi-manifest.json）",
		file:    "已经存在，但不是文件夹",
	} {
		d, err := OpenDir(dest)
		if err == nil {
			d.Abort()
			t.Errorf("OpenDir(%s) succeeded", dest)
			continue
		}
		if !errors.Is(err, ErrNotOutput) || !strings.Contains(err.Error(), want) {
			t.Errorf("OpenDir(%s) = %v, want %q", dest, err, want)
		}
	}
	if _, err := os.Stat(filepath.Join(foreign, ".git")); err != nil {
		t.Error(err)
	}
	assertNoStray(t, root)
	// An empty folder is taken.
	empty := filepath.Join(root, "empty")
	os.Mkdir(empty, 0o755)
	d, err := OpenDir(empty)
	if err != nil {
		t.Fatal(err)
	}
	write(t, d, map[string]string{"index.html": "x"})
}
