package build

import (
	"bytes"
	"compress/gzip"
	"path"
	"strings"

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
	if mt, ok := mediaTypes[path.Ext(name)]; ok {
		var out bytes.Buffer
		if err := minifier.Minify(mt, &out, bytes.NewReader(data)); err == nil {
			data = out.Bytes()
		}
	}
	return m.next.WriteFile(name, data)
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
	if !compressible[path.Ext(name)] || len(data) < minCompress || strings.HasPrefix(name, "pagefind/") {
		return nil
	}
	var gz bytes.Buffer
	w, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	w.Write(data)
	w.Close()
	if err := c.next.WriteFile(name+".gz", gz.Bytes()); err != nil {
		return err
	}
	var br bytes.Buffer
	// Level 6: about 15% larger than level 11 but over twenty times
	// faster, which decides whether precompressing a 10,000-page site
	// takes seconds or many minutes.
	bw := brotli.NewWriterLevel(&br, 6)
	bw.Write(data)
	bw.Close()
	return c.next.WriteFile(name+".br", br.Bytes())
}

func (c compressSink) Commit() (*publish.Result, error) { return c.next.Commit() }
func (c compressSink) Abort() error                     { return c.next.Abort() }
