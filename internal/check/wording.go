package check

import (
	"errors"
	"io/fs"

	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/lint"
)

// WordListFile is the site's own word list, merged with the built-in one.
const WordListFile = "data/wordlist.toml"

// wordList returns the built-in list merged with the site's; problems in
// the site's file are reported at their line.
func (c *checker) wordList() *lint.WordList {
	list := lint.DefaultWordList()
	data, err := fs.ReadFile(c.o.Source, WordListFile)
	if err != nil {
		return list
	}
	own, err := lint.ParseWordList(data)
	if err != nil {
		errs := []error{err}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			errs = j.Unwrap()
		}
		for _, e := range errs {
			var we *lint.WordListError
			if errors.As(e, &we) {
				c.add(diag.Error{File: WordListFile, Line: we.Line, Level: diag.LevelError, Rule: RuleWording,
					Msg: "词表有误：" + we.Msg})
				continue
			}
			c.add(diag.Error{File: WordListFile, Level: diag.LevelError, Rule: RuleWording, Msg: "词表有误：" + e.Error()})
		}
		return list
	}
	return list.Merge(own)
}

// checkWording runs wording on the whole file of every live page. Each
// entry's own level applies unless [check] sets wording.
func (c *checker) checkWording() {
	if c.level(RuleWording) == diag.LevelOff {
		return
	}
	list := c.wordList()
	for _, p := range sortedPages(c.site.ByPath) {
		if c.stopped() {
			return
		}
		if p.File.Path == "" {
			continue
		}
		file := p.SourcePath()
		for _, f := range list.Scan(string(c.source(file))) {
			lvl := diag.LevelWarning
			if f.Level == lint.Error {
				lvl = diag.LevelError
			}
			if c.configured(RuleWording) {
				lvl = c.level(RuleWording)
			}
			c.add(diag.Error{File: file, Line: f.Line, Col: f.Col, Level: lvl, Rule: RuleWording, Msg: f.Message})
		}
	}
}
