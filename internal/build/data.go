package build

import (
	"errors"
	"io/fs"
	"path"
	"strings"

	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/enforcement"
	"github.com/fazhi-dev/fazhi/internal/site"
	"github.com/fazhi-dev/fazhi/internal/tabular"
)

// EnforcementData is the data file of one enforcement column as the
// build read it. Sheet holds the rows with their identity numbers: it is
// for checks (fazhi check) and never reaches a template.
type EnforcementData struct {
	// Column is the column's folder in content/ ("zhifa/chufa").
	Column string
	// Index is the column's _index.md in the site folder.
	Index string
	// Type is enforcement.Penalty or enforcement.Permit.
	Type string
	// File is the data file in the site folder ("data/chufa.xlsx").
	File string
	// Sheet is the table read (nil when the file could not be read).
	Sheet *enforcement.Sheet
	// Findings are what enforcement.Load found, errors and warnings.
	Findings []diag.Error
}

// readData reads the data file of every enforcement column (the sources
// of column indexes with kind = "enforcement") and checks its rows. An
// error in a row stops the build with the file, row and column; a late
// publication (enforcement.RuleLate) does not: it is a finding of fazhi
// check, and the row is published. Warnings (an unknown column, a
// minor's row) are kept as build warnings. With Options.Collect (fazhi
// check) no finding stops the build or becomes a build warning: the check
// reports them all, each under its rule.
func (b *builder) readData() error {
	b.decisions = map[string][]*enforcement.Decision{}
	b.res.Enforcement = nil
	var errs diag.List
	for _, src := range b.srcs {
		if !src.File.SectionIndex || src.Meta.Kind != site.TypeEnforcement {
			continue
		}
		index := "content/" + src.File.Path
		t, err := site.EnforcementTable(index, src.Meta)
		if err != nil {
			errs.Add(err)
			continue
		}
		ed := EnforcementData{Column: src.File.Dir, Index: index, Type: t.Type, File: t.Data}
		if other := b.otherCase(t.Data); other != "" {
			errs.Add(diag.New(index, src.Meta.Lines("enforcement.data"),
				"[enforcement] data = \"%s\" 与文件「%s」的大小写不同：Windows 上能读到，发布用的 Linux 服务器上读不到；请写 data = \"%s\" (file name differs in case)",
				src.Meta.Enforcement.Data, other, other))
			continue
		}
		sheet, findings, err := b.loadTable(t.Data, t.Sheet, t.Type)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				err = diag.New(index, src.Meta.Lines("enforcement.data"),
					"找不到数据文件 %s：请把表格放进站点的 data 文件夹，或改正 [enforcement] data 的文件名 (data file not found)", t.Data)
			}
			errs.Add(err)
			continue
		}
		ed.Sheet, ed.Findings = sheet, findings
		b.res.Enforcement = append(b.res.Enforcement, ed)
		b.decisions[src.File.Dir] = sheet.Decisions
		if b.o.Collect {
			// fazhi check reports every finding under its own rule, and
			// the rows without errors are built meanwhile.
			continue
		}
		for i := range findings {
			f := findings[i]
			switch {
			case f.Level == diag.LevelWarning:
				b.res.Warnings = append(b.res.Warnings, &f)
			case f.Rule != enforcement.RuleLate:
				errs = append(errs, &f)
			}
		}
	}
	return errs.Err()
}

// otherCase returns the name of the file beside file whose name differs
// from file's only in case, when file itself is not listed there: on
// Windows and macOS it would be read, on the Linux server that publishes
// the site it would not. "" otherwise.
func (b *builder) otherCase(file string) string {
	ents, err := fs.ReadDir(b.o.Source, path.Dir(file))
	if err != nil {
		return ""
	}
	base, other := path.Base(file), ""
	for _, e := range ents {
		switch {
		case e.Name() == base:
			return ""
		case other == "" && strings.EqualFold(e.Name(), base):
			other = e.Name()
		}
	}
	return other
}

// loadTable reads and checks one data file.
func (b *builder) loadTable(file, sheet, typ string) (*enforcement.Sheet, []diag.Error, error) {
	data, err := fs.ReadFile(b.o.Source, file)
	if err != nil {
		var de *diag.Error
		if errors.As(err, &de) {
			return nil, nil, err // a symbolic link leading out of data/
		}
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil, err
		}
		return nil, nil, diag.New(file, 0, "无法读取数据文件：%v", err)
	}
	t, err := tabular.Read(file, data, sheet)
	if err != nil {
		return nil, nil, err
	}
	s, findings := enforcement.Load(t, enforcement.Options{Type: typ, Periods: b.cfg.Legal.Periods()})
	return s, findings, nil
}
