package recall

import (
	"fmt"
	"os"
	"strings"

	"github.com/fazhi-dev/fazhi/tools/bench"
)

// SectionTitle heads the search section of docs/benchmarks.md.
const SectionTitle = "## 站内搜索 search (Pagefind)"

// skeleton is the search section written when the file has none; the
// prose around the generated blocks is kept as edited.
const skeleton = SectionTitle + `

<!-- search:recall -->
<!-- /search:recall -->

<!-- search:cost -->
<!-- /search:cost -->
`

// WriteBlock replaces the generated block name (between "<!-- search:name -->"
// and "<!-- /search:name -->") of the search section in the Markdown file
// at path. The section is added after bench.Marker (the top part of the
// file belongs to make bench) when the file does not have it yet.
func WriteBlock(path, name, body string) error {
	old, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	text := string(old)
	if !strings.Contains(text, SectionTitle) {
		if !strings.Contains(text, bench.Marker) {
			if text != "" && !strings.HasSuffix(text, "\n") {
				text += "\n"
			}
			text += "\n" + bench.Marker + "\n"
		}
		text = strings.TrimRight(text, "\n") + "\n\n" + skeleton
	}
	begin, end := "<!-- search:"+name+" -->", "<!-- /search:"+name+" -->"
	i := strings.Index(text, begin)
	j := strings.Index(text, end)
	if i < 0 || j < i {
		// The block is missing: add it at the end of the file.
		text = strings.TrimRight(text, "\n") + "\n\n" + begin + "\n" + end + "\n"
		i, j = strings.Index(text, begin), strings.Index(text, end)
	}
	if i < 0 || j < i {
		return fmt.Errorf("%s: block %s not found", path, name)
	}
	text = text[:i+len(begin)] + "\n" + strings.TrimRight(body, "\n") + "\n" + text[j:]
	return os.WriteFile(path, []byte(text), 0o644)
}
