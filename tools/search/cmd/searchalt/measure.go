package main

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/fazhi-dev/fazhi/tools/search/alt"
	"github.com/fazhi-dev/fazhi/tools/search/browser"
	"github.com/fazhi-dev/fazhi/tools/search/recall"
)

func startBrowser(profile string) (*browser.Browser, error) {
	return browser.Start(context.Background(), profile)
}

// measured is what the browser saw of one index.
type measured struct {
	// The first query (firstQuery) in a fresh browser context.
	bytes, reqs int64
	ms          time.Duration
	sent        map[string]int64
	// rawChunks is the size of the chunk files that query loaded, before
	// gzip.
	rawChunks int64
	// Medians of the first-query bytes and requests over every query of
	// the site's list, each in a fresh context.
	medBytes, medReqs, maxBytes int64
	rows                        []recall.Row
	// strict is the recall of the same index, ranked in Go, when every
	// bigram of a query is required (Params.Cover false).
	strict []recall.Row
	// agree counts the queries whose first ten pages client.js and
	// alt.Index.Search give in the same order; ors the queries answered
	// by the OR fallback.
	agree, ors int
}

// indexBase is the index folder's URL path.
const indexBase = "/" + alt.Dir + "/"

// firstJS imports the client, opens the index, runs one query and loads
// the metadata of the first n results, as a search page would.
const firstJS = `(async (q, n) => {
  const t0 = performance.now();
  const s = await import(%q + "client.js");
  const idx = await s.open(%q);
  const r = await idx.search(q);
  const d = await Promise.all(r.hits.slice(0, n).map(h => h.data()));
  return {total: r.total, ms: performance.now() - t0, hits: d.map(x => ({url: x.url, title: x.title}))};
})(%s, %d)`

// distinctJS runs a query and loads results in order until it has n
// distinct titles, copies ("title（副本N）", "title（N）") counted as their
// title (as browser.QueryDistinct does for Pagefind); with distinct false
// it loads the first n. It also returns the first ten page ids and
// whether the OR fallback answered.
const distinctJS = `(async (q, n, distinct) => {
  if (!window.__alt) window.__alt = await (await import(%q + "client.js")).open(%q);
  const r = await window.__alt.search(q);
  const seen = new Set(), hits = [];
  for (const x of r.hits) {
    if (hits.length >= n) break;
    const d = await x.data();
    const base = distinct ? d.title.replace(/（\d+）$/, "").replace(/（副本\d+）$/, "") : d.title;
    if (distinct && seen.has(base)) continue;
    seen.add(base);
    hits.push({url: d.url, title: base});
  }
  return {total: r.total, or: r.or, pages: r.hits.slice(0, 10).map(h => h.page), hits};
})(%s, %d, %v)`

