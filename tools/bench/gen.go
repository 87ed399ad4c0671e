// Package bench generates benchmark sites and measures fazhi against Hugo
// and against a goldmark-only floor (make bench).
//
// A generated site is a folder with two trees over the same Markdown
// bodies:
//
//	DIR/fazhi/site.toml, DIR/fazhi/content/…          (fazhi's format, default theme)
//	DIR/fazhi-min/site.toml, DIR/fazhi-min/layouts/…, DIR/fazhi-min/content/…
//	DIR/hugo/config.toml, DIR/hugo/layouts/…, DIR/hugo/content/…
//
// fazhi-min is the fazhi tree with minimal layouts equivalent to the Hugo
// ones (its content files are hard links to those of DIR/fazhi when the
// file system allows, copies otherwise).
//
// Generate makes a synthetic portal from word lists (policies with full
// metadata and statute-like bodies, court notices, articles,
// interpretations); GenCorpus turns the real statutes of the shared corpus
// into article pages with article anchors. Both are deterministic.
package bench

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Folders of a generated site.
const (
	FazhiDir    = "fazhi"
	FazhiMinDir = "fazhi-min"
	HugoDir     = "hugo"
)

// GenVersion changes whenever the generated output changes, so that a
// cached site is made again.
const GenVersion = "4"

// BuildNow is the build time used for every benchmark build.
var BuildNow = time.Date(2026, 11, 27, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))

// genFirst and genLast bound the dates of generated pages (all before
// BuildNow, so no page is left out as future).
var (
	genFirst = time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)
	genLast  = time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
)

// Stats describes a generated site.
type Stats struct {
	// Pages counts content pages (not column indexes or the home page).
	Pages int
	// Files counts the files of the fazhi tree; Bytes their size.
	Files int
	Bytes int64
}

// Generate writes a synthetic site of n content pages into dst (which is
// created; existing files are overwritten). The same seed gives the same
// bytes.
func Generate(dst string, n int, seed uint64) (Stats, error) {
	g := &gen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), titles: map[string]bool{}}
	e, err := newEmitter(dst)
	if err != nil {
		return Stats{}, err
	}
	cols := []column{
		{"gongzuo", "工作动态", "工作动态", "article", 10, "市、区两级司法行政机关推进法治政府建设的工作动态。"},
		{"zhengce", "政策文件", "政策文件", "policy", 20, "本市政府规章和行政规范性文件，标注索引号、发文字号和有效性。"},
		{"jiedu", "政策解读", "政策解读", "article", 30, "对本市政策文件的文字解读和问答解读。"},
		{"sifa", "司法公开", "司法公开", "notice", 40, "辖区法院的开庭公告、送达公告、执行公告和拍卖公告。"},
		{"pufa", "普法宣传", "普法宣传", "article", 50, "以案释法、法律进社区等普法宣传内容。"},
	}
	e.site(siteTOML("某市法治政府网（基准测试）", cols), hugoConfig("某市法治政府网（基准测试）", cols))
	e.home("某市法治政府网（基准测试）", "本网站由 fazhi 的基准测试程序生成，内容均为随机拼接的虚构文字。")
	for _, c := range cols {
		e.column(c)
	}
	nPol := n * 40 / 100
	nNot := n * 20 / 100
	nPufa := n * 15 / 100
	nGz := n * 15 / 100
	nJd := n - nPol - nNot - nPufa - nGz
	var pols []polRef
	for i := range nPol {
		p, ref := g.policy(i, pols)
		pols = append(pols, ref)
		e.page(p)
	}
	for i := range nNot {
		e.page(g.notice(i))
	}
	for i := range nPufa {
		e.page(g.pufa(i))
	}
	for i := range nGz {
		e.page(g.news(i))
	}
	order := g.r.Perm(max(len(pols), 1))
	for i := range nJd {
		var ref *polRef
		if len(pols) > 0 {
			ref = &pols[order[i%len(order)]]
		}
		e.page(g.interpretation(i, ref))
	}
	return e.stats, e.err
}

// column is a top-level column of a generated site.
type column struct {
	slug, title, columnType, kind string
	weight                        int
	desc                          string
}

// kv is a front-matter key with its value already in TOML.
type kv struct{ k, v string }

