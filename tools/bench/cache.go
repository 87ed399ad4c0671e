package bench

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/fazhi-dev/fazhi/internal/scss"
)

// The build cache benchmark (issue 16 points 4 and 6): on a generated
// site, a fresh build (--no-cache, empty output folder), the first cached
// build (empty cache), an unchanged rebuild, a rebuild after one edited
// page, and a --now step across the day one policy comes into force, each
// with wall time, CPU time and the peak memory of the whole process tree
// (fazhi and Pagefind when search is on).

// CacheConfig is one run of the cache benchmark.
type CacheConfig struct {
	Config
	// Sites are "synthetic:N" or "statutes:N".
	Sites []string
	// Search measures each site with search on too (Pagefind).
	Search bool
	// SearchOnly measures each site with search on only.
	SearchOnly bool
}

// CacheRow is one measured build.
type CacheRow struct {
	Site, Build string
	Pages       int
	Search      bool
	Sample      Sample
	// TreeRSS is the peak of the summed resident memory of fazhi and its
	// children, sampled every 10 ms.
	TreeRSS  int64
	Rendered int // content pages rendered (the rest the cache kept)
	Written  int // files written
	Files    int
}

var renderedRe = regexp.MustCompile(`构建缓存：沿用 (\d+) 个内容页，重新生成 (\d+) 个`)
var contentRe = regexp.MustCompile(`内容页 (\d+)`)

// treeRSS samples the summed RSS of pid and its descendants until done
// is closed and returns the peak.
func treeRSS(pid int, done <-chan struct{}) int64 {
	page := int64(os.Getpagesize())
	var peak int64
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for {
		ents, _ := os.ReadDir("/proc")
		parent := map[int]int{}
		rss := map[int]int64{}
		for _, e := range ents {
			p, err := strconv.Atoi(e.Name())
			if err != nil {
				continue
			}
			stat, err := os.ReadFile("/proc/" + e.Name() + "/stat")
			if err != nil {
				continue
			}
			// Fields after the command name, which is in parentheses.
			i := bytes.LastIndexByte(stat, ')')
			if i < 0 {
				continue
			}
			f := strings.Fields(string(stat[i+1:]))
			if len(f) < 22 {
				continue
			}
			pp, _ := strconv.Atoi(f[1])
			r, _ := strconv.ParseInt(f[21], 10, 64)
			parent[p], rss[p] = pp, r*page
		}
		var sum int64
		for p := range rss {
			for q := p; q > 1; q = parent[q] {
				if q == pid {
					sum += rss[p]
					break
				}
			}
		}
		peak = max(peak, sum)
		select {
		case <-done:
			return peak
		case <-tick.C:
		}
	}
}

// measureTree runs cmd like measure and also samples its process tree.
func measureTree(cmd *exec.Cmd) (Sample, int64, string, error) {
	settle()
	var stdout bytes.Buffer
	var stderr tailBuffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return Sample{}, 0, "", err
	}
	done := make(chan struct{})
	var peak int64
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); peak = treeRSS(cmd.Process.Pid, done) }()
	err := cmd.Wait()
	wall := time.Since(start)
	close(done)
	wg.Wait()
	if err != nil {
		return Sample{}, 0, stdout.String(), fmt.Errorf("%v\n%s", err, stderr.b)
	}
	s := Sample{Wall: wall}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		s.CPU = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		s.Sys = time.Duration(ru.Stime.Nano())
		s.RSS = ru.Maxrss * 1024
	}
	return s, max(peak, s.RSS), stdout.String(), nil
}

var dateLine = regexp.MustCompile(`(?m)^[A-Za-z]+ = (\d{4}-\d{2}-\d{2})`)

// quietDay finds a day after from on which, and a day either side of
// which, no date of the site's front matter falls, and a policy page to
// come into force on it.
func quietDay(content string, from time.Time) (time.Time, string, error) {
	dates := map[string]bool{}
	policy := ""
	err := filepath.WalkDir(content, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		head := b
		if i := bytes.Index(b[3:], []byte("+++")); i >= 0 {
			head = b[:i+3]
		}
		for _, m := range dateLine.FindAllSubmatch(head, -1) {
			dates[string(m[1])] = true
		}
		if policy == "" && bytes.Contains(head, []byte("[policy]")) && bytes.Contains(head, []byte("\neffective = ")) {
			policy = p
		}
		return nil
	})
	if err != nil {
		return time.Time{}, "", err
	}
	for d := from.AddDate(0, 0, 1); d.Before(from.AddDate(3, 0, 0)); d = d.AddDate(0, 0, 1) {
		if !dates[d.AddDate(0, 0, -1).Format("2006-01-02")] && !dates[d.Format("2006-01-02")] && !dates[d.AddDate(0, 0, 1).Format("2006-01-02")] {
			return d, policy, nil
		}
	}
	return time.Time{}, "", fmt.Errorf("no quiet day in %s", content)
}

