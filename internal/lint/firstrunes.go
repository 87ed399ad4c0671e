package lint

import (
	"regexp"
	"regexp/syntax"
)

// maxFirstRunes bounds the set of characters that may start a match for
// a pattern to be scanned through the shared pass (see anchoredPattern).
const maxFirstRunes = 512

// anchoredPattern prepares a pattern for the shared pass: when every match
// must begin with one of a small set of characters and the pattern has no
// position assertions (^, $, \b, \B, \A, \z), it returns those characters
// and a copy of the expression anchored at the start of its input. The
// scan then tries the pattern only where such a character occurs, instead
// of running the regular expression over the whole text. ok is false when
// the pattern must be run the ordinary way.
func anchoredPattern(pattern string) (first []rune, anchored *regexp.Regexp, ok bool) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil, nil, false
	}
	set, nullable, ok := firstRunes(re.Simplify())
	if !ok || nullable || len(set) == 0 {
		return nil, nil, false
	}
	anchored, err = regexp.Compile(`^(?:` + pattern + `)`)
	if err != nil {
		return nil, nil, false
	}
	return set, anchored, true
}

// firstRunes returns the characters a match of re can start with, and
// whether re can match the empty string. ok is false when the set is too
// large or cannot be worked out.
func firstRunes(re *syntax.Regexp) (set []rune, nullable, ok bool) {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return nil, true, true
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 || len(re.Rune) == 0 {
			return nil, false, false
		}
		return re.Rune[:1], false, true
	case syntax.OpCharClass:
		n := 0
		for i := 0; i+1 < len(re.Rune); i += 2 {
			n += int(re.Rune[i+1]-re.Rune[i]) + 1
			if n > maxFirstRunes {
				return nil, false, false
			}
		}
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				set = append(set, r)
			}
		}
		return set, false, true
	case syntax.OpCapture:
		return firstRunes(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		set, _, ok = firstRunes(re.Sub[0])
		return set, true, ok
	case syntax.OpPlus:
		return firstRunes(re.Sub[0])
	case syntax.OpRepeat:
		set, nullable, ok = firstRunes(re.Sub[0])
		return set, nullable || re.Min == 0, ok
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			s, subNullable, subOK := firstRunes(sub)
			if !subOK {
				return nil, false, false
			}
			set = append(set, s...)
			if !subNullable {
				return set, false, len(set) <= maxFirstRunes
			}
		}
		return set, true, len(set) <= maxFirstRunes
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			s, subNullable, subOK := firstRunes(sub)
			if !subOK {
				return nil, false, false
			}
			set = append(set, s...)
			nullable = nullable || subNullable
		}
		return set, nullable, len(set) <= maxFirstRunes
	}
	// Any character, position assertions and anything else: run the
	// pattern the ordinary way.
	return nil, false, false
}