// measure serves the built site, runs the first query and, with full,
// every query of cases in Chromium.
func measure(b *browser.Browser, site string, cases []recall.Case, distinct, full bool) (measured, error) {
	var m measured
	srv := browser.ServeDir(site)
	defer srv.Close()
	one := func(q string) (int64, int64, time.Duration, map[string]int64, error) {
		tab, err := b.Open(srv.URL, "/")
		if err != nil {
			return 0, 0, 0, nil, err
		}
		defer tab.Close()
		time.Sleep(500 * time.Millisecond)
		srv.Reset()
		qs, _ := json.Marshal(q)
		start := time.Now()
		var a browser.Answer
		if err := tab.Eval(fmt.Sprintf(firstJS, indexBase, indexBase, qs, recall.K), &a); err != nil {
			return 0, 0, 0, nil, fmt.Errorf("查询「%s」失败: %w", q, err)
		}
		d := time.Since(start)
		sent := srv.Sent()
		bytes, reqs := srv.Reset()
		return bytes, reqs, d, sent, nil
	}
	var err error
	if m.bytes, m.reqs, m.ms, m.sent, err = one(firstQuery); err != nil {
		return m, err
	}
	for p := range m.sent {
		if strings.HasPrefix(p, indexBase+alt.ChunkDir+"/") {
			n, err := rawSize(filepath.Join(site, filepath.FromSlash(p)))
			if err != nil {
				return m, err
			}
			m.rawChunks += n
		}
	}
	logf("%s: first query %s %d KB in %d requests (%v)", site, firstQuery, m.bytes>>10, m.reqs, m.ms.Round(time.Millisecond))
	var bs, rs []int64
	for _, c := range cases {
		by, rq, _, _, err := one(c.Query)
		if err != nil {
			return m, err
		}
		bs, rs = append(bs, by), append(rs, rq)
	}
	m.medBytes, m.medReqs = median(bs), median(rs)
	m.maxBytes = slices.Max(bs)
	if !full {
		return m, nil
	}

	idx, err := alt.Open(os.DirFS(filepath.Join(site, alt.Dir)))
	if err != nil {
		return m, err
	}
	tab, err := b.Open(srv.URL, "/")
	if err != nil {
		return m, err
	}
	defer tab.Close()
	m.rows, err = recall.RunFunc(cases, func(q string, n int) (*browser.Answer, error) {
		qs, _ := json.Marshal(q)
		var a struct {
			browser.Answer
			Or    bool  `json:"or"`
			Pages []int `json:"pages"`
		}
		if err := tab.Eval(fmt.Sprintf(distinctJS, indexBase, indexBase, qs, n, distinct), &a); err != nil {
			return nil, fmt.Errorf("查询「%s」失败: %w", q, err)
		}
		res, err := idx.Search(q)
		if err != nil {
			return nil, err
		}
		var goPages []int
		for _, h := range res.Hits[:min(10, len(res.Hits))] {
			goPages = append(goPages, h.Page)
		}
		if slices.Equal(goPages, a.Pages) && res.Or == a.Or {
			m.agree++
		} else {
			logf("「%s」: client.js %v, Go %v", q, a.Pages, goPages)
		}
		if a.Or {
			m.ors++
		}
		return &a.Answer, nil
	})
	if err != nil {
		return m, err
	}
	fmt.Fprint(os.Stderr, recall.Missed(m.rows))
	p := idx.Manifest().Params
	p.Cover = false
	idx.SetParams(p)
	m.strict, err = recall.RunFunc(cases, func(q string, n int) (*browser.Answer, error) { return goQuery(idx, q, n, distinct) })
	fmt.Fprint(os.Stderr, "strict AND:\n"+recall.Missed(m.strict))
	return m, err
}

// goQuery is distinctJS in Go, on idx.
func goQuery(idx *alt.Index, q string, n int, distinct bool) (*browser.Answer, error) {
	res, err := idx.Search(q)
	if err != nil {
		return nil, err
	}
	a := &browser.Answer{Total: len(res.Hits)}
	seen := map[string]bool{}
	for _, h := range res.Hits {
		if len(a.Hits) >= n {
			break
		}
		m, err := idx.Meta(h.Page)
		if err != nil {
			return nil, err
		}
		base := m.Title
		if distinct {
			base = copySuffix.ReplaceAllString(copyNo.ReplaceAllString(base, ""), "")
			if seen[base] {
				continue
			}
		}
		seen[base] = true
		a.Hits = append(a.Hits, browser.Hit{URL: m.URL, Title: base})
	}
	return a, nil
}

// The suffixes of copies, removed in this order as distinctJS does.
var copyNo, copySuffix = regexp.MustCompile(`（\d+）$`), regexp.MustCompile(`（副本\d+）$`)

func rawSize(p string) (int64, error) {
	f, err := os.Open(p)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	r, err := gzip.NewReader(f)
	if err != nil {
		return 0, err
	}
	return io.Copy(io.Discard, r)
}

func median(v []int64) int64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
