// Package release makes fazhi's release archives: for each platform one
// archive (zip for Windows, tar.gz otherwise) holding the fazhi binary and,
// where it could be had, the matching Pagefind binary beside it, which
// fazhi finds there (internal/toolbin). An author on Windows unpacks one
// zip and runs fazhi serve.
package release

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// PagefindVersion is the Pagefind release shipped beside fazhi.
const PagefindVersion = "1.6.0"

// Platform is a target system.
type Platform struct{ OS, Arch string }

// Platforms are the systems a release is made for.
var Platforms = []Platform{{"linux", "amd64"}, {"linux", "arm64"}, {"windows", "amd64"}, {"darwin", "arm64"}}

// ParsePlatform reads "os/arch".
func ParsePlatform(s string) (Platform, error) {
	os, arch, ok := strings.Cut(s, "/")
	if !ok || os == "" || arch == "" {
		return Platform{}, fmt.Errorf("platform %q: want os/arch, such as windows/amd64", s)
	}
	return Platform{os, arch}, nil
}

func (p Platform) String() string { return p.OS + "/" + p.Arch }

// Exe returns the name of the executable name on p.
func (p Platform) Exe(name string) string {
	if p.OS == "windows" {
		return name + ".exe"
	}
	return name
}

// Zip reports whether p's archive is a zip file (Windows) rather than a
// gzipped tar file.
func (p Platform) Zip() bool { return p.OS == "windows" }

// Archive returns the file name of p's archive.
func (p Platform) Archive(version string) string {
	ext := ".tar.gz"
	if p.Zip() {
		ext = ".zip"
	}
	return p.Folder(version) + ext
}

// Folder is the one folder an archive unpacks into.
func (p Platform) Folder(version string) string {
	return "fazhi-" + version + "-" + p.OS + "-" + p.Arch
}

// PagefindPackage returns the npm package holding Pagefind for p
// ("@pagefind/windows-x64").
func (p Platform) PagefindPackage() string {
	arch := p.Arch
	if arch == "amd64" {
		arch = "x64"
	}
	return "@pagefind/" + p.OS + "-" + arch
}

// File is one file of an archive.
type File struct {
	Name string // relative to the archive's folder, with slashes
	Data []byte
	Exec bool
}

// WriteArchive writes files below the folder dir, as a zip file or a
// gzipped tar file. The archive depends only on its arguments: entries are
// sorted, every time is mtime, owners are 0, modes 0755 or 0644.
func WriteArchive(w io.Writer, asZip bool, dir string, files []File, mtime time.Time) error {
	files = append([]File(nil), files...)
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	mtime = mtime.UTC().Truncate(time.Second)
	mode := func(f File) int64 {
		if f.Exec {
			return 0o755
		}
		return 0o644
	}
	if asZip {
		zw := zip.NewWriter(w)
		for _, f := range files {
			h := &zip.FileHeader{Name: dir + "/" + f.Name, Method: zip.Deflate, Modified: mtime}
			h.SetMode(os.FileMode(mode(f)))
			fw, err := zw.CreateHeader(h)
			if err != nil {
				return err
			}
			if _, err := fw.Write(f.Data); err != nil {
				return err
			}
		}
		return zw.Close()
	}
	gz, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	tw := tar.NewWriter(gz)
	if err := tw.WriteHeader(&tar.Header{Typeflag: tar.TypeDir, Name: dir + "/", Mode: 0o755, ModTime: mtime, Format: tar.FormatPAX}); err != nil {
		return err
	}
	for _, f := range files {
		h := &tar.Header{Typeflag: tar.TypeReg, Name: dir + "/" + f.Name, Size: int64(len(f.Data)), Mode: mode(f), ModTime: mtime, Format: tar.FormatPAX}
		if err := tw.WriteHeader(h); err != nil {
			return err
		}
		if _, err := tw.Write(f.Data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return gz.Close()
}

// BuildFazhi cross-compiles ./cmd/fazhi of the repository root for p
// (without cgo, paths trimmed) and returns the binary.
func BuildFazhi(root string, p Platform, tmp string) ([]byte, error) {
	out := filepath.Join(tmp, p.OS+"-"+p.Arch, p.Exe("fazhi"))
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags", "-s -w -buildid=", "-o", out, "./cmd/fazhi")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+p.OS, "GOARCH="+p.Arch)
	if b, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("go build for %s: %v\n%s", p, err, b)
	}
	return os.ReadFile(out)
}

// PagefindFromPackage returns the pagefind_extended binary inside an npm
// package tarball (as npm pack writes it) of p's Pagefind package.
func PagefindFromPackage(tgz []byte, p Platform) ([]byte, error) {
	gz, err := gzip.NewReader(bytes.NewReader(tgz))
	if err != nil {
		return nil, err
	}
	want := "package/bin/" + p.Exe("pagefind_extended")
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil, fmt.Errorf("%s is not in the package", want)
		}
		if err != nil {
			return nil, err
		}
		if h.Name == want {
			return io.ReadAll(tr)
		}
	}
}

