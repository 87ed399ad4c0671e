package check

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"time"

	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/config"
	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/legal"
	"github.com/fazhi-dev/fazhi/internal/markup"
	"github.com/fazhi-dev/fazhi/internal/publish"
	"github.com/fazhi-dev/fazhi/internal/scss"
	"github.com/fazhi-dev/fazhi/internal/site"
	"github.com/fazhi-dev/fazhi/internal/tomlpos"
)

// Options configures one check.
type Options struct {
	// Source is the site folder: site.toml, content/, data/, layouts/ ….
	Source fs.FS
	// Theme is the default theme under the site's own folders; may be nil.
	Theme fs.FS
	// Now is the time of the inspection (default: time.Now()). Freshness,
	// future dates and notice periods are judged at this time.
	Now time.Time
	// Drafts, Future and Expired include pages that are otherwise left
	// out, as with fazhi build.
	Drafts, Future, Expired bool
}

// Veto is a 单项否决 item: one is enough to fail an inspection.
type Veto struct {
	// Rule is the rule id that raised the veto ("home-stale", …).
	Rule string
	// Message says in Chinese what the inspector would write.
	Message string
}

// Report is the outcome of a check.
type Report struct {
	// Findings are sorted by file, line and column.
	Findings []diag.Error
	// Vetoes are the 单项否决 items found.
	Vetoes []Veto
	// Errors and Warnings count the findings by level.
	Errors, Warnings int
	// URLs maps the content file of a finding ("content/a.md") to the URL
	// of its page ("/a/"), when the file is a page of the site.
	URLs map[string]string
}

// Failed reports whether the check should fail: an error-level finding or
// a veto.
func (r *Report) Failed() bool { return r.Errors > 0 || len(r.Vetoes) > 0 }

// checker holds what every rule needs.
type checker struct {
	ctx      context.Context
	o        Options
	cfg      *config.Config
	site     *site.Site
	rendered map[string]*markup.Rendered
	files    map[string][]byte // the built output
	siteTOML *tomlpos.Index    // key lines of site.toml
	levels   map[string]diag.Level
	out      []diag.Error
	vetoes   []Veto
	raw      map[string][]byte   // content files read so far
	lines    map[string][]string // their lines, split once
	// kept counts the findings kept per file and rule, omitted those
	// dropped past MaxFindingsPerFile (by file).
	kept    map[[2]string]int
	omitted map[string]omission

	cal          *legal.Calendar // see calendar
	missingYears map[int]bool    // years counted without a holiday notice
}

// MaxFindingsPerFile is the most findings listed for one file: a file
// with 200,000 identity numbers gets this many and one line saying how
// many more there are, not a report nobody can read.
const MaxFindingsPerFile = 100

// omission is what was left out for one file.
type omission struct {
	errors, warnings int
}

func (o omission) n() int { return o.errors + o.warnings }

// Run builds the site in memory and runs every rule on it. The build uses
// a fake Sass compiler that copies the SCSS unchanged, so stylesheets are
// not checked here (fazhi build compiles and checks them). When the build
// fails, its errors are returned as findings of rule "build" and no other
// rule runs. The error result is only for failures that are not about the
// site's content (a cancelled context).
func Run(ctx context.Context, o Options) (*Report, error) {
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	mem := publish.NewMem(nil)
	res, err := build.Build(ctx, build.Options{
		Source: o.Source, Theme: o.Theme, Out: mem, Now: o.Now, Sass: scss.Fake{},
		Drafts: o.Drafts, Future: o.Future, Expired: o.Expired, Collect: true,
	})
	c := &checker{ctx: ctx, o: o, levels: map[string]diag.Level{}, raw: map[string][]byte{},
		lines: map[string][]string{}, kept: map[[2]string]int{}, omitted: map[string]omission{}}
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil && errors.Is(err, ctxErr) {
			return nil, err
		}
		for _, e := range diag.Errors(err) {
			c.add(diag.Error{File: e.File, Line: e.Line, Col: e.Col, Level: diag.LevelError, Rule: RuleBuild, Msg: e.Msg})
		}
		return c.report(), nil
	}
	c.cfg, c.site, c.rendered, c.files = res.Config, res.Site, res.Rendered, mem.Files()
	for _, w := range res.Warnings {
		c.add(diag.Error{File: w.File, Line: w.Line, Col: w.Col, Level: diag.LevelWarning, Rule: RuleBuild, Msg: w.Msg})
	}
	src, _ := fs.ReadFile(o.Source, config.FileName)
	c.siteTOML = tomlpos.New(src)
	c.readLevels()
	for _, rule := range []func(){
		c.checkLinks, c.checkFreshness, c.checkEmpty, c.checkFutureDates, c.checkIdentity,
		c.checkJiedu, c.checkHearings, c.checkPersonal, c.checkWording, func() { c.checkEnforcement(res.Enforcement) },
		c.reportHolidays, c.checkStatic, c.checkInlineScript,
		c.checkNormative, c.checkReports,
		c.checkConsultations,
	} {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rule()
	}
	return c.report(), nil
}

