package build

import (
	"bytes"
	"compress/gzip"
	"path"
	"strings"
	"sync/atomic"

	"github.com/andybalholm/brotli"
	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	mjson "github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"

	"github.com/fazhi-dev/fazhi/internal/publish"
)

var minifier = func() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFunc("application/json", mjson.Minify)
	m.AddFunc("application/xml", xml.Minify)
	return m
}()

var mediaTypes = map[string]string{
	".html": "text/html", ".css": "text/css", ".js": "application/javascript",
	".svg": "image/svg+xml", ".json": "application/json",
}

// minifySink minifies HTML, CSS, JS, SVG and JSON on their way out.
type minifySink struct{ next publish.Publisher }

func (m minifySink) WriteFile(name string, data []byte) error {
	return m.next.WriteFile(name, minified(name, data))
}

// minifies reports whether files named name are minified.
func minifies(name string) bool {
	_, ok := mediaTypes[path.Ext(name)]
	return ok
}

// minified returns data minified when its type is one minify knows.
func minified(name string, data []byte) []byte {
	if mt, ok := mediaTypes[path.Ext(name)]; ok {
		work.minified.Add(1)
		var out bytes.Buffer
		if err := minifier.Minify(mt, &out, bytes.NewReader(data)); err == nil {
			return out.Bytes()
		}
	}
	return data
}

func (m minifySink) Commit() (*publish.Result, error) { return m.next.Commit() }
func (m minifySink) Abort() error                     { return m.next.Abort() }

var compressible = map[string]bool{".html": true, ".css": true, ".js": true, ".svg": true, ".json": true, ".xml": true, ".txt": true, ".ics": true}

// compressSink writes .gz and .br siblings of text files for servers that
// serve precompressed files (nginx gzip_static, brotli_static).
type compressSink struct{ next publish.Publisher }

// minCompress is the smallest file worth compressing.
const minCompress = 256

func (c compressSink) WriteFile(name string, data []byte) error {
	if err := c.next.WriteFile(name, data); err != nil {
		return err
	}
	if !compresses(name, len(data)) {
		return nil
	}
	for _, ext := range compressions {
		if err := c.next.WriteFile(name+ext, compressed(ext, data)); err != nil {
			return err
		}
	}
	return nil
}

// compressions are the suffixes of the compressed siblings, in the order
// they are written.
var compressions = []string{".gz", ".br"}

// compresses reports whether data written at name gets compressed
// siblings.
func compresses(name string, size int) bool {
	return compressible[path.Ext(name)] && size >= minCompress && !strings.HasPrefix(name, "pagefind/")
}

// work counts the files minified and compressed, for tests that check
// that a cached build does neither to an unchanged file.
var work struct{ minified, compressed atomic.Int64 }

// compressed returns data compressed for the sibling with suffix ext.
func compressed(ext string, data []byte) []byte {
	work.compressed.Add(1)
	var buf bytes.Buffer
	if ext == ".gz" {
		w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		w.Write(data)
		w.Close()
		return buf.Bytes()
	}
	// Level 6: about 15% larger than level 11 but over twenty times
	// faster, which decides whether precompressing a 10,000-page site
	// takes seconds or many minutes.
	bw := brotli.NewWriterLevel(&buf, 6)
	bw.Write(data)
	bw.Close()
	return buf.Bytes()
}

func (c compressSink) Commit() (*publish.Result, error) { return c.next.Commit() }
func (c compressSink) Abort() error                     { return c.next.Abort() }
