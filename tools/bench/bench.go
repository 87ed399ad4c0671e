package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/fazhi-dev/fazhi/internal/fazhitest"
	"github.com/fazhi-dev/fazhi/internal/scss"
)

// Marker separates this generated section of docs/benchmarks.md from the
// sections others append; everything after it is kept when the file is
// written again.
const Marker = "<!-- other sections below -->"

// HugoInstall tells how to get Hugo when it is missing. Without
// recommends: Debian's recommends would put an old Go on PATH.
const HugoInstall = "apt-get install --no-install-recommends hugo"

// Config is one benchmark run.
type Config struct {
	// Root is the repository root (where go.mod is).
	Root string
	// Sizes are the synthetic site sizes; CorpusSizes the real-statute ones.
	Sizes, CorpusSizes []int
	// Runs is the number of runs per tool and size; BigRuns, when set,
	// replaces it for sizes of 50,000 pages and more; ExtraRuns is the
	// number of minify and precompress builds (default 1: precompressing
	// is slow).
	Runs, BigRuns, ExtraRuns int
	// Out is the Markdown file to write ("" writes nothing).
	Out string
	// Quick measures only 1,000 synthetic pages once.
	Quick bool
	// Work keeps generated sites and outputs (default: a folder under the
	// system temporary folder, reused between runs).
	Work string
	// OutRoot is where the builds write (default: out/ under Work). A
	// folder on another file system, such as a tmpfs, measures the tools
	// without the costs of the disk's file system.
	OutRoot string
	// Corpus is the statute folder (default ../shared/corpus/laws from Root).
	Corpus string
	// Seed of the synthetic generator.
	Seed uint64
	// NoHugo skips Hugo even when it is installed; NoExtras skips the
	// incremental and post-processing measurements; NoProfile skips the
	// in-process CPU profile of the target build (never made with Quick).
	NoHugo, NoExtras, NoProfile bool
	// ProfileVariant is the fazhi tree profiled: VariantMinimal (default)
	// or VariantTheme.
	ProfileVariant string
	// DeletedWait is the pause after deleting a set's outputs, before the
	// next set (see DefaultDeletedWait; 0 does not wait, as with Quick).
	DeletedWait time.Duration
	// Exe is the program started with -floor for the floor (default: this
	// executable).
	Exe string
	// Log receives progress lines.
	Log func(format string, args ...any)
}

// Sample is one measured process.
type Sample struct {
	Wall, CPU time.Duration
	// Sys is the part of CPU spent in the kernel (creating files and
	// folders, reading, faulting memory in).
	Sys time.Duration `json:",omitempty"`
	RSS int64         // peak resident set, bytes
}

// Set is one site measured with every tool.
type Set struct {
	Name    string // "synthetic" or "statutes"
	Pages   int
	Bytes   int64 // Markdown bytes of the fazhi tree
	Samples map[string][]Sample
	// Output is what each tool wrote in its last run.
	Output map[string]OutputSize `json:",omitempty"`
}

// OutputSize counts the files of an output folder.
type OutputSize struct {
	Files, HTMLFiles int
	Bytes, HTMLBytes int64
}

// Tools, in the order they are run and shown. ToolFazhi, fazhi with
// minimal layouts equivalent to Hugo's, is the row the ratios against
// Hugo and the floor and the targets use; ToolFazhiHTML is the same build
// with urlStyle = "html" (one file per page, as the floor writes), run on
// the real-statute sites; ToolFazhiTheme, fazhi with its full default
// theme, is shown for information.
const (
	ToolFazhi      = "fazhi (minimal layouts)"
	ToolFazhiHTML  = "fazhi (minimal layouts, urlStyle html)"
	ToolFazhiTheme = "fazhi (default theme)"
	ToolHugo       = "Hugo (minimal layouts)"
	ToolFloor      = "goldmark floor"
)

// Tools lists the tools in the order they are run and shown.
var Tools = []string{ToolFazhi, ToolFazhiHTML, ToolFazhiTheme, ToolHugo, ToolFloor}

// Variants of the fazhi tree of a generated site.
const (
	VariantMinimal = "minimal"
	VariantTheme   = "theme"
)

// variantDir is the fazhi tree of a variant.
func variantDir(variant string) string {
	if variant == VariantTheme {
		return FazhiDir
	}
	return FazhiMinDir
}

