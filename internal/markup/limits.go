package markup

import (
	"bytes"
	"fmt"

	"github.com/fazhi-dev/fazhi/internal/diag"
)

// The limits below bound the work that one document can cause, so that a
// hostile or broken file cannot hold up a build or a check: goldmark's
// work grows faster than the input for deep nesting, for many brackets in
// one paragraph and for many unclosed links on one line (100,000 「[a](」
// took 76 s). They are far above what any real page needs; a document
// over one is refused with an error that names the limit and the line
// before goldmark sees it. The limits count the input, never time, so the
// outcome does not depend on the machine.
const (
	// MaxBodyBytes is the largest Markdown body (32 MiB).
	MaxBodyBytes = 32 << 20
	// MaxNesting is the deepest nesting of block quotes and lists.
	MaxNesting = 100
	// MaxBrackets is the most 「[」 in one paragraph.
	MaxBrackets = 10000
	// MaxLinkScan is the most bytes that looking for link destinations
	// («](» up to the next space or the end of its line) may read in one
	// document.
	MaxLinkScan = 16 << 20
)

// limitCheck measures a body against the limits in one pass.
type limitCheck struct {
	body  []byte
	first int // file line of the body's first line
	steps int // bytes looked at, for tests
}

// checkLimits returns a *diag.Error (without a file: the caller knows it)
// when body is over one of the limits. first is the file line of the
// body's first line.
func checkLimits(body []byte, first int) error {
	c := limitCheck{body: body, first: first}
	return c.run()
}

func (c *limitCheck) run() error {
	if len(c.body) > MaxBodyBytes {
		return &diag.Error{Msg: fmt.Sprintf("正文有 %.1f MB，超过每个页面 %d MB 的上限：请把内容拆成几个页面，或把大段数据做成附件 (page over the size limit)",
			float64(len(c.body))/(1<<20), MaxBodyBytes>>20)}
	}
	brackets, scan := 0, 0
	line := c.first
	for start := 0; start < len(c.body); line++ {
		end := len(c.body)
		if i := bytes.IndexByte(c.body[start:], '\n'); i >= 0 {
			end = start + i
		}
		c.steps += end - start + 1
		text := c.body[start:end]
		if blank(text) {
			brackets = 0
		}
		if d := nesting(text); d > MaxNesting {
			return c.errorf(line, "引用或列表嵌套了 %d 层，超过 %d 层的上限：请减少「>」或列表的层次 (nesting over the limit)", d, MaxNesting)
		}
		n, s := linkWork(text)
		c.steps += len(text)
		brackets += n
		scan += s
		if scan > MaxLinkScan {
			return c.errorf(line, "没有写完的链接「](」太多（查找链接地址要读 %d MB 以上）：请检查「[文字](网址)」是否都有右括号，或在它们之间加空格 (unclosed links over the limit)", MaxLinkScan>>20)
		}
		if brackets > MaxBrackets {
			return c.errorf(line, "一个段落里的方括号「[」超过 %d 个，超过上限：请用空行把内容分成几段，或检查是否有没写完的链接 (brackets per paragraph over the limit)", MaxBrackets)
		}
		start = end + 1
	}
	return nil
}

func (c *limitCheck) errorf(line int, format string, args ...any) error {
	if c.first == 0 {
		line = 0
	}
	return &diag.Error{Line: line, Msg: fmt.Sprintf(format, args...)}
}

// blank reports whether a line has only spaces and tabs.
func blank(line []byte) bool {
	for _, b := range line {
		if b != ' ' && b != '\t' && b != '\r' {
			return false
		}
	}
	return true
}

// nesting is an upper bound of the containers a line opens or continues:
// the block-quote and list markers at its start, plus one level for every
// two columns of indentation before the first of them (a nested list item
// needs at least two more).
func nesting(line []byte) int {
	depth, cols := 0, 0
	for i := 0; i < len(line); {
		switch b := line[i]; {
		case b == ' ' || b == '\t':
			if depth == 0 && b == ' ' {
				cols++
			} else if depth == 0 {
				cols += 4
			}
			i++
		case b == '>':
			depth++
			i++
		case (b == '-' || b == '*' || b == '+') && i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t'):
			depth++
			i++
		case b >= '0' && b <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j+1 < len(line) && (line[j] == '.' || line[j] == ')') && (line[j+1] == ' ' || line[j+1] == '\t') {
				depth++
				i = j + 1
				continue
			}
			return depth + cols/2
		default:
			return depth + cols/2
		}
	}
	return depth + cols/2
}

// linkWork counts the 「[」 of a line and the bytes goldmark reads to find
// the destinations of its 「](」: up to the next space (or, for 「](<」, up
// to the end of the line). The line is read once, from the end; most lines
// have no bracket at all and are only searched for one.
func linkWork(line []byte) (brackets, scan int) {
	if bytes.IndexByte(line, '[') < 0 && bytes.IndexByte(line, ']') < 0 {
		return 0, 0
	}
	next := len(line) // index of the next space after i
	for i := len(line) - 1; i >= 0; i-- {
		switch line[i] {
		case ' ', '\t', '\r':
			next = i
		case '[':
			brackets++
		case ']':
			if i+1 < len(line) && line[i+1] == '(' {
				if i+2 < len(line) && line[i+2] == '<' {
					scan += len(line) - i
				} else {
					scan += next - i
				}
			}
		}
	}
	return brackets, scan
}
