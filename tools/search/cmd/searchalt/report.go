package main

import (
	"fmt"
	"github.com/fazhi-dev/fazhi/tools/bench"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/fazhi-dev/fazhi/tools/search/alt"
	"github.com/fazhi-dev/fazhi/tools/search/recall"
)

// pagefind holds Pagefind's figures at the same size, read from the
// search:scale block that searchscale wrote into the same file (Pagefind
// is not run again here: at 10,000 statutes it takes minutes and a GiB).
type pagefind struct {
	ok                 bool
	when               string
	bytes, reqs        string
	files, size        string
	wall, cpu, peak    string
	lawsRec, portalRec string
}

func readPagefind(path string, n int) pagefind {
	data, err := os.ReadFile(path)
	if err != nil {
		return pagefind{}
	}
	s := string(data)
	i, j := strings.Index(s, "<!-- search:scale -->"), strings.Index(s, "<!-- /search:scale -->")
	if i < 0 || j < i {
		return pagefind{}
	}
	s = s[i:j]
	var p pagefind
	find := func(re string, dst ...*string) bool {
		m := regexp.MustCompile(re).FindStringSubmatch(s)
		if m == nil {
			return false
		}
		for k, d := range dst {
			*d = m[k+1]
		}
		return true
	}
	p.ok = find(`(\d{4}-\d\d-\d\d \d\d:\d\d UTC)`, &p.when) &&
		find(`\*\*(\d+) KB\*\*（(\d+) 个请求`, &p.bytes, &p.reqs) &&
		find(fmt.Sprintf(`%d 页站点的索引[^：]*：\d+ 个 bundle，(\d+) 个文件，([\d.]+) MB`, n), &p.files, &p.size) &&
		find(fmt.Sprintf(`\| %d \| fresh \| ([\d.]+ s) \| ([\d.]+ s) \| (\d+ MiB)`, n), &p.wall, &p.cpu, &p.peak) &&
		find(`\| laws \| \d+ \| ([\d.]+) \|`, &p.lawsRec) &&
		find(`\| portal \| \d+ \| ([\d.]+) \|`, &p.portalRec)
	return p
}