// setLine replaces the first line of file starting with prefix and
// returns a function that puts the file back.
func setLine(file, prefix, line string) (func() error, error) {
	old, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var out []string
	done := false
	sc := bufio.NewScanner(bytes.NewReader(old))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		l := sc.Text()
		if !done && strings.HasPrefix(l, prefix) {
			l, done = line, true
		}
		out = append(out, l)
	}
	if !done {
		return nil, fmt.Errorf("%s: no line %q", file, prefix)
	}
	if err := os.WriteFile(file, []byte(strings.Join(out, "\n")+"\n"), 0o644); err != nil {
		return nil, err
	}
	return func() error { return os.WriteFile(file, old, 0o644) }, nil
}

// setSearch turns search on or off in a generated tree's site.toml.
func setSearch(siteDir string, on bool) error {
	found := false
	return editSiteTOML(siteDir, func(l string) []string {
		if strings.HasPrefix(l, "search = ") {
			found = true
			return []string{"search = " + strconv.FormatBool(on)}
		}
		return []string{l}
	}, func() bool { return found }, "search line not found")
}

// RunCache measures the build cache and returns the rows.
func RunCache(ctx context.Context, c CacheConfig) ([]CacheRow, []string, error) {
	if err := c.defaults(); err != nil {
		return nil, nil, err
	}
	sass, err := FindSass(c.Root)
	if err != nil {
		return nil, nil, fmt.Errorf("Dart Sass is needed (run make tools): %w", err)
	}
	bin := filepath.Join(c.Work, "bin", "fazhi")
	gobin := goTool()
	cmd := exec.CommandContext(ctx, gobin, "build", "-o", bin, "./cmd/fazhi")
	cmd.Dir = c.Root
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, nil, fmt.Errorf("go build ./cmd/fazhi: %v\n%s", err, out)
	}
	env := append(os.Environ(), scss.EnvVar+"="+sass, scss.CacheEnv+"="+filepath.Join(c.Work, "fazhi-cache"))
	if p := os.Getenv("FAZHI_PAGEFIND"); p == "" {
		env = append(env, "FAZHI_PAGEFIND="+filepath.Join(c.Root, "node_modules/@pagefind/linux-x64/bin/pagefind_extended"))
	}
	machine := append(machine(ctx, gobin, "", sass), "源码 source: "+source(ctx, c.Root), "负载 load (start): "+LoadAvg())
	outRoot := c.OutRoot
	if outRoot == "" {
		outRoot = filepath.Join(c.Work, "cache-out")
	}
	if err := os.MkdirAll(outRoot, 0o755); err != nil {
		return nil, nil, err
	}
	machine = append(machine, "输出 output: "+fsName(outRoot))
	var rows []CacheRow
	for _, spec := range c.Sites {
		name, ns, _ := strings.Cut(spec, ":")
		n, err := strconv.Atoi(ns)
		if err != nil {
			return rows, machine, fmt.Errorf("site %q: want synthetic:N or statutes:N", spec)
		}
		dir, st, err := c.siteDir(name, n)
		if err != nil {
			return rows, machine, err
		}
		site := filepath.Join(dir, FazhiDir)
		modes := []bool{false}
		switch {
		case c.SearchOnly:
			modes = []bool{true}
		case c.Search:
			modes = append(modes, true)
		}
		for _, search := range modes {
			r, err := c.cacheSet(ctx, bin, env, site, outRoot, name, st.Pages, search)
			rows = append(rows, r...)
			if err != nil {
				return rows, machine, err
			}
		}
	}
	machine = append(machine, "负载 load (end): "+LoadAvg())
	return rows, machine, nil
}

