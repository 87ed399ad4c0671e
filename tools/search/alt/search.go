package alt

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"math"
	"sort"
)

// Index reads an index written by Builder.Write, loading chunks as
// queries need them, as the browser client does.
type Index struct {
	fsys   fs.FS
	m      Manifest
	dl, tl []float64
	chunks map[int]map[string]List
}

// Open opens the index in fsys (the index folder).
func Open(fsys fs.FS) (*Index, error) {
	mj, err := fs.ReadFile(fsys, ManifestFile)
	if err != nil {
		return nil, err
	}
	x := &Index{fsys: fsys, chunks: map[int]map[string]List{}}
	if err := json.Unmarshal(mj, &x.m); err != nil {
		return nil, fmt.Errorf("%s: %w", ManifestFile, err)
	}
	norms, err := gunzip(fsys, NormsFile)
	if err != nil {
		return nil, err
	}
	if len(norms) != 2*x.m.Pages {
		return nil, fmt.Errorf("%s: %d bytes for %d pages", NormsFile, len(norms), x.m.Pages)
	}
	for i := 0; i < x.m.Pages; i++ {
		x.dl = append(x.dl, LenOf(norms[2*i]))
		x.tl = append(x.tl, float64(norms[2*i+1]))
	}
	return x, nil
}

// SetParams replaces the ranking parameters read from the manifest (to
// compare rankings on one index).
func (x *Index) SetParams(p Params) { x.m.Params = p }

// Manifest returns the index's manifest.
func (x *Index) Manifest() Manifest { return x.m }

func gunzip(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return io.ReadAll(r)
}

// Lookup returns term's posting list (nil when the index lacks it).
func (x *Index) Lookup(term string) ([]Posting, error) {
	c := ChunkOf(term, x.m.Chunks)
	lists, ok := x.chunks[c]
	if !ok {
		raw, err := gunzip(x.fsys, ChunkPath(c))
		if err != nil {
			return nil, err
		}
		ls, err := DecodeChunk(raw)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", ChunkPath(c), err)
		}
		lists = map[string]List{}
		for _, l := range ls {
			lists[l.Term] = l
		}
		x.chunks[c] = lists
	}
	l, ok := lists[term]
	if !ok {
		return nil, nil
	}
	return DecodePostings(l.Data, l.DF)
}

// Hit is one ranked page.
type Hit struct {
	Page  int
	Score float64
}

// Result is the answer to one query.
type Result struct {
	Hits []Hit
	// Or reports that no page had every term, so pages with any are
	// ranked instead.
	Or bool
}

// Search ranks the pages that contain every required term of q by BM25
// over all its terms (body plus a title score); when none contains all,
// the pages containing any term.
// Ties go to the lower page id. client.js computes the same ranking.
func (x *Index) Search(q string) (Result, error) {
	terms := QueryTerms(q, x.m.Cover)
	n := x.m.Pages
	score := make([]float64, n)
	count := make([]int, n) // required terms
	some := make([]bool, n)
	required := 0
	p := x.m.Params
	for _, t := range terms {
		if t.Required {
			required++
		}
		ps, err := x.Lookup(t.Text)
		if err != nil {
			return Result{}, err
		}
		idf := IDF(n, len(ps))
		for _, e := range ps {
			score[e.Page] += idf * termScore(p, e, x.dl[e.Page], x.m.AvgDL, x.tl[e.Page], x.m.AvgTL)
			if t.Required {
				count[e.Page]++
			}
			some[e.Page] = true
		}
	}
	var res Result
	collect := func(or bool) {
		for i := range n {
			if !or && count[i] == required || or && some[i] {
				res.Hits = append(res.Hits, Hit{i, score[i]})
			}
		}
	}
	if len(terms) == 0 {
		return res, nil
	}
	if collect(false); len(res.Hits) == 0 {
		res.Or = true
		collect(true)
	}
	sort.SliceStable(res.Hits, func(i, j int) bool { return res.Hits[i].Score > res.Hits[j].Score })
	return res, nil
}

// IDF is BM25's inverse document frequency of a term in df of n pages.
func IDF(n, df int) float64 {
	return math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
}

// termScore is one posting's BM25 body score plus its title score.
func termScore(p Params, e Posting, dl, avgdl, tl, avgtl float64) float64 {
	tf := float64(e.TF)
	s := tf * (p.K1 + 1) / (tf + p.K1*(1-p.B+p.B*dl/avgdl))
	if e.Title {
		s += p.TitleWeight * (p.K1 + 1) / (1 + p.K1*(1-p.B+p.B*tl/avgtl))
	}
	return s
}

// Meta reads page id's metadata file.
func (x *Index) Meta(id int) (Meta, error) {
	b, err := gunzip(x.fsys, MetaPath(id))
	if err != nil {
		return Meta{}, err
	}
	var m Meta
	return m, json.Unmarshal(b, &m)
}
