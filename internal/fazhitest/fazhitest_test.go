package fazhitest

import (
	"fmt"
	"strings"
	"testing"
)

// recorder is a testing.TB that keeps the failure messages.
type recorder struct {
	testing.TB
	msgs []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, a ...any) {
	r.msgs = append(r.msgs, fmt.Sprintf(format, a...))
}
func (r *recorder) Fatalf(format string, a ...any) { r.Errorf(format, a...) }
func (r *recorder) Fatal(a ...any)                 { r.Errorf("%s", fmt.Sprint(a...)) }

// A golden file that differs is reported as a unified diff: the changed
// line with a little context, not the whole file.
func TestGoldenPrintsDiff(t *testing.T) {
	if *Update {
		t.Skip("with -update, Golden would rewrite the example")
	}
	var lines []string
	for i := 1; i <= 40; i++ {
		lines = append(lines, fmt.Sprintf("第%d行", i))
	}
	lines[19] = "改动的一行"
	rec := &recorder{TB: t}
	Golden(rec, "diff-example", strings.Join(lines, "\n")+"\n")
	if len(rec.msgs) != 1 {
		t.Fatalf("messages = %q", rec.msgs)
	}
	msg := rec.msgs[0]
	for _, want := range []string{"--- testdata/diff-example.golden", "+++ got", "@@ -17,7 +17,7 @@", "\n-第20行\n+改动的一行\n", " 第23行\n"} {
		if !strings.Contains(msg, want) {
			t.Errorf("missing %q in\n%s", want, msg)
		}
	}
	if strings.Contains(msg, "第1行") || strings.Contains(msg, "第40行") {
		t.Errorf("lines far from the change are printed:\n%s", msg)
	}
	rec.msgs = nil
	Golden(rec, "diff-example", strings.Join(lines[:19], "\n")+"\n第20行\n"+strings.Join(lines[20:], "\n")+"\n")
	if len(rec.msgs) != 0 {
		t.Errorf("equal content reported: %q", rec.msgs)
	}
}