// Extra is one additional measurement on a built site.
type Extra struct {
	Name    string
	Variant string // the fazhi tree measured: minimal or theme
	Pages   int
	Wall    time.Duration // median
	Runs    int
	Base    time.Duration // median of the plain build, for the extra time
	Files   int           // files in the output
	Writes  int           // files written again (incremental)
	Note    string
}

// Report is what Run measured.
type Report struct {
	Machine []string
	Sets    []*Set
	Extras  []Extra
	Runs    int
	BigRuns int
	Quick   bool
	Hugo    bool
	Notes   []string
	// Load is the load average (1, 5, 15 minutes) at the start and at
	// the end of the measurements.
	Load []string `json:",omitempty"`
	// Profiles are in-process CPU profiles of the target build and of the
	// largest synthetic build.
	Profiles []*ProfileResult
	// FreshFolders is set when every run wrote to a new folder. Then
	// KeptOutputs says that no output was deleted before the last
	// measurement; without it, a set's outputs were deleted after its
	// last run, followed by a pause of DeletedWait. Older reports deleted
	// each tool's output just before its next run.
	FreshFolders bool `json:",omitempty"`
	KeptOutputs  bool `json:",omitempty"`
	// OutRoot is the output folder when it was not the default one.
	OutRoot     string        `json:",omitempty"`
	OutFS       string        `json:",omitempty"` // the output folder's file system
	DeletedWait time.Duration `json:",omitempty"`
}

// RepoRoot returns the repository root (see fazhitest.Root).
func RepoRoot() (string, error) { return fazhitest.Root() }

// FindSass finds Dart Sass as fazhi does from the repository root.
func FindSass(root string) (string, error) {
	p, err := scss.Program.InRepo(root)
	if err != nil {
		return "", err
	}
	return filepath.Abs(p)
}

func (c *Config) logf(format string, args ...any) {
	if c.Log != nil {
		c.Log(format, args...)
	}
}

func (c *Config) defaults() error {
	if c.Root == "" {
		r, err := RepoRoot()
		if err != nil {
			return err
		}
		c.Root = r
	}
	if c.Quick {
		c.Sizes, c.CorpusSizes, c.Runs, c.BigRuns = []int{1000}, nil, 1, 1
		c.DeletedWait = 0
	}
	if c.Runs < 1 {
		c.Runs = 1
	}
	if c.ExtraRuns < 1 {
		c.ExtraRuns = 1
	}
	if c.Seed == 0 {
		c.Seed = 20261127
	}
	if c.ProfileVariant == "" {
		c.ProfileVariant = VariantMinimal
	}
	if c.ProfileVariant != VariantMinimal && c.ProfileVariant != VariantTheme {
		return fmt.Errorf("profile variant %q: want %s or %s", c.ProfileVariant, VariantMinimal, VariantTheme)
	}
	if c.Corpus == "" {
		c.Corpus = filepath.Join(c.Root, filepath.FromSlash(DefaultCorpus))
	}
	if c.Work == "" {
		c.Work = filepath.Join(os.TempDir(), "fazhi-bench")
	}
	if c.Exe == "" {
		exe, err := os.Executable()
		if err != nil {
			return err
		}
		c.Exe = exe
	}
	return os.MkdirAll(c.Work, 0o755)
}

func (c *Config) runsFor(pages int) int {
	if pages >= 50000 && c.BigRuns > 0 {
		return c.BigRuns
	}
	return c.Runs
}

