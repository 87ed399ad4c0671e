package robust

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/fazhi-dev/fazhi/internal/fazhitest"

	"github.com/fazhi-dev/fazhi/internal/scss"
)

// fazhiBinary builds the command once for the kill tests.
func fazhiBinary(t *testing.T) (bin string, env []string) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary and needs Dart Sass (run make test)")
	}
	root := fazhitest.RepoRoot(t)
	sass := filepath.Join(root, scss.NPMPath)
	if _, err := os.Stat(sass); err != nil {
		t.Fatalf("Dart Sass missing at %s: run make test", sass)
	}
	bin = filepath.Join(t.TempDir(), "fazhi")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/fazhi")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin, append(os.Environ(), scss.EnvVar+"="+sass)
}

// bigSite writes a site of n pages, large enough that a build takes a
// noticeable time.
func bigSite(t *testing.T, n int) string {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "site.toml"), []byte("title = \"网\"\nsearch = false\n[identity]\nsponsor = \"某市人民政府办公室\"\n"), 0o644)
	col := filepath.Join(dir, "content", "gongzuo")
	os.MkdirAll(col, 0o755)
	os.WriteFile(filepath.Join(col, "_index.md"), []byte("+++\ntitle = \"工作动态\"\n+++\n"), 0o644)
	body := strings.Repeat("第一条　为了规范行政执法行为，保护公民、法人和其他组织的合法权益，制定本办法。\n\n", 40)
	for i := 0; i < n; i++ {
		os.WriteFile(filepath.Join(col, fmt.Sprintf("p%05d.md", i)), []byte(fmt.Sprintf("+++\ntitle = \"文章%d\"\ndate = 2026-11-%02d\ntags = [\"t%d\"]\n+++\n%s", i, 1+i%27, i%30, body)), 0o644)
	}
	return dir
}

func run(bin string, env []string, args ...string) *exec.Cmd {
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	return cmd
}

func snapshot(t *testing.T, dest string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dest, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dest, p)
			out[rel] = string(b)
		}
		return nil
	})
	return out
}

func TestKilledBuildsLeavePreviousOutput(t *testing.T) {
	bin, env := fazhiBinary(t)
	site := bigSite(t, 1500)
	dest := filepath.Join(t.TempDir(), "public")
	if out, err := run(bin, env, "build", "-s", site, "-d", dest, "--now", "2026-11-27").CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, out)
	}
	before := snapshot(t, dest)
	// Change content, so that an interrupted build would write different files.
	os.WriteFile(filepath.Join(site, "content", "gongzuo", "p00001.md"), []byte("+++\ntitle = \"改过\"\ndate = 2026-11-20\n+++\n新\n"), 0o644)
	// The complete new output, built elsewhere: a signal that arrives after
	// the folder swap (the commit point) rightly leaves this in place.
	full := filepath.Join(t.TempDir(), "public")
	if out, err := run(bin, env, "build", "-s", site, "-d", full, "--now", "2026-11-27").CombinedOutput(); err != nil {
		t.Fatalf("reference build: %v\n%s", err, out)
	}
	complete := fmt.Sprint(snapshot(t, full))
	rng := rand.New(rand.NewPCG(1, 2))
	signals := []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGKILL, syscall.SIGKILL, syscall.SIGINT, syscall.SIGKILL}
	for i, sig := range signals {
		cmd := run(bin, env, "build", "-s", site, "-d", dest, "--now", "2026-11-27")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		delay := time.Duration(50+rng.IntN(900)) * time.Millisecond
		time.Sleep(delay)
		cmd.Process.Signal(sig)
		err := cmd.Wait()
		if err == nil {
			// The build finished before the signal: restore the old state.
			t.Logf("run %d: build finished within %v", i, delay)
			before = snapshot(t, dest)
			continue
		}
		// A signal that arrives before fazhi has set up its handler kills
		// the process outright; one that arrives later is reported.
		signaled := false
		if ee, ok := err.(*exec.ExitError); ok {
			if ws, ok := ee.Sys().(syscall.WaitStatus); ok {
				signaled = ws.Signaled()
			}
		}
		if sig != syscall.SIGKILL && !signaled && !strings.Contains(stderr.String(), "构建已中断，原有输出保持不变") {
			t.Errorf("run %d (%v): stderr = %q", i, sig, stderr.String())
		}
		after := snapshot(t, dest)
		if _, err := os.Stat(dest); err != nil {
			// Portable builds swap with two renames; a kill between them
			// leaves the previous output under its old name, which the next
			// build puts back.
			olds, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), ".public.fazhi-old-*"))
			if len(olds) != 1 {
				t.Fatalf("run %d: output folder gone and %d old folders", i, len(olds))
			}
			after = snapshot(t, olds[0])
			if fmt.Sprint(after) != fmt.Sprint(before) {
				t.Fatalf("run %d: the kept old output differs from the previous one", i)
			}
			continue
		}
		if got := fmt.Sprint(after); got == complete && got != fmt.Sprint(before) {
			// Killed after the swap: the whole new build is in place, which
			// is as good as the old one. Later kills must keep it.
			t.Logf("run %d: %v after %v came after the commit; new output complete", i, sig, delay)
			before = after
			continue
		}
		if fmt.Sprint(after) != fmt.Sprint(before) {
			t.Fatalf("run %d: %v after %v changed the previous output (%d files before, %d after)", i, sig, delay, len(before), len(after))
		}
	}
	// The next build succeeds and leaves nothing behind.
	if out, err := run(bin, env, "build", "-s", site, "-d", dest, "--now", "2026-11-27").CombinedOutput(); err != nil {
		t.Fatalf("build after kills: %v\n%s", err, out)
	}
	ents, _ := os.ReadDir(filepath.Dir(dest))
	for _, e := range ents {
		if strings.Contains(e.Name(), ".fazhi-") || strings.HasSuffix(e.Name(), ".lock") {
			t.Errorf("stray %s", e.Name())
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "gongzuo", "p00001", "index.html")); !bytes.Contains(b, []byte("改过")) {
		t.Error("new build not in place")
	}
}

func TestConcurrentBuildsDoNotInterleave(t *testing.T) {
	bin, env := fazhiBinary(t)
	site := bigSite(t, 1500)
	dest := filepath.Join(t.TempDir(), "public")
	a := run(bin, env, "build", "-s", site, "-d", dest, "--now", "2026-11-27")
	b := run(bin, env, "build", "-s", site, "-d", dest, "--now", "2026-11-27")
	var ea, eb bytes.Buffer
	a.Stderr, b.Stderr = &ea, &eb
	a.Start()
	time.Sleep(100 * time.Millisecond)
	b.Start()
	errA, errB := a.Wait(), b.Wait()
	// Usually the first build holds the lock; on a busy machine the second
	// may start first. Either way exactly one succeeds and the other stops
	// with the message and exit code 1.
	if errA != nil && errB == nil {
		errA, errB = errB, errA
		ea, eb = eb, ea
	}
	if errA != nil {
		t.Fatalf("both builds failed: %v\n%s\n%v\n%s", errA, ea.String(), errB, eb.String())
	}
	if errB == nil || !strings.Contains(eb.String(), "正在写同一个输出文件夹") {
		t.Fatalf("second build: %v\n%s", errB, eb.String())
	}
	if ee, ok := errB.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
		t.Errorf("second build exit = %v, want 1", errB)
	}
}