// cacheSet measures the five builds on one site.
func (c *CacheConfig) cacheSet(ctx context.Context, bin string, env []string, site, outRoot, name string, pages int, search bool) (rows []CacheRow, err error) {
	if err := setSearch(site, search); err != nil {
		return nil, err
	}
	defer func() {
		if e := setSearch(site, false); err == nil {
			err = e
		}
	}()
	day, policy, err := quietDay(filepath.Join(site, "content"), BuildNow)
	if err != nil {
		return nil, err
	}
	now1, now2 := day.Add(-12*time.Hour), day.Add(12*time.Hour)
	if policy != "" {
		restore, err := setLine(policy, "effective = ", "effective = "+day.Format("2006-01-02"))
		if err != nil {
			return nil, err
		}
		defer restore()
	}
	tag := fmt.Sprintf("%s-%d-search-%v", name, pages, search)
	base := filepath.Join(outRoot, tag)
	if err := os.RemoveAll(base); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(base, 0o755); err != nil {
		return nil, err
	}
	defer os.RemoveAll(base)
	cache, out := filepath.Join(base, "cache"), filepath.Join(base, "out")
	run := func(label, dest string, now time.Time, args ...string) error {
		c.logf("%s %s", tag, label)
		a := append([]string{"build", "-s", site, "-d", dest, "--now", now.Format(time.RFC3339)}, args...)
		cmd := exec.CommandContext(ctx, bin, a...)
		cmd.Dir = c.Root
		cmd.Env = env
		s, tree, stdout, err := measureTree(cmd)
		if err != nil {
			return fmt.Errorf("%s: fazhi %s: %w", tag, strings.Join(a, " "), err)
		}
		row := CacheRow{Site: name, Build: label, Pages: pages, Search: search, Sample: s, TreeRSS: tree}
		if m := contentRe.FindStringSubmatch(stdout); m != nil {
			row.Rendered, _ = strconv.Atoi(m[1])
		}
		if m := renderedRe.FindStringSubmatch(stdout); m != nil {
			row.Rendered, _ = strconv.Atoi(m[2])
		}
		if m := summaryRe.FindStringSubmatch(stdout); m != nil {
			row.Files, _ = strconv.Atoi(m[1])
			row.Written, _ = strconv.Atoi(m[2])
		}
		c.logf("  %s, tree peak %d MiB, rendered %d, wrote %d of %d files", s, tree>>20, row.Rendered, row.Written, row.Files)
		rows = append(rows, row)
		return nil
	}
	if err := run("fresh", filepath.Join(base, "fresh"), now1, "--no-cache"); err != nil {
		return rows, err
	}
	os.RemoveAll(filepath.Join(base, "fresh"))
	if err := run("first cached", out, now1, "--cache-dir", cache); err != nil {
		return rows, err
	}
	if err := run("unchanged", out, now1, "--cache-dir", cache); err != nil {
		return rows, err
	}
	edited, err := editOne(filepath.Join(site, "content"), policy)
	if err != nil {
		return rows, err
	}
	err = run("one edit", out, now1, "--cache-dir", cache)
	if e := edited(); err == nil {
		err = e
	}
	if err != nil {
		return rows, err
	}
	if err := run("--now step", out, now2, "--cache-dir", cache); err != nil {
		return rows, err
	}
	return rows, nil
}

// editOne appends a sentence to the body of one content page (not skip)
// and returns a function that puts it back.
func editOne(content, skip string) (func() error, error) {
	var files []string
	filepath.WalkDir(content, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, "_index.md") && p != skip {
			files = append(files, p)
		}
		return nil
	})
	if len(files) == 0 {
		return nil, fmt.Errorf("no page to edit in %s", content)
	}
	sort.Strings(files)
	f := files[len(files)/2]
	old, err := os.ReadFile(f)
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(f, append(bytes.Clone(old), "\n\n本段为基准测试的修改。\n"...), 0o644); err != nil {
		return nil, err
	}
	return func() error { return os.WriteFile(f, old, 0o644) }, nil
}

