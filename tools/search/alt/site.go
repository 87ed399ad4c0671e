package alt

import (
	"hash/fnv"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// Dir is the index folder below a site's output.
const Dir = "fazhi-alt"

// BuildSite indexes the pages of the built site in siteDir that have a
// data-pagefind-body region and writes the index to siteDir/Dir with the
// given number of chunks. Page ids follow a hash of the page's URL, not
// its path, so that pages next to each other in the site (the copies of a
// cycled corpus) are not next to each other in posting lists, where gzip
// would find them: the lists compress as a library of distinct pages
// would.
func BuildSite(siteDir string, p Params, chunks int) (Stats, error) {
	var urls []string
	err := filepath.WalkDir(siteDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(siteDir, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel == Dir || rel == "pagefind" {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(rel, ".html") {
			urls = append(urls, rel)
		}
		return nil
	})
	if err != nil {
		return Stats{}, err
	}
	sort.Slice(urls, func(i, j int) bool {
		hi, hj := hash(urls[i]), hash(urls[j])
		return hi < hj || hi == hj && urls[i] < urls[j]
	})
	b := NewBuilder(p)
	for _, rel := range urls {
		f, err := os.Open(filepath.Join(siteDir, filepath.FromSlash(rel)))
		if err != nil {
			return Stats{}, err
		}
		d, ok, err := Extract(f, pageURL(rel))
		f.Close()
		if err != nil {
			return Stats{}, err
		}
		if ok {
			b.Add(d)
		}
	}
	out := filepath.Join(siteDir, Dir)
	os.RemoveAll(out)
	return b.Write(out, chunks)
}

// pageURL is the URL of the output file rel: a folder's index.html is
// the folder.
func pageURL(rel string) string {
	if path.Base(rel) == "index.html" {
		return "/" + strings.TrimSuffix(rel, "index.html")
	}
	return "/" + rel
}

func hash(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}
