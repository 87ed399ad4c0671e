package deploy

import (
	"fmt"
	"io"
	"sort"

	"github.com/fazhi-dev/fazhi/internal/publish"
)

// object is a file the target holds.
type object struct {
	size   int64
	md5    string // hex MD5 (an object's ETag when uploaded in one part)
	sha256 string // hex SHA-256 (folder targets)
}

// step is one file to upload.
type step struct {
	file   localFile
	repair bool // the build did not change the file: the target lost it
}

// plan is what a deploy does, in order.
type plan struct {
	upload    []step
	unchanged int
	kept      int
	del       []string
}

// makePlan compares the build's files with what the target holds. same
// tells whether the target's object has the file's content.
func makePlan(files []localFile, have map[string]object, keep []string, same func(localFile, object) bool) *plan {
	p := &plan{}
	want := make(map[string]bool, len(files))
	for _, f := range files {
		want[f.name] = true
		o, ok := have[f.name]
		switch {
		case ok && same(f, o):
			p.unchanged++
		default:
			p.upload = append(p.upload, step{file: f})
		}
	}
	for name := range have {
		if want[name] {
			continue
		}
		if kept(name, keep) {
			p.kept++
			continue
		}
		p.del = append(p.del, name)
	}
	sort.Strings(p.del)
	sort.SliceStable(p.upload, func(i, j int) bool {
		a, b := phase(p.upload[i].file.name), phase(p.upload[j].file.name)
		if a != b {
			return a < b
		}
		return p.upload[i].file.name < p.upload[j].file.name
	})
	return p
}

// phase orders uploads: other files first, then pages, then the
// manifest and its signature, so that a page never links to a file the
// target does not hold yet.
func phase(name string) int {
	switch {
	case name == publish.ManifestName:
		return 2
	case name == publish.SignatureName:
		return 3
	case isHTML(name):
		return 1
	}
	return 0
}

// changes reports whether the plan changes anything.
func (p *plan) changes() bool { return len(p.upload) > 0 || len(p.del) > 0 }

// print writes the plan, one action per line.
func (p *plan) print(w io.Writer) {
	for _, s := range p.upload {
		verb := "upload"
		if s.repair {
			verb = "repair"
		}
		fmt.Fprintf(w, "%s %s\n", verb, s.file.name)
	}
	for _, d := range p.del {
		fmt.Fprintf(w, "delete %s\n", d)
	}
}