// CacheReport is the Markdown section of the cache benchmark.
func CacheReport(rows []CacheRow, machine []string, command, part string) string {
	var b strings.Builder
	w := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	if part == "" {
		w("## 构建缓存 / Build cache (issue 16)\n\n")
	} else {
		w("### 构建缓存：%s / Build cache: %s\n\n", part, part)
	}
	w("<!-- 本节由 %s 生成，重新运行会覆盖本节。 Generated by the cache benchmark. -->\n\n", "cache-bench")
	w("重新测量 (rerun)：`%s`\n\n", command)
	w("**方法 (method)**：默认主题的生成站点（`tools/bench/gen.go`，与上表同一种子；真实法规站点由语料循环而成）。每个站点依次：全新构建（`--no-cache`，空输出文件夹）、第一次带缓存的构建（缓存为空）、内容不变再构建一次、改一页正文后再构建、`--now` 前进 24 小时跨过一个政策文件的施行日（基准把一个政策文件的 effective 改到前后一天都没有其他日期的一天，`--now` 从这一天的前一天中午走到这一天中午）。输出和缓存都在 tmpfs 上。墙钟 = 进程起止；CPU = 用户态 + 内核态（rusage，含子进程）；进程树峰值内存 = 每 10 毫秒对 fazhi 及其子进程（Pagefind）的 RSS 求和取最大值（与 rusage Maxrss 取大者）。每项只测一次（共享的 2 核机器上，大站点只在最后测一次）。\n\n")
	w("Method: default-theme generated sites; fresh build (--no-cache), first cached build, unchanged rebuild, one edited page, and a --now step of 24 hours across the day one policy comes into force. Outputs and cache on a tmpfs. Peak memory is the summed RSS of fazhi and its children (Pagefind), sampled every 10 ms. One run each.\n\n")
	w("**机器 (machine)**\n\n")
	for _, m := range machine {
		w("- %s\n", m)
	}
	w("\n| 页数 pages | 站点 site | 搜索 search | 构建 build | 墙钟 wall (s) | CPU (s) | 进程树峰值内存 peak RSS (MiB) | 墙钟/全新 wall ratio | 内存/全新 memory ratio | 重新生成的内容页 pages rendered | 新写入文件 files written |\n")
	w("|---:|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n")
	fresh := map[string]CacheRow{}
	for _, r := range rows {
		key := fmt.Sprintf("%s-%d-%v", r.Site, r.Pages, r.Search)
		if r.Build == "fresh" {
			fresh[key] = r
		}
		f := fresh[key]
		ratio, mem := "", ""
		if r.Build != "fresh" && f.Sample.Wall > 0 {
			ratio = fmt.Sprintf("%.2f", r.Sample.Wall.Seconds()/f.Sample.Wall.Seconds())
			mem = fmt.Sprintf("%.2f", float64(r.TreeRSS)/float64(f.TreeRSS))
			if r.Build != "first cached" {
				ratio = "**" + ratio + "**"
			}
		}
		site := "合成 synthetic"
		if r.Site == "statutes" {
			site = "真实法规 statutes"
		}
		search := "否 off"
		if r.Search {
			search = "是 on"
		}
		w("| %s | %s | %s | %s | %.2f | %.2f | %d | %s | %s | %s | %s |\n", commas(r.Pages), site, search, r.Build,
			r.Sample.Wall.Seconds(), r.Sample.CPU.Seconds(), r.TreeRSS>>20, ratio, mem, commas(r.Rendered), commas(r.Written))
	}
	w("\n目标 (targets, 10,000 pages, search off)：内容不变 ≤ 0.15×、改一页 ≤ 0.25×、`--now` 跨过一个政策的施行日 ≤ 0.25× 全新构建的墙钟；带缓存的构建峰值内存 ≤ 全新构建。\n")
	return b.String()
}

// CacheRatios prints the target ratios of the rows.
func CacheRatios(rows []CacheRow) string {
	var b strings.Builder
	fresh := map[string]CacheRow{}
	for _, r := range rows {
		key := fmt.Sprintf("%s %d pages search=%v", r.Site, r.Pages, r.Search)
		if r.Build == "fresh" {
			fresh[key] = r
			continue
		}
		f := fresh[key]
		if f.Sample.Wall == 0 {
			continue
		}
		fmt.Fprintf(&b, "%-36s %-13s wall %.2fs = %.3f× fresh, peak %d MiB = %.2f× fresh, rendered %d\n", key, r.Build,
			r.Sample.Wall.Seconds(), r.Sample.Wall.Seconds()/f.Sample.Wall.Seconds(), r.TreeRSS>>20, float64(r.TreeRSS)/float64(f.TreeRSS), r.Rendered)
	}
	return b.String()
}

// commas writes n with thousands separators.
func commas(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// WriteCacheSection puts the section into the report file, replacing an
// earlier one of the same part (between its markers) and keeping
// everything else. Parts let runs of different sites or modes (search on,
// which takes long) be measured and written separately.
func WriteCacheSection(file, part, section string) error {
	tag := "cache-bench"
	if part != "" {
		tag += ":" + part
	}
	start, end := "<!-- "+tag+" start -->", "<!-- "+tag+" end -->"
	old, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	s := string(old)
	block := start + "\n" + section + end + "\n"
	if i := strings.Index(s, start); i >= 0 {
		if j := strings.Index(s, end); j > i {
			s = s[:i] + block + s[j+len(end)+1:]
			return os.WriteFile(file, []byte(s), 0o644)
		}
	}
	s = strings.TrimRight(s, "\n") + "\n\n" + block
	return os.WriteFile(file, []byte(s), 0o644)
}
