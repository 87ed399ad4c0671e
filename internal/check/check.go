package check

import (
	"context"
	"errors"
	"io/fs"
	"sort"
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
}

// Failed reports whether the check should fail: an error-level finding or
// a veto.
func (r *Report) Failed() bool { return r.Errors > 0 || len(r.Vetoes) > 0 }

// checker holds what every rule needs.
type checker struct {
	o        Options
	cfg      *config.Config
	site     *site.Site
	rendered map[string]*markup.Rendered
	files    map[string][]byte // the built output
	siteTOML *tomlpos.Index    // key lines of site.toml
	levels   map[string]diag.Level
	out      []diag.Error
	vetoes   []Veto
	raw      map[string][]byte // content files read so far

	cal          *legal.Calendar // see calendar
	missingYears map[int]bool    // years counted without a holiday notice
}

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
	c := &checker{o: o, levels: map[string]diag.Level{}, raw: map[string][]byte{}}
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
		c.checkJiedu, c.checkHearings, c.checkPersonal, c.checkWording, c.reportHolidays, c.checkStatic, c.checkInlineScript,
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

func (c *checker) add(e diag.Error) { c.out = append(c.out, e) }

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
	for _, f := range r.Findings {
		if f.Level == diag.LevelWarning {
			r.Warnings++
		} else {
			r.Errors++
		}
	}
	return r
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
