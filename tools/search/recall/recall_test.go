package recall

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/tools/bench"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, in string
		want     int    // cases
		wantErr  string // substring
	}{
		{"comments and blanks", "# x\n\nportal | 行政复议 | 甲；乙\n", 1, ""},
		{"two fields", "portal | 行政复议\n", 0, "第 1 行"},
		{"empty title list", "portal | 行政复议 | ；\n", 0, "缺少"},
		{"empty query", "portal |  | 甲\n", 0, "缺少"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(strings.NewReader(tt.in))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || len(got) != tt.want {
				t.Fatalf("Parse = %+v, %v", got, err)
			}
			if got[0].Site != "portal" || got[0].Query != "行政复议" || strings.Join(got[0].Want, ",") != "甲,乙" || got[0].Line != 3 {
				t.Errorf("case = %+v", got[0])
			}
		})
	}
}

func TestMatches(t *testing.T) {
	tests := []struct {
		got, want string
		ok        bool
	}{
		{"中华人民共和国行政复议法", "中华人民共和国行政复议法", true},
		{"中华人民共和国行政复议法（2）", "中华人民共和国行政复议法", true},
		{"中华人民共和国行政复议法（副本2）", "中华人民共和国行政复议法", false},
		{"中华人民共和国行政复议法实施条例", "中华人民共和国行政复议法", false},
		{"解释（一）", "解释（一）", true},
		{"解释（一）（3）", "解释（一）", true},
		{"解释（二）", "解释（一）", false},
	}
	for _, tt := range tests {
		if got := Matches(tt.got, tt.want); got != tt.ok {
			t.Errorf("Matches(%q, %q) = %v", tt.got, tt.want, got)
		}
	}
}

func TestSummarise(t *testing.T) {
	rows := []Row{
		{Case: Case{Site: "a", Want: []string{"x", "y"}}, Found: []string{"x"}, Missing: []string{"y"}},
		{Case: Case{Site: "a", Want: []string{"z"}}, Found: []string{"z"}},
		{Case: Case{Site: "b", Want: []string{"z"}}, Missing: []string{"z"}},
	}
	s := Summarise(rows)
	if len(s) != 2 || s[0].Site != "a" || s[0].Mean != 0.75 || s[0].Micro != 2.0/3 || s[0].Perfect != 1 || s[1].Mean != 0 {
		t.Fatalf("Summarise = %+v", s)
	}
	if md := Markdown(rows); !strings.Contains(md, "| a | 2 | 0.750 | 0.667 | 1 / 2 |") {
		t.Errorf("Markdown:\n%s", md)
	}
}

func TestWriteBlock(t *testing.T) {
	p := filepath.Join(t.TempDir(), "benchmarks.md")
	// A new file gets the marker, then the section.
	if err := WriteBlock(p, "recall", "表一"); err != nil {
		t.Fatal(err)
	}
	// The top part of the file (make bench) is kept; blocks are replaced.
	old, _ := os.ReadFile(p)
	if err := os.WriteFile(p, append([]byte("# 基准\n\n顶部\n\n"), old...), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteBlock(p, "cost", "表二"); err != nil {
		t.Fatal(err)
	}
	if err := WriteBlock(p, "recall", "表三"); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	s := string(got)
	for _, want := range []string{"顶部", bench.Marker, SectionTitle, "<!-- search:recall -->\n表三\n<!-- /search:recall -->", "<!-- search:cost -->\n表二\n<!-- /search:cost -->"} {
		if !strings.Contains(s, want) {
			t.Errorf("file lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "表一") || strings.Count(s, SectionTitle) != 1 || strings.Index(s, bench.Marker) > strings.Index(s, SectionTitle) || !strings.HasPrefix(s, "# 基准") {
		t.Errorf("bad file:\n%s", s)
	}
}
