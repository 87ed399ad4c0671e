package frontmatter

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"sync"
)

// MaxFrontMatter is the largest front matter ReadHead reads (1 MiB); a
// file whose front matter is longer is reported instead of read without
// end.
const MaxFrontMatter = 1 << 20

// ErrTooLong is returned by ReadHead for front matter longer than
// MaxFrontMatter.
var ErrTooLong = errors.New("前言超过 1 MB：前言只放标题、日期等信息，正文写在第二个 +++ 之后 (front matter too long)")

// headReaders are reused between files: front matter is a few hundred
// bytes, and a fresh reader per file of a large site adds up.
var headReaders = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, 4<<10) }}

// ReadHead reads a content file from r up to and including the line that
// closes its front matter, so that the body need not be read to know a
// page's metadata. Split finds the front matter in what it returns (and
// reports a file that does not start with one). Fences are recognised as
// Split recognises them.
func ReadHead(r io.Reader) ([]byte, error) {
	br := headReaders.Get().(*bufio.Reader)
	br.Reset(r)
	defer func() {
		br.Reset(nil)
		headReaders.Put(br)
	}()
	var out bytes.Buffer
	for first := true; ; first = false {
		line, err := readLine(br, &out)
		if err == ErrTooLong {
			return nil, err
		}
		if first {
			line = bytes.TrimPrefix(line, bom)
		}
		switch {
		case first && !isFence(line):
			return out.Bytes(), nil // Split reports the problem
		case !first && isFence(line):
			return out.Bytes(), nil
		case out.Len() > MaxFrontMatter:
			return nil, ErrTooLong
		case err == io.EOF:
			return out.Bytes(), nil
		case err != nil:
			return nil, err
		}
	}
}

// readLine appends the next line of br, however long, to out and returns
// it (its start only, for a line longer than br's buffer: enough to tell a
// fence).
func readLine(br *bufio.Reader, out *bytes.Buffer) ([]byte, error) {
	line, err := br.ReadSlice('\n')
	out.Write(line)
	for err == bufio.ErrBufferFull {
		var more []byte
		more, err = br.ReadSlice('\n')
		out.Write(more)
		if out.Len() > MaxFrontMatter {
			return nil, ErrTooLong
		}
	}
	return line, err
}

// bom is the UTF-8 byte-order mark some Windows editors write.
var bom = []byte("\xef\xbb\xbf")

// isFence reports whether a line (with or without its line ending) is a
// front-matter fence, "+++".
func isFence(line []byte) bool { return string(bytes.TrimSpace(line)) == "+++" }