// Run builds fazhi, generates the sites, measures every tool and writes
// the report.
func Run(ctx context.Context, c Config) error {
	if err := c.defaults(); err != nil {
		return err
	}
	rep := &Report{Runs: c.Runs, BigRuns: c.BigRuns, Quick: c.Quick, FreshFolders: true}
	sass, err := FindSass(c.Root)
	if err != nil {
		return fmt.Errorf("Dart Sass is needed for fazhi builds (run make tools): %w", err)
	}
	bin := filepath.Join(c.Work, "bin", "fazhi")
	c.logf("building %s", bin)
	gobin := goTool()
	cmd := exec.CommandContext(ctx, gobin, "build", "-o", bin, "./cmd/fazhi")
	cmd.Dir = c.Root
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build ./cmd/fazhi: %v\n%s", err, out)
	}
	hugo := ""
	if !c.NoHugo {
		if p, err := exec.LookPath("hugo"); err == nil {
			hugo = p
		} else {
			msg := "Hugo is not installed; install it with: " + HugoInstall
			c.logf("%s", msg)
			rep.Notes = append(rep.Notes, "本次未安装 Hugo，未与 Hugo 比较。安装：`"+HugoInstall+"` (Hugo not installed)")
		}
	}
	rep.Hugo = hugo != ""
	rep.Machine = machine(ctx, gobin, hugo, sass)
	rep.Machine = append(rep.Machine, "源码 source: "+source(ctx, c.Root))
	env := append(os.Environ(), scss.EnvVar+"="+sass, scss.CacheEnv+"="+filepath.Join(c.Work, "fazhi-cache"))
	rep.Load = append(rep.Load, "开始 start "+LoadAvg())

	type job struct {
		name  string
		pages int
	}
	var jobs []job
	for _, n := range c.Sizes {
		jobs = append(jobs, job{"synthetic", n})
	}
	if len(c.CorpusSizes) > 0 {
		if st, err := os.Stat(c.Corpus); err == nil && st.IsDir() {
			for _, n := range c.CorpusSizes {
				jobs = append(jobs, job{"statutes", n})
			}
		} else {
			c.logf("statute corpus %s not found: skipping real-statute sizes", c.Corpus)
			rep.Notes = append(rep.Notes, "未找到法规语料（"+DefaultCorpus+"），只测了合成站点 (statute corpus not found)")
		}
	}
	outRoot := c.OutRoot
	if outRoot == "" {
		outRoot = filepath.Join(c.Work, "out")
	}
	if err := os.MkdirAll(filepath.Dir(outRoot), 0o755); err != nil {
		return err
	}
	rep.OutRoot, rep.OutFS = c.OutRoot, fsName(filepath.Dir(outRoot))
	outs := &outputs{root: outRoot, wait: c.DeletedWait, log: c.logf}
	if rep.OutFS == "tmpfs" {
		outs.wait = 0 // a tmpfs reuses freed inodes at once
	}
	rep.DeletedWait = outs.wait
	if err := outs.reset(); err != nil {
		return err
	}
	defer outs.finish()
	var pageRuns int64
	for _, j := range jobs {
		pageRuns += int64(j.pages * c.runsFor(j.pages))
	}
	keep, need, free := roomToKeep(filepath.Dir(outRoot), pageRuns)
	outs.keep, rep.KeptOutputs = keep, keep
	if !keep {
		c.logf("%d MiB free, about %d MiB needed to keep every output: deleting each set's outputs and waiting %s instead", free>>20, need>>20, outs.wait)
	}
	// The incremental and post-processing builds come after every set:
	// the unchanged rebuild deletes the tree it replaces, and no measured
	// run of a set should follow a deletion.
	runExtras := func(set *Set, theme string) error {
		ex, err := c.extras(ctx, set, theme, bin, env, outs)
		rep.Extras = append(rep.Extras, ex...)
		return err
	}
	var extrasSet *Set
	var extrasOut string
	for i, j := range jobs {
		set, theme, err := c.measureSet(ctx, j.name, j.pages, bin, hugo, env, outs)
		if err != nil {
			return err
		}
		rep.Sets = append(rep.Sets, set)
		if !c.NoExtras && j.name == "synthetic" && j.pages == extrasSize(c) {
			// Without kept outputs they must run now: setDone deletes the
			// theme output they rebuild on.
			if keep {
				extrasSet, extrasOut = set, theme
			} else if err := runExtras(set, theme); err != nil {
				return err
			}
		}
		if i < len(jobs)-1 {
			outs.setDone()
		}
	}
	if extrasSet != nil {
		if err := runExtras(extrasSet, extrasOut); err != nil {
			return err
		}
	}
	rep.Load = append(rep.Load, "结束 end "+LoadAvg())
	if !c.Quick && !c.NoProfile {
		c.AddProfile(ctx, rep)
	}
	if b, err := json.MarshalIndent(rep, "", " "); err == nil {
		p := filepath.Join(c.Work, "report.json")
		if os.WriteFile(p, b, 0o644) == nil {
			c.logf("raw results in %s (fazhi-bench -from-json %s -out FILE writes the report again)", p, p)
		}
	}
	if c.Out == "" {
		return nil
	}
	return WriteReport(c.Out, rep)
}

