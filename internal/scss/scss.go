// Package scss compiles the theme's SCSS with Dart Sass through the
// embedded protocol (godartsass). Imports are read from an fs.FS, so a
// site's assets/scss files override the embedded theme's one by one.
package scss

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/bep/godartsass/v2"

	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/toolbin"
)

// Entry is the SCSS file that is compiled.
const Entry = "assets/scss/main.scss"

// EnvVar names the environment variable that may point at Dart Sass.
const EnvVar = "FAZHI_DART_SASS"

// NPMPath is where the pinned npm package puts the Dart Sass binary.
const NPMPath = "node_modules/sass-embedded-linux-x64/dart-sass/sass"

// Compiler turns the SCSS entry of fsys into CSS.
type Compiler interface {
	Compile(fsys fs.FS, entry string) ([]byte, error)
	Close() error
}

// ErrNotFound is returned when no Dart Sass binary can be found.
var ErrNotFound = errors.New("找不到 Dart Sass：请设置环境变量 FAZHI_DART_SASS 指向 sass 可执行文件，或把 Dart Sass 放在 fazhi 程序旁边（dart-sass/sass）；在 fazhi 源码目录里运行 make 会安装它并设置好这个变量 (Dart Sass not found: set FAZHI_DART_SASS, or put dart-sass/ beside the fazhi binary)")

// Program says where Dart Sass is found: $FAZHI_DART_SASS, then `sass` on
// PATH, then beside the fazhi binary. Never in the site folder.
var Program = toolbin.Tool{
	Label: "Dart Sass", Env: EnvVar, Name: "sass", NPMPath: NPMPath,
	Beside:   []string{"sass", "dart-sass/sass", NPMPath},
	NotFound: ErrNotFound,
}

// Find locates Dart Sass for building the site folder site (see Program).
func Find(site string) (string, error) { return Program.Find(site) }

// DartSass compiles with a running Dart Sass process. Start it once and
// reuse it across builds (serve keeps it running).
type DartSass struct {
	mu sync.Mutex
	t  *godartsass.Transpiler
}

// Start launches Dart Sass at binary.
func Start(binary string) (*DartSass, error) {
	t, err := godartsass.Start(godartsass.Options{DartSassEmbeddedFilename: binary, Timeout: 60 * time.Second})
	if err != nil {
		return nil, fmt.Errorf("无法启动 Dart Sass（%s）：%w", binary, err)
	}
	return &DartSass{t: t}, nil
}

// Close stops Dart Sass.
func (d *DartSass) Close() error { return d.t.Close() }

const scheme = "fazhi:///"

// Compile compiles entry, resolving @use and @import inside fsys.
func (d *DartSass) Compile(fsys fs.FS, entry string) ([]byte, error) {
	src, err := fs.ReadFile(fsys, entry)
	if err != nil {
		return nil, err
	}
	res := &resolver{fsys: fsys, dir: path.Dir(entry)}
	d.mu.Lock()
	out, err := d.t.Execute(godartsass.Args{
		Source:         string(src),
		URL:            scheme + entry,
		ImportResolver: res,
		OutputStyle:    godartsass.OutputStyleCompressed,
	})
	d.mu.Unlock()
	if err != nil {
		return nil, sassError(fsys, entry, err)
	}
	return []byte(out.CSS), nil
}

type resolver struct {
	fsys fs.FS
	dir  string
}

// CanonicalizeURL maps an import to "fazhi:///assets/scss/_x.scss".
func (r *resolver) CanonicalizeURL(u string) (string, error) {
	var base string
	if strings.HasPrefix(u, scheme) {
		base = strings.TrimPrefix(u, scheme)
	} else if strings.Contains(u, ":") {
		return "", nil
	} else {
		base = path.Join(r.dir, u)
	}
	dir, name := path.Split(base)
	name = strings.TrimSuffix(strings.TrimSuffix(name, ".scss"), ".css")
	for _, c := range []string{name + ".scss", "_" + name + ".scss", name + "/_index.scss", name + "/index.scss", name + ".css"} {
		p := path.Join(dir, c)
		if st, err := fs.Stat(r.fsys, p); err == nil && !st.IsDir() {
			return scheme + p, nil
		}
	}
	return "", nil
}

// Load reads a canonical URL.
func (r *resolver) Load(u string) (godartsass.Import, error) {
	p := strings.TrimPrefix(u, scheme)
	b, err := fs.ReadFile(r.fsys, p)
	if err != nil {
		return godartsass.Import{}, err
	}
	syn := godartsass.SourceSyntaxSCSS
	if strings.HasSuffix(p, ".css") {
		syn = godartsass.SourceSyntaxCSS
	}
	return godartsass.Import{Content: string(b), SourceSyntax: syn}, nil
}

// sassError names the SCSS file and line of a compile error.
func sassError(fsys fs.FS, entry string, err error) error {
	var se godartsass.SassError
	if !errors.As(err, &se) {
		return &diag.Error{File: entry, Msg: "SCSS 编译失败：" + err.Error()}
	}
	file := strings.TrimPrefix(se.Span.Url, scheme)
	if file == "" || strings.Contains(file, ":") {
		file = entry
	}
	line := 0
	if b, rerr := fs.ReadFile(fsys, file); rerr == nil {
		off := se.Span.Start.Offset
		if off > len(b) {
			off = len(b)
		}
		line = strings.Count(string(b[:off]), "\n") + 1
	}
	return &diag.Error{File: file, Line: line, Col: se.Span.Start.Column + 1,
		Msg: "SCSS 语法错误：" + se.Message + " (SCSS error)"}
}

// Fake is a Compiler for tests that returns the entry's text unchanged.
type Fake struct{}

// Compile returns the entry file as it is.
func (Fake) Compile(fsys fs.FS, entry string) ([]byte, error) { return fs.ReadFile(fsys, entry) }

// Close does nothing.
func (Fake) Close() error { return nil }
