package build_test

import (
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/fazhi-dev/fazhi"
	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/publish"
	"github.com/fazhi-dev/fazhi/internal/source"
)

// The differential test of the build cache (issue 16 point 3): a site is
// edited at random, step after step (bodies, titles, dates, weights, tags,
// relations, 《title》 references, new, deleted and renamed pages,
// templates, site.toml, and --now moves across effective, expiry, notice
// and mourning dates), and after every step the cached build's output
// must equal a --no-cache build's byte for byte. `make test` runs a few
// seeds; `make fuzz` runs FuzzCacheDifferential for as long as it is let.

var cstZone = time.FixedZone("CST", 8*3600)

// model is the site being edited.
type model struct {
	rng    *rand.Rand
	now    time.Time
	pages  map[string]*mpage
	serial int
	// layout is the site's own page-tools partial ("" for the theme's).
	layout                        string
	minify, precompress, mourning bool
	siteTitle                     string
	// versions are the bodies of two versions of one document, the
	// second revising the first: its comparison page shows both.
	versions [2][]string
}

type mpage struct {
	kind            string // policy, notice, article
	title           string
	date            time.Time
	weight          int
	tags            []string
	body            []string
	interprets      []string // content paths (articles)
	effective       time.Time
	expires         time.Time
	hearing         time.Time
	publish, expiry time.Time
}

var columns = map[string]string{"policy": "zhengce", "notice": "sifa", "article": "pufa"}

func newModel(seed uint64) *model {
	m := &model{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), pages: map[string]*mpage{},
		now: time.Date(2026, 3, 1, 9, 0, 0, 0, cstZone), siteTitle: "某市法治政府网"}
	for i := 0; i < 8; i++ {
		m.add()
	}
	m.versions = [2][]string{{"第一条　为了规范停放，制定本办法。"}, {"第一条　为了规范停放，保障畅通，制定本办法。", "第二条　本办法适用于本市。"}}
	// A policy and its 解读, named nested in a third page's body.
	m.pages["zhengce/jia.md"] = &mpage{kind: "policy", title: "某市甲办法", date: m.now.AddDate(0, 0, -20),
		effective: m.now.AddDate(0, 0, 3), body: []string{"第一条　为了规范工作，制定本办法。"}}
	m.pages["pufa/jia-jiedu.md"] = &mpage{kind: "article", title: "《某市甲办法》解读", date: m.now.AddDate(0, 0, -19),
		interprets: []string{"zhengce/jia.md"}, body: []string{"本文解读《某市甲办法》。"}}
	// A page of its own (no neighbours, no relations) with article
	// anchors, whose body names both.
	m.pages["yinyong.md"] = &mpage{kind: "page", title: "引用说明", date: m.now.AddDate(0, 0, -18),
		body: []string{"第一条　详见《《某市甲办法》解读》第一条和《某市甲办法》第一条。"}}
	return m
}

func (m *model) day(d int) time.Time { return m.now.AddDate(0, 0, d) }