// AddProfile profiles in-process builds of the report's target set (see
// Report.targetSet) and of the largest synthetic set when it has 50,000
// pages or more, and keeps the results in the report; a failure is logged,
// not returned.
func (c *Config) AddProfile(ctx context.Context, rep *Report) {
	var sets []*Set
	if s, _ := rep.targetSet(); s != nil {
		sets = append(sets, s)
	}
	var big *Set
	for _, s := range rep.Sets {
		if s.Name == "synthetic" && s.Pages >= 50000 && (big == nil || s.Pages > big.Pages) {
			big = s
		}
	}
	if big != nil && (len(sets) == 0 || sets[0] != big) {
		sets = append(sets, big)
	}
	rep.Profiles = nil
	for _, s := range sets {
		c.logf("profiling an in-process build of %s %d (%s)", s.Name, s.Pages, c.ProfileVariant)
		pr, err := Profile(ctx, *c, s.Name, s.Pages, filepath.Join(c.Work, "profile", fmt.Sprintf("%s-%d-%s", s.Name, s.Pages, c.ProfileVariant)))
		if err != nil {
			c.logf("profile failed: %v", err)
			continue
		}
		rep.Profiles = append(rep.Profiles, pr)
	}
}

// Rewrite writes the report of an earlier run from its report.json; with
// profile, it first profiles the target build again and saves the JSON.
func Rewrite(ctx context.Context, c Config, jsonPath, out string, profile bool) error {
	b, err := os.ReadFile(jsonPath)
	if err != nil {
		return err
	}
	var rep Report
	if err := json.Unmarshal(b, &rep); err != nil {
		return err
	}
	rep.upgrade()
	if profile {
		if err := c.defaults(); err != nil {
			return err
		}
		c.AddProfile(ctx, &rep)
		if b, err := json.MarshalIndent(&rep, "", " "); err == nil {
			os.WriteFile(jsonPath, b, 0o644)
		}
	}
	return WriteReport(out, &rep)
}

// upgrade renames the tools of a report.json written before the
// minimal-layout fazhi variant existed: its "fazhi" ran the default
// theme, its "Hugo" the minimal layouts.
func (rep *Report) upgrade() {
	for _, s := range rep.Sets {
		for old, now := range map[string]string{"fazhi": ToolFazhiTheme, "Hugo": ToolHugo} {
			if ss, ok := s.Samples[old]; ok {
				s.Samples[now] = ss
				delete(s.Samples, old)
			}
		}
	}
	for i := range rep.Extras {
		if rep.Extras[i].Variant == "" {
			rep.Extras[i].Variant = VariantTheme
		}
	}
}

// extrasSize is the synthetic size on which the incremental and
// post-processing builds are measured: 10,000 pages, or the largest size
// below it.
func extrasSize(c Config) int {
	best := 0
	for _, n := range c.Sizes {
		if n <= 10000 && n > best {
			best = n
		}
	}
	if best == 0 && len(c.Sizes) > 0 {
		best = c.Sizes[0]
	}
	return best
}

func goTool() string {
	if p, err := exec.LookPath("go"); err == nil {
		return p
	}
	return filepath.Join(runtime.GOROOT(), "bin", "go")
}

// siteDir returns the generated site for name and n, making it when the
// cached copy is missing or stale.
func (c *Config) siteDir(name string, n int) (string, Stats, error) {
	dir := filepath.Join(c.Work, "sites", fmt.Sprintf("%s-%d", name, n))
	stamp := fmt.Sprintf("gen %s %s %d %d\n", GenVersion, name, n, c.Seed)
	if name == "statutes" {
		stamp = fmt.Sprintf("gen %s %s %d %s\n", GenVersion, name, n, c.Corpus)
	}
	if b, err := os.ReadFile(filepath.Join(dir, ".stamp")); err == nil {
		if s, ok := strings.CutPrefix(string(b), stamp); ok {
			var st Stats
			if _, err := fmt.Sscan(s, &st.Pages, &st.Files, &st.Bytes); err == nil {
				c.logf("reusing %s", dir)
				if err := SetURLStyle(filepath.Join(dir, FazhiMinDir), ""); err != nil {
					return "", Stats{}, err
				}
				return dir, st, writeLayouts(dir)
			}
		}
	}
	if err := os.RemoveAll(dir); err != nil {
		return "", Stats{}, err
	}
	c.logf("generating %s (%d pages)", dir, n)
	var st Stats
	var err error
	if name == "statutes" {
		st, err = GenCorpus(dir, c.Corpus, n)
	} else {
		st, err = Generate(dir, n, c.Seed)
	}
	if err != nil {
		return "", Stats{}, err
	}
	err = os.WriteFile(filepath.Join(dir, ".stamp"), fmt.Appendf(nil, "%s%d %d %d\n", stamp, st.Pages, st.Files, st.Bytes), 0o644)
	return dir, st, err
}

