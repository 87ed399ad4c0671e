package search

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/publish"
)

// fakePagefind writes a shell script standing in for Pagefind: it records
// its arguments, checks that the site's HTML is where --site says, then
// runs body with $out set to --output-path.
func fakePagefind(t *testing.T, body string) (bin, argsFile string) {
	t.Helper()
	dir := t.TempDir()
	argsFile = filepath.Join(dir, "args")
	script := `#!/bin/sh
echo "$*" > "` + argsFile + `"
while [ $# -gt 0 ]; do
  case "$1" in
    --site) site=$2; shift;;
    --output-path) out=$2; shift;;
  esac
  shift
done
test -f "$site/zhengce/a/index.html" || { echo "no html in $site" >&2; exit 3; }
mkdir -p "$out/index"
` + body + "\n"
	bin = filepath.Join(dir, "pagefind_extended")
	if err := os.WriteFile(bin, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return bin, argsFile
}

const fakeIndex = `echo '{"version":"1.6.0","languages":{"zh":{"hash":"zh_1","page_count":3}}}' > "$out/pagefind-entry.json"
echo js > "$out/pagefind.js"
echo ui > "$out/pagefind-ui.js"
echo ui > "$out/pagefind-highlight.js"
echo chunk > "$out/index/zh_1.pf_index"`

func TestIndexWithFakeBinary(t *testing.T) {
	tests := []struct {
		name    string
		body    string
		opts    []Option
		want    []string // files that must be written
		notWant []string // files that must not be written
		args    []string // arguments Pagefind must get
		pages   int
		wantErr string
	}{
		{
			name: "writes the index without UI bundles", body: fakeIndex,
			want:    []string{"pagefind/pagefind-entry.json", "pagefind/pagefind.js", "pagefind/index/zh_1.pf_index"},
			notWant: []string{"pagefind/pagefind-ui.js", "pagefind/pagefind-highlight.js"},
			args:    []string{"--force-language zh", "--quiet", "--output-path "},
			pages:   3,
		},
		{
			name: "keeps UI bundles on request", body: fakeIndex, opts: []Option{KeepUI(), Language("")},
			want:    []string{"pagefind/pagefind-ui.js", "pagefind/pagefind.js"},
			notWant: []string{},
			pages:   3,
		},
		{
			name: "extra arguments", body: fakeIndex, opts: []Option{Args("--max-fragments", "10")},
			args: []string{"--max-fragments 10"}, pages: 3,
		},
		{name: "failure is reported with its output", body: `echo "Error: boom" >&2; exit 1`, wantErr: "Pagefind 建立搜索索引失败"},
		{name: "failure output is kept", body: `echo "Error: boom" >&2; exit 1`, wantErr: "Error: boom"},
		{name: "no entry file", body: `echo js > "$out/pagefind.js"`, wantErr: "没有生成索引"},
		{name: "bad entry file", body: `echo '{' > "$out/pagefind-entry.json"`, wantErr: "无法解析"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bin, argsFile := fakePagefind(t, tt.body)
			mem := publish.NewMem(nil)
			for name, data := range map[string]string{
				"zhengce/a/index.html": "<html lang=zh-CN><body><article data-pagefind-body>行政复议</article></body></html>",
				"index.html":           "<html></html>",
				"feed.xml":             "<feed/>",
			} {
				if err := mem.WriteFile(name, []byte(data)); err != nil {
					t.Fatal(err)
				}
			}
			p := New(bin, tt.opts...)
			err := p.Index(context.Background(), mem)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Index() error = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			files := mem.Files()
			for _, w := range tt.want {
				if _, ok := files[w]; !ok {
					t.Errorf("%s not written", w)
				}
			}
			for _, w := range tt.notWant {
				if _, ok := files[w]; ok {
					t.Errorf("%s should not be written", w)
				}
			}
			args, _ := os.ReadFile(argsFile)
			for _, a := range tt.args {
				if !strings.Contains(string(args), a) {
					t.Errorf("Pagefind args %q lack %q", args, a)
				}
			}
			if st := p.Last(); st.Pages != tt.pages || st.Files == 0 || st.Duration <= 0 {
				t.Errorf("Last() = %+v, want %d pages", st, tt.pages)
			}
		})
	}
}

// TestIndexDirPublisher indexes a publish.Dir where it stands.
func TestIndexDirPublisher(t *testing.T) {
	bin, argsFile := fakePagefind(t, fakeIndex)
	dest := filepath.Join(t.TempDir(), "public")
	out, err := publish.OpenDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	if err := out.WriteFile("zhengce/a/index.html", []byte("<html></html>")); err != nil {
		t.Fatal(err)
	}
	if err := New(bin).Index(context.Background(), out); err != nil {
		t.Fatal(err)
	}
	if _, err := out.Commit(); err != nil {
		t.Fatal(err)
	}
	// The fake checked that the page was in the folder it indexed.
	args, _ := os.ReadFile(argsFile)
	if !strings.Contains(string(args), "--site ") {
		t.Errorf("args %q", args)
	}
	if _, err := os.Stat(filepath.Join(dest, "pagefind", "pagefind-entry.json")); err != nil {
		t.Errorf("index not written to the output: %v", err)
	}
}