// readLevels applies the [check] table of site.toml; unknown rule ids are
// reported so that a misspelt id does not pass in silence.
func (c *checker) readLevels() {
	ids := make([]string, 0, len(c.cfg.Check.Rules))
	for id := range c.cfg.Check.Rules {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		lvl, _ := diag.ParseLevel(c.cfg.Check.Rules[id])
		if _, known := Rules[id]; !known {
			c.add(diag.Error{File: config.FileName, Line: c.siteTOML.Line("check." + id), Level: diag.LevelWarning, Rule: RuleCheckConfig,
				Msg: "[check] 中的「" + id + "」不是已知的检查规则，这一行不起作用：规则名称见 fazhi check 的文档（如 link-broken、column-stale） (unknown rule id)"})
			continue
		}
		c.levels[id] = lvl
	}
}

// level returns the level of rule: the site's setting, or its default.
func (c *checker) level(rule string) diag.Level {
	if l, ok := c.levels[rule]; ok {
		return l
	}
	return Rules[rule].Level
}

// configured reports whether the site set rule's level in [check].
func (c *checker) configured(rule string) bool {
	_, ok := c.levels[rule]
	return ok
}

// find reports a finding at its rule's level unless the rule is off.
func (c *checker) find(file string, line, col int, rule, msg string) {
	lvl := c.level(rule)
	if lvl == diag.LevelOff {
		return
	}
	c.add(diag.Error{File: file, Line: line, Col: col, Level: lvl, Rule: rule, Msg: msg})
}

// veto records a 单项否决 item when its rule is at level error; a veto rule
// set to "warning" is reported as a warning finding instead, and "off"
// drops it.
func (c *checker) veto(rule, file string, line int, msg string) {
	switch c.level(rule) {
	case diag.LevelOff:
	case diag.LevelWarning:
		c.add(diag.Error{File: file, Line: line, Level: diag.LevelWarning, Rule: rule, Msg: msg})
	default:
		c.vetoes = append(c.vetoes, Veto{Rule: rule, Message: msg})
	}
}

// vetoOnly records a veto for a rule that also reports a finding of its
// own: only at level error.
func (c *checker) vetoOnly(rule, msg string) {
	if c.level(rule) == diag.LevelError {
		c.vetoes = append(c.vetoes, Veto{Rule: rule, Message: msg})
	}
}

// add records a finding; past MaxFindingsPerFile of one rule in one file
// it is only counted.
func (c *checker) add(e diag.Error) {
	if e.File != "" {
		k := [2]string{e.File, e.Rule}
		if c.kept[k] >= MaxFindingsPerFile {
			c.omit(e.File, e.Level)
			return
		}
		c.kept[k]++
	}
	c.out = append(c.out, e)
}

func (c *checker) omit(file string, level diag.Level) {
	o := c.omitted[file]
	if level == diag.LevelWarning {
		o.warnings++
	} else {
		o.errors++
	}
	c.omitted[file] = o
}

// stopped reports whether the check was cancelled (Ctrl-C): every loop
// over pages asks it, and Run returns the context's error.
func (c *checker) stopped() bool { return c.ctx.Err() != nil }

func (c *checker) report() *Report {
	r := &Report{Findings: c.out, Vetoes: c.vetoes}
	sort.SliceStable(r.Findings, func(i, j int) bool {
		a, b := r.Findings[i], r.Findings[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Msg < b.Msg
	})
	r.Findings = c.capPerFile(r.Findings)
	r.URLs = c.pageURLs(r.Findings)
	for _, f := range r.Findings {
		if f.Rule == RuleOmitted {
			// the findings it stands for are counted, not the line
			o := c.omitted[f.File]
			r.Errors += o.errors
			r.Warnings += o.warnings
			continue
		}
		if f.Level == diag.LevelWarning {
			r.Warnings++
		} else {
			r.Errors++
		}
	}
	return r
}

// capPerFile keeps the first MaxFindingsPerFile findings of each file
// (sorted by position) and ends each file that had more with one line
// saying how many were left out.
func (c *checker) capPerFile(sorted []diag.Error) []diag.Error {
	out := sorted[:0:0]
	for i := 0; i < len(sorted); {
		j := i
		for j < len(sorted) && sorted[j].File == sorted[i].File {
			j++
		}
		file := sorted[i].File
		keep := j - i
		if file != "" && keep > MaxFindingsPerFile {
			for _, f := range sorted[i+MaxFindingsPerFile : j] {
				c.omit(file, f.Level)
			}
			keep = MaxFindingsPerFile
		}
		out = append(out, sorted[i:i+keep]...)
		if o := c.omitted[file]; file != "" && o.n() > 0 {
			level := diag.LevelWarning
			if o.errors > 0 {
				level = diag.LevelError
			}
			out = append(out, diag.Error{File: file, Level: level, Rule: RuleOmitted, Msg: fmt.Sprintf(
				"… 还有 %d 条问题没有列出：每个文件最多列出 %d 条，请先改正上面这些，再运行 fazhi check (%d more findings omitted)",
				o.n(), MaxFindingsPerFile, o.n())})
		}
		i = j
	}
	return out
}

// sourceLines returns the lines of a file of the site folder, split once.
func (c *checker) sourceLines(file string) []string {
	if l, ok := c.lines[file]; ok {
		return l
	}
	l := strings.Split(string(c.source(file)), "\n")
	c.lines[file] = l
	return l
}

// source returns the text of a file of the site folder ("content/a.md"),
// read once.
func (c *checker) source(file string) []byte {
	if b, ok := c.raw[file]; ok {
		return b
	}
	b, _ := fs.ReadFile(c.o.Source, file)
	c.raw[file] = b
	return b
}

// date formats a day as authors write it.
func date(t time.Time) string { return t.Format("2006-01-02") }
