package release

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"io"
	"testing"
	"time"
)

func TestArchives(t *testing.T) {
	files := []File{{Name: "说明.txt", Data: []byte("x")}, {Name: "fazhi.exe", Data: []byte("MZ"), Exec: true}}
	win := Platform{"windows", "amd64"}
	if win.Archive("v1") != "fazhi-v1-windows-amd64.zip" || win.PagefindPackage() != "@pagefind/windows-x64" || win.Exe("pagefind_extended") != "pagefind_extended.exe" {
		t.Fatalf("windows names: %s %s", win.Archive("v1"), win.PagefindPackage())
	}
	mt := time.Unix(1700000000, 0)
	var a, b bytes.Buffer
	if err := WriteArchive(&a, true, "d", files, mt); err != nil {
		t.Fatal(err)
	}
	WriteArchive(&b, true, "d", files, mt)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("zip not deterministic")
	}
	zr, err := zip.NewReader(bytes.NewReader(a.Bytes()), int64(a.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != 2 || zr.File[0].Name != "d/fazhi.exe" || zr.File[0].Mode().Perm() != 0o755 || zr.File[1].Name != "d/说明.txt" {
		t.Errorf("zip entries wrong: %v", zr.File)
	}
	var c bytes.Buffer
	if err := WriteArchive(&c, false, "d", files, mt); err != nil {
		t.Fatal(err)
	}
	gz, _ := gzip.NewReader(&c)
	tr := tar.NewReader(gz)
	var names []string
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, h.Name)
		if h.Name == "d/fazhi.exe" && h.Mode != 0o755 {
			t.Errorf("mode %o", h.Mode)
		}
	}
	if len(names) != 3 || names[0] != "d/" || names[1] != "d/fazhi.exe" {
		t.Errorf("tar entries %v", names)
	}
}