// measureSet measures every tool on one generated site, each run writing
// to a new folder from outs. It returns the set and the last
// default-theme output, which the incremental build reuses.
func (c *Config) measureSet(ctx context.Context, name string, n int, bin, hugo string, env []string, outs *outputs) (*Set, string, error) {
	dir, st, err := c.siteDir(name, n)
	if err != nil {
		return nil, "", err
	}
	set := &Set{Name: name, Pages: st.Pages, Bytes: st.Bytes, Samples: map[string][]Sample{}, Output: map[string]OutputSize{}}
	prefix := fmt.Sprintf("%s-%d-", name, n)
	last := map[string]string{}
	type step struct {
		tool, label, out string
		run              func(out string) (Sample, error)
	}
	fazhi := func(tree string) func(string) (Sample, error) {
		return func(out string) (Sample, error) {
			s, _, err := c.fazhiBuild(ctx, bin, filepath.Join(dir, tree), out, env)
			return s, err
		}
	}
	steps := []step{{ToolFazhi, "fazhi minimal", "fazhi-min", fazhi(FazhiMinDir)}}
	if name == "statutes" {
		steps = append(steps, step{ToolFazhiHTML, "fazhi html", "fazhi-min-html", func(out string) (Sample, error) {
			return c.fazhiHTMLBuild(ctx, bin, filepath.Join(dir, FazhiMinDir), out, env)
		}})
	}
	steps = append(steps, step{ToolFazhiTheme, "fazhi theme", "fazhi", fazhi(FazhiDir)})
	if hugo != "" {
		steps = append(steps, step{ToolHugo, "Hugo", "hugo", func(out string) (Sample, error) {
			return c.hugoBuild(ctx, hugo, filepath.Join(dir, HugoDir), out)
		}})
	}
	steps = append(steps, step{ToolFloor, "floor", "floor", func(out string) (Sample, error) {
		return c.floorRun(ctx, filepath.Join(dir, FazhiDir, "content"), out)
	}})
	runs := c.runsFor(n)
	for r := range runs {
		c.logf("%s %d pages, run %d/%d", name, n, r+1, runs)
		// Each round starts one tool later, so that no tool always runs
		// right after the same other one (a large build leaves work for
		// the kernel that lands on whatever runs next).
		for k := range steps {
			st := steps[(r+k)%len(steps)]
			out, err := outs.fresh(prefix + st.out)
			if err != nil {
				return nil, "", err
			}
			s, err := st.run(out)
			if err != nil {
				return nil, "", err
			}
			set.Samples[st.tool] = append(set.Samples[st.tool], s)
			last[st.tool] = out
			c.logf("  %-14s %s", st.label, s)
		}
	}
	for tool, out := range last {
		set.Output[tool] = outputSize(out)
	}
	return set, last[ToolFazhiTheme], nil
}

func (s Sample) String() string {
	return fmt.Sprintf("wall %.2fs cpu %.2fs (sys %.2fs) rss %d MiB", s.Wall.Seconds(), s.CPU.Seconds(), s.Sys.Seconds(), s.RSS>>20)
}

var summaryRe = regexp.MustCompile(`文件 (\d+)：新写入 (\d+)，未变 (\d+)，删除 (\d+)`)

// fazhiBuild runs `fazhi build` into out. It returns the sample and the
// number of files and of files written.
func (c *Config) fazhiBuild(ctx context.Context, bin, site, out string, env []string) (Sample, [2]int, error) {
	cmd := exec.CommandContext(ctx, bin, "build", "-s", site, "-d", out, "--now", BuildNow.Format("2006-01-02"))
	cmd.Dir = c.Root
	cmd.Env = env
	s, stdout, err := measure(cmd)
	if err != nil {
		return s, [2]int{}, fmt.Errorf("fazhi build %s: %w", site, err)
	}
	var files [2]int
	if m := summaryRe.FindStringSubmatch(stdout); m != nil {
		files[0], _ = strconv.Atoi(m[1])
		files[1], _ = strconv.Atoi(m[2])
	}
	return s, files, nil
}

