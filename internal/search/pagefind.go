package search

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/fazhi-dev/fazhi/internal/publish"
)

// Dir is the output folder that receives the index.
const Dir = "pagefind"

// DefaultLanguage is the language the whole site is indexed as. Pagefind
// segments Chinese only when the language starts with "zh"; forcing it
// makes one index even when a page has another or no lang attribute. The
// browser falls back from "zh-cn" (the search page's lang) to "zh".
const DefaultLanguage = "zh"

// Pagefind runs the Pagefind binary over a build's written HTML. It
// implements build.Indexer.
type Pagefind struct {
	bin    string
	lang   string
	keepUI bool
	args   []string

	mu   sync.Mutex
	last Stats
}

// Option changes how Pagefind runs.
type Option func(*Pagefind)

// Language indexes the site as the given ISO 639-1 code instead of
// DefaultLanguage; "" lets Pagefind read each page's lang attribute.
func Language(code string) Option { return func(p *Pagefind) { p.lang = code } }

// KeepUI keeps Pagefind's own UI bundles (pagefind-ui.js and friends) in
// the output, for a theme that uses PagefindUI. The default theme has its
// own small script and leaves them out.
func KeepUI() Option { return func(p *Pagefind) { p.keepUI = true } }

// Args passes extra command-line arguments to Pagefind (for benchmarks).
func Args(a ...string) Option { return func(p *Pagefind) { p.args = append(p.args, a...) } }

// New returns an indexer that runs the Pagefind binary at binary.
func New(binary string, opts ...Option) *Pagefind {
	p := &Pagefind{bin: binary, lang: DefaultLanguage}
	for _, o := range opts {
		o(p)
	}
	return p
}

// Stats describes the last run of Pagefind.
type Stats struct {
	// Pages is the number of pages in the index.
	Pages int
	// Files and Bytes count what was written under pagefind/.
	Files int
	Bytes int64
	// Duration is Pagefind's wall time; MaxRSS its peak resident memory.
	Duration time.Duration
	MaxRSS   int64
}

// Last returns the figures of the last successful Index call.
func (p *Pagefind) Last() Stats {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.last
}

// Index runs Pagefind on the HTML written to out and writes the index to
// out under pagefind/. A *publish.Dir is indexed where it stands; a
// publisher that keeps files in memory is first copied to a temporary
// folder.
func (p *Pagefind) Index(ctx context.Context, out publish.Publisher) error {
	tmp, err := os.MkdirTemp("", "fazhi-pagefind-")
	if err != nil {
		return fmt.Errorf("无法创建临时文件夹 (cannot create a temporary folder): %w", err)
	}
	defer os.RemoveAll(tmp)
	site, err := siteRoot(out, tmp)
	if err != nil {
		return err
	}
	idx := filepath.Join(tmp, "index")
	args := []string{"--site", site, "--output-path", idx, "--quiet"}
	if p.lang != "" {
		args = append(args, "--force-language", p.lang)
	}
	args = append(args, p.args...)
	var log bytes.Buffer
	cmd := exec.CommandContext(ctx, p.bin, args...)
	cmd.Stdout, cmd.Stderr = &log, &log
	start := time.Now()
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("Pagefind 建立搜索索引失败（%s）：%w\n%s", p.bin, err, lastLines(log.String(), 8))
	}
	st := Stats{Duration: time.Since(start)}
	st.MaxRSS = maxRSS(cmd.ProcessState)
	st.Pages, err = entryPages(filepath.Join(idx, "pagefind-entry.json"))
	if err != nil {
		return err
	}
	if err := p.copyIndex(idx, out, &st); err != nil {
		return err
	}
	p.mu.Lock()
	p.last = st
	p.mu.Unlock()
	return nil
}

// siteRoot returns the folder holding out's HTML, writing the HTML of an
// in-memory publisher below tmp.
func siteRoot(out publish.Publisher, tmp string) (string, error) {
	if d, ok := out.(interface{ Root() string }); ok {
		return d.Root(), nil
	}
	m, ok := out.(interface{ Files() map[string][]byte })
	if !ok {
		return "", fmt.Errorf("无法建立搜索索引：这种输出方式（%T）不能读回已写的网页 (publisher cannot be read back)", out)
	}
	root := filepath.Join(tmp, "site")
	for name, data := range m.Files() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return "", err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return "", err
		}
	}
	return root, nil
}

// uiFile reports whether name is one of Pagefind's UI bundles, which the
// default theme does not load.
func uiFile(name string) bool {
	for _, pre := range []string{"pagefind-ui.", "pagefind-modular-ui.", "pagefind-component-ui.", "pagefind-highlight.", "playground/"} {
		if strings.HasPrefix(name, pre) {
			return true
		}
	}
	return false
}

// copyIndex writes every index file below dir to out under pagefind/.
func (p *Pagefind) copyIndex(dir string, out publish.Publisher, st *Stats) error {
	var names []string
	err := filepath.WalkDir(dir, func(fp string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, fp)
		if err != nil {
			return err
		}
		names = append(names, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		return fmt.Errorf("读取 Pagefind 输出失败 (cannot read the index): %w", err)
	}
	sort.Strings(names)
	for _, name := range names {
		if !p.keepUI && uiFile(name) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			return fmt.Errorf("读取 Pagefind 输出失败 (cannot read the index): %w", err)
		}
		if err := out.WriteFile(path.Join(Dir, name), data); err != nil {
			return fmt.Errorf("写入搜索索引失败 (cannot write the index): %w", err)
		}
		st.Files++
		st.Bytes += int64(len(data))
	}
	return nil
}

// Entry is the part of pagefind-entry.json that fazhi reads.
type Entry struct {
	Version   string `json:"version"`
	Languages map[string]struct {
		Hash      string `json:"hash"`
		PageCount int    `json:"page_count"`
	} `json:"languages"`
}

// Pages returns the number of indexed pages over all languages.
func (e *Entry) Pages() int {
	n := 0
	for _, l := range e.Languages {
		n += l.PageCount
	}
	return n
}

// ParseEntry decodes pagefind-entry.json.
func ParseEntry(data []byte) (*Entry, error) {
	var e Entry
	if err := json.Unmarshal(data, &e); err != nil {
		return nil, fmt.Errorf("Pagefind 的 pagefind-entry.json 无法解析 (bad entry file): %w", err)
	}
	return &e, nil
}

func entryPages(name string) (int, error) {
	data, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, errors.New("Pagefind 运行结束但没有生成索引（缺少 pagefind-entry.json）(Pagefind wrote no index)")
	}
	if err != nil {
		return 0, err
	}
	e, err := ParseEntry(data)
	if err != nil {
		return 0, err
	}
	return e.Pages(), nil
}

// lastLines returns the last n non-empty lines of s.
func lastLines(s string, n int) string {
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
