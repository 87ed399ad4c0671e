package compare

import (
	"sort"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Kind is what a revision did to an article.
type Kind int

// The kinds of change.
const (
	Same    Kind = iota // the same text (perhaps under a new number)
	Changed             // the text changed
	Added               // only in the new version
	Removed             // only in the old version
)

// Class returns the kind as an ASCII word for layouts: same, changed,
// added, removed.
func (k Kind) Class() string {
	return [...]string{"same", "changed", "added", "removed"}[k]
}

// Pair is an article of the comparison: Old, New or both.
type Pair struct {
	Kind     Kind
	Old, New *Article
	// Diff is the text of a changed article as runs of equal, inserted
	// and deleted text.
	Diff []Run
}

// Renumbered reports whether a matched article has a new number.
func (p Pair) Renumbered() bool {
	return p.Old != nil && p.New != nil && p.Old.Label != p.New.Label
}

// Op is what a run of a diff is.
type Op int

// The runs of a diff.
const (
	Equal Op = iota
	Insert
	Delete
)

// Run is a piece of a changed article's text.
type Run struct {
	Op   Op
	Text string
}

// Tag returns the HTML element for the run: "ins", "del", or "" for
// equal text.
func (r Run) Tag() string { return [...]string{"", "ins", "del"}[r.Op] }

// Result is the comparison of two versions.
type Result struct {
	Pairs []Pair
	// Counts of added, removed and changed articles.
	Added, Removed, Changed int
}

// minScore is the least similarity (Dice coefficient of character
// bigrams) at which two articles with different numbers are taken to be
// one article; sameNumberScore is the least for two with the same number.
const (
	minScore        = 0.5
	sameNumberScore = 0.25
)

// Compare matches the articles of the old and the new version and returns
// them in the order of the new version, each removed article after the
// article that preceded it in the old version.
//
// Articles with identical text are matched first (a renumbered article
// keeps its text); the rest are matched greedily by similarity, an
// article keeping its number needing less similarity than one that moved.
func Compare(old, new []Article) Result {
	match := make([]int, len(new)) // new index → old index, or -1
	used := make([]bool, len(old))
	for i := range match {
		match[i] = -1
	}
	byText := map[string][]int{}
	for i, a := range old {
		byText[a.Text] = append(byText[a.Text], i)
	}
	for j, a := range new {
		if is := byText[a.Text]; len(is) > 0 {
			match[j], used[is[0]] = is[0], true
			byText[a.Text] = is[1:]
		}
	}
	type cand struct {
		i, j  int
		score float64
	}
	var cands []cand
	grams := make([]map[string]int, len(old))
	for i, a := range old {
		if !used[i] {
			grams[i] = bigrams(a.Text)
		}
	}
	for j, b := range new {
		if match[j] >= 0 {
			continue
		}
		gb := bigrams(b.Text)
		for i, a := range old {
			if used[i] {
				continue
			}
			s := dice(grams[i], gb)
			if s >= minScore || (a.Label == b.Label && s >= sameNumberScore) {
				cands = append(cands, cand{i, j, s})
			}
		}
	}
	sort.SliceStable(cands, func(x, y int) bool {
		if cands[x].score != cands[y].score {
			return cands[x].score > cands[y].score
		}
		return cands[x].j < cands[y].j
	})
	for _, c := range cands {
		if match[c.j] < 0 && !used[c.i] {
			match[c.j], used[c.i] = c.i, true
		}
	}
	var r Result
	next := 0 // old articles before next are placed
	placeRemoved := func(upto int) {
		for ; next < upto; next++ {
			if !used[next] {
				r.Pairs = append(r.Pairs, Pair{Kind: Removed, Old: &old[next]})
				r.Removed++
			}
		}
	}
	for j := range new {
		i := match[j]
		if i < 0 {
			r.Pairs = append(r.Pairs, Pair{Kind: Added, New: &new[j]})
			r.Added++
			continue
		}
		placeRemoved(i)
		if i >= next {
			next = i + 1
		}
		p := Pair{Kind: Same, Old: &old[i], New: &new[j]}
		if old[i].Text != new[j].Text {
			p.Kind, p.Diff = Changed, Words(old[i].Text, new[j].Text)
			r.Changed++
		}
		r.Pairs = append(r.Pairs, p)
	}
	placeRemoved(len(old))
	return r
}

// Words returns the changes from a to b character by character (Chinese
// has no spaces between words), cleaned up so that a reader sees changed
// phrases rather than scattered characters.
func Words(a, b string) []Run {
	dmp := diffmatchpatch.New()
	diffs := dmp.DiffMain(a, b, false)
	diffs = dmp.DiffCleanupSemantic(diffs)
	out := make([]Run, 0, len(diffs))
	for _, d := range diffs {
		var op Op
		switch d.Type {
		case diffmatchpatch.DiffInsert:
			op = Insert
		case diffmatchpatch.DiffDelete:
			op = Delete
		}
		out = append(out, Run{Op: op, Text: d.Text})
	}
	return out
}

// bigrams counts the character pairs of s (its characters alone when it
// is one character long), without spaces.
func bigrams(s string) map[string]int {
	rs := []rune(strings.Join(strings.Fields(s), ""))
	m := make(map[string]int, len(rs))
	if len(rs) == 1 {
		m[string(rs)]++
	}
	for i := 0; i+1 < len(rs); i++ {
		m[string(rs[i:i+2])]++
	}
	return m
}

// dice is the Dice coefficient of two bigram multisets: 1 for the same
// text, 0 for texts without a common pair.
func dice(a, b map[string]int) float64 {
	na, nb, common := 0, 0, 0
	for _, n := range a {
		na += n
	}
	for k, n := range b {
		nb += n
		common += min(n, a[k])
	}
	if na+nb == 0 {
		return 1
	}
	return 2 * float64(common) / float64(na+nb)
}
