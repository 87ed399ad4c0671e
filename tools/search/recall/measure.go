package recall

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/tools/search/browser"
)

// Setup says where the sites of a query list come from.
type Setup struct {
	// Root is the repository (the bundled portal's site folder).
	Root string
	// Corpus is the statute corpus folder; "" skips the laws site.
	Corpus string
	// Work is a scratch folder.
	Work string
	// Index makes the indexer for each build.
	Index func() build.Indexer
	// Log receives progress lines (may be nil).
	Log func(format string, args ...any)
	// Raw also runs every query through pagefind.search as typed, without
	// the theme's query preparation, for comparison.
	Raw bool
}

// Measure builds each site the cases use, serves it, and runs its cases
// in one headless Chromium. Cases of a site that cannot be built (laws
// without the corpus) are left out. It fails when a wanted title is not a
// page of the built site, so the query list cannot go stale silently.
// The second result holds the as-typed rows when s.Raw is set.
func Measure(ctx context.Context, s Setup, cases []Case) (rows, raw []Row, err error) {
	logf := s.Log
	if logf == nil {
		logf = func(string, ...any) {}
	}
	b, err := browser.Start(ctx, filepath.Join(s.Work, "chromium-profile"))
	if err != nil {
		return nil, nil, err
	}
	defer b.Close()
	for _, site := range Sites(cases) {
		var src string
		switch site {
		case "portal":
			src = s.Root
		case "laws":
			if s.Corpus == "" {
				logf("跳过 laws：没有法规语料 (no corpus)")
				continue
			}
			if src, err = GenLaws(s.Corpus, filepath.Join(s.Work, "laws-src"), CorpusSize(s.Corpus)); err != nil {
				return nil, nil, err
			}
		default:
			return nil, nil, fmt.Errorf("未知站点「%s」(unknown site)", site)
		}
		out := filepath.Join(s.Work, site+"-public")
		res, err := Build(ctx, src, out, s.Index())
		if err != nil {
			return nil, nil, fmt.Errorf("构建 %s 失败: %w", site, err)
		}
		logf("%s: %d 个内容页 (content pages), 用时 %v", site, res.Pages["page"], res.Steps)
		titles := map[string]bool{}
		for _, p := range res.Site.Pages {
			if p.IsContent() {
				titles[p.Title] = true
			}
		}
		var mine []Case
		for _, c := range cases {
			if c.Site != site {
				continue
			}
			for _, w := range c.Want {
				if !titles[w] {
					return nil, nil, fmt.Errorf("第 %d 行：站点 %s 中没有标题为「%s」的页面 (wanted title is not a page)", c.Line, site, w)
				}
			}
			mine = append(mine, c)
		}
		srv := browser.ServeDir(out)
		tab, err := b.Open(srv.URL, "/search/")
		if err != nil {
			srv.Close()
			return nil, nil, err
		}
		r, err := Run(tab, mine)
		tab.Close()
		if err == nil && s.Raw {
			// A fresh tab: Pagefind's results depend on the index chunks
			// earlier queries loaded.
			var rt *browser.Tab
			if rt, err = b.Open(srv.URL, "/search/"); err == nil {
				var rr []Row
				if err = rt.SetRaw(true); err == nil {
					rr, err = Run(rt, mine)
				}
				rt.Close()
				raw = append(raw, rr...)
			}
		}
		srv.Close()
		if err != nil {
			return nil, nil, err
		}
		rows = append(rows, r...)
	}
	return rows, raw, nil
}

// ReadCases reads the query list at path.
func ReadCases(path string) ([]Case, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Parse(f)
}

// Missed lists the misses of rows, one per line, for logs.
func Missed(rows []Row) string {
	var b strings.Builder
	for _, r := range rows {
		if len(r.Missing) > 0 {
			fmt.Fprintf(&b, "%s「%s」未找到 %s（共 %d 条结果）\n", r.Site, r.Query, strings.Join(r.Missing, "；"), r.Total)
		}
	}
	return b.String()
}
