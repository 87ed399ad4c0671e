package toolbin

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeExec creates a file (and its folders) at p.
func writeExec(t *testing.T, p string, mode os.FileMode) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte("#!/bin/sh\nexit 0\n"), mode); err != nil {
		t.Fatal(err)
	}
	return p
}

const npm = "node_modules/@pagefind/linux-x64/bin/pagefind_extended"

var errMissing = errors.New("找不到 Pagefind")

var tool = Tool{Label: "Pagefind", Env: "FAZHI_TEST_TOOL", Name: "pagefind_extended", NPMPath: npm,
	Beside: []string{"pagefind_extended", npm}, NotFound: errMissing}

func TestFindOrder(t *testing.T) {
	tmp := t.TempDir()
	envBin := writeExec(t, filepath.Join(tmp, "env", "pf"), 0o755)
	notExec := writeExec(t, filepath.Join(tmp, "env", "plain"), 0o644)
	pathDir := filepath.Join(tmp, "path")
	pathBin := writeExec(t, filepath.Join(pathDir, "pagefind_extended"), 0o755)
	// A release folder: fazhi with the program beside it.
	rel := filepath.Join(tmp, "release")
	exe := writeExec(t, filepath.Join(rel, "fazhi"), 0o755)
	besideBin := writeExec(t, filepath.Join(rel, "pagefind_extended"), 0o755)
	// A folder with the npm package beside fazhi.
	npmRel := filepath.Join(tmp, "npmrel")
	npmExe := writeExec(t, filepath.Join(npmRel, "fazhi"), 0o755)
	npmBin := writeExec(t, filepath.Join(npmRel, filepath.FromSlash(npm)), 0o755)
	empty := filepath.Join(tmp, "empty")
	os.MkdirAll(empty, 0o755)
	site := filepath.Join(tmp, "site")

	tests := []struct {
		name, env, path, exe string
		want, wantErr        string
	}{
		{name: "env first", env: envBin, path: pathDir, exe: exe, want: envBin},
		{name: "env not executable", env: notExec, path: pathDir, wantErr: "FAZHI_TEST_TOOL"},
		{name: "env missing", env: filepath.Join(tmp, "nope"), path: pathDir, wantErr: "不是可执行文件"},
		{name: "PATH before beside", path: pathDir, exe: exe, want: pathBin},
		{name: "beside the binary", path: empty, exe: exe, want: besideBin},
		{name: "npm beside the binary", path: empty, exe: npmExe, want: npmBin},
		{name: "nowhere", path: empty, exe: filepath.Join(empty, "fazhi"), wantErr: "找不到 Pagefind"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(tool.Env, tt.env)
			t.Setenv("PATH", tt.path)
			got, err := tool.find(tt.exe, []string{site})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("find() = %q, %v; want error containing %q", got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("find() = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

// TestNeverFromSite: programs committed to a site folder are not found,
// whether the site is the working directory, "." is on PATH, or the fazhi
// binary itself was put into the site folder.
func TestNeverFromSite(t *testing.T) {
	tmp := t.TempDir()
	site := filepath.Join(tmp, "site")
	writeExec(t, filepath.Join(site, filepath.FromSlash(npm)), 0o755)
	writeExec(t, filepath.Join(site, "pagefind_extended"), 0o755)
	writeExec(t, filepath.Join(site, "sub", "node_modules", "x"), 0o755)
	elsewhere := filepath.Join(tmp, "bin", "fazhi")
	writeExec(t, elsewhere, 0o755)
	t.Chdir(filepath.Join(site, "sub"))
	t.Setenv(tool.Env, "")

	for _, path := range []string{"", ".", "..", filepath.Join(tmp, "empty")} {
		t.Setenv("PATH", path)
		if got, err := tool.find(elsewhere, []string{site}); !errors.Is(err, errMissing) {
			t.Errorf("PATH=%q: find() = %q, %v; want not found", path, got, err)
		}
	}
	t.Setenv("PATH", "")
	inside := filepath.Join(site, "fazhi")
	got, err := tool.find(inside, []string{site})
	if !errors.Is(err, errMissing) || !strings.Contains(err.Error(), "fazhi 程序放在站点文件夹") {
		t.Errorf("binary inside the site: find() = %q, %v; want not found, saying why", got, err)
	}
	// The same binary folder is searched when building another site.
	if got, err := tool.find(inside, []string{filepath.Join(tmp, "other")}); err != nil || got != filepath.Join(site, "pagefind_extended") {
		t.Errorf("binary folder outside the site: find() = %q, %v", got, err)
	}
}

func TestInRepo(t *testing.T) {
	root := t.TempDir()
	t.Setenv(tool.Env, "")
	if _, err := tool.InRepo(root); err == nil || !strings.Contains(err.Error(), "not installed") {
		t.Errorf("InRepo without the package: %v", err)
	}
	bin := writeExec(t, filepath.Join(root, filepath.FromSlash(npm)), 0o755)
	if got, err := tool.InRepo(root); err != nil || got != bin {
		t.Errorf("InRepo = %q, %v; want %q", got, err, bin)
	}
	other := writeExec(t, filepath.Join(root, "other"), 0o755)
	t.Setenv(tool.Env, other)
	if got, err := tool.InRepo(root); err != nil || got != other {
		t.Errorf("InRepo with the variable = %q, %v; want %q", got, err, other)
	}
}

// TestFindFolder: a folder tool (Decap CMS) is a folder holding its file,
// from the environment or beside the fazhi binary, never from PATH or the
// site.
func TestFindFolder(t *testing.T) {
	tmp := t.TempDir()
	errNo := errors.New("找不到 Decap CMS")
	dec := Tool{Label: "Decap CMS", Env: "FAZHI_TEST_FOLDER", Folder: "decap-cms.js",
		Beside: []string{"decap-cms", "node_modules/decap-cms/dist"}, NotFound: errNo}
	envDir := filepath.Join(tmp, "env")
	writeExec(t, filepath.Join(envDir, "decap-cms.js"), 0o644)
	rel := filepath.Join(tmp, "release")
	exe := writeExec(t, filepath.Join(rel, "fazhi"), 0o755)
	writeExec(t, filepath.Join(rel, "node_modules", "decap-cms", "dist", "decap-cms.js"), 0o644)
	site := filepath.Join(tmp, "site")
	writeExec(t, filepath.Join(site, "decap-cms", "decap-cms.js"), 0o644)
	pathDir := filepath.Join(tmp, "path")
	writeExec(t, filepath.Join(pathDir, "decap-cms", "decap-cms.js"), 0o644)
	t.Setenv("PATH", pathDir)

	t.Setenv(dec.Env, envDir)
	if got, err := dec.find(exe, []string{site}); err != nil || got != envDir {
		t.Errorf("env: find() = %q, %v; want %q", got, err, envDir)
	}
	t.Setenv(dec.Env, filepath.Join(envDir, "decap-cms.js"))
	if _, err := dec.find(exe, []string{site}); err == nil || !strings.Contains(err.Error(), "不是含有 decap-cms.js 的文件夹") {
		t.Errorf("env naming the file: err = %v", err)
	}
	t.Setenv(dec.Env, "")
	want := filepath.Join(rel, "node_modules", "decap-cms", "dist")
	if got, err := dec.find(exe, []string{site}); err != nil || got != want {
		t.Errorf("beside: find() = %q, %v; want %q", got, err, want)
	}
	inSite := writeExec(t, filepath.Join(site, "fazhi"), 0o755)
	if got, err := dec.find(inSite, []string{site}); !errors.Is(err, errNo) {
		t.Errorf("binary in the site: find() = %q, %v; want not found", got, err)
	}
}
