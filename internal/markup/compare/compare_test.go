package compare

import (
	"os"
	"strings"
	"testing"
)

func read(t *testing.T, name string) []Article {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return Articles(b)
}

// summary writes each pair as kind:old→new.
func summary(r Result) string {
	var parts []string
	for _, p := range r.Pairs {
		s := p.Kind.Class() + ":"
		if p.Old != nil {
			s += p.Old.Label
		}
		s += "→"
		if p.New != nil {
			s += p.New.Label
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// TestRealRevisionHolidays: the 2024 decision on 《全国年节及纪念日放假办法》
// changed 第二条 and 第六条 and added 第七条; the old 第七条 became 第八条.
func TestRealRevisionHolidays(t *testing.T) {
	r := Compare(read(t, "fangjia-2013.md"), read(t, "fangjia-2024.md"))
	want := "same:第一条→第一条 changed:第二条→第二条 same:第三条→第三条 same:第四条→第四条 same:第五条→第五条 changed:第六条→第六条 added:→第七条 same:第七条→第八条"
	if got := summary(r); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if r.Added != 1 || r.Removed != 0 || r.Changed != 2 {
		t.Errorf("counts %d added, %d removed, %d changed", r.Added, r.Removed, r.Changed)
	}
	// 第六条: 星期六、星期日 became 周六、周日, twice.
	var ins, del []string
	for _, p := range r.Pairs {
		if p.New != nil && p.New.Label == "第六条" {
			for _, run := range p.Diff {
				switch run.Op {
				case Insert:
					ins = append(ins, run.Text)
				case Delete:
					del = append(del, run.Text)
				}
			}
		}
	}
	if strings.Join(del, "|") != "星期六、星期|星期六、星期" || strings.Join(ins, "|") != "周六、周|周六、周" {
		t.Errorf("第六条: deleted %q, inserted %q", del, ins)
	}
}

// TestRealRevisionForeignTrade: the 2022 decision on 《对外贸易法》 deleted
// 第九条; 第十条 and 第十一条 moved up unchanged, and 第六十条 (now 第五十九条)
// cites the renumbered article.
func TestRealRevisionForeignTrade(t *testing.T) {
	r := Compare(read(t, "waimao-2016.md"), read(t, "waimao-2022.md"))
	want := "same:第八条→第八条 removed:第九条→ same:第十条→第九条 same:第十一条→第十条 changed:第六十条→第五十九条"
	if got := summary(r); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	for _, p := range r.Pairs {
		if p.Kind == Changed {
			var b strings.Builder
			for _, run := range p.Diff {
				b.WriteString([...]string{"", "+", "-"}[run.Op] + "[" + run.Text + "]")
			}
			if !strings.HasPrefix(b.String(), "[违反本法第十]-[一][条规定，") {
				t.Errorf("第五十九条 diff: %s", b.String())
			}
		}
	}
}

func TestArticles(t *testing.T) {
	got := Articles([]byte("# 标题\n\n前言不是条文。\n\n## 第一章　总则\n\n第一条　甲\n乙。\n\n第二款。\n\n第三条规定的不是条文开头。\n\n第十二条之一 新增。\n\n第3条\n"))
	want := []Article{
		{"第一条", "art-1", "甲乙。\n第二款。\n第三条规定的不是条文开头。"},
		{"第十二条之一", "art-12-1", "新增。"},
		{"第3条", "art-3", ""},
	}
	if len(got) != len(want) {
		t.Fatalf("got %q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("article %d: got %q, want %q", i, got[i], want[i])
		}
	}
}

func FuzzCompare(f *testing.F) {
	f.Add("第一条　甲。\n\n第二条　乙。", "第一条　甲乙。\n\n第二条之一　丙。")
	f.Fuzz(func(t *testing.T, a, b string) {
		r := Compare(Articles([]byte(a)), Articles([]byte(b)))
		// Every article appears once; a diff rebuilds both texts.
		nOld, nNew := 0, 0
		for _, p := range r.Pairs {
			if p.Old != nil {
				nOld++
			}
			if p.New != nil {
				nNew++
			}
			if p.Kind == Changed {
				var x, y strings.Builder
				for _, run := range p.Diff {
					if run.Op != Insert {
						x.WriteString(run.Text)
					}
					if run.Op != Delete {
						y.WriteString(run.Text)
					}
				}
				if x.String() != p.Old.Text || y.String() != p.New.Text {
					t.Fatalf("diff does not rebuild the texts")
				}
			}
		}
		if nOld != len(Articles([]byte(a))) || nNew != len(Articles([]byte(b))) {
			t.Fatalf("articles lost")
		}
	})
}
