package build

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"runtime"
	"slices"
	"sort"
	"sync"
	"unicode/utf8"

	"github.com/fazhi-dev/fazhi/internal/config"
	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/enforcement"
	"github.com/fazhi-dev/fazhi/internal/frontmatter"
	"github.com/fazhi-dev/fazhi/internal/markup"
	"github.com/fazhi-dev/fazhi/internal/overlay"
	"github.com/fazhi-dev/fazhi/internal/publish"
	"github.com/fazhi-dev/fazhi/internal/render"
	"github.com/fazhi-dev/fazhi/internal/site"
	"github.com/fazhi-dev/fazhi/internal/source"
	"github.com/fazhi-dev/fazhi/internal/tmpl"
)

type builder struct {
	o    Options
	ctx  context.Context
	res  *Result
	cfg  *config.Config
	fsys fs.FS // site over theme
	tree *source.Tree
	srcs []site.Source
	site *site.Site

	tmpl     *tmpl.Set
	conv     *markup.Converter
	renderer *render.Renderer
	sink     publish.Publisher
	// owner, when set, returns the sink for the outputs of one owner
	// ("page:<path>", "list:<key>", "outputs", "static", "assets"); the
	// preview session uses it to know which files each input produced.
	owner func(key string) render.Sink
	// keepSources keeps the parsed sources in kept after assembly.
	keepSources bool
	kept        []site.Source
	// lookups, when set, receives the 《titles》 each page's body looked
	// up as it was rendered.
	lookups func(path string, rd pageReads)
	// cache is the persistent build cache's part of this build (nil
	// without one).
	cache *cacheRun
	// assetURLs maps fingerprinted static files to their URLs.
	assetURLs map[string]string
	// decisions are the rows of each enforcement column's data file, by
	// the column's folder (readData).
	decisions map[string][]*enforcement.Decision
	mu        sync.Mutex
}

func (b *builder) loadConfig() error {
	cfg, err := config.Load(b.o.Source)
	if err != nil {
		return err
	}
	if b.o.BaseURL != "" {
		cfg.SetBaseURL(b.o.BaseURL)
	}
	b.cfg = cfg
	b.res.Config = cfg
	b.o.Now = b.o.Now.In(cfg.Location)
	b.fsys = overlay.New(b.o.Source, b.o.Theme)
	b.sink = b.o.Out
	// Minify first, then compress what was minified.
	if cfg.Precompress && !b.o.Serve {
		b.sink = compressSink{b.sink}
	}
	if cfg.Minify && !b.o.Serve {
		b.sink = minifySink{b.sink}
	}
	return nil
}

// read walks content/ and decodes every front matter in parallel. Bodies
// are not kept: the page stage reads them again, one at a time.
func (b *builder) read() error {
	tree, err := source.Walk(b.o.Source, "content")
	if err != nil {
		return err
	}
	b.tree = tree
	for _, s := range tree.Skipped {
		b.res.Warnings = append(b.res.Warnings, &diag.Error{File: "content/" + s, Level: diag.LevelWarning,
			Msg: "符号链接不会被读取：请把文件本身放进 content 文件夹 (symbolic link not followed)"})
	}
	if err := rejected(tree); err != nil {
		return err
	}
	srcs := make([]site.Source, len(tree.Files))
	errs := make([]error, len(tree.Files))
	perr := parallel(b.ctx, len(tree.Files), b.workers(), func(i int) {
		f := tree.Files[i]
		meta, bodyLine, err := readHead(b.o.Source, f.Path, b.cfg)
		if err != nil {
			errs[i] = err
			return
		}
		srcs[i] = site.Source{File: f, Meta: meta, BodyLine: bodyLine}
	}, func(i int) string { return "content/" + tree.Files[i].Path })
	var list diag.List
	list.Add(perr)
	for i, err := range errs {
		if err != nil {
			list.Add(err)
			continue
		}
		b.srcs = append(b.srcs, srcs[i])
	}
	return list.Err()
}

// readHead reads only a file's front matter.
func readHead(fsys fs.FS, p string, cfg *config.Config) (*frontmatter.Meta, int, error) {
	file := "content/" + p
	f, err := source.OpenReader(fsys, file)
	if err != nil {
		return nil, 0, diag.New(file, 0, "无法读取文件：%v", err)
	}
	defer f.Close()
	head, err := frontmatter.ReadHead(f)
	if err != nil {
		return nil, 0, diag.New(file, 0, "%v", err)
	}
	fm, _, fmLine, bodyLine, err := frontmatter.Split(file, head)
	if err != nil {
		return nil, 0, err
	}
	if !utf8Valid(fm) {
		return nil, 0, diag.New(file, 1, "前言含有无效的 UTF-8 字符：请用 UTF-8 编码保存文件 (invalid UTF-8)")
	}
	meta, err := frontmatter.Decode(file, fm, fmLine, cfg.Location)
	return meta, bodyLine, err
}

