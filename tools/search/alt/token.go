// Package alt is a prototype search index measured against Pagefind for
// issue 16 point 5 (the first query of a 10,000-statute library): a
// positionless inverted index over character bigrams, split into gzip'd
// chunk files by a hash of the term, with BM25 ranking and a small
// browser client (client.js). It lives in the tools module as a
// measurement; the product's search is Pagefind (internal/search).
//
// Terms: a run of Han characters gives its bigrams and, in the index,
// every single character (a one-character query is looked up by its
// character); a run of other letters and digits is one term (4581,
// gb18030). Full-width ASCII is folded to ASCII and letters are lowered.
// client.js repeats these rules; a browser test checks that both agree.
package alt

import "unicode"

// fold maps full-width ASCII to ASCII and lowers letters.
func fold(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		r -= 0xFEE0
	}
	return unicode.ToLower(r)
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

func isWord(r rune) bool { return !isHan(r) && (unicode.IsLetter(r) || unicode.IsNumber(r)) }

// runs splits s into runs of Han characters and runs of other letters
// and digits; everything else separates runs.
func runs(s string, f func(run []rune, han bool)) {
	var cur []rune
	han := false
	flush := func() {
		if len(cur) > 0 {
			f(cur, han)
			cur = cur[:0]
		}
	}
	for _, r := range s {
		r = fold(r)
		switch {
		case isHan(r):
			if !han {
				flush()
			}
			han = true
			cur = append(cur, r)
		case isWord(r):
			if han {
				flush()
			}
			han = false
			cur = append(cur, r)
		default:
			flush()
		}
	}
	flush()
}

// IndexTerms calls f for every term occurrence of a page's text, in
// order: for a Han run, each bigram and each character; for another run,
// the run. Long runs are cut to MaxTerm characters.
func IndexTerms(s string, f func(term string, counted bool)) {
	runs(s, func(run []rune, han bool) {
		if !han {
			f(clip(string(run)), true)
			return
		}
		for i, r := range run {
			if i+1 < len(run) {
				f(string(run[i:i+2]), true)
			}
			// Single characters are there for one-character queries; they
			// do not count in the page length.
			f(string(r), false)
		}
	})
}

// MaxTerm is the longest term in characters; longer runs are cut.
const MaxTerm = 40

func clip(s string) string {
	if r := []rune(s); len(r) > MaxTerm {
		return string(r[:MaxTerm])
	}
	return s
}

// Term is one term of a query.
type Term struct {
	Text string
	// Required terms must all occur in a page (AND); the others only add
	// to its score.
	Required bool
}

// QueryTerms returns the distinct terms of a query, in order: the bigrams
// of each Han run of two or more characters, a lone Han character as
// itself, and other runs whole. With cover, only the bigrams that cover a
// Han run without overlap (the 1st, 3rd, … and the last) are required, so
// that 复议申请 requires 复议 and 申请 but not 议申, as a word-based index
// would; otherwise every term is required.
func QueryTerms(q string, cover bool) []Term {
	var out []Term
	at := map[string]int{}
	add := func(t string, req bool) {
		if i, ok := at[t]; ok {
			out[i].Required = out[i].Required || req
			return
		}
		at[t] = len(out)
		out = append(out, Term{t, req})
	}
	runs(q, func(run []rune, han bool) {
		switch {
		case !han:
			add(clip(string(run)), true)
		case len(run) == 1:
			add(string(run), true)
		default:
			for i := 0; i+1 < len(run); i++ {
				add(string(run[i:i+2]), !cover || i%2 == 0 || i == len(run)-2)
			}
		}
	})
	return out
}