// page is one content page, written to both trees.
type page struct {
	path  string // relative to content/
	top   []kv   // keys both tools read
	own   []kv   // fazhi-only keys (kind, articles, interprets); under [params] for Hugo
	table string // "policy", "notice", "article" or ""
	tbl   []kv
	body  string
}

func (p *page) fazhi() []byte {
	var b strings.Builder
	b.WriteString("+++\n")
	writeKVs(&b, p.top)
	writeKVs(&b, p.own)
	if p.table != "" {
		fmt.Fprintf(&b, "\n[%s]\n", p.table)
		writeKVs(&b, p.tbl)
	}
	b.WriteString("+++\n\n")
	b.WriteString(p.body)
	return []byte(b.String())
}

func (p *page) hugo() []byte {
	var b strings.Builder
	b.WriteString("+++\n")
	writeKVs(&b, p.top)
	if len(p.own) > 0 || p.table != "" {
		b.WriteString("\n[params]\n")
		writeKVs(&b, p.own)
	}
	if p.table != "" {
		fmt.Fprintf(&b, "\n[params.%s]\n", p.table)
		writeKVs(&b, p.tbl)
	}
	b.WriteString("+++\n\n")
	b.WriteString(p.body)
	return []byte(b.String())
}

func writeKVs(b *strings.Builder, kvs []kv) {
	for _, x := range kvs {
		b.WriteString(x.k)
		b.WriteString(" = ")
		b.WriteString(x.v)
		b.WriteByte('\n')
	}
}

// tq quotes a TOML basic string.
func tq(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 {
				fmt.Fprintf(&b, `\u%04X`, r)
				continue
			}
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func tqs(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = tq(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

func tdate(t time.Time) string { return t.Format("2006-01-02") }

func tdatetime(t time.Time) string { return t.Format("2006-01-02T15:04:05") }

// emitter writes both trees, creating folders once.
type emitter struct {
	root  string
	dirs  map[string]bool
	stats Stats
	err   error
}

func newEmitter(dst string) (*emitter, error) {
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return nil, err
	}
	return &emitter{root: dst, dirs: map[string]bool{}}, nil
}

func (e *emitter) write(rel string, data []byte, fazhi bool) {
	if e.err != nil {
		return
	}
	full := filepath.Join(e.root, filepath.FromSlash(rel))
	dir := filepath.Dir(full)
	if !e.dirs[dir] {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			e.err = err
			return
		}
		e.dirs[dir] = true
	}
	if err := os.WriteFile(full, data, 0o644); err != nil {
		e.err = err
		return
	}
	if fazhi {
		e.stats.Files++
		e.stats.Bytes += int64(len(data))
	}
}

// writeFazhi writes a content file of the fazhi tree and gives the
// minimal-layout tree the same file (a hard link when possible).
func (e *emitter) writeFazhi(rel string, data []byte) {
	e.write(FazhiDir+"/"+rel, data, true)
	if e.err != nil {
		return
	}
	src := filepath.Join(e.root, FazhiDir, filepath.FromSlash(rel))
	dst := filepath.Join(e.root, FazhiMinDir, filepath.FromSlash(rel))
	if dir := filepath.Dir(dst); !e.dirs[dir] {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			e.err = err
			return
		}
		e.dirs[dir] = true
	}
	if os.Link(src, dst) == nil {
		return
	}
	e.write(FazhiMinDir+"/"+rel, data, false)
}

func (e *emitter) site(fazhiConf, hugoConf string) {
	e.write(FazhiDir+"/site.toml", []byte(fazhiConf), true)
	// Not linked: SetPostProcessing rewrites the default-theme tree's file.
	e.write(FazhiMinDir+"/site.toml", []byte(fazhiConf), false)
	for name, text := range fazhiMinLayouts {
		e.write(FazhiMinDir+"/layouts/"+name, []byte(text), false)
	}
	e.write(HugoDir+"/config.toml", []byte(hugoConf), false)
	for name, text := range hugoLayouts {
		e.write(HugoDir+"/layouts/"+name, []byte(text), false)
	}
}

