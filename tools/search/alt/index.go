package alt

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Params are the ranking parameters, written to the manifest so that the
// browser client ranks as Search does.
type Params struct {
	K1 float64 `json:"k1"`
	B  float64 `json:"b"`
	// TitleWeight scales a term's title score (a BM25 term with tf 1 over
	// the title's length) against its body score.
	TitleWeight float64 `json:"titleWeight"`
	// Cover requires only the bigrams that cover the query without
	// overlap (QueryTerms); false requires every bigram.
	Cover bool `json:"cover"`
}

// DefaultParams are the usual BM25 values with a title boost.
var DefaultParams = Params{K1: 1.2, B: 0.75, TitleWeight: 3, Cover: true}

// Manifest is manifest.json, the first file the client loads.
type Manifest struct {
	Version int     `json:"version"`
	Pages   int     `json:"pages"`
	Chunks  int     `json:"chunks"`
	AvgDL   float64 `json:"avgdl"`
	AvgTL   float64 `json:"avgtl"`
	Params
}

// Meta is one page's metadata file, loaded for the results shown.
type Meta struct {
	URL     string `json:"url"`
	Title   string `json:"title"`
	Excerpt string `json:"excerpt"`
}

// Index files below the index folder.
const (
	ManifestFile = "manifest.json"
	NormsFile    = "norms.bin.gz"
	ChunkDir     = "c"
	MetaDir      = "m"
	ClientFile   = "client.js"
	ExcerptLen   = 80
)

// Client is the browser client, written into the index folder.
//
//go:embed client.js
var Client []byte

// ChunkPath and MetaPath name a chunk and a page's metadata file.
func ChunkPath(i int) string { return fmt.Sprintf("%s/%d.bin.gz", ChunkDir, i) }
func MetaPath(id int) string { return fmt.Sprintf("%s/%d.json.gz", MetaDir, id) }

type termList struct {
	last uint32
	df   int
	data []byte
}

// Builder builds an index from pages added in page-id order (0, 1, …).
// Posting lists are kept encoded in memory (two to three bytes a
// posting).
type Builder struct {
	Params
	terms  map[string]*termList
	dl, tl []int
	metas  []Meta
}

// NewBuilder returns an empty builder.
func NewBuilder(p Params) *Builder { return &Builder{Params: p, terms: map[string]*termList{}} }

// Add indexes d as the next page.
func (b *Builder) Add(d Doc) {
	id := uint32(len(b.dl))
	tf := map[string]uint32{}
	dl := 0
	IndexTerms(d.Text, func(t string, counted bool) {
		tf[t]++
		if counted {
			dl++
		}
	})
	inTitle := map[string]bool{}
	tl := 0
	IndexTerms(d.Title, func(t string, counted bool) {
		inTitle[t] = true
		if counted {
			tl++
		}
	})
	for t := range inTitle {
		if tf[t] == 0 { // a title outside the body region still counts
			tf[t] = 1
		}
	}
	for t, n := range tf {
		l := b.terms[t]
		if l == nil {
			l = &termList{}
			b.terms[t] = l
		}
		l.data = AppendPosting(l.data, l.last, Posting{Page: id, TF: n, Title: inTitle[t]}, l.df == 0)
		l.last = id
		l.df++
	}
	b.dl = append(b.dl, dl)
	b.tl = append(b.tl, tl)
	b.metas = append(b.metas, Meta{URL: d.URL, Title: d.Title, Excerpt: excerpt(d.Text, d.Title)})
}

// excerpt is the start of the text after the title, whitespace collapsed.
func excerpt(text, title string) string {
	s := strings.Join(strings.Fields(text), " ")
	s = strings.TrimSpace(strings.TrimPrefix(s, strings.Join(strings.Fields(title), " ")))
	if r := []rune(s); len(r) > ExcerptLen {
		s = string(r[:ExcerptLen]) + "…"
	}
	return s
}

// Stats describe a written index.
type Stats struct {
	Pages, Terms, Files int
	Bytes               int64
	// ChunkBytes is the size of the chunk files; RawChunkBytes the same
	// before gzip.
	ChunkBytes, RawChunkBytes int64
}

// Write writes the index into dir (created) with n chunk files.
func (b *Builder) Write(dir string, chunks int) (Stats, error) {
	st := Stats{Pages: len(b.dl), Terms: len(b.terms)}
	for _, d := range []string{dir, filepath.Join(dir, ChunkDir), filepath.Join(dir, MetaDir)} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return st, err
		}
	}
	write := func(name string, data []byte, zip bool) error {
		if zip {
			data = gz(data)
		}
		st.Files++
		st.Bytes += int64(len(data))
		return os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), data, 0o644)
	}
	m := Manifest{Version: 1, Pages: len(b.dl), Chunks: chunks, AvgDL: mean(b.dl), AvgTL: mean(b.tl), Params: b.Params}
	mj, _ := json.Marshal(m)
	if err := write(ManifestFile, mj, false); err != nil {
		return st, err
	}
	if err := write(ClientFile, Client, false); err != nil {
		return st, err
	}
	norms := make([]byte, 0, 2*len(b.dl))
	for i := range b.dl {
		norms = append(norms, QuantizeLen(b.dl[i]), byte(min(b.tl[i], 255)))
	}
	if err := write(NormsFile, norms, true); err != nil {
		return st, err
	}
	byChunk := make([][]List, chunks)
	for t, l := range b.terms {
		c := ChunkOf(t, chunks)
		byChunk[c] = append(byChunk[c], List{Term: t, DF: l.df, Data: l.data})
	}
	for i, lists := range byChunk {
		raw := EncodeChunk(lists)
		st.RawChunkBytes += int64(len(raw))
		before := st.Bytes
		if err := write(ChunkPath(i), raw, true); err != nil {
			return st, err
		}
		st.ChunkBytes += st.Bytes - before
	}
	for id, meta := range b.metas {
		j, _ := json.Marshal(meta)
		if err := write(MetaPath(id), j, true); err != nil {
			return st, err
		}
	}
	return st, nil
}

// lengths[q] is the page length a quantized byte q stands for: about
// 6 % steps, computed by repeated multiplication so that client.js gets
// the same numbers.
var lengths = func() (t [256]float64) {
	l := 1.0
	for q := range t {
		t[q] = l - 1
		l *= 1.06
	}
	return
}()

// QuantizeLen stores a page length in one byte (the nearest of lengths).
func QuantizeLen(n int) byte {
	i := sort.SearchFloat64s(lengths[:], float64(n))
	if i == len(lengths) {
		return 255
	}
	if i > 0 && float64(n)-lengths[i-1] < lengths[i]-float64(n) {
		i--
	}
	return byte(i)
}

// LenOf is the length a quantized byte stands for.
func LenOf(q byte) float64 { return lengths[q] }

func mean(v []int) float64 {
	if len(v) == 0 {
		return 0
	}
	s := 0
	for _, x := range v {
		s += x
	}
	return float64(s) / float64(len(v))
}

func gz(b []byte) []byte {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}