// sourceBufs hold page sources while they are rendered: a site of tens of
// thousands of long statutes would otherwise allocate its whole Markdown
// once more for every build.
var sourceBufs = sync.Pool{New: func() any { return new([]byte) }}

// body reads a page's Markdown body. The body lives in a buffer that is
// reused once release is called, so nothing may keep it (or a slice of it)
// after that.
func (b *builder) body(p *site.Page) (body []byte, release func(), err error) {
	body, _, release, err = b.bodyOf(p)
	return body, release, err
}

// bodyOf is body, also telling whether the body had invalid UTF-8 (and
// so a warning).
func (b *builder) bodyOf(p *site.Page) (body []byte, bad bool, release func(), err error) {
	if p.File.Path == "" {
		return nil, false, func() {}, nil
	}
	file := "content/" + p.File.Path
	src, release, err := b.readSource(file)
	if err != nil {
		return nil, false, release, err
	}
	_, body, _, _, err = frontmatter.Split(file, src)
	if err != nil {
		release()
		return nil, false, func() {}, err
	}
	bad = !utf8Valid(body)
	return b.repair(file, body), bad, release, nil
}

// readSource reads a content file into a pooled buffer; release returns
// the buffer to the pool.
func (b *builder) readSource(file string) (src []byte, release func(), err error) {
	bp := sourceBufs.Get().(*[]byte)
	src, err = readInto((*bp)[:0], b.o.Source, file)
	if err != nil {
		sourceBufs.Put(bp)
		return nil, func() {}, diag.New(file, 0, "无法读取文件：%v", err)
	}
	return src, func() {
		*bp = src[:0]
		sourceBufs.Put(bp)
	}, nil
}

// repair replaces invalid UTF-8 (with a warning) and NUL bytes in a body
// with U+FFFD, which the Markdown renderer would otherwise pass on.
func (b *builder) repair(file string, body []byte) []byte {
	if !utf8Valid(body) {
		body = bytes.ToValidUTF8(body, []byte("\uFFFD"))
		b.warnBadUTF8(file)
	}
	if bytes.IndexByte(body, 0) >= 0 {
		body = bytes.ReplaceAll(body, []byte{0}, []byte("\uFFFD"))
	}
	return body
}

// warnBadUTF8 warns that file's body had invalid UTF-8.
func (b *builder) warnBadUTF8(file string) {
	b.warn(&diag.Error{File: file, Level: diag.LevelWarning, Msg: "正文含有无效的 UTF-8 字符，已替换为 �：请用 UTF-8 编码保存文件 (invalid UTF-8)"})
}

// ownBody reads a column index's body into memory of its own (a
// render.BodyReader).
func (b *builder) ownBody(p *site.Page) ([]byte, error) {
	body, release, err := b.body(p)
	defer release()
	return bytes.Clone(body), err
}

// readInto appends the contents of file in fsys to buf. A reused buffer
// is normally large enough already: then the file costs one read for its
// bytes and one that finds the end.
func readInto(buf []byte, fsys fs.FS, file string) ([]byte, error) {
	f, err := source.OpenReader(fsys, file)
	if err != nil {
		return buf, err
	}
	defer f.Close()
	if cap(buf)-len(buf) < 16<<10 {
		buf = slices.Grow(buf, 16<<10)
	}
	for {
		if len(buf) == cap(buf) {
			buf = slices.Grow(buf, len(buf)) // double
		}
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// to returns the sink for an owner's outputs.
func (b *builder) to(key string) render.Sink {
	if b.owner != nil {
		return b.owner(key)
	}
	if b.cache != nil {
		return cachedSink{b: b}
	}
	return b.sink
}

func (b *builder) warn(e *diag.Error) {
	b.mu.Lock()
	b.res.Warnings = append(b.res.Warnings, e)
	b.mu.Unlock()
}

func (b *builder) workers() int {
	if b.o.Workers > 0 {
		return b.o.Workers
	}
	return runtime.GOMAXPROCS(0)
}

func (b *builder) assemble() error {
	s, err := site.Assemble(b.srcs, site.Options{Config: b.cfg, Now: b.o.Now, Drafts: b.o.Drafts, Future: b.o.Future, Expired: b.o.Expired,
		Decisions: b.decisions})
	if err != nil {
		return err
	}
	b.site = s
	b.res.Site = s
	b.res.Warnings = append(b.res.Warnings, s.Warnings...)
	if b.keepSources {
		b.kept = b.srcs
	}
	b.srcs = nil
	return nil
}

func utf8Valid(b []byte) bool { return utf8.Valid(b) }

// sortedKeys returns a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// rejected is an error for each file of content/ that may not be
// published (source.Check): nothing of a build with one is written.
func rejected(tree *source.Tree) error {
	var list diag.List
	for _, r := range tree.Rejected {
		list.Add(diag.New("content/"+r.Path, 0, "%s", r.Reason))
	}
	return list.Err()
}