func (m *model) paths() []string {
	out := make([]string, 0, len(m.pages))
	for p := range m.pages {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

func (m *model) pick() (string, *mpage) {
	ps := m.paths()
	p := ps[m.rng.IntN(len(ps))]
	return p, m.pages[p]
}

func (m *model) titleOf() string {
	_, p := m.pick()
	return p.title
}

// add makes a new page of a random kind.
func (m *model) add() string {
	m.serial++
	kinds := []string{"policy", "notice", "article"}
	k := kinds[m.rng.IntN(3)]
	p := &mpage{kind: k, title: fmt.Sprintf("某市第%d号文件", m.serial), date: m.day(-m.rng.IntN(30)),
		body: []string{fmt.Sprintf("第一条　这是第%d号文件的正文。", m.serial)}}
	switch k {
	case "policy":
		p.effective = m.day(m.rng.IntN(10) - 3)
		if m.rng.IntN(2) == 0 {
			p.expires = p.effective.AddDate(0, 0, 1+m.rng.IntN(10))
		}
	case "notice":
		p.hearing = m.day(m.rng.IntN(10) - 2).Add(90 * time.Minute)
	}
	path := fmt.Sprintf("%s/p%d.md", columns[k], m.serial)
	m.pages[path] = p
	return path
}

// step makes one random edit and says what it was.
func (m *model) step() string {
	path, p := m.pick()
	switch m.rng.IntN(17) {
	case 0:
		if m.rng.IntN(2) == 0 {
			// A new first paragraph changes the summary lists show.
			p.body = append([]string{fmt.Sprintf("开头新增一段%d。", m.rng.IntN(1000))}, p.body...)
			return "summary " + path
		}
		p.body = append(p.body, fmt.Sprintf("新增一段%d。", m.rng.IntN(1000)))
		return "body " + path
	case 1:
		for q, pp := range m.pages {
			if (pp.kind == "policy" || pp.kind == "page") && m.rng.IntN(2) == 0 {
				path, p = q, pp
				break
			}
		}
		p.body = append(p.body, "第二条　参照《"+m.titleOf()+"》第一条执行。")
		return "reference in " + path
	case 2:
		if m.rng.IntN(2) == 0 {
			// A page whose title some body names.
			for q, pp := range m.pages {
				if m.named(pp.title) {
					path, p = q, pp
					break
				}
			}
		}
		p.title = fmt.Sprintf("%s（修订%d）", strings.SplitN(p.title, "（", 2)[0], m.rng.IntN(100))
		return "title " + path
	case 3:
		p.date = p.date.AddDate(0, 0, m.rng.IntN(11)-5)
		return "date " + path
	case 4:
		p.weight = m.rng.IntN(4)
		return "weight " + path
	case 5:
		tags := []string{"行政复议", "普法", "执法"}
		p.tags = []string{tags[m.rng.IntN(3)]}
		if m.rng.IntN(3) == 0 {
			p.tags = nil
		}
		return "tags " + path
	case 6:
		if p.kind == "article" {
			var pol []string
			for _, q := range m.paths() {
				if m.pages[q].kind == "policy" && m.rng.IntN(3) == 0 {
					pol = append(pol, q)
				}
			}
			p.interprets = pol
			return "relations " + path
		}
		p.publish = m.day(m.rng.IntN(6) - 2)
		return "publishDate " + path
	case 7:
		return "new " + m.add()
	case 8:
		if len(m.pages) > 4 {
			delete(m.pages, path)
			m.unlink(path)
			return "delete " + path
		}
		return "nothing"
	case 9:
		delete(m.pages, path)
		m.unlink(path)
		np := strings.TrimSuffix(path, ".md") + "-r.md"
		m.pages[np] = p
		return "rename " + path
	case 10:
		switch m.rng.IntN(3) {
		case 0:
			m.layout = ""
		case 1:
			m.layout = `<ul class="all">{{ range .Site.Graph.Pages }}<li>{{ .Title }}</li>{{ end }}</ul>`
		case 2:
			m.layout = `<p class="built">{{ .Site.Now.Format "2006-01-02" }}</p>`
		}
		return "template"
	case 11:
		switch m.rng.IntN(4) {
		case 0:
			m.minify = !m.minify
		case 1:
			m.precompress = !m.precompress
		case 2:
			m.mourning = !m.mourning
		case 3:
			m.siteTitle = fmt.Sprintf("某市法治政府网%d", m.rng.IntN(3))
		}
		return "config"
	case 14:
		v := m.rng.IntN(2)
		m.versions[v] = append(m.versions[v], fmt.Sprintf("第%d条　新增的条文。", len(m.versions[v])+1))
		return fmt.Sprintf("version %d body", v+1)
	case 12:
		if p.kind == "policy" {
			p.expires = p.effective.AddDate(0, 0, m.rng.IntN(6))
			return "expires " + path
		}
		p.expiry = m.day(m.rng.IntN(8) - 1)
		return "expiryDate " + path
	default:
		steps := []int{1, 1, 2, 3, 7, -2}
		m.now = m.now.AddDate(0, 0, steps[m.rng.IntN(len(steps))]).Add(time.Duration(m.rng.IntN(24)) * time.Hour)
		return "now " + m.now.Format("2006-01-02T15")
	}
}

// unlink drops the relations to a page that is gone.
func (m *model) unlink(path string) {
	for _, p := range m.pages {
		var keep []string
		for _, q := range p.interprets {
			if q != path {
				keep = append(keep, q)
			}
		}
		p.interprets = keep
	}
}

// named reports whether some body names title.
func (m *model) named(title string) bool {
	for _, p := range m.pages {
		for _, l := range p.body {
			if strings.Contains(l, "《"+title+"》") {
				return true
			}
		}
	}
	return false
}

func date(t time.Time) string { return t.Format("2006-01-02") }

// files returns the site's files.
func (m *model) files() map[string]string {
	cfg := fmt.Sprintf("title = %q\nbaseURL = \"https://fzb.example.gov.cn/\"\nsearch = false\nminify = %v\nprecompress = %v\n",
		m.siteTitle, m.minify, m.precompress)
	if m.mourning {
		cfg += "[[mourning]]\nfrom = 2026-03-04\nto = 2026-03-05\n"
	}
	out := map[string]string{
		"site.toml":                 cfg,
		"content/_index.md":         "+++\ntitle = \"首页\"\n+++\n",
		"content/zhengce/_index.md": "+++\ntitle = \"政策文件\"\nkind = \"policy\"\ncolumnType = \"政策文件\"\n+++\n",
		"content/sifa/_index.md":    "+++\ntitle = \"司法公开\"\nkind = \"notice\"\ncolumnType = \"司法公开\"\n+++\n",
		"content/pufa/_index.md":    "+++\ntitle = \"普法宣传\"\ncolumnType = \"普法宣传\"\n+++\n",
	}
	if m.layout != "" {
		out["layouts/partials/page-tools.html"] = m.layout
	}
	for v, body := range m.versions {
		fm := fmt.Sprintf("+++\ntitle = \"某市停放办法\"\ndate = 202%d-02-01\n[policy]\nissuer = \"某市人民政府\"\ndocNumber = \"某府令〔202%d〕%d号\"\ngenre = \"政府规章\"\neffective = 202%d-03-01\n", 3+v, 3+v, 5+v, 3+v)
		if v == 1 {
			fm += "revises = \"zhengce/ting-1.md\"\n"
		}
		out[fmt.Sprintf("content/zhengce/ting-%d.md", v+1)] = fm + "+++\n" + strings.Join(body, "\n\n") + "\n"
	}
	for i, path := range m.paths() {
		p := m.pages[path]
		var b strings.Builder
		fmt.Fprintf(&b, "+++\ntitle = %q\ndate = %s\n", p.title, date(p.date))
		if p.weight != 0 {
			fmt.Fprintf(&b, "weight = %d\n", p.weight)
		}
		if len(p.tags) > 0 {
			fmt.Fprintf(&b, "tags = [%q]\n", p.tags[0])
		}
		if !p.publish.IsZero() {
			fmt.Fprintf(&b, "publishDate = %s\n", date(p.publish))
		}
		if !p.expiry.IsZero() {
			fmt.Fprintf(&b, "expiryDate = %s\n", date(p.expiry))
		}
		if len(p.interprets) > 0 {
			fmt.Fprintf(&b, "interprets = [%q", p.interprets[0])
			for _, q := range p.interprets[1:] {
				fmt.Fprintf(&b, ", %q", q)
			}
			b.WriteString("]\n")
		}
		switch p.kind {
		case "page":
			b.WriteString("kind = \"page\"\narticles = true\n")
		case "policy":
			fmt.Fprintf(&b, "[policy]\nindexNumber = \"009990011/2026-%05d\"\nissuer = \"某市人民政府\"\ndocNumber = \"某府发〔2026〕%d号\"\n", i+1, i+1)
			fmt.Fprintf(&b, "genre = \"行政规范性文件\"\neffective = %s\n", date(p.effective))
			if !p.expires.IsZero() {
				fmt.Fprintf(&b, "expires = %s\n", date(p.expires))
			}
		case "notice":
			fmt.Fprintf(&b, "[notice]\ntype = \"开庭公告\"\ncaseNumber = \"（2026）某0102民初%d号\"\ncourt = \"某市东城区人民法院\"\n", i+1)
			fmt.Fprintf(&b, "cause = \"买卖合同纠纷\"\nhearing = %s\nplace = \"第三法庭\"\n", p.hearing.Format("2006-01-02T15:04:05"))
		}
		b.WriteString("+++\n")
		b.WriteString(strings.Join(p.body, "\n\n"))
		b.WriteString("\n")
		out["content/"+path] = b.String()
	}
	return out
}

// write makes the site folder hold exactly files.
func writeSite(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	var have []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			have = append(have, filepath.ToSlash(rel))
		}
		return nil
	})
	for _, rel := range have {
		if _, ok := files[rel]; !ok {
			if err := os.Remove(filepath.Join(dir, rel)); err != nil {
				t.Fatal(err)
			}
		}
	}
	for rel, data := range files {
		full := filepath.Join(dir, filepath.FromSlash(rel))
		if old, err := os.ReadFile(full); err == nil && string(old) == data {
			continue
		}
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// diffBuild builds site into dest, with the cache in cacheDir when it is
// not "".
func diffBuild(t testing.TB, site, dest, cacheDir string, now time.Time) *build.Result {
	t.Helper()
	out, err := publish.OpenDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	o := build.Options{Source: source.NewDir(site), Theme: fazhi.Theme, ThemeCSS: fazhi.ThemeCSS, Out: out, Now: now, Workers: 2}
	if cacheDir != "" {
		o.Cache = &build.CacheOptions{Dir: cacheDir, Site: site, Dest: dest}
	}
	res, err := build.Build(context.Background(), o)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return res
}

// readTree returns every file below dir.
func readTree(t testing.TB, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// sameTrees fails unless a and b hold the same files with the same bytes.
func sameTrees(t testing.TB, what string, a, b map[string]string) {
	t.Helper()
	var differ []string
	for name, x := range a {
		if y, ok := b[name]; !ok {
			differ = append(differ, name+" (only cached)")
		} else if x != y {
			differ = append(differ, name)
		}
	}
	for name := range b {
		if _, ok := a[name]; !ok {
			differ = append(differ, name+" (only fresh)")
		}
	}
	if len(differ) == 0 {
		return
	}
	sort.Strings(differ)
	msg := fmt.Sprintf("%s: %d files differ between the cached and the --no-cache build: %s", what, len(differ), strings.Join(differ, ", "))
	if x, ok := a[differ[0]]; ok {
		y := b[differ[0]]
		i := 0
		for i < len(x) && i < len(y) && x[i] == y[i] {
			i++
		}
		lo := max(0, i-150)
		msg += fmt.Sprintf("\nfirst difference in %s at byte %d:\ncached: …%s…\nfresh:  …%s…", differ[0], i, x[lo:min(len(x), i+150)], y[lo:min(len(y), i+150)])
	}
	t.Fatal(msg)
}

// runDifferential edits a site steps times from seed and compares after
// each step.
func runDifferential(t testing.TB, seed uint64, steps int) {
	dir := t.TempDir()
	site, cached, fresh, cache := filepath.Join(dir, "site"), filepath.Join(dir, "cached"), filepath.Join(dir, "fresh"), filepath.Join(dir, "cache")
	m := newModel(seed)
	var log []string
	reused, rendered := 0, 0
	defer func() {
		// The comparison proves nothing if the cache never kept a page,
		// nor if it never rendered one again.
		if !t.Failed() && steps >= 6 && (reused == 0 || rendered == 0) {
			t.Errorf("seed %d: %d pages carried forward, %d rendered again over %d steps", seed, reused, rendered, steps)
		}
	}()
	for i := 0; i <= steps; i++ {
		what := "start"
		if i > 0 {
			what = m.step()
		}
		log = append(log, what)
		writeSite(t, site, m.files())
		res := diffBuild(t, site, cached, cache, m.now)
		if i > 0 {
			reused += res.Reused
			rendered += res.Pages["page"] - res.Reused
		}
		os.RemoveAll(fresh)
		diffBuild(t, site, fresh, "", m.now)
		sameTrees(t, fmt.Sprintf("seed %d after steps %s", seed, strings.Join(log, "; ")), readTree(t, cached), readTree(t, fresh))
	}
}

func TestCacheDifferential(t *testing.T) {
	seeds, steps := 4, 12
	if testing.Short() {
		seeds, steps = 2, 8
	}
	for seed := 1; seed <= seeds; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) { runDifferential(t, uint64(seed), steps) })
	}
}