// fazhiHTMLBuild runs `fazhi build` of site with urlStyle =
// "html" and sets site.toml back afterwards.
func (c *Config) fazhiHTMLBuild(ctx context.Context, bin, site, out string, env []string) (Sample, error) {
	if err := SetURLStyle(site, "html"); err != nil {
		return Sample{}, err
	}
	s, _, err := c.fazhiBuild(ctx, bin, site, out, env)
	if err2 := SetURLStyle(site, ""); err == nil {
		err = err2
	}
	return s, err
}

func (c *Config) hugoBuild(ctx context.Context, hugo, site, out string) (Sample, error) {
	cache := filepath.Join(c.Work, "hugo-cache")
	cmd := exec.CommandContext(ctx, hugo, "--source", site, "--destination", out, "--cacheDir", cache,
		"--buildFuture", "--quiet", "--noBuildLock")
	cmd.Dir = site
	s, _, err := measure(cmd)
	if err != nil {
		return s, fmt.Errorf("hugo %s: %w", site, err)
	}
	return s, nil
}

func (c *Config) floorRun(ctx context.Context, content, out string) (Sample, error) {
	cmd := exec.CommandContext(ctx, c.Exe, "-floor", content, "-floor-out", out, "-floor-workers", "2")
	s, _, err := measure(cmd)
	if err != nil {
		return s, fmt.Errorf("floor %s: %w", content, err)
	}
	return s, nil
}

// outputSize counts the files under out (fazhi's hidden state beside it
// is not under it).
func outputSize(out string) OutputSize {
	var o OutputSize
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		o.Files++
		o.Bytes += info.Size()
		if strings.HasSuffix(p, ".html") {
			o.HTMLFiles++
			o.HTMLBytes += info.Size()
		}
		return nil
	})
	return o
}

// LoadAvg returns the three load averages of /proc/loadavg ("unknown"
// where it cannot be read).
func LoadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

// settle flushes the file system and waits a moment before a measured
// run, so that no run pays for writing back or deleting what the run
// before it left (every tool writes hundreds of megabytes).
func settle() {
	syscall.Sync()
	time.Sleep(time.Second)
}

// tailBuffer keeps the last 64 KiB written to it.
type tailBuffer struct{ b []byte }

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.b = append(t.b, p...)
	if len(t.b) > 64<<10 {
		t.b = append(t.b[:0], t.b[len(t.b)-(64<<10):]...)
	}
	return len(p), nil
}

// measure runs cmd and reads its wall time, CPU time and peak RSS from the
// kernel's accounting of the process (children it waited for included).
func measure(cmd *exec.Cmd) (Sample, string, error) {
	settle()
	var stdout bytes.Buffer
	var stderr tailBuffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return Sample{}, stdout.String(), fmt.Errorf("%v\n%s", err, stderr.b)
	}
	s := Sample{Wall: wall}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		s.CPU = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		s.Sys = time.Duration(ru.Stime.Nano())
		s.RSS = ru.Maxrss * 1024
	}
	return s, stdout.String(), nil
}

