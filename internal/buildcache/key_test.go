package buildcache

import (
	"crypto/sha256"
	"encoding/binary"
	"strings"
	"testing"
)

// A Hasher digests the same bytes however long what it is given: each
// string with its length, then each digest, as a key always was.
func TestHasherStreams(t *testing.T) {
	long := strings.Repeat("第一条　为了规范行政执法。", 900) // longer than the buffer
	var want []byte
	str := func(s string) {
		want = binary.AppendUvarint(want, uint64(len(s)))
		want = append(want, s...)
	}
	var h Hasher
	for i := range 300 {
		s := long[:i*37%len(long)]
		str(s)
		h.Str(s)
		want = append(want, byte(i))
		h.Sum(Sum{byte(i)})
		want = append(want, make([]byte, 31)...)
	}
	str("true")
	h.Bool(true)
	if got := h.Done(); got != sha256.Sum256(want) {
		t.Errorf("Hasher.Done differs from the digest of what was added")
	}
	var empty Hasher
	if empty.Done() != sha256.Sum256(nil) {
		t.Errorf("the zero Hasher's key is not the digest of nothing")
	}
	// A key over many pages holds no more than the buffer.
	var big Hasher
	for range 2000 {
		big.Str(long)
	}
	if cap(big.b) > hasherBuf {
		t.Errorf("the Hasher grew its buffer to %d bytes", cap(big.b))
	}
}
