package serve

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path"
	"sort"
	"strings"

	"github.com/fazhi-dev/fazhi/internal/source"
)

// The API below is Decap CMS's local-backend protocol (the one decap-server
// speaks): POST {action, params} as JSON, answered with JSON. Paths are
// relative to the site folder and must lie inside content/, below no
// symbolic link, and name a Markdown file or a file type content/ may
// publish: the rules of fazhi new.

type apiRequest struct {
	Action string          `json:"action"`
	Params json.RawMessage `json:"params"`
}

type apiEntry struct {
	Data *string      `json:"data"`
	File apiEntryFile `json:"file"`
}

type apiEntryFile struct {
	Path  string  `json:"path"`
	Label string  `json:"label,omitempty"`
	ID    *string `json:"id"`
}

type apiMedia struct {
	ID       string `json:"id"`
	Content  string `json:"content"`
	Encoding string `json:"encoding"`
	Path     string `json:"path"`
	Name     string `json:"name"`
}

type apiDataFile struct {
	Path    string `json:"path"`
	Raw     string `json:"raw"`
	NewPath string `json:"newPath"`
}

type apiAsset struct {
	Path     string `json:"path"`
	Content  string `json:"content"`
	Encoding string `json:"encoding"`
}

// apiError is a refusal with the message Decap shows.
type apiError struct {
	status int
	msg    string
}

func (e *apiError) Error() string { return e.msg }

func refuse(format string, a ...any) error {
	return &apiError{http.StatusBadRequest, fmt.Sprintf(format, a...)}
}

