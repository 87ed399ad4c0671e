package serve

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"path"
	"strings"
	"sync"
	"testing/fstest"

	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/cms"
	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/overlay"
	"github.com/fazhi-dev/fazhi/internal/publish"
)

// previewRequest is what the editor's preview posts: the entry's path
// (empty for a new one), its collection's folder and its fields.
type previewRequest struct {
	Path   string         `json:"path"`
	Folder string         `json:"folder"`
	Data   map[string]any `json:"data"`
}

// preview renders the entry as the public will see it: the site is built
// in memory with the entry laid over the site folder, by the same
// renderer as the served pages, and the entry's page is returned. Nothing
// is written to disk.
func (c *CMS) preview(w http.ResponseWriter, r *http.Request) {
	var req previewRequest
	dec := json.NewDecoder(r.Body)
	dec.UseNumber()
	if err := dec.Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	page, err := c.render(r, req)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err != nil {
		w.Write(problemPage(err))
		return
	}
	w.Write(page)
}

// previewMu lets one preview build run at a time: the machine of an
// author is not a build farm.
var previewMu sync.Mutex

func (c *CMS) render(r *http.Request, req previewRequest) ([]byte, error) {
	file, err := cms.EntryFile(req.Data)
	if err != nil {
		return nil, err
	}
	p := req.Path
	if p == "" {
		p = strings.TrimSuffix(req.Folder, "/") + "/" + cms.PreviewName
	}
	p, err = c.checkPath(p, true)
	if err != nil {
		return nil, err
	}
	rel := strings.TrimPrefix(p, "content/")
	o := c.Build
	o.Source = overlay.New(fstest.MapFS{p: {Data: file}}, o.Source)
	mem := publish.NewMem(nil)
	o.Out = mem
	o.Drafts, o.Future, o.Expired = true, true, true
	o.Search = nil
	previewMu.Lock()
	res, err := build.Build(r.Context(), o)
	previewMu.Unlock()
	if err != nil {
		return nil, err
	}
	pg := res.Site.ByPath[rel]
	if pg == nil {
		return nil, diag.New(p, 0, "预览中找不到这个页面")
	}
	name, _ := resolve(pg.URL)
	out := mem.Files()[name]
	if out == nil {
		return nil, diag.New(p, 0, "预览中找不到这个页面的输出 %s", path.Clean(name))
	}
	return out, nil
}

// problemPage shows why an entry cannot be previewed: fazhi's own
// messages, the ones fazhi check and build give.
func problemPage(err error) []byte {
	var b bytes.Buffer
	b.WriteString(`<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><title>无法预览</title><body style="font:16px/1.6 sans-serif;padding:1em"><h1 style="font-size:1.2em;color:#a00">这篇内容还不能发布：</h1><ul>`)
	for _, e := range diag.Errors(err) {
		loc := e.File
		if e.Line > 0 {
			loc += fmt.Sprintf(" 第 %d 行", e.Line)
		}
		b.WriteString("<li>" + html.EscapeString(loc+"："+e.Msg) + "</li>")
	}
	b.WriteString("</ul></body></html>")
	return b.Bytes()
}
