// Package build is the only place that knows the order of a build:
// configuration → sources → front matter → site graph → templates and
// assets → content pages (streamed) → lists → feeds, sitemap, catalogue,
// calendar → static files → publish. Each step is timed and its errors are
// wrapped with the step's name.
package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"runtime/debug"
	"time"

	"github.com/fazhi-dev/fazhi/internal/config"
	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/markup"
	"github.com/fazhi-dev/fazhi/internal/overlay"
	"github.com/fazhi-dev/fazhi/internal/publish"
	"github.com/fazhi-dev/fazhi/internal/scss"
	"github.com/fazhi-dev/fazhi/internal/site"
)

// Options configures one build.
type Options struct {
	// Source is the site folder: site.toml, content/, layouts/, assets/, static/.
	Source fs.FS
	// Theme is the default theme (layouts/, assets/, static/), overridden
	// file by file by the site's own folders. May be nil.
	Theme fs.FS
	// Out receives the files.
	Out publish.Publisher
	// BaseURL overrides site.toml's baseURL when not empty.
	BaseURL string
	// Drafts, Future and Expired include pages otherwise left out.
	Drafts, Future, Expired bool
	// Now is the build time (default: time.Now()).
	Now time.Time
	// Sass compiles SCSS; nil means no stylesheet is built, which is an
	// error when the site has assets/scss/main.scss (see NeedSass).
	Sass scss.Compiler
	// ThemeCSS is Theme's SCSS entry compiled (fazhi.ThemeCSS). When set
	// and Source has no SCSS of its own, it is the stylesheet, and Sass
	// is not used.
	ThemeCSS []byte
	// Search runs the search indexer on the written output; nil skips it.
	Search Indexer
	// Serve marks a preview build: templates may add the reload script.
	Serve bool
	// Workers is the number of pages rendered at once (default: GOMAXPROCS).
	Workers int
	// Collect keeps each page's links and ids in Result.Pages for checks.
	Collect bool
	// Decap is the folder of Decap CMS's files, written under admin/
	// when site.toml has [cms] publish = true (see cms.Decap).
	Decap string
	// Log receives progress messages (default: discard).
	Log *slog.Logger
	// Cache, when set, keeps a persistent build cache: a page is rendered
	// again only when something it shows could have changed. It is not
	// used with Collect or Serve, nor with an Out that cannot carry
	// files of the previous output forward (publish.Reuser).
	Cache *CacheOptions
}

// Indexer builds a search index over the written HTML.
type Indexer interface {
	Index(ctx context.Context, out publish.Publisher) error
}

// Result summarises a build.
type Result struct {
	Config *config.Config
	Site   *site.Site
	// Pages counts outputs by kind ("page", "section", …); Files counts
	// every file written.
	Pages map[string]int
	Files int
	// Reused counts the content pages carried forward by the build
	// cache instead of rendered.
	Reused int
	// ReusedLists counts the list pages (of Pages["list"]) carried
	// forward by the build cache instead of rendered.
	ReusedLists int
	// RenderedLists are the keys of the list jobs rendered, in job order,
	// when the build cache is used.
	RenderedLists []string
	// Published tells what changed against the previous output.
	Published *publish.Result
	// Steps lists each step's duration in order.
	Steps []Step
	// Rendered holds each content page's links and ids when
	// Options.Collect is set, keyed by content path.
	Rendered map[string]*markup.Rendered
	// Enforcement holds the data file of each enforcement column, in
	// the order of the content files, for checks.
	Enforcement []EnforcementData
	// Warnings are problems that did not stop the build.
	Warnings diag.List
	// Duration is the whole build's wall time.
	Duration time.Duration
}

// Step is one timed stage of the build.
type Step struct {
	Name     string
	Duration time.Duration
}

// NeedSass reports whether building src over theme needs Dart Sass: the
// layered site has an SCSS entry, and either the theme's compiled CSS
// (themeCSS) is not given or the site has SCSS files of its own.
func NeedSass(src, theme fs.FS, themeCSS []byte) bool {
	if _, err := fs.Stat(overlay.New(src, theme), scss.Entry); err != nil {
		return false
	}
	return themeCSS == nil || scss.HasOwnStyles(src, theme)
}

// Build runs every step. On any error the publisher is aborted, so the
// previous output stays as it was.
func Build(ctx context.Context, o Options) (res *Result, err error) {
	start := time.Now()
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	b := &builder{o: o, res: &Result{Pages: map[string]int{}}, ctx: ctx}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("内部错误（请报告此问题）: %v", r)
		}
		if err != nil {
			_ = o.Out.Abort()
			res = nil
		}
	}()
	steps := []struct {
		name string
		fn   func() error
	}{
		{"config", b.loadConfig},
		{"cache", func() error { b.openCache(); return nil }},
		{"read", b.read},
		{"data", b.readData},
		{"assemble", b.assemble},
		{"prepare", b.prepare},
		{"assets", b.assets},
		{"pages", b.renderPages},
		{"lists", b.renderLists},
		{"outputs", b.outputs},
		{"cms", b.cms},
		{"static", b.static},
	}
	for _, s := range steps {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		t := time.Now()
		if err := s.fn(); err != nil {
			return nil, wrap(s.name, err)
		}
		b.res.Steps = append(b.res.Steps, Step{s.name, time.Since(t)})
		if afterStep != nil {
			afterStep(s.name, b)
		}
	}
	if o.Search != nil {
		t := time.Now()
		// The indexer runs in processes of its own while this one waits:
		// give the memory rendering no longer uses back to the system
		// first, so that the process tree peaks at what is live here,
		// not at the heap's high-water mark.
		debug.FreeOSMemory()
		if err := o.Search.Index(ctx, o.Out); err != nil {
			return nil, wrap("search", err)
		}
		b.res.Steps = append(b.res.Steps, Step{"search", time.Since(t)})
	}
	t := time.Now()
	pub, err := o.Out.Commit()
	if err != nil {
		return nil, wrap("publish", err)
	}
	b.res.Steps = append(b.res.Steps, Step{"publish", time.Since(t)})
	b.saveCache()
	b.res.Published = pub
	b.res.Files = pub.Files
	b.res.Duration = time.Since(start)
	return b.res, nil
}

// afterStep, when set (by tests), is called after each step.
var afterStep func(step string, b *builder)

// wrap keeps author-facing errors as they are (they already name file and
// line) and prefixes others with the step.
func wrap(step string, err error) error {
	var l diag.List
	var e *diag.Error
	if errors.As(err, &l) || errors.As(err, &e) {
		return err
	}
	return fmt.Errorf("%s: %w", step, err)
}