func (c *CMS) api(w http.ResponseWriter, r *http.Request) {
	var req apiRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "请求无法读取 (bad request)"})
		return
	}
	out, err := c.do(req)
	if err != nil {
		status := http.StatusInternalServerError
		var ae *apiError
		if errors.As(err, &ae) {
			status = ae.status
		}
		writeJSON(w, status, map[string]string{"error": err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, out)
}

func (c *CMS) do(req apiRequest) (any, error) {
	switch req.Action {
	case "info":
		return map[string]any{"repo": "fazhi", "publish_modes": []string{"simple"}, "type": "local_fs"}, nil
	case "entriesByFolder":
		var p struct {
			Folder    string `json:"folder"`
			Extension string `json:"extension"`
			Depth     int    `json:"depth"`
		}
		if err := json.Unmarshal(req.Params, &p); err != nil {
			return nil, refuse("参数有误")
		}
		files, err := c.list(p.Folder, p.Extension, p.Depth)
		if err != nil {
			return nil, err
		}
		return c.entries(files), nil
	case "entriesByFiles":
		var p struct {
			Files []struct {
				Path  string `json:"path"`
				Label string `json:"label"`
			} `json:"files"`
		}
		if err := json.Unmarshal(req.Params, &p); err != nil {
			return nil, refuse("参数有误")
		}
		out := []apiEntry{}
		for _, f := range p.Files {
			e := c.entry(f.Path)
			e.File.Label = f.Label
			out = append(out, e)
		}
		return out, nil
	case "getEntry":
		var p struct{ Path string }
		if err := json.Unmarshal(req.Params, &p); err != nil {
			return nil, refuse("参数有误")
		}
		return c.entry(p.Path), nil
	case "persistEntry":
		var p struct {
			Entry     *apiDataFile  `json:"entry"`
			DataFiles []apiDataFile `json:"dataFiles"`
			Assets    []apiAsset    `json:"assets"`
		}
		if err := json.Unmarshal(req.Params, &p); err != nil {
			return nil, refuse("参数有误")
		}
		if p.DataFiles == nil && p.Entry != nil {
			p.DataFiles = []apiDataFile{*p.Entry}
		}
		// Check every path before writing anything.
		for _, d := range p.DataFiles {
			for _, q := range []string{d.Path, d.NewPath} {
				if q == "" {
					continue
				}
				if _, err := c.checkPath(q, true); err != nil {
					return nil, err
				}
			}
		}
		assets := make([][]byte, len(p.Assets))
		for i, a := range p.Assets {
			if _, err := c.checkPath(a.Path, false); err != nil {
				return nil, err
			}
			b, err := decodeAsset(a.Content, a.Encoding)
			if err != nil {
				return nil, err
			}
			assets[i] = b
		}
		for _, d := range p.DataFiles {
			if err := c.write(d.Path, []byte(d.Raw)); err != nil {
				return nil, err
			}
			if d.NewPath != "" && d.NewPath != d.Path {
				if err := c.move(d.Path, d.NewPath); err != nil {
					return nil, err
				}
			}
		}
		for i, a := range p.Assets {
			if err := c.write(a.Path, assets[i]); err != nil {
				return nil, err
			}
		}
		return map[string]string{"message": "entry persisted"}, nil
	case "getMedia":
		var p struct {
			MediaFolder string `json:"mediaFolder"`
		}
		if err := json.Unmarshal(req.Params, &p); err != nil {
			return nil, refuse("参数有误")
		}
		files, err := c.list(p.MediaFolder, "", 1)
		if err != nil {
			return nil, err
		}
		out := []apiMedia{}
		for _, f := range files {
			if m, err := c.media(f); err == nil && !strings.HasSuffix(f, ".md") {
				out = append(out, m)
			}
		}
		return out, nil
	case "getMediaFile":
		var p struct{ Path string }
		if err := json.Unmarshal(req.Params, &p); err != nil {
			return nil, refuse("参数有误")
		}
		return c.media(p.Path)
	case "persistMedia":
		var p struct{ Asset apiAsset }
		if err := json.Unmarshal(req.Params, &p); err != nil {
			return nil, refuse("参数有误")
		}
		if _, err := c.checkPath(p.Asset.Path, false); err != nil {
			return nil, err
		}
		b, err := decodeAsset(p.Asset.Content, p.Asset.Encoding)
		if err != nil {
			return nil, err
		}
		if err := c.write(p.Asset.Path, b); err != nil {
			return nil, err
		}
		return c.media(p.Asset.Path)
	case "deleteFile", "deleteFiles":
		var p struct {
			Path  string   `json:"path"`
			Paths []string `json:"paths"`
		}
		if err := json.Unmarshal(req.Params, &p); err != nil {
			return nil, refuse("参数有误")
		}
		if p.Path != "" {
			p.Paths = append(p.Paths, p.Path)
		}
		for _, q := range p.Paths {
			if _, err := c.checkPath(q, false); err != nil {
				return nil, err
			}
		}
		for _, q := range p.Paths {
			if err := c.remove(q); err != nil {
				return nil, err
			}
		}
		return map[string]string{"message": "deleted files " + strings.Join(p.Paths, ", ")}, nil
	case "getDeployPreview":
		return nil, nil
	}
	if strings.Contains(strings.ToLower(req.Action), "unpublished") {
		return nil, &apiError{http.StatusUnprocessableEntity, "本地编辑不支持编辑工作流（草稿 → 待审核 → 待发布）：它只在 GitLab 后端可用 (editorial workflow is not supported by the local backend)"}
	}
	return nil, &apiError{http.StatusUnprocessableEntity, "Unknown action " + req.Action}
}

func decodeAsset(content, encoding string) ([]byte, error) {
	if encoding != "base64" {
		return nil, refuse("不支持的编码 %q (unsupported encoding)", encoding)
	}
	b, err := base64.StdEncoding.DecodeString(content)
	if err != nil {
		return nil, refuse("文件内容无法读取 (bad base64)")
	}
	return b, nil
}

// checkPath cleans a path of the site folder and refuses one outside
// content/, through a symbolic link or naming one, or of a type content/ may not hold;
// markdown requires a .md file, otherwise any published type is fine.
func (c *CMS) checkPath(p string, markdown bool) (string, error) {
	p = strings.TrimPrefix(strings.ReplaceAll(p, "\\", "/"), "/")
	rel, ok := strings.CutPrefix(p, "content/")
	if !ok || rel == "" || strings.ContainsRune(p, 0) {
		return "", refuse("「%s」不在 content 文件夹里：编辑器只读写 content 文件夹 (path outside content/)", p)
	}
	for _, seg := range strings.Split(rel, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return "", refuse("路径「%s」无效 (bad path)", p)
		}
	}
	if problem := source.PathProblem(rel); problem != "" {
		return "", refuse("%s", problem)
	}
	if strings.HasSuffix(rel, ".md") {
		// Markdown is content.
	} else if markdown {
		return "", refuse("「%s」不是 .md 文件 (not a Markdown file)", p)
	} else if problem := source.Check(rel); problem != "" {
		return "", refuse("%s", problem)
	}
	if err := c.noLinks(path.Dir(p)); err != nil {
		return "", err
	}
	if err := c.noCaseTwin(p); err != nil {
		return "", err
	}
	if st, err := os.Lstat(c.abs(p)); err == nil && st.Mode()&fs.ModeSymlink != 0 {
		return "", refuse("%s 是符号链接（快捷方式），编辑器不会通过它读写文件 (symbolic link refused)", p)
	}
	return p, nil
}

// noLinks refuses dir when it or a folder on the way is a symbolic link.
func (c *CMS) noLinks(dir string) error {
	q := ""
	for _, seg := range strings.Split(dir, "/") {
		q = path.Join(q, seg)
		st, err := os.Lstat(c.abs(q))
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		if st.Mode()&fs.ModeSymlink != 0 {
			return refuse("%s 是符号链接（快捷方式），编辑器不会通过它读写文件 (symbolic link refused)", q)
		}
		if !st.IsDir() {
			return refuse("%s 不是文件夹 (not a folder)", q)
		}
	}
	return nil
}

