package statute

import (
	"reflect"
	"testing"
)

// findRefsBytewise is the plain form of findRefs, stepping through b a
// character at a time. findRefs must find exactly the same references.
func (p *pass) findRefsBytewise(b []byte, out []match) []match {
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c == 0xE3 && hasPrefix(b[i:], "《"):
			i, out = p.titleRef(b, i, out)
		case c == 0xE7 && hasPrefix(b[i:], "第"):
			l, ok := parseArticleLabel(b[i:])
			if !ok {
				i += len("第")
				continue
			}
			scope := scopeSelf
			if !hasSelfPrefix(b[:i]) && hasOtherSuffix(b[:i]) {
				scope = scopeUnknown
			}
			i, out = p.refList(b, i, l, i, scope, "", out)
		case c >= 0xE0 && c < 0xF0 && i+2 < len(b) && b[i+1]&0xC0 == 0x80 && b[i+2]&0xC0 == 0x80:
			i += 3
		default:
			i++
		}
	}
	return out
}

// xrefPass returns a pass that knows articles 1 to 3 and 10 of its own
// document and resolves two titles.
func xrefPass() *pass {
	p := newPass()
	c := newConfig([]Option{WithSelfTitle("本市条例"), WithResolver(ResolverFunc(func(t string) (string, bool) {
		switch t {
		case "中华人民共和国民法典", "民法典":
			return "/laws/minfadian/", true
		}
		return "", false
	}))})
	p.cfg = &c
	for _, id := range []string{"art-1", "art-2", "art-3", "art-10"} {
		p.articles[id] = struct{}{}
	}
	return p
}

var findRefsSeeds = []string{
	"依照本条例第一条、第二条和第三条的规定",
	"《中华人民共和国民法典》第十条第二款第（三）项",
	"《民法典》和《本市条例》第十条",
	"刑法第二十条不链接，第十条链接",
	"《《嵌套》》第一条《未闭合",
	"第第第一条\xe3\x80第二条\xe7\xac",
	"\xe8\x80\xe3\x80\x8a民法典\xe3\x80\x8b第一条",
	"《》第一条、",
}

// TestFindRefsSameAsBytewise checks the jumping scan on hand-picked text.
func TestFindRefsSameAsBytewise(t *testing.T) {
	for _, s := range findRefsSeeds {
		got := xrefPass().findRefs([]byte(s), nil)
		want := xrefPass().findRefsBytewise([]byte(s), nil)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("findRefs(%q)\n got %+v\nwant %+v", s, got, want)
		}
		if len(want) == 0 && s == findRefsSeeds[0] {
			t.Fatalf("findRefs(%q) found nothing: the test's pass is wrong", s)
		}
	}
}

// FuzzFindRefs compares findRefs with the bytewise scan on any input,
// valid UTF-8 or not.
func FuzzFindRefs(f *testing.F) {
	for _, s := range findRefsSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := xrefPass().findRefs([]byte(s), nil)
		want := xrefPass().findRefsBytewise([]byte(s), nil)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("findRefs(%q)\n got %+v\nwant %+v", s, got, want)
		}
	})
}
