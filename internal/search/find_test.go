package search

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeExec creates an executable file (and its folders) at p.
func writeExec(t *testing.T, p string, mode os.FileMode) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte("#!/bin/sh\n"), mode); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestFind(t *testing.T) {
	tmp := t.TempDir()
	npmSite := filepath.Join(tmp, "repo")
	npmBin := writeExec(t, filepath.Join(npmSite, filepath.FromSlash(NPMPath)), 0o755)
	deep := filepath.Join(npmSite, "sites", "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	cfgBin := writeExec(t, filepath.Join(tmp, "cfg", "pf"), 0o755)
	notExec := writeExec(t, filepath.Join(tmp, "cfg", "plain"), 0o644)
	envBin := writeExec(t, filepath.Join(tmp, "env", "pf"), 0o755)
	pathDir := filepath.Join(tmp, "path")
	pathBin := writeExec(t, filepath.Join(pathDir, BinaryName), 0o755)
	empty := filepath.Join(tmp, "empty")
	if err := os.MkdirAll(empty, 0o755); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name       string
		configured string
		env, path  string
		dirs       []string
		want       string
		wantErr    string // substring of the error; "" means success
	}{
		{name: "configured wins", configured: cfgBin, env: envBin, path: pathDir, dirs: []string{npmSite}, want: cfgBin},
		{name: "configured not executable", configured: notExec, wantErr: "不是可执行文件"},
		{name: "configured missing", configured: filepath.Join(tmp, "nope"), env: envBin, wantErr: "不是可执行文件"},
		{name: "env before PATH", env: envBin, path: pathDir, dirs: []string{npmSite}, want: envBin},
		{name: "env not executable", env: notExec, path: pathDir, wantErr: EnvVar},
		{name: "PATH before npm", path: pathDir, dirs: []string{npmSite}, want: pathBin},
		{name: "npm below dir", path: empty, dirs: []string{npmSite}, want: npmBin},
		{name: "npm above dir", path: empty, dirs: []string{deep}, want: npmBin},
		{name: "second dir", path: empty, dirs: []string{"", empty, deep}, want: npmBin},
		{name: "missing", path: empty, dirs: []string{empty}, wantErr: "找不到 Pagefind"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(EnvVar, tt.env)
			t.Setenv("PATH", tt.path)
			got, err := Find(tt.configured, tt.dirs...)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Find() = %q, %v; want error containing %q", got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("Find() = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

// TestNotFoundMessage keeps the missing-binary message one line that
// tells an author both ways out, in Chinese first.
func TestNotFoundMessage(t *testing.T) {
	msg := ErrNotFound.Error()
	for _, want := range []string{"找不到 Pagefind", "make", "search = false", EnvVar} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q: %s", want, msg)
		}
	}
	if strings.Contains(msg, "\n") || !strings.HasPrefix(msg, "找不到") {
		t.Errorf("message is not one line starting in Chinese: %q", msg)
	}
}