// FuzzCacheDifferential runs the differential test from fuzzed seeds
// (make fuzz); as a test it runs the seed corpus. An input runs at most
// maxFuzzSteps steps: the fuzzer gives up on a worker whose input runs
// for many seconds ("fuzzing process hung"), so a long run tries many
// short sequences rather than a few long ones.
func FuzzCacheDifferential(f *testing.F) {
	f.Add(uint64(100), uint8(6))
	f.Add(uint64(7), uint8(2))
	f.Fuzz(func(t *testing.T, seed uint64, steps uint8) {
		runDifferential(t, seed, 1+int(steps)%maxFuzzSteps)
	})
}

// maxFuzzSteps bounds one fuzz input's edit sequence (two builds a step).
const maxFuzzSteps = 6

// A page that names another by its title is rendered again when that
// title changes, though nothing else it shows did: what its body looked
// up is recorded as it renders (the nested 《《某市甲办法》解读》 too).
func TestCacheTitleLookups(t *testing.T) {
	for _, edit := range []string{"zhengce/jia.md", "pufa/jia-jiedu.md"} {
		t.Run(edit, func(t *testing.T) {
			dir := t.TempDir()
			site, cached, fresh, cache := filepath.Join(dir, "site"), filepath.Join(dir, "cached"), filepath.Join(dir, "fresh"), filepath.Join(dir, "cache")
			m := newModel(7)
			writeSite(t, site, m.files())
			diffBuild(t, site, cached, cache, m.now)
			m.pages[edit].title += "（已改名）"
			writeSite(t, site, m.files())
			res := diffBuild(t, site, cached, cache, m.now)
			diffBuild(t, site, fresh, "", m.now)
			sameTrees(t, "after renaming "+edit, readTree(t, cached), readTree(t, fresh))
			if res.Reused == 0 {
				t.Errorf("no page was carried forward")
			}
		})
	}
}

// A comparison page (修订对照) shows the previous version's body: an edit
// of that body renders it again (what a page's rendering read of other
// pages' bodies is recorded).
func TestCacheComparedBody(t *testing.T) {
	dir := t.TempDir()
	site, cached, fresh, cache := filepath.Join(dir, "site"), filepath.Join(dir, "cached"), filepath.Join(dir, "fresh"), filepath.Join(dir, "cache")
	m := newModel(7)
	writeSite(t, site, m.files())
	diffBuild(t, site, cached, cache, m.now)
	m.versions[0] = append(m.versions[0], "第二条　旧版本新增的一条。")
	writeSite(t, site, m.files())
	res := diffBuild(t, site, cached, cache, m.now)
	diffBuild(t, site, fresh, "", m.now)
	sameTrees(t, "after editing the first version", readTree(t, cached), readTree(t, fresh))
	if res.Reused == 0 {
		t.Errorf("no page was carried forward")
	}
}
