package deploy

import (
	"bytes"
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/fazhi-dev/fazhi/internal/publish"
)

// Build is a finished build: an output folder and its manifest.
type Build struct {
	Dir      string
	root     *os.Root
	Manifest *publish.Manifest
	Raw      []byte // the manifest's exact bytes
	Sig      []byte // the signature file, nil when there is none
}

// OpenBuild reads the manifest of the output folder dir. It refuses a
// folder without a manifest or one in which a listed file is missing or
// of another size.
func OpenBuild(dir string) (*Build, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("输出文件夹「%s」不存在：请先运行 fazhi build (output folder not found)", dir)
	}
	raw, err := root.ReadFile(publish.ManifestName)
	if err != nil {
		root.Close()
		return nil, fmt.Errorf("输出文件夹「%s」中没有清单 %s：它不是 fazhi build 完整写出的，请重新构建 (no manifest: not a complete build)", dir, publish.ManifestName)
	}
	m, err := publish.ParseManifest(raw)
	if err != nil {
		root.Close()
		return nil, err
	}
	b := &Build{Dir: dir, root: root, Manifest: m, Raw: raw}
	if sig, err := root.ReadFile(publish.SignatureName); err == nil {
		b.Sig = sig
	}
	for _, e := range m.Files {
		st, err := root.Lstat(filepath.FromSlash(e.Path))
		if err != nil || !st.Mode().IsRegular() || st.Size() != e.Size {
			root.Close()
			return nil, fmt.Errorf("输出文件夹不完整：清单列出的「%s」缺失或大小不符，请重新构建 (incomplete build: %s)", e.Path, e.Path)
		}
	}
	return b, nil
}

// Close releases the folder.
func (b *Build) Close() error { return b.root.Close() }

// ReadFile reads a file of the build and checks it against the manifest
// when it is listed there.
func (b *Build) ReadFile(name string) ([]byte, error) {
	switch name {
	case publish.ManifestName:
		return b.Raw, nil
	case publish.SignatureName:
		if b.Sig == nil {
			return nil, fs.ErrNotExist
		}
		return b.Sig, nil
	}
	return b.root.ReadFile(filepath.FromSlash(name))
}

// localFile is a file of the build as a deploy sees it.
type localFile struct {
	name   string
	size   int64
	sha256 string
	md5    string
}

// files returns the files a deploy publishes (without compressed
// siblings when withCompressed is false), checking each file's hash
// against the manifest, followed by the manifest and its signature.
func (b *Build) files(withCompressed bool) ([]localFile, error) {
	listed := make(map[string]bool, len(b.Manifest.Files))
	for _, e := range b.Manifest.Files {
		listed[e.Path] = true
	}
	var out []localFile
	for _, e := range b.Manifest.Files {
		if !withCompressed && compressedSibling(e.Path, listed) {
			continue
		}
		lf, err := b.hash(e.Path)
		if err != nil {
			return nil, err
		}
		if lf.sha256 != e.Hash || lf.size != e.Size {
			return nil, fmt.Errorf("输出文件夹中的「%s」与清单不符：构建后被改动过，请重新构建 (%s differs from the manifest)", e.Path, e.Path)
		}
		out = append(out, lf)
	}
	for _, name := range []string{publish.ManifestName, publish.SignatureName} {
		lf, err := b.hash(name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, lf)
	}
	return out, nil
}

func (b *Build) hash(name string) (localFile, error) {
	var r io.Reader
	switch name {
	case publish.ManifestName, publish.SignatureName:
		data, err := b.ReadFile(name)
		if err != nil {
			return localFile{}, err
		}
		r = bytes.NewReader(data)
	default:
		f, err := b.root.Open(filepath.FromSlash(name))
		if err != nil {
			return localFile{}, fmt.Errorf("无法读取输出文件「%s」：%v", name, err)
		}
		defer f.Close()
		r = f
	}
	s, m := sha256.New(), md5.New()
	n, err := io.Copy(io.MultiWriter(s, m), r)
	if err != nil {
		return localFile{}, fmt.Errorf("无法读取输出文件「%s」：%v", name, err)
	}
	return localFile{name: name, size: n, sha256: hex.EncodeToString(s.Sum(nil)), md5: hex.EncodeToString(m.Sum(nil))}, nil
}