// writeLayouts writes the minimal layouts of both tools into a generated
// site again, so that a reused site is measured with the layouts of this
// source tree.
func writeLayouts(dir string) error {
	for tree, layouts := range map[string]map[string]string{FazhiMinDir: fazhiMinLayouts, HugoDir: hugoLayouts} {
		for name, text := range layouts {
			p := filepath.Join(dir, tree, "layouts", filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

func (e *emitter) home(title, body string) {
	p := &page{path: "_index.md", top: []kv{{"title", tq(title)}}, body: body + "\n"}
	fz := &page{path: p.path, top: append(p.top, kv{"columnType", tq("首页")}), body: p.body}
	e.writeFazhi("content/_index.md", fz.fazhi())
	e.write(HugoDir+"/content/_index.md", p.hugo(), false)
}

func (e *emitter) column(c column) {
	body := c.desc + "\n"
	fz := &page{top: []kv{{"title", tq(c.title)}, {"description", tq(c.desc)}, {"columnType", tq(c.columnType)},
		{"kind", tq(c.kind)}, {"weight", strconv.Itoa(c.weight)}}, body: body}
	hg := &page{top: []kv{{"title", tq(c.title)}, {"description", tq(c.desc)}, {"weight", strconv.Itoa(c.weight)}}, body: body}
	e.writeFazhi("content/"+c.slug+"/_index.md", fz.fazhi())
	e.write(HugoDir+"/content/"+c.slug+"/_index.md", hg.hugo(), false)
}

func (e *emitter) page(p *page) {
	e.writeFazhi("content/"+p.path, p.fazhi())
	e.write(HugoDir+"/content/"+p.path, p.hugo(), false)
	e.stats.Pages++
}

// gen holds the random source and what must stay unique.
type gen struct {
	r       *rand.Rand
	titles  map[string]bool
	indexNo map[string]int // code/year → last serial
	docNo   map[string]int // agency/year → last sequence
	caseNo  map[string]int // year/court/type → last number
}

func pick[T any](g *gen, list []T) T { return list[g.r.IntN(len(list))] }

// unique returns title, or title with the first free suffix.
func (g *gen) unique(title string, suffix func(k int) string) string {
	t := title
	for k := 2; g.titles[t]; k++ {
		t = title + suffix(k)
	}
	g.titles[t] = true
	return t
}

func (g *gen) date(from, to time.Time) time.Time {
	days := int(to.Sub(from).Hours() / 24)
	return from.AddDate(0, 0, g.r.IntN(days+1))
}

func (g *gen) tags(first string, n int) []string {
	out := []string{first}
	for range n {
		t := pick(g, allTags)
		dup := false
		for _, o := range out {
			dup = dup || o == t
		}
		if !dup {
			out = append(out, t)
		}
	}
	return out
}

// polRef is what later pages need to know about a policy.
type polRef struct {
	path, title, docNumber, issuer, self string
	date                                 time.Time
}

func (g *gen) next(m *map[string]int, key string, start int) int {
	if *m == nil {
		*m = map[string]int{}
	}
	v, ok := (*m)[key]
	if !ok {
		v = start
	}
	v++
	(*m)[key] = v
	return v
}

func (g *gen) policy(i int, earlier []polRef) (*page, polRef) {
	var is issuer
	subjIssuer := pick(g, cityIssuers)
	if g.r.IntN(10) < 7 {
		is = subjIssuer
	} else {
		is = pick(g, districtIssuers)
	}
	subj := pick(g, subjIssuer.subj)
	pat := pick(g, titlePatterns)
	date := g.date(genFirst, genLast)
	title := g.unique(fmt.Sprintf(pat.format, is.area, subj), func(k int) string {
		if k == 2 {
			return fmt.Sprintf("（%d年修订）", date.Year())
		}
		return fmt.Sprintf("（%d年第%s次修订）", date.Year(), cnNum(k-1))
	})
	written := date.AddDate(0, 0, -1-g.r.IntN(20))
	effective := date.AddDate(0, 0, g.r.IntN(61))
	genre, agency := "行政规范性文件", is.agency
	switch {
	case is.name == "某市人民政府" && g.r.IntN(10) < 3:
		genre, agency = "政府规章", "某府令"
	case g.r.IntN(20) == 0:
		genre = "其他文件"
	}
	y := written.Year()
	serial := g.next(&g.indexNo, is.code+"/"+strconv.Itoa(y), 0)
	seq := g.next(&g.docNo, agency+strconv.Itoa(y), 0)
	docNumber := fmt.Sprintf("%s〔%d〕%d号", agency, y, seq)
	path := fmt.Sprintf("zhengce/p%05d.md", i+1)
	tbl := []kv{
		{"indexNumber", tq(fmt.Sprintf("%s/%d-%05d", is.code, y, serial))},
		{"issuer", tq(is.name)},
		{"docNumber", tq(docNumber)},
		{"written", tdate(written)},
		{"topic", tq(subjIssuer.topic)},
		{"genre", tq(genre)},
		{"keywords", tqs([]string{subj, subjIssuer.tag})},
		{"effective", tdate(effective)},
	}
	if g.r.IntN(7) == 0 {
		tbl = append(tbl, kv{"expires", tdate(effective.AddDate(2+g.r.IntN(4), 0, -1))})
	}
	top := []kv{{"title", tq(title)}, {"date", tdate(date)}}
	if g.r.IntN(4) == 0 {
		top = append(top, kv{"lastmod", tdate(date.AddDate(0, 0, 1+g.r.IntN(5)))})
	}
	top = append(top, kv{"tags", tqs(g.tags(subjIssuer.tag, 1+g.r.IntN(2)))})
	ref := polRef{path: path, title: title, docNumber: docNumber, issuer: is.name, self: pat.self, date: date}
	body := g.statuteBody(subj, is, pat.self, effective, earlier)
	return &page{path: path, top: top, table: "policy", tbl: tbl, body: body}, ref
}

// statuteBody writes chapters of numbered articles with cross-references.
func (g *gen) statuteBody(subj string, is issuer, self string, effective time.Time, earlier []polRef) string {
	type chapter struct {
		name string
		n    int
	}
	chs := []chapter{{"总则", 3 + g.r.IntN(2)}}
	perm := g.r.Perm(len(midChapters))
	for k := range 1 + g.r.IntN(3) {
		chs = append(chs, chapter{midChapters[perm[k]], 2 + g.r.IntN(5)})
	}
	if g.r.IntN(10) < 7 {
		chs = append(chs, chapter{"法律责任", 2})
	}
	chs = append(chs, chapter{"附则", 1 + g.r.IntN(2)})
	total := 0
	for _, c := range chs {
		total += c.n
	}
	short := is.short
	var b strings.Builder
	art := 0
	article := func(text string) {
		art++
		fmt.Fprintf(&b, "第%s条　%s\n\n", cnNum(art), text)
	}
	para := func(text string) { b.WriteString(text + "\n\n") }
	for ci, c := range chs {
		fmt.Fprintf(&b, "## 第%s章　%s\n\n", cnNum(ci+1), c.name)
		for k := range c.n {
			switch {
			case ci == 0 && k == 0:
				article(fmt.Sprintf("为了规范%s工作，%s，根据《%s》等法律、法规，结合本市实际，制定%s。",
					subj, pick(g, purposes), pick(g, upperLaws), self))
			case ci == 0 && k == 1:
				article(fmt.Sprintf("本市行政区域内%s的组织实施、监督管理和服务保障，适用%s。", subj, self))
			case ci == 0 && k == 2:
				article(fmt.Sprintf("%s主管本行政区域内的%s工作，%s按照各自职责做好相关工作。", short, subj, pick(g, agents)))
				para(fmt.Sprintf("%s所称%s，是指%s依照法定职责，为%s提供的服务和实施的管理活动。", self, subj, pick(g, agents), pick(g, beneficiaries)))
			case c.name == "法律责任" && k == 0:
				article(fmt.Sprintf("违反%s第%s条规定的，由%s责令限期改正；逾期不改正的，依照有关法律、法规的规定处理。",
					self, cnNum(4+g.r.IntN(max(total-6, 1))), short))
			case c.name == "法律责任":
				article(fmt.Sprintf("工作人员在%s工作中滥用职权、玩忽职守、徇私舞弊的，依法给予处分；构成犯罪的，依法追究刑事责任。", subj))
			case c.name == "附则" && k == c.n-1:
				article(fmt.Sprintf("%s自%s起施行。", self, cnDate(effective)))
			case c.name == "附则":
				article(fmt.Sprintf("%s由%s负责解释。", self, short))
			default:
				article(g.duty(subj, short))
				switch g.r.IntN(8) {
				case 0, 1:
					para(fmt.Sprintf("符合%s第%s条规定情形的，%s应当%s。", self, cnNum(1+g.r.IntN(total)), pick(g, agents), pick(g, plainDuties)))
				case 2:
					if len(earlier) > 0 {
						o := earlier[g.r.IntN(len(earlier))]
						para(fmt.Sprintf("%s未作规定的，依照《%s》第%s条的规定执行。", self, o.title, cnNum(1+g.r.IntN(5))))
					}
				case 3:
					para(fmt.Sprintf("%s应当遵守下列规定：", pick(g, agents)))
					items := 2 + g.r.IntN(3)
					for j := range items {
						end := "；"
						if j == items-1 {
							end = "。"
						}
						para(fmt.Sprintf("（%s）%s%s", cnNum(j+1), pick(g, plainDuties), end))
					}
				case 4:
					para(fmt.Sprintf("任何单位和个人不得%s。", pick(g, forbidden)))
				}
			}
		}
	}
	return b.String()
}

func (g *gen) duty(subj, short string) string {
	who := pick(g, agents)
	if g.r.IntN(3) == 0 {
		who = short
	}
	switch g.r.IntN(4) {
	case 0:
		return fmt.Sprintf("%s应当%s，%s。", who, fmt.Sprintf(pick(g, duties), subj), pick(g, plainDuties))
	case 1:
		return fmt.Sprintf("%s可以%s。%s应当%s。", who, pick(g, plainDuties), pick(g, agents), fmt.Sprintf(pick(g, duties), subj))
	case 2:
		return fmt.Sprintf("从事%s活动，不得%s；%s应当%s。", subj, pick(g, forbidden), who, pick(g, plainDuties))
	default:
		return fmt.Sprintf("%s应当%s，并%s。", who, fmt.Sprintf(pick(g, duties), subj), pick(g, plainDuties))
	}
}

var noticeTypes = []string{"开庭公告", "开庭公告", "开庭公告", "送达公告", "送达公告", "执行公告", "拍卖公告"}

func (g *gen) person() string {
	s := string(pick(g, surnames)) + "某"
	if g.r.IntN(2) == 0 {
		s += "某"
	}
	return s
}

func (g *gen) firm() string { return "某某" + pick(g, firms) + "有限公司" }

func (g *gen) notice(i int) *page {
	typ := pick(g, noticeTypes)
	c := pick(g, courts)
	cs := causes[g.r.IntN(len(causes))]
	date := g.date(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), genLast)
	year := date.Year()
	if g.r.IntN(3) == 0 {
		year--
	}
	code := cs.code
	if typ == "执行公告" || typ == "拍卖公告" {
		code = "执"
	}
	num := g.next(&g.caseNo, fmt.Sprintf("%d/%s/%s", year, c.code, code), 100)
	caseNo := fmt.Sprintf("（%d）%s%s%d号", year, c.code, code, num)
	p1, p2 := g.firm(), g.person()
	if g.r.IntN(2) == 0 {
		p1 = g.person()
	}
	title := g.unique(c.name+typ+caseNo, func(k int) string { return fmt.Sprintf("（%d）", k) })
	tbl := []kv{{"type", tq(typ)}, {"caseNumber", tq(caseNo)}, {"court", tq(c.name)}, {"cause", tq(cs.cause)},
		{"parties", tqs([]string{p1, p2})}}
	var b strings.Builder
	switch typ {
	case "开庭公告":
		h := date.AddDate(0, 0, 7+g.r.IntN(39))
		hour := []int{9, 9, 14, 15}[g.r.IntN(4)]
		minute := []int{0, 30}[g.r.IntN(2)]
		h = time.Date(h.Year(), h.Month(), h.Day(), hour, minute, 0, 0, time.UTC)
		place := pick(g, places)
		tbl = append(tbl, kv{"hearing", tdatetime(h)}, kv{"place", tq(place)})
		noon := "上午"
		if hour > 12 {
			noon = "下午"
		}
		fmt.Fprintf(&b, "本院定于%s%s%d时%s在%s依法公开开庭审理原告%s诉被告%s%s一案。\n\n",
			cnDate(h), noon, hour%12, map[int]string{0: "", 30: "30分"}[minute], place, p1, p2, cs.cause)
		b.WriteString("旁听人员应当携带本人身份证件，于开庭前到本院诉讼服务中心办理登记，经安全检查后入场，并自觉遵守法庭纪律。\n\n")
	case "送达公告":
		fmt.Fprintf(&b, "%s：\n\n本院受理原告%s诉你%s一案，因无法通过其他方式向你送达，现依法向你公告送达起诉状副本、应诉通知书、举证通知书、合议庭组成人员通知书及开庭传票。", p2, p1, cs.cause)
		b.WriteString("自本公告发出之日起经过三十日即视为送达。提出答辩状和举证的期限分别为公告送达期满后的十五日内。逾期未到庭的，本院将依法缺席审理。\n\n")
		tbl = append(tbl, kv{"periodDays", "30"})
	case "执行公告":
		fmt.Fprintf(&b, "申请执行人%s与被执行人%s%s一案，本院作出的法律文书已经发生法律效力。被执行人至今未履行生效法律文书确定的义务。\n\n", p1, p2, cs.cause)
		b.WriteString("本院责令被执行人自本公告发出之日起十日内履行义务；逾期仍不履行的，本院将依法采取纳入失信被执行人名单、限制消费等措施。\n\n")
		tbl = append(tbl, kv{"periodDays", "10"})
	default:
		asset := pick(g, auctionAssets)
		fmt.Fprintf(&b, "本院在执行申请执行人%s与被执行人%s%s一案中，依法查封了被执行人名下的%s。\n\n", p1, p2, cs.cause, asset)
		fmt.Fprintf(&b, "本院定于%s十时起在网络司法拍卖平台对上述财产进行公开拍卖，竞买人可以在拍卖开始前登录平台查看拍卖须知。\n\n", cnDate(date.AddDate(0, 0, 20)))
		tbl = append(tbl, kv{"until", tdate(date.AddDate(0, 0, 20))})
	}
	fmt.Fprintf(&b, "联系电话：0000-%08d\n\n特此公告。\n\n%s  \n%s\n", 12340000+g.r.IntN(9999), c.name, cnDateFull(date))
	top := []kv{{"title", tq(title)}, {"date", tdate(date)}, {"tags", tqs([]string{typ, cs.tag})}}
	return &page{path: fmt.Sprintf("sifa/n%05d.md", i+1), top: top, table: "notice", tbl: tbl, body: b.String()}
}

func (g *gen) pufa(i int) *page {
	ser := pick(g, series)
	topic := pick(g, eduTopics)
	title := g.unique(ser+"｜"+topic, func(k int) string { return fmt.Sprintf("（第%d期）", k) })
	date := g.date(genFirst, genLast)
	var b strings.Builder
	fmt.Fprintf(&b, "%s，%s开展“%s”普法活动，围绕“%s”这一群众关心的问题释法说理。\n\n", cnDate(date), pick(g, units), ser, topic)
	perm := g.r.Perm(len(eduHeadings))
	for s := range 3 + g.r.IntN(3) {
		fmt.Fprintf(&b, "## %s\n\n", eduHeadings[perm[s]])
		for range 1 + g.r.IntN(3) {
			b.WriteString(g.sentences(legalSentences, 2+g.r.IntN(3), topic))
			b.WriteString("\n\n")
		}
	}
	top := []kv{{"title", tq(title)}, {"date", tdate(date)}, {"tags", tqs(g.tags("普法", 2))}}
	tbl := []kv{{"series", tq(ser)}, {"source", tq(pick(g, units))}, {"audience", tqs([]string{pick(g, audiences)})}}
	return &page{path: fmt.Sprintf("pufa/a%05d.md", i+1), top: top, table: "article", tbl: tbl, body: b.String()}
}

func (g *gen) news(i int) *page {
	unit := pick(g, units)
	act := pick(g, activities)
	date := g.date(genFirst, genLast)
	title := g.unique(unit+act, func(k int) string { return fmt.Sprintf("（%d年第%d期）", date.Year(), k) })
	var b strings.Builder
	fmt.Fprintf(&b, "%s，%s%s。%s\n\n", cnDate(date), unit, act, g.sentences(eventSentences, 2, unit))
	for s := range 2 + g.r.IntN(3) {
		if g.r.IntN(2) == 0 {
			fmt.Fprintf(&b, "## %s\n\n", newsHeadings[s])
		}
		for range 1 + g.r.IntN(2) {
			b.WriteString(g.sentences(eventSentences, 2+g.r.IntN(3), pick(g, allTags)))
			b.WriteString("\n\n")
		}
	}
	top := []kv{{"title", tq(title)}, {"date", tdate(date)}, {"tags", tqs(g.tags("法治政府", 1))}}
	tbl := []kv{{"source", tq(unit)}, {"author", tq(unit + "办公室")}}
	return &page{path: fmt.Sprintf("gongzuo/g%05d.md", i+1), top: top, table: "article", tbl: tbl, body: b.String()}
}

func (g *gen) interpretation(i int, ref *polRef) *page {
	name := "某市法治政府建设年度重点工作"
	date := g.date(genFirst, genLast)
	var own []kv
	docNo, issuerName := "", pick(g, cityIssuers).name
	if ref != nil {
		name = ref.title
		docNo = "（" + ref.docNumber + "）"
		issuerName = ref.issuer
		date = ref.date.AddDate(0, 0, g.r.IntN(6))
		if date.After(genLast) {
			date = genLast
		}
		own = append(own, kv{"interprets", tqs([]string{ref.path})})
	}
	title := g.unique("《"+name+"》解读", func(k int) string { return fmt.Sprintf("（问答%s）", cnNum(k-1)) })
	var b strings.Builder
	fmt.Fprintf(&b, "《%s》%s已经公布，现就有关内容解读如下。\n\n## 一、制定背景\n\n", name, docNo)
	b.WriteString(g.sentences(eventSentences, 3, pick(g, allTags)) + "\n\n## 二、主要内容\n\n")
	for k := range 2 + g.r.IntN(3) {
		fmt.Fprintf(&b, "### （%s）%s\n\n%s\n\n", cnNum(k+1), pick(g, midChapters), g.sentences(legalSentences, 2+g.r.IntN(2), pick(g, allTags)))
	}
	b.WriteString("## 三、施行时间\n\n" + g.sentences(eventSentences, 1, "本文件") + "\n")
	top := []kv{{"title", tq(title)}, {"date", tdate(date)}, {"tags", tqs(g.tags("政务公开", 1))}}
	tbl := []kv{{"source", tq(issuerName)}}
	return &page{path: fmt.Sprintf("jiedu/j%05d.md", i+1), top: top, own: own, table: "article", tbl: tbl, body: b.String()}
}

// sentences joins n sentences from list; a %s takes arg.
func (g *gen) sentences(list []string, n int, arg string) string {
	var b strings.Builder
	for range n {
		s := pick(g, list)
		switch strings.Count(s, "%s") {
		case 0:
			b.WriteString(s)
		case 1:
			fmt.Fprintf(&b, s, arg)
		default:
			fmt.Fprintf(&b, s, pick(g, units), arg)
		}
	}
	return b.String()
}

// cnNum writes 1…9999 in Chinese numerals as statutes do: 十二, 一百零三.
func cnNum(n int) string {
	const digits = "零一二三四五六七八九"
	d := []rune(digits)
	if n <= 0 || n > 9999 {
		return strconv.Itoa(n)
	}
	if n < 10 {
		return string(d[n])
	}
	if n < 20 {
		if n == 10 {
			return "十"
		}
		return "十" + string(d[n-10])
	}
	units := []string{"千", "百", "十", ""}
	vals := []int{1000, 100, 10, 1}
	var b strings.Builder
	zero := false
	started := false
	for k, v := range vals {
		q := n / v % 10
		if q == 0 {
			if started {
				zero = true
			}
			continue
		}
		if zero {
			b.WriteRune(d[0])
			zero = false
		}
		b.WriteRune(d[q])
		b.WriteString(units[k])
		started = true
	}
	return b.String()
}

func cnDate(t time.Time) string {
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// cnDateFull writes a date with Chinese digits, as at the foot of a notice.
func cnDateFull(t time.Time) string {
	const d = "〇一二三四五六七八九"
	dr := []rune(d)
	var y strings.Builder
	for _, c := range strconv.Itoa(t.Year()) {
		y.WriteRune(dr[c-'0'])
	}
	return y.String() + "年" + cnNum(int(t.Month())) + "月" + cnNum(t.Day()) + "日"
}
