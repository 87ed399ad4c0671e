package frontmatter

import (
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/fazhi-dev/fazhi/internal/config"
	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/tomlpos"
)

// Decode parses front matter fm of file. fmLine is the file line of the
// first front-matter line; loc is the site's time zone, in which dates
// without a zone are read. Unknown keys are errors naming key and line.
func Decode(file string, fm []byte, fmLine int, loc *time.Location) (*Meta, error) {
	m := &Meta{}
	src := string(fm)
	kl := &keyLines{src: src, offset: fmLine - 1}
	m.Lines = kl.line
	m.Cols = kl.col
	md, err := toml.Decode(src, m)
	if err != nil {
		return nil, config.DecodeError(file, kl.offset, err, kl.index(), src, m)
	}
	var errs diag.List
	for _, k := range md.Undecoded() {
		key := k.String()
		errs = append(errs, diag.New(file, m.Lines(key), "%s", unknownKeyMsg(key)))
	}
	if len(errs) > 0 {
		return nil, errs
	}
	for _, t := range m.times() {
		t.Time = config.InZone(t.Time, loc)
	}
	return m, nil
}

// keyLines finds the file line of a front-matter key. The key positions
// are only needed for a message about a key, which most pages never get,
// so the index is made on first use; until then a page keeps only its
// front-matter text (which the decoded strings share anyway).
type keyLines struct {
	src    string
	offset int // file line of the front matter's first line, minus one
	once   sync.Once
	idx    *tomlpos.Index
}

// index returns the key index, making it on first use.
func (k *keyLines) index() *tomlpos.Index {
	k.once.Do(func() { k.idx = tomlpos.New([]byte(k.src)) })
	return k.idx
}

// line returns the file line of key, or 0.
func (k *keyLines) line(key string) int {
	if l := k.index().Line(key); l > 0 {
		return l + k.offset
	}
	return 0
}

// col returns the column, in characters and 1-based, at which the value
// of key starts on its line, or 0.
func (k *keyLines) col(key string) int {
	l := k.index().Line(key)
	if l <= 0 {
		return 0
	}
	lines := strings.Split(k.src, "\n")
	if l > len(lines) {
		return 0
	}
	text := lines[l-1]
	i := strings.IndexByte(text, '=')
	if i < 0 {
		return 0
	}
	i++
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	return utf8.RuneCountInString(text[:i]) + 1
}

func unknownKeyMsg(key string) string {
	hint := "请检查拼写；可用的键见作者指南"
	switch {
	case key == "author" || key == "source" || key == "series":
		hint = fmt.Sprintf("%s 应写在 [article] 表中", key)
	case key == "issuer" || key == "docNumber" || key == "indexNumber":
		hint = fmt.Sprintf("%s 应写在 [policy] 表中", key)
	case key == "caseNumber" || key == "court" || key == "hearing":
		hint = fmt.Sprintf("%s 应写在 [notice] 表中", key)
	case key == "from" || key == "to" || key == "channel":
		hint = fmt.Sprintf("%s 应写在 [consultation] 表中", key)
	case key == "categories":
		hint = "请改用 tags = [\"…\"]"
	}
	return fmt.Sprintf("未知的前言键「%s」：%s (unknown front matter key %q)", key, hint, key)
}

func (m *Meta) times() []*Time {
	ts := []*Time{&m.Date, &m.Lastmod, &m.PublishDate, &m.ExpiryDate}
	if p := m.Policy; p != nil {
		ts = append(ts, &p.Written, &p.Effective, &p.Expires)
	}
	if n := m.Notice; n != nil {
		ts = append(ts, &n.Hearing, &n.Until)
	}
	if c := m.Cleanup; c != nil {
		ts = append(ts, &c.Decided)
	}
	if c := m.Consultation; c != nil {
		ts = append(ts, &c.From, &c.To)
	}
	return ts
}
