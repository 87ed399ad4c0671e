package bench

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// DefaultCorpus is the statute corpus relative to the repository root.
const DefaultCorpus = "../shared/corpus/laws"

// statute is one file of the corpus, header stripped.
type statute struct {
	title    string
	category string // first folder under the corpus root
	date     time.Time
	body     []byte
}

// corpusColumns maps the corpus folders to column folders of the site.
var corpusColumns = map[string]column{
	"宪法":    {"xianfa", "宪法", "其他", "article", 10, "宪法。"},
	"宪法相关法": {"xianfa-xiangguan", "宪法相关法", "其他", "article", 20, "宪法相关法。"},
	"民法典":   {"minfadian", "民法典", "其他", "article", 30, "民法典及其各编。"},
	"民法商法":  {"minshang", "民法商法", "其他", "article", 40, "民法商法。"},
	"行政法":   {"xingzheng", "行政法", "其他", "article", 50, "行政法。"},
	"经济法":   {"jingji", "经济法", "其他", "article", 60, "经济法。"},
	"社会法":   {"shehui", "社会法", "其他", "article", 70, "社会法。"},
	"刑法":    {"xingfa", "刑法", "其他", "article", 80, "刑法。"},
	"司法解释":  {"sifajieshi", "司法解释", "其他", "article", 90, "司法解释。"},
	"其他":    {"qita", "其他", "其他", "article", 100, "其他法律文件。"},
}

var (
	cnDateRe   = regexp.MustCompile(`(\d{4})年(\d{1,2})月(\d{1,2})日`)
	fileDateRe = regexp.MustCompile(`\((\d{4})-(\d{2})-(\d{2})\)`)
)

// readCorpus reads every statute under dir in a fixed order.
func readCorpus(dir string) ([]statute, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".md") && d.Name() != "_index.md" {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	if len(files) == 0 {
		return nil, fmt.Errorf("no statutes under %s", dir)
	}
	out := make([]statute, 0, len(files))
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		rel, _ := filepath.Rel(dir, f)
		cat := strings.SplitN(filepath.ToSlash(rel), "/", 2)[0]
		if !strings.Contains(filepath.ToSlash(rel), "/") {
			cat = "其他"
		}
		s := parseStatute(src, filepath.Base(f))
		if s.title == "" {
			continue
		}
		s.category = cat
		out = append(out, s)
	}
	return out, nil
}

// parseStatute strips a YAML front matter and the header that ends with
// <!-- INFO END -->, taking the title from the first level-1 heading and
// the date from the last date of the header (or the file name).
func parseStatute(src []byte, name string) statute {
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	if rest, ok := bytes.CutPrefix(src, []byte("---\n")); ok {
		if i := bytes.Index(rest, []byte("\n---\n")); i >= 0 {
			src = rest[i+len("\n---\n"):]
		}
	}
	head, body := []byte(nil), src
	if i := bytes.Index(src, []byte("<!-- INFO END -->")); i >= 0 {
		head, body = src[:i], src[i+len("<!-- INFO END -->"):]
	}
	var s statute
	for _, l := range strings.Split(string(head), "\n") {
		if t, ok := strings.CutPrefix(l, "# "); ok && s.title == "" {
			s.title = strings.TrimSpace(t)
		}
	}
	if s.title == "" {
		// No header: the first level-1 heading of the body is the title.
		lines := strings.SplitN(string(body), "\n", -1)
		for i, l := range lines {
			if t, ok := strings.CutPrefix(l, "# "); ok {
				s.title = strings.TrimSpace(t)
				body = []byte(strings.Join(lines[i+1:], "\n"))
				break
			}
		}
	}
	for _, m := range cnDateRe.FindAllStringSubmatch(string(head), -1) {
		if t, ok := mkDate(m[1], m[2], m[3]); ok && t.After(s.date) {
			s.date = t
		}
	}
	if s.date.IsZero() {
		if m := fileDateRe.FindStringSubmatch(name); m != nil {
			s.date, _ = mkDate(m[1], m[2], m[3])
		}
	}
	if s.date.IsZero() || s.date.After(genLast) {
		s.date = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	s.body = bytes.TrimLeft(body, "\n")
	return s
}

func mkDate(y, m, d string) (time.Time, bool) {
	yy, _ := strconv.Atoi(y)
	mm, _ := strconv.Atoi(m)
	dd, _ := strconv.Atoi(d)
	if yy < 1949 || mm < 1 || mm > 12 || dd < 1 || dd > 31 {
		return time.Time{}, false
	}
	return time.Date(yy, time.Month(mm), dd, 0, 0, 0, 0, time.UTC), true
}

// GenCorpus writes a site of n article pages made from the real statutes
// under corpusDir, cycling through them; copies after the first get the
// copy number in the title, so every title is unique. Each page has
// articles = true (article anchors, chapter table of contents,
// cross-references between statutes).
func GenCorpus(dst, corpusDir string, n int) (Stats, error) {
	if st, err := os.Stat(corpusDir); err != nil || !st.IsDir() {
		return Stats{}, errors.New("corpus folder not found: " + corpusDir)
	}
	laws, err := readCorpus(corpusDir)
	if err != nil {
		return Stats{}, err
	}
	used := map[string]column{}
	for i := 0; i < n && i < len(laws); i++ {
		used[laws[i].category] = columnFor(laws[i].category)
	}
	var cols []column
	for _, c := range used {
		cols = append(cols, c)
	}
	sort.Slice(cols, func(i, j int) bool {
		return cols[i].weight < cols[j].weight || cols[i].weight == cols[j].weight && cols[i].slug < cols[j].slug
	})
	e, err := newEmitter(dst)
	if err != nil {
		return Stats{}, err
	}
	const title = "法律法规库（基准测试）"
	e.site(siteTOML(title, cols), hugoConfig(title, cols))
	e.home(title, "本网站由 fazhi 的基准测试程序用公开的法律文本生成。")
	for _, c := range cols {
		e.column(c)
	}
	titles := map[string]bool{}
	for k := range n {
		s := laws[k%len(laws)]
		copyNo := k / len(laws)
		t := s.title
		if copyNo > 0 {
			t = fmt.Sprintf("%s（副本%d）", s.title, copyNo+1)
		}
		base := t
		for j := 2; titles[t]; j++ {
			t = fmt.Sprintf("%s（%d）", base, j)
		}
		titles[t] = true
		c := columnFor(s.category)
		e.page(&page{
			path: fmt.Sprintf("%s/l%05d.md", c.slug, k+1),
			top:  []kv{{"title", tq(t)}, {"date", tdate(s.date)}, {"tags", tqs([]string{s.category})}},
			own:  []kv{{"articles", "true"}},
			body: string(s.body),
		})
	}
	return e.stats, e.err
}

func columnFor(cat string) column {
	if c, ok := corpusColumns[cat]; ok {
		return c
	}
	return corpusColumns["其他"]
}
