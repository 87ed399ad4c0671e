package enforcement

import (
	"fmt"
	"strings"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/legal"
)

func rec(number, decided, category, authority string, st legal.State) *Published {
	return &Published{Number: number, Decided: decided, Category: category, Authority: authority, State: st.String(), stateValue: st}
}

func names(fs []Facet) string {
	var b []string
	for _, f := range fs {
		var ns []string
		for _, r := range f.Records {
			ns = append(ns, r.Number)
		}
		b = append(b, f.Name+":"+strings.Join(ns, ","))
	}
	return strings.Join(b, " ")
}

func TestGroupAndMonths(t *testing.T) {
	rs := []*Published{
		rec("罚〔2024〕3号", "2024-11-05", "罚款、没收违法所得", "某市市场监督管理局", legal.StatePublic),
		rec("罚〔2025〕1号", "2025-01-10", "警告", "某市生态环境局", legal.StatePublic),
		rec("罚〔2024〕1号", "2024-03-01", "罚款", "某市市场监督管理局", legal.StatePublic),
		rec("罚〔2024〕2号", "2024-03-01", "警告；罚款", "某市市场监督管理局", legal.StatePublic),
		rec("罚〔2024〕9号", "2024-05-01", "罚款", "某市交通运输局", legal.StateExpired),
		rec("罚〔2024〕8号", "2024-05-02", "罚款", "某市交通运输局", legal.StateRevoked),
	}
	SortRecords(rs)
	var order []string
	for _, r := range rs {
		order = append(order, r.Number)
	}
	if got := strings.Join(order, " "); got != "罚〔2025〕1号 罚〔2024〕3号 罚〔2024〕8号 罚〔2024〕9号 罚〔2024〕1号 罚〔2024〕2号" {
		t.Errorf("order %s", got)
	}
	f := Group(rs)
	if got := names(f.Years); got != "2025:罚〔2025〕1号 2024:罚〔2024〕3号,罚〔2024〕1号,罚〔2024〕2号" {
		t.Errorf("years %s", got)
	}
	if got := names(f.Categories); got != "没收违法所得:罚〔2024〕3号 罚款:罚〔2024〕3号,罚〔2024〕1号,罚〔2024〕2号 警告:罚〔2025〕1号,罚〔2024〕2号" {
		t.Errorf("categories %s", got)
	}
	if got := names(f.Authorities); got != "某市市场监督管理局:罚〔2024〕3号,罚〔2024〕1号,罚〔2024〕2号 某市生态环境局:罚〔2025〕1号" {
		t.Errorf("authorities %s", got)
	}
	if got := fmt.Sprint(MonthCounts(rs, 2024)); got != "[0 0 2 0 0 0 0 0 0 0 1 0]" {
		t.Errorf("months 2024 %s (expired and revoked decisions are not counted)", got)
	}
	if got := fmt.Sprint(MonthCounts(rs, 2023)); got != "[0 0 0 0 0 0 0 0 0 0 0 0]" {
		t.Errorf("months 2023 %s", got)
	}
}

func TestCategories(t *testing.T) {
	for in, want := range map[string]string{
		"罚款、没收违法所得": "罚款|没收违法所得",
		"警告;罚款；罚款":  "警告|罚款",
		" 责令停产停业 ":  "责令停产停业",
		"":          "",
	} {
		if got := strings.Join(Categories(in), "|"); got != want {
			t.Errorf("Categories(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCitations(t *testing.T) {
	tests := []struct{ in, want string }{
		{"《中华人民共和国食品安全法》第一百二十四条第一款第（一）项", "中华人民共和国食品安全法|第一百二十四条|《中华人民共和国食品安全法》第一百二十四条第一款"},
		{"依据《中华人民共和国广告法》第五十五条、第五十六条和《某市市容管理条例》第12条之一的规定",
			"中华人民共和国广告法|第五十五条|《中华人民共和国广告法》第五十五条 中华人民共和国广告法|第五十六条|第五十六条 某市市容管理条例|第12条之一|《某市市容管理条例》第12条之一"},
		{"《无证无照经营查处办法》", "无证无照经营查处办法||《无证无照经营查处办法》"},
		{"《某市条例》第十二条之一", "某市条例|第十二条之一|《某市条例》第十二条之一"},
		{"没有书名号的第十二条", ""},
	}
	for _, tc := range tests {
		var got []string
		for _, c := range Citations(tc.in) {
			got = append(got, c.Title+"|"+c.Article+"|"+tc.in[c.Start:c.End])
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("Citations(%q) = %q, want %q", tc.in, g, tc.want)
		}
	}
}