func report(n int, lawsBuild time.Duration, vs []variant, portal measured, pf pagefind) string {
	var b strings.Builder
	fmt.Fprintf(&b, "由 `go -C tools run ./search/cmd/searchalt` 生成 (generated)，%s，负载 load %s。\n\n", time.Now().UTC().Format("2006-01-02 15:04 UTC"), bench.LoadAvg())
	fmt.Fprintf(&b, "同一个 %d 部法规的站点（语料循环，与 search:scale 相同的生成方式），同一批查询与召回规则。原型索引（`tools/search/alt`）从每页 `data-pagefind-body` 区域的文字建立（与 Pagefind 索引的文字相同）；", n)
	b.WriteString("首次查询在新的浏览器上下文里打开首页后载入 client.js、manifest.json、norms.bin.gz、查询词所在的分块和前 10 条结果的元数据，计服务器发出的字节（未压缩传输，与 Pagefind 的计法相同）。")
	b.WriteString("建索引用时和峰值内存是建索引子进程的（读已构建的 HTML、写索引），每 20 ms 采样进程树常驻内存；")
	if lawsBuild > 0 {
		fmt.Fprintf(&b, "不带搜索的 `fazhi build` 本身 %.1f s。", lawsBuild.Seconds())
	}
	b.WriteString("Pagefind 一行取自上面 search:scale 一节（")
	if pf.ok {
		b.WriteString(pf.when)
	} else {
		b.WriteString("没有读到 (not found)")
	}
	b.WriteString("），其用时和内存是整个 `fazhi build`（含 16 批 Pagefind）的 (the Pagefind row is quoted from the search:scale block; its time and memory are the whole build's).\n\n")
	b.WriteString("| 方案 scheme | 首次查询「行政复议」first query | 请求数 requests | 全部法规查询首次查询字节中位数（最大）median (max) over the statute queries | 索引大小 size | 文件数 files | 建索引用时 time (CPU) | 峰值内存 peak RSS | 法规 recall@10（不同法规）| 示例门户 recall@10 portal |\n")
	b.WriteString("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n")
	if pf.ok {
		fmt.Fprintf(&b, "| Pagefind 1.6.0，16 批 (batches) | %s KB | %s | — | %s MB | %s | %s (%s) | %s | %s | %s |\n", pf.bytes, pf.reqs, pf.size, pf.files, pf.wall, pf.cpu, pf.peak, pf.lawsRec, pf.portalRec)
	}
	lawsRec, portalRec := summary(vs[0].m.rows, "laws"), summary(portal.rows, "portal")
	for i, v := range vs {
		name := fmt.Sprintf("双字倒排 bigram index，%d 个分块 (chunks)", v.chunks)
		if i == 0 {
			name = "**" + name + "**"
		}
		fmt.Fprintf(&b, "| %s | %d KB | %d | %d KB（%d KB）| %.1f MB | %d | %.1f s (%.1f s) | %d MiB | %s | %s |\n", name, v.m.bytes>>10, v.m.reqs, v.m.medBytes>>10, v.m.maxBytes>>10,
			float64(v.st.Bytes)/(1<<20), v.st.Files, v.wall.Seconds(), v.cpu.Seconds(), v.peak>>20, lawsRec, portalRec)
	}
	v := vs[0]
	fmt.Fprintf(&b, "\n主方案首次查询「%s」的字节按文件种类 (first-query bytes of the main variant by kind of file):\n\n| 种类 kind | 文件数 files | 字节 bytes |\n|---|--:|--:|\n", firstQuery)
	kinds := []struct{ name, test string }{
		{"client.js", alt.ClientFile}, {"manifest.json", alt.ManifestFile}, {"页长 norms.bin.gz（每页 2 字节）", alt.NormsFile},
		{"索引分块 c/*.bin.gz", "/" + alt.ChunkDir + "/"}, {"前 10 条的元数据 m/*.json.gz", "/" + alt.MetaDir + "/"},
	}
	for _, k := range kinds {
		var files int
		var sum int64
		for p, n := range v.m.sent {
			if strings.Contains(p, "/"+alt.Dir+"/") && strings.Contains(p, k.test) {
				files++
				sum += n
			}
		}
		fmt.Fprintf(&b, "| %s | %d | %.1f KB |\n", k.name, files, float64(sum)/1024)
	}
	fmt.Fprintf(&b, "\n这些分块解压后共 %d KB（uncompressed, the chunks loaded are %d KB）；索引共 %d 个词 (terms)，分块文件压缩后 %.1f MB、压缩前 %.1f MB。页号按网址的哈希排列，循环出来的副本在页号表里不相邻，gzip 因而不能靠副本重复压缩。\n\n",
		v.m.rawChunks>>10, v.m.rawChunks>>10, v.st.Terms, float64(v.st.ChunkBytes)/(1<<20), float64(v.st.RawChunkBytes)/(1<<20))
	fmt.Fprintf(&b, "一致性 (agreement)：浏览器里的 client.js 与 Go 的 `alt.Index.Search` 对法规的 %d 条查询中 %d 条、示例门户 %d 条中 %d 条给出相同的前 10 页（同样顺序）；走了 OR 退路的查询：法规 %d 条，门户 %d 条 (queries answered by the OR fallback)。\n\n",
		len(v.m.rows), v.m.agree, len(portal.rows), portal.agree, v.m.ors, portal.ors)
	fmt.Fprintf(&b, "主方案只要求覆盖查询的双字（「复议申请」要求 复议、申请，议申 只加分），所有双字都必须出现时（同一索引，Go 排序）recall@10 为：法规 %s，示例门户 %s (requiring every bigram instead: statutes, portal)。\n\n", summary(v.m.strict, "laws"), summary(portal.strict, "portal"))
	for _, r := range append(append([]recall.Row{}, v.m.strict...), portal.strict...) {
		if len(r.Missing) > 0 {
			fmt.Fprintf(&b, "- 所有双字都必须出现时未找到 (missed when every bigram is required)：%s「%s」→ %s（%d 条结果）\n", r.Site, r.Query, strings.Join(r.Missing, "；"), r.Total)
		}
	}
	b.WriteString("\n")
	b.WriteString(recall.Markdown(append(append([]recall.Row{}, v.m.rows...), portal.rows...)))
	b.WriteString("\n法规站点按不同的法规计 recall@10（副本只算一次），示例门户照常计。\n")
	return b.String()
}

func summary(rows []recall.Row, site string) string {
	for _, s := range recall.Summarise(rows) {
		if s.Site == site {
			return fmt.Sprintf("%.3f", s.Mean)
		}
	}
	return "—"
}
