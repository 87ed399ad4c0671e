package lint

import (
	"strings"
)

// wordLines records where the [[word]] tables of a word-list file and
// their keys are. The TOML decoder does not report key positions, so a
// light line scan recovers them; it understands comments, quoted keys and
// multi-line strings, which is all a word list needs.
type wordLines struct {
	headers []int            // line of each [[word]] header
	keys    []map[string]int // per entry: key → line
	topKeys map[string]int   // keys and tables outside any [[word]]
}

func scanWordLines(src string) wordLines {
	wl := wordLines{topKeys: map[string]int{}}
	inEntry := false
	multi := "" // closing delimiter of an open multi-line string
	for i, raw := range strings.Split(src, "\n") {
		n := i + 1
		line := strings.TrimSpace(raw)
		if multi != "" {
			if strings.Contains(line, multi) {
				multi = ""
			}
			continue
		}
		if line == "" || line[0] == '#' {
			continue
		}
		if line[0] == '[' {
			name := strings.TrimSpace(strings.Trim(cutTOMLComment(line), "[] \t"))
			inEntry = strings.HasPrefix(line, "[[") && name == "word"
			if inEntry {
				wl.headers = append(wl.headers, n)
				wl.keys = append(wl.keys, map[string]int{})
			} else if k := firstKeyPart(name); wl.topKeys[k] == 0 {
				wl.topKeys[k] = n
			}
			continue
		}
		eq := strings.IndexByte(line, '=')
		if eq <= 0 {
			continue
		}
		key := firstKeyPart(strings.TrimSpace(line[:eq]))
		if inEntry {
			wl.keys[len(wl.keys)-1][key] = n
		} else if wl.topKeys[key] == 0 {
			wl.topKeys[key] = n
		}
		value := strings.TrimSpace(line[eq+1:])
		for _, d := range []string{`"""`, `'''`} {
			if strings.HasPrefix(value, d) && !strings.Contains(value[len(d):], d) {
				multi = d
			}
		}
	}
	return wl
}

// firstKeyPart returns the first part of a dotted key, without quotes.
func firstKeyPart(key string) string {
	if key != "" && (key[0] == '"' || key[0] == '\'') {
		if end := strings.IndexByte(key[1:], key[0]); end >= 0 {
			return key[1 : end+1]
		}
	}
	if dot := strings.IndexByte(key, '.'); dot >= 0 {
		key = key[:dot]
	}
	return strings.TrimSpace(key)
}

// cutTOMLComment drops a trailing comment from a table header line.
func cutTOMLComment(line string) string {
	if i := strings.IndexByte(line, '#'); i >= 0 {
		return strings.TrimSpace(line[:i])
	}
	return line
}
