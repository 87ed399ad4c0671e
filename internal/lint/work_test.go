package lint

import (
	"strings"
	"testing"
)

// validID returns an identity card number with a right check character.
func validID(seq int) string {
	body := "11010519491231" + string(rune('0'+seq/100%10)) + string(rune('0'+seq/10%10)) + string(rune('0'+seq%10))
	sum := 0
	for i := range 17 {
		sum += int(body[i]-'0') * idWeights[i]
	}
	return body + string("10X98765432"[sum%11])
}

// One line of 200,000 identity card numbers is read a bounded number of
// times, whatever joins them: columns are counted on from the previous
// finding, and the web-address test reads forwards once (both used to
// start again from the line's start for every number).
func TestPersonalDataWorkIsLinear(t *testing.T) {
	const n = 200000
	for _, sep := range []string{",", " ", "，", "/a,"} {
		var b strings.Builder
		b.WriteString("名单：")
		for i := range n {
			if i > 0 {
				b.WriteString(sep)
			}
			b.WriteString(validID(i))
		}
		text := b.String()
		found, work := personalData(text)
		if len(found) != n {
			t.Errorf("sep %q: %d findings, want %d", sep, len(found), n)
			continue
		}
		last := found[n-1]
		if wantCol := len([]rune(text)) - 17; last.Line != 1 || last.Col != wantCol {
			t.Errorf("sep %q: last finding at %d:%d, want 1:%d", sep, last.Line, last.Col, wantCol)
		}
		if work > 4*len(text) {
			t.Errorf("sep %q: read %d bytes for a text of %d", sep, work, len(text))
		}
	}
	// a web address before the numbers still hides them
	if f, _ := personalData("见 https://x.cn/a," + validID(1) + "," + validID(2)); len(f) != 0 {
		t.Errorf("numbers in a web address reported: %v", f)
	}
}

// Many occurrences of a party's name cost each its own length (they used
// to be compared with every earlier one).
func TestMaskedNamesManyOccurrences(t *testing.T) {
	text := "当事人王某。" + strings.Repeat("王小明、王小明明，", 50000)
	got := MaskedNames(text, []string{"王小明", "王小明明"})
	if len(got) != 100000 {
		t.Fatalf("%d findings, want 100000", len(got))
	}
	if got[1].Match != "王小明明" || got[1].Col != 11 {
		t.Errorf("second finding = %+v", got[1])
	}
}
