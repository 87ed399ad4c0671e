package alt

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"sort"
)

// Posting is one page of a term's posting list.
type Posting struct {
	Page uint32
	// TF is how often the term occurs in the page's indexed text.
	TF uint32
	// Title reports whether the term occurs in the page's title.
	Title bool
}

// AppendPosting appends p to a posting list whose last page is prev (the
// first posting of a list has prev 0 and is stored as is): the page gap
// and tf<<1|title, both as unsigned varints.
func AppendPosting(b []byte, prev uint32, p Posting, first bool) []byte {
	gap := p.Page - prev
	if first {
		gap = p.Page
	}
	b = binary.AppendUvarint(b, uint64(gap))
	v := uint64(p.TF) << 1
	if p.Title {
		v |= 1
	}
	return binary.AppendUvarint(b, v)
}

// EncodePostings encodes a posting list sorted by page.
func EncodePostings(ps []Posting) []byte {
	var b []byte
	for i, p := range ps {
		var prev uint32
		if i > 0 {
			prev = ps[i-1].Page
		}
		b = AppendPosting(b, prev, p, i == 0)
	}
	return b
}

var errCorrupt = errors.New("alt: corrupt posting list")

// DecodePostings decodes n postings.
func DecodePostings(b []byte, n int) ([]Posting, error) {
	out := make([]Posting, 0, n)
	var page uint64
	for i := 0; i < n; i++ {
		gap, k := binary.Uvarint(b)
		if k <= 0 {
			return nil, errCorrupt
		}
		b = b[k:]
		v, k := binary.Uvarint(b)
		if k <= 0 {
			return nil, errCorrupt
		}
		b = b[k:]
		if i == 0 {
			page = gap
		} else {
			page += gap
		}
		if page > 1<<32-1 || v>>1 > 1<<32-1 {
			return nil, errCorrupt
		}
		out = append(out, Posting{Page: uint32(page), TF: uint32(v >> 1), Title: v&1 == 1})
	}
	if len(b) != 0 {
		return nil, fmt.Errorf("alt: %d bytes after %d postings", len(b), n)
	}
	return out, nil
}

// ChunkOf returns the chunk of term among n chunks: FNV-1a (32 bit) of
// its UTF-8 bytes modulo n (client.js computes the same).
func ChunkOf(term string, n int) int {
	h := fnv.New32a()
	h.Write([]byte(term))
	return int(h.Sum32() % uint32(n))
}

// List is one term's encoded posting list.
type List struct {
	Term string
	DF   int
	Data []byte
}

// EncodeChunk writes the lists of one chunk, sorted by term: the number of
// terms, then per term its byte length, bytes, document frequency and the
// byte length of its postings (all unsigned varints), then the postings
// in the same order.
func EncodeChunk(lists []List) []byte {
	sort.Slice(lists, func(i, j int) bool { return lists[i].Term < lists[j].Term })
	b := binary.AppendUvarint(nil, uint64(len(lists)))
	for _, l := range lists {
		b = binary.AppendUvarint(b, uint64(len(l.Term)))
		b = append(b, l.Term...)
		b = binary.AppendUvarint(b, uint64(l.DF))
		b = binary.AppendUvarint(b, uint64(len(l.Data)))
	}
	for _, l := range lists {
		b = append(b, l.Data...)
	}
	return b
}

// DecodeChunk reads a chunk written by EncodeChunk.
func DecodeChunk(b []byte) ([]List, error) {
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)) {
		return nil, errCorrupt
	}
	b = b[k:]
	lists := make([]List, n)
	sizes := make([]uint64, n)
	for i := range lists {
		tl, k := binary.Uvarint(b)
		if k <= 0 || uint64(len(b)-k) < tl {
			return nil, errCorrupt
		}
		lists[i].Term = string(b[k : k+int(tl)])
		b = b[k+int(tl):]
		df, k := binary.Uvarint(b)
		if k <= 0 {
			return nil, errCorrupt
		}
		b = b[k:]
		sz, k := binary.Uvarint(b)
		if k <= 0 {
			return nil, errCorrupt
		}
		b = b[k:]
		lists[i].DF, sizes[i] = int(df), sz
	}
	for i := range lists {
		if uint64(len(b)) < sizes[i] {
			return nil, errCorrupt
		}
		lists[i].Data = b[:sizes[i]]
		b = b[sizes[i]:]
	}
	if len(b) != 0 {
		return nil, errCorrupt
	}
	return lists, nil
}
