// Package tomlpos finds the line on which a TOML key is defined, so that
// errors about a key (unknown key, wrong type, bad value) can point the
// author at the right line. The TOML decoder keeps key positions private;
// this package recovers them from the source text with a light scan that
// understands tables, arrays of tables and dotted keys.
package tomlpos

import (
	"strconv"
	"strings"
)

// Index maps a dotted key path ("policy.docNumber", "menu.main.1.name") to
// the 1-based line on which it is defined.
type Index struct {
	lines map[string]int
}

// New scans src and returns the index of its keys. Line numbers are
// relative to src; add an offset when src is part of a larger file.
func New(src []byte) *Index {
	idx := &Index{lines: map[string]int{}}
	table := ""
	arrays := map[string]int{}
	inMulti := ""
	for i, raw := range strings.Split(string(src), "\n") {
		line := strings.TrimSpace(raw)
		if inMulti != "" {
			if strings.Contains(line, inMulti) {
				inMulti = ""
			}
			continue
		}
		if line == "" || line[0] == '#' {
			continue
		}
		switch {
		case strings.HasPrefix(line, "[["):
			name := cleanKey(strings.TrimSuffix(strings.TrimPrefix(cutComment(line), "[["), "]]"))
			n := arrays[name]
			arrays[name] = n + 1
			table = name + "." + strconv.Itoa(n)
			idx.set(name, i+1)
			idx.set(table, i+1)
		case line[0] == '[':
			table = cleanKey(strings.TrimSuffix(strings.TrimPrefix(cutComment(line), "["), "]"))
			idx.set(table, i+1)
		default:
			eq := strings.IndexByte(line, '=')
			if eq <= 0 {
				continue
			}
			key := cleanKey(line[:eq])
			full := key
			if table != "" {
				full = table + "." + key
			}
			idx.set(full, i+1)
			rest := strings.TrimSpace(line[eq+1:])
			for _, q := range []string{`"""`, `'''`} {
				if strings.HasPrefix(rest, q) && !strings.Contains(rest[3:], q) {
					inMulti = q
				}
			}
		}
	}
	return idx
}

func (x *Index) set(key string, line int) {
	if _, ok := x.lines[key]; !ok {
		x.lines[key] = line
	}
}

// Line returns the line of key, or of its nearest defined parent, or 0.
// Array-of-table elements are addressed by index: "menu.main.2.url".
func (x *Index) Line(key string) int {
	for key != "" {
		if l, ok := x.lines[key]; ok {
			return l
		}
		dot := strings.LastIndexByte(key, '.')
		if dot < 0 {
			return 0
		}
		key = key[:dot]
	}
	return 0
}

func cutComment(s string) string {
	if i := strings.IndexByte(s, '#'); i >= 0 && !strings.ContainsAny(s[:i], `"'`) {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

func cleanKey(s string) string {
	parts := strings.Split(strings.TrimSpace(s), ".")
	for i, p := range parts {
		p = strings.TrimSpace(p)
		p = strings.Trim(p, `"'`)
		parts[i] = p
	}
	return strings.Join(parts, ".")
}
