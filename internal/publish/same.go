package publish

import (
	"bytes"
	"io"
	"os"
	"sync"
)

// compareBufs holds the buffers sameContent reads into.
var compareBufs = sync.Pool{New: func() any { b := make([]byte, 64<<10); return &b }}

// sameContent reports whether the regular file at name holds exactly data.
// The previous output is not trusted to be what its manifest says: a file
// edited in place (defaced) since the last build keeps its size and its
// manifest entry, so only its bytes tell. Comparing them costs one read of
// a file that the page cache normally still holds, less than hashing it.
func sameContent(name string, data []byte) bool {
	st, err := os.Lstat(name)
	if err != nil || !st.Mode().IsRegular() || st.Size() != int64(len(data)) {
		return false
	}
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	bp := compareBufs.Get().(*[]byte)
	defer compareBufs.Put(bp)
	buf := *bp
	rest := data
	for {
		n, err := io.ReadFull(f, buf)
		if n > len(rest) || !bytes.Equal(buf[:n], rest[:n]) {
			return false
		}
		rest = rest[n:]
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return len(rest) == 0
		}
		if err != nil {
			return false
		}
	}
}
