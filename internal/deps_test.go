// Package internal_test checks that imports between fazhi's packages flow
// one way, from configuration through the pipeline stages to the command
// line, as the architecture requires.
package internal_test

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
)

// layer gives each package its place in the pipeline; a package may
// import only packages of a lower layer (or its own subpackages).
var layer = map[string]int{
	"diag": 0, "tomlpos": 0, "toolbin": 0, "legal": 0, "overlay": 0, "qrcode": 0, "rawfs": 0,
	"config": 1, "lint": 1,
	"source": 2, "frontmatter": 2,
	"markup": 3, "markup/statute": 3,
	"site": 4,
	"tmpl": 5, "scss": 5, "render": 6,
	"outputs": 6, "search": 9, "search/browser": 11, "search/recall": 12,
	"publish": 7,
	"build":   8, "archetype": 8,
	"check": 9, "serve": 9,
	"cli":       10,
	"fazhitest": 11, "bench": 11, "bench/cmd/fazhi-bench": 13, "browsertest": 11, "robust": 11, "docscheck": 11,
	"search/cmd/recall": 13, "browsertest/cmd/lighthouse": 13,
}

func TestImportsFlowOneWay(t *testing.T) {
	out, err := exec.Command("go", "list", "-json", "github.com/fazhi-dev/fazhi/internal/...").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	const prefix = "github.com/fazhi-dev/fazhi/internal/"
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for dec.More() {
		var p struct {
			ImportPath string
			Imports    []string
		}
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		name, ok := strings.CutPrefix(p.ImportPath, prefix)
		if !ok {
			continue
		}
		l, ok := layer[name]
		if strings.Contains(name, "cmd/") {
			l, ok = 99, true // commands sit on top of everything
		}
		if !ok {
			t.Errorf("package %s has no layer: add it to the table", name)
			continue
		}
		for _, imp := range p.Imports {
			dep, ok := strings.CutPrefix(imp, prefix)
			if !ok {
				continue
			}
			if strings.HasPrefix(dep, name+"/") {
				continue
			}
			if dl, ok := layer[dep]; ok && dl >= l {
				t.Errorf("%s (layer %d) imports %s (layer %d): imports must flow from config towards cli", name, l, dep, dl)
			}
		}
	}
}