// extras measures, on the default-theme tree of the extras-size synthetic
// site (what a portal deploys): a rebuild with nothing changed (files
// written should be 0), and builds with minify and with precompress
// against the plain build.
func (c *Config) extras(ctx context.Context, set *Set, out, bin string, env []string, outs *outputs) ([]Extra, error) {
	dir, _, err := c.siteDir("synthetic", set.Pages)
	if err != nil {
		return nil, err
	}
	site := filepath.Join(dir, FazhiDir)
	var ex []Extra
	c.logf("incremental rebuild of %d pages", set.Pages)
	s, files, err := c.fazhiBuild(ctx, bin, site, out, env)
	if err != nil {
		return nil, err
	}
	c.logf("  unchanged rebuild %s, %d of %d files written", s, files[1], files[0])
	base := median(set.Samples[ToolFazhiTheme], wallOf)
	ex = append(ex, Extra{Name: "unchanged", Variant: VariantTheme, Pages: set.Pages, Wall: s.Wall, Runs: 1, Base: base,
		Files: files[0], Writes: files[1]})
	runs := c.ExtraRuns
	defer SetPostProcessing(site, false, false)
	variants := []struct {
		name         string
		minify, gzbr bool
	}{{"minify", true, false}, {"precompress", false, true}}
	if c.Quick {
		// Precompressing 1,000 pages takes minutes: not for a smoke test.
		variants = variants[:1]
	}
	for _, v := range variants {
		if err := SetPostProcessing(site, v.minify, v.gzbr); err != nil {
			return nil, err
		}
		var ss []Sample
		var n int
		for r := range runs {
			c.logf("%s build of %d pages, run %d/%d", v.name, set.Pages, r+1, runs)
			out, err := outs.fresh(fmt.Sprintf("synthetic-%d-%s", set.Pages, v.name))
			if err != nil {
				return nil, err
			}
			s, files, err := c.fazhiBuild(ctx, bin, site, out, env)
			if err != nil {
				return nil, err
			}
			c.logf("  %s", s)
			ss = append(ss, s)
			n = files[0]
		}
		ex = append(ex, Extra{Name: v.name, Variant: VariantTheme, Pages: set.Pages, Wall: median(ss, wallOf), Runs: runs,
			Base: base, Files: n})
	}
	if err := SetPostProcessing(site, false, false); err != nil {
		return nil, err
	}
	return ex, nil
}

func wallOf(s Sample) float64 { return s.Wall.Seconds() }
func cpuOf(s Sample) float64  { return s.CPU.Seconds() }
func rssOf(s Sample) float64  { return float64(s.RSS) }
func sysOf(s Sample) float64  { return s.Sys.Seconds() }

// median of f over samples, as a duration for wall and CPU seconds.
func median(ss []Sample, f func(Sample) float64) time.Duration {
	return time.Duration(medianF(ss, f) * float64(time.Second))
}

func medianF(ss []Sample, f func(Sample) float64) float64 {
	if len(ss) == 0 {
		return 0
	}
	v := make([]float64, len(ss))
	for i, s := range ss {
		v[i] = f(s)
	}
	sort.Float64s(v)
	if len(v)%2 == 1 {
		return v[len(v)/2]
	}
	return (v[len(v)/2-1] + v[len(v)/2]) / 2
}

// machine describes the computer and the tools' versions.
func machine(ctx context.Context, gobin, hugo, sass string) []string {
	var m []string
	model := "unknown"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
				model = strings.TrimSpace(v)
				break
			}
		}
	}
	mem := "unknown"
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(l, "MemTotal:"); ok {
				f := strings.Fields(v)
				if kb, err := strconv.ParseFloat(f[0], 64); err == nil {
					mem = fmt.Sprintf("%.1f GiB", kb/(1<<20))
				}
			}
		}
	}
	m = append(m, fmt.Sprintf("CPU: %s, nproc %d", model, runtime.NumCPU()))
	m = append(m, "内存 memory: "+mem)
	m = append(m, "Go: "+firstLine(ctx, gobin, "version"))
	if hugo != "" {
		m = append(m, "Hugo: "+firstLine(ctx, hugo, "version"))
	}
	m = append(m, "Dart Sass: "+firstLine(ctx, sass, "--version"))
	m = append(m, "日期 date: "+time.Now().UTC().Format("2006-01-02 15:04 UTC"))
	return m
}

// source names the commit the measured fazhi was built from, and whether
// the working tree had changes (read-only git commands).
func source(ctx context.Context, root string) string {
	out, err := exec.CommandContext(ctx, "git", "-C", root, "rev-parse", "--short", "HEAD").Output()
	if err != nil {
		return "unknown (not a git checkout)"
	}
	s := "commit " + strings.TrimSpace(string(out))
	if st, err := exec.CommandContext(ctx, "git", "-C", root, "status", "--porcelain", "--untracked-files=no").Output(); err == nil {
		if n := len(strings.Fields(strings.TrimSpace(string(st)))); n > 0 {
			s += "，工作区有未提交的改动 (uncommitted changes)"
		}
	}
	return s
}

func firstLine(ctx context.Context, name string, args ...string) string {
	out, err := exec.CommandContext(ctx, name, args...).Output()
	if err != nil {
		return "unknown"
	}
	l, _, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	return l
}