// FetchPagefind downloads p's Pagefind package with npm pack into cache
// (once) and returns the binary in it.
func FetchPagefind(cache string, p Platform) ([]byte, error) {
	pkg := p.PagefindPackage() + "@" + PagefindVersion
	name := strings.ReplaceAll(strings.TrimPrefix(p.PagefindPackage(), "@"), "/", "-") + "-" + PagefindVersion + ".tgz"
	file := filepath.Join(cache, name)
	if _, err := os.Stat(file); errors.Is(err, os.ErrNotExist) {
		if err := os.MkdirAll(cache, 0o755); err != nil {
			return nil, err
		}
		cmd := exec.Command("npm", "pack", pkg, "--pack-destination", cache, "--silent", "--no-fund", "--no-audit")
		if b, err := cmd.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("npm pack %s: %v\n%s", pkg, err, b)
		}
	}
	tgz, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	return PagefindFromPackage(tgz, p)
}

// Readme is the text file in every archive, for the author who unpacks it.
func Readme(version string, p Platform, withPagefind bool) []byte {
	run := "./fazhi"
	if p.OS == "windows" {
		run = "fazhi.exe"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "fazhi %s（%s）\r\n\r\n", version, p)
	fmt.Fprintf(&b, "预览网站：在这个文件夹里打开命令行，运行\r\n    %s serve -s 站点文件夹的路径\r\n然后用浏览器打开它显示的地址。\r\n", run)
	fmt.Fprintf(&b, "生成网站：%s build -s 站点文件夹的路径（输出在站点的 public 文件夹）；检查：%s check -s 站点文件夹的路径。\r\n\r\n", run, run)
	if withPagefind {
		fmt.Fprintf(&b, "%s 是站内搜索用的 Pagefind %s（MIT 许可，https://github.com/Pagefind/pagefind）。fazhi 在自己旁边找到它：请把两个文件放在同一个文件夹里。\r\n", p.Exe("pagefind_extended"), PagefindVersion)
	} else {
		fmt.Fprintf(&b, "本包不含 Pagefind：需要站内搜索时，请取得 Pagefind %s 的 pagefind_extended，放在 fazhi 旁边或用环境变量 FAZHI_PAGEFIND 指向它；不需要时在 site.toml 中写 search = false。\r\n", PagefindVersion)
	}
	fmt.Fprintf(&b, "网页编辑器：%s serve --cms -s 站点文件夹的路径，然后打开它显示的 /admin/ 地址。decap-cms 文件夹是编辑器用的 Decap CMS（MIT 许可，https://decapcms.org），fazhi 在自己旁边找到它，请与 fazhi 放在一起。\r\n", run)
	b.WriteString("默认主题的样式已在 fazhi 里；站点有自己的 SCSS 样式时才需要 Dart Sass（用环境变量 FAZHI_DART_SASS 指向它）。\r\n")
	if !p.Zip() {
		return []byte(strings.ReplaceAll(b.String(), "\r\n", "\n"))
	}
	return []byte(b.String())
}

// DecapFiles returns the files of Decap CMS's dist folder dir that fazhi
// serve --cms serves (decap-cms.js, its chunks and WebAssembly, and the
// licence notice), under decap-cms/ in the archive, where fazhi finds the
// folder beside itself. Source maps and the second bundle (cms.js) are
// left out.
func DecapFiles(dir string) ([]File, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []File
	for _, e := range ents {
		n := e.Name()
		if !e.Type().IsRegular() || !(n == "decap-cms.js" || n == "decap-cms.js.LICENSE.txt" || strings.HasSuffix(n, ".decap-cms.js") || strings.HasSuffix(n, ".wasm")) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			return nil, err
		}
		out = append(out, File{Name: "decap-cms/" + n, Data: data})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s holds no decap-cms.js", dir)
	}
	return out, nil
}
