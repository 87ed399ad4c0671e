package bench

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// Floor renders every Markdown file under dir with goldmark alone (GFM and
// CJK, no templates, no fazhi extensions) on the given number of
// goroutines, writing one HTML file per source file under out. It is the
// lower bound a Markdown site generator cannot beat. It returns the number
// of files rendered.
func Floor(dir, out string, workers int) (int, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".md") {
			rel, _ := filepath.Rel(dir, p)
			files = append(files, rel)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	dirs := map[string]bool{}
	for _, f := range files {
		d := filepath.Join(out, filepath.Dir(f))
		if !dirs[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return 0, err
			}
			dirs[d] = true
		}
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.CJK))
	if workers < 1 {
		workers = 1
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	var firstErr error
	var mu sync.Mutex
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for {
				i := int(next.Add(1)) - 1
				if i >= len(files) {
					return
				}
				err := floorOne(md, &buf, filepath.Join(dir, files[i]), filepath.Join(out, strings.TrimSuffix(files[i], ".md")+".html"))
				if err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
					return
				}
			}
		}()
	}
	wg.Wait()
	return len(files), firstErr
}

func floorOne(md goldmark.Markdown, buf *bytes.Buffer, src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	b = stripTOMLFrontMatter(b)
	buf.Reset()
	if err := md.Convert(b, buf); err != nil {
		return fmt.Errorf("%s: %w", src, err)
	}
	return os.WriteFile(dst, buf.Bytes(), 0o644)
}

func stripTOMLFrontMatter(b []byte) []byte {
	rest, ok := bytes.CutPrefix(b, []byte("+++\n"))
	if !ok {
		return b
	}
	if i := bytes.Index(rest, []byte("\n+++\n")); i >= 0 {
		return rest[i+len("\n+++\n"):]
	}
	return b
}

// ChildMain runs the floor when args start with -floor: `-floor DIR
// [-floor-out OUT] [-floor-workers N]`. It reports whether it handled the
// arguments, so that a main function (or a TestMain) can call it first.
func ChildMain(args []string) (code int, handled bool) {
	if len(args) == 0 || (args[0] != "-floor" && args[0] != "--floor") {
		return 0, false
	}
	fl := flag.NewFlagSet("fazhi-bench -floor", flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	dir := fl.String("floor", "", "Markdown folder")
	out := fl.String("floor-out", "", "output folder (default: a temporary folder, removed)")
	workers := fl.Int("floor-workers", 2, "goroutines")
	if err := fl.Parse(args); err != nil || *dir == "" {
		fmt.Fprintln(os.Stderr, "usage: fazhi-bench -floor DIR [-floor-out OUT] [-floor-workers N]")
		return 2, true
	}
	o := *out
	if o == "" {
		tmp, err := os.MkdirTemp("", "fazhi-floor-")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1, true
		}
		defer os.RemoveAll(tmp)
		o = tmp
	}
	n, err := Floor(*dir, o, *workers)
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		return 1, true
	}
	fmt.Printf("%d files\n", n)
	return 0, true
}
