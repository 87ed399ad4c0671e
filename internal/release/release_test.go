package release

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var mtime = time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)

func files() []File {
	return []File{{Name: "fazhi", Data: []byte("bin"), Exec: true}, {Name: "说明.txt", Data: []byte("读我")}}
}

// TestZipArchive: a Windows archive unpacks into one folder, keeps the
// executable bit and is the same bytes every time.
func TestZipArchive(t *testing.T) {
	var a, b bytes.Buffer
	if err := WriteArchive(&a, true, "fazhi-v1-windows-amd64", files(), mtime); err != nil {
		t.Fatal(err)
	}
	WriteArchive(&b, true, "fazhi-v1-windows-amd64", []File{files()[1], files()[0]}, mtime)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the zip depends on the order of its files")
	}
	z, err := zip.NewReader(bytes.NewReader(a.Bytes()), int64(a.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range z.File {
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		got = append(got, f.Name+" "+f.Mode().String()+" "+string(data))
	}
	want := []string{"fazhi-v1-windows-amd64/fazhi -rwxr-xr-x bin", "fazhi-v1-windows-amd64/说明.txt -rw-r--r-- 读我"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("zip holds %q, want %q", got, want)
	}
}

// TestTarArchive: the same for a gzipped tar file.
func TestTarArchive(t *testing.T) {
	var a bytes.Buffer
	if err := WriteArchive(&a, false, "fazhi-v1-linux-amd64", files(), mtime); err != nil {
		t.Fatal(err)
	}
	gz, err := gzip.NewReader(&a)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	var got []string
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(tr)
		got = append(got, h.Name+" "+h.FileInfo().Mode().String()+" "+string(data)+" "+h.ModTime.UTC().Format(time.RFC3339))
	}
	want := []string{"fazhi-v1-linux-amd64/ drwxr-xr-x  2026-12-01T08:00:00Z",
		"fazhi-v1-linux-amd64/fazhi -rwxr-xr-x bin 2026-12-01T08:00:00Z", "fazhi-v1-linux-amd64/说明.txt -rw-r--r-- 读我 2026-12-01T08:00:00Z"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("tar holds %q, want %q", got, want)
	}
}

// TestPagefindFromPackage takes the platform's binary out of an npm
// package tarball as npm pack writes it.
func TestPagefindFromPackage(t *testing.T) {
	var pkg bytes.Buffer
	gz := gzip.NewWriter(&pkg)
	tw := tar.NewWriter(gz)
	for name, data := range map[string]string{"package/package.json": "{}", "package/bin/pagefind_extended.exe": "PE"} {
		tw.WriteHeader(&tar.Header{Name: name, Mode: 0o755, Size: int64(len(data))})
		tw.Write([]byte(data))
	}
	tw.Close()
	gz.Close()
	win := Platform{"windows", "amd64"}
	if got, err := PagefindFromPackage(pkg.Bytes(), win); err != nil || string(got) != "PE" {
		t.Errorf("windows: %q, %v", got, err)
	}
	if _, err := PagefindFromPackage(pkg.Bytes(), Platform{"linux", "amd64"}); err == nil {
		t.Error("linux: found a binary the package does not hold")
	}
	if win.PagefindPackage() != "@pagefind/windows-x64" || win.Archive("v1") != "fazhi-v1-windows-amd64.zip" ||
		(Platform{"darwin", "arm64"}).Archive("v1") != "fazhi-v1-darwin-arm64.tar.gz" {
		t.Errorf("names: %s %s", win.PagefindPackage(), win.Archive("v1"))
	}
}

func TestDecapFiles(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"decap-cms.js", "12.decap-cms.js", "x.wasm", "decap-cms.js.map", "cms.js", "12.cms.js", "decap-cms.js.LICENSE.txt"} {
		os.WriteFile(filepath.Join(dir, n), []byte(n), 0o644)
	}
	files, err := DecapFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
	}
	want := "decap-cms/12.decap-cms.js decap-cms/decap-cms.js decap-cms/decap-cms.js.LICENSE.txt decap-cms/x.wasm"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("DecapFiles = %s; want %s", got, want)
	}
	if _, err := DecapFiles(t.TempDir()); err == nil {
		t.Error("an empty folder gives no error")
	}
}
