// Package compare compares two versions of a statute-like document
// article by article: it splits each Markdown body into articles (第X条
// and the paragraphs after it), matches the articles of the two versions
// by number and by text (a revision renumbers articles), and marks each
// as added, removed, changed or unchanged, with the changed words of a
// changed article. It is a pure function of the two texts.
package compare

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fazhi-dev/fazhi/internal/markup/statute"
)

// Article is one article of a version: its label (第十二条之一), its
// anchor id on the version's page (art-12-1) and its text after the
// label, paragraphs (款) separated by "\n".
type Article struct {
	Label string
	ID    string
	Text  string
}

// Articles splits a Markdown body into its articles. A paragraph that
// opens with an article label followed by a space starts an article; the
// paragraphs after it belong to it until the next article or heading.
// Text before the first article (a preamble, 题注) is not an article.
func Articles(body []byte) []Article {
	var out []Article
	var cur *Article
	// Bytes that are not UTF-8 are shown as U+FFFD, as the page shows
	// them: the comparison works on characters and must rebuild the texts.
	for _, para := range paragraphs(strings.ToValidUTF8(string(body), "\uFFFD")) {
		if strings.HasPrefix(para, "#") {
			cur = nil
			continue
		}
		if label, id, rest, ok := leadingLabel(para); ok {
			out = append(out, Article{Label: label, ID: id, Text: rest})
			cur = &out[len(out)-1]
			continue
		}
		if cur != nil {
			cur.Text += "\n" + para
		}
	}
	return out
}

// paragraphs returns the blocks of a Markdown body separated by blank
// lines, each with its lines joined (a line break inside a paragraph of
// Chinese text is no space) and trimmed.
func paragraphs(s string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if t := strings.TrimSpace(b.String()); t != "" {
			out = append(out, t)
		}
		b.Reset()
	}
	for _, line := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			flush()
			continue
		}
		if strings.HasPrefix(line, "#") {
			flush()
			out = append(out, line)
			continue
		}
		if b.Len() > 0 && needsSpace(b.String(), line) {
			b.WriteByte(' ')
		}
		b.WriteString(line)
	}
	flush()
	return out
}

// needsSpace reports whether two lines of one paragraph are joined with a
// space: not between two wide characters.
func needsSpace(prev, next string) bool {
	a, _ := utf8.DecodeLastRuneInString(prev)
	b, _ := utf8.DecodeRuneInString(next)
	return !(wide(a) || wide(b))
}

func wide(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef)
}

// leadingLabel reads an article label at the start of a paragraph
// (第十二条, 第十二条之一, 第12条) that a space, a full-width space or the
// end of the paragraph follows.
func leadingLabel(p string) (label, id, rest string, ok bool) {
	if !strings.HasPrefix(p, "第") {
		return "", "", "", false
	}
	end := strings.Index(p, "条")
	if end < 0 || end > 40 {
		return "", "", "", false
	}
	end += len("条")
	if strings.HasPrefix(p[end:], "之") {
		j := end + len("之")
		for j < len(p) {
			r, size := utf8.DecodeRuneInString(p[j:])
			if !strings.ContainsRune("一二三四五六七八九十", r) {
				break
			}
			j += size
		}
		end = j
	}
	label = p[:end]
	id, ok = statute.ArticleID(label)
	if !ok {
		return "", "", "", false
	}
	after := p[end:]
	if after != "" {
		r, _ := utf8.DecodeRuneInString(after)
		if r != ' ' && r != '\u3000' && r != '\t' {
			return "", "", "", false
		}
	}
	return label, id, strings.TrimSpace(strings.TrimLeft(after, " \u3000\t")), true
}
