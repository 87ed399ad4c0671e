package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi"
)

// TestBinaryAlone builds the fazhi binary and copies it outside the
// repository, runs it with an empty environment (PATH names an empty
// folder: no sass, no node, no node_modules anywhere above) and builds a
// site that has no styles of its own: the theme's compiled CSS ships in
// the binary. A site with search on fails in one line that says how to
// get Pagefind.
func TestBinaryAlone(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("go command: %v", err)
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "bin", "fazhi")
	build := exec.Command(goBin, "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	empty := filepath.Join(tmp, "empty")
	site := filepath.Join(tmp, "site")
	for name, text := range map[string]string{
		"site.toml":                      "title = \"某市法治政府网\"\nbaseURL = \"https://fzb.moushi.gov.cn/\"\nsearch = false\n[identity]\nsponsor = \"某市人民政府办公室\"\n",
		"content/_index.md":              "+++\ntitle = \"首页\"\n+++\n",
		"content/gongzuo/_index.md":      "+++\ntitle = \"工作动态\"\n+++\n",
		"content/gongzuo/2026-kaihui.md": "+++\ntitle = \"召开依法行政工作会议\"\ndate = 2026-02-03\n+++\n会议部署了今年的工作。\n",
	} {
		p := filepath.Join(site, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) (int, string) {
		cmd := exec.Command(bin, args...)
		cmd.Dir = site
		cmd.Env = []string{"PATH=" + empty, "HOME=" + tmp, "FAZHI_CACHE_DIR=off"}
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		if _, ok := err.(*exec.ExitError); err != nil && !ok {
			t.Fatal(err)
		}
		return cmd.ProcessState.ExitCode(), out.String()
	}

	code, out := run("build", "--now", "2026-03-01")
	if code != 0 {
		t.Fatalf("build exit %d:\n%s", code, out)
	}
	css, _ := filepath.Glob(filepath.Join(site, "public", "css", "main.*.css"))
	if len(css) != 1 {
		t.Fatalf("stylesheets %v, want one", css)
	}
	got, err := os.ReadFile(css[0])
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, fazhi.ThemeCSS) {
		t.Errorf("the stylesheet (%d bytes) is not the theme's compiled CSS (%d bytes)", len(got), len(fazhi.ThemeCSS))
	}
	home, err := os.ReadFile(filepath.Join(site, "public", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "/css/" + filepath.Base(css[0]); !bytes.Contains(home, []byte(want)) {
		t.Errorf("the home page does not link %s", want)
	}

	// Search on, no Pagefind anywhere: one line on how to get it.
	toml := filepath.Join(site, "site.toml")
	b, _ := os.ReadFile(toml)
	if err := os.WriteFile(toml, bytes.Replace(b, []byte("search = false"), []byte("search = true"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out = run("build", "--now", "2026-03-01")
	if code != 1 {
		t.Fatalf("build with search and no Pagefind: exit %d, want 1:\n%s", code, out)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1 || !strings.Contains(lines[0], "找不到 Pagefind") || !strings.Contains(lines[0], "pagefind_extended") {
		t.Errorf("output:\n%s\nwant one line saying how to get Pagefind", out)
	}
}