// noCaseTwin refuses p when a folder or file on its way does not exist
// under its own name but another name differs from it only in case: on
// Windows and macOS, where authors run the editor, writing it would
// overwrite that other file.
func (c *CMS) noCaseTwin(p string) error {
	dir := ""
	for _, seg := range strings.Split(p, "/") {
		ents, err := os.ReadDir(c.abs(dir))
		if err != nil {
			return nil // a new folder: nothing in it to collide with
		}
		twin := ""
		for _, e := range ents {
			if e.Name() == seg {
				twin = ""
				break
			}
			if twin == "" && source.FoldName(e.Name()) == source.FoldName(seg) {
				twin = e.Name()
			}
		}
		if twin != "" {
			return refuse("%s", source.CaseCollision(p, path.Join(dir, twin)))
		}
		dir = path.Join(dir, seg)
	}
	return nil
}

func (c *CMS) abs(p string) string {
	return c.Site + string(os.PathSeparator) + strings.ReplaceAll(p, "/", string(os.PathSeparator))
}

// list returns the files below folder (at most depth levels down) whose
// names end in extension, skipping the columns' _index.md pages, which
// the columns collection edits.
func (c *CMS) list(folder, extension string, depth int) ([]string, error) {
	folder = strings.TrimSuffix(folder, "/")
	if _, err := c.checkPath(folder+"/x.md", true); err != nil {
		return nil, err
	}
	if depth < 1 {
		depth = 1
	}
	root, err := os.OpenRoot(c.Site)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	var out []string
	var walk func(dir string, level int)
	walk = func(dir string, level int) {
		f, err := root.Open(dir)
		if err != nil {
			return
		}
		ents, err := f.ReadDir(-1)
		f.Close()
		if err != nil {
			return
		}
		for _, e := range ents {
			p := dir + "/" + e.Name()
			switch {
			case e.Type()&fs.ModeSymlink != 0 || source.Ignored(e.Name()):
			case e.IsDir():
				if level < depth {
					walk(p, level+1)
				}
			case e.Type().IsRegular() && strings.HasSuffix(e.Name(), extension) && e.Name() != "_index.md":
				out = append(out, p)
			}
		}
	}
	walk(folder, 1)
	sort.Strings(out)
	return out, nil
}

func (c *CMS) entries(files []string) []apiEntry {
	out := []apiEntry{}
	for _, f := range files {
		out = append(out, c.entry(f))
	}
	return out
}

// entry reads one file; a missing or refused one has null data, as in
// decap-server.
func (c *CMS) entry(p string) apiEntry {
	e := apiEntry{File: apiEntryFile{Path: p}}
	if _, err := c.checkPath(p, true); err != nil {
		return e
	}
	b, err := c.read(p)
	if err != nil {
		return e
	}
	s, id := string(b), sum(b)
	e.Data, e.File.ID = &s, &id
	return e
}

func (c *CMS) media(p string) (apiMedia, error) {
	if _, err := c.checkPath(p, false); err != nil {
		return apiMedia{}, err
	}
	b, err := c.read(p)
	if err != nil {
		return apiMedia{}, refuse("无法读取「%s」", p)
	}
	return apiMedia{ID: sum(b), Content: base64.StdEncoding.EncodeToString(b), Encoding: "base64", Path: p, Name: path.Base(p)}, nil
}

func sum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

func (c *CMS) read(p string) ([]byte, error) {
	root, err := os.OpenRoot(c.Site)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	return root.ReadFile(p)
}

// write replaces p (through an os.Root of the site folder: never outside
// it) with data, making its folders.
func (c *CMS) write(p string, data []byte) error {
	root, err := os.OpenRoot(c.Site)
	if err != nil {
		return err
	}
	defer root.Close()
	if err := root.MkdirAll(path.Dir(p), 0o755); err != nil {
		return err
	}
	tmp := path.Join(path.Dir(p), ".fazhi-cms-"+path.Base(p)+".tmp")
	if err := root.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	if err := root.Rename(tmp, p); err != nil {
		root.Remove(tmp)
		return err
	}
	return nil
}

func (c *CMS) move(from, to string) error {
	root, err := os.OpenRoot(c.Site)
	if err != nil {
		return err
	}
	defer root.Close()
	if err := root.MkdirAll(path.Dir(to), 0o755); err != nil {
		return err
	}
	return root.Rename(from, to)
}

func (c *CMS) remove(p string) error {
	root, err := os.OpenRoot(c.Site)
	if err != nil {
		return err
	}
	defer root.Close()
	if err := root.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
