package build

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/fazhi-dev/fazhi/internal/cms"
	"github.com/fazhi-dev/fazhi/internal/config"
	"github.com/fazhi-dev/fazhi/internal/diag"
)

// cms writes the web editor into the output when [cms] publish = true:
// admin/index.html and config.yml generated from the content model, and
// Decap CMS's files from Options.Decap. The editor is never linked from
// the site's pages and asks not to be indexed.
func (b *builder) cms() error {
	c := b.cfg.CMS
	if !c.Enable || !c.Publish || b.o.Serve {
		return nil
	}
	if b.o.Decap == "" {
		return &diag.Error{File: config.FileName, Msg: "[cms] publish = true：" + cms.ErrNotFound.Error()}
	}
	cols := cms.Columns(b.site)
	yml, err := cms.Generate(cols, b.cfg, false)
	if err != nil {
		return err
	}
	sink := b.to("outputs")
	files := map[string][]byte{
		"admin/index.html":        cms.IndexHTML(b.cfg.Title, cms.Collections(cols), false, b.renderer.Data.CSS),
		"admin/config.yml":        yml,
		"admin/" + cms.ScriptName: cms.Script,
	}
	ents, err := os.ReadDir(b.o.Decap)
	if err != nil {
		return err
	}
	for _, e := range ents {
		n := e.Name()
		if e.Type().IsRegular() && (n == "decap-cms.js" || strings.HasSuffix(n, ".decap-cms.js") || strings.HasSuffix(n, ".wasm")) {
			data, err := os.ReadFile(filepath.Join(b.o.Decap, n))
			if err != nil {
				return err
			}
			files["admin/"+cms.DecapDir+"/"+n] = data
		}
	}
	for name, data := range files {
		if err := sink.WriteFile(name, data); err != nil {
			return err
		}
	}
	return nil
}
