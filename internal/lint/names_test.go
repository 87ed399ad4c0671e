package lint

import "testing"

func TestMaskName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"张三", "张某"},
		{"李四光", "李某"},
		{" 王五 ", "王某"},
		{"欧阳娜娜", "欧阳某"},
		{"司马光", "司马某"},
		{"诸葛亮", "诸葛某"},
		{"上官婉儿", "上官某"},
		{"令狐冲", "令狐某"},
		{"欧阳", "欧某"}, // two characters: 欧 is the surname, 阳 the given name
		{"阿依古丽·买买提", "阿某"},
		{"张某", "张某"},
		{"李某某", "李某某"},
		{"张", "张某"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := MaskName(tc.in); got != tc.want {
			t.Errorf("MaskName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestIsNaturalPerson(t *testing.T) {
	yes := []string{"张三", "李四光", "欧阳娜娜", "阿依古丽·买买提", " 王五 "}
	no := []string{"", "张", "张某", "李某某", "张*", "某某科技有限公司", "杭州某某科技有限公司", "某区人民法院",
		"某市市场监督管理局", "某区人民政府", "某街道办事处", "张三律师事务所", "某村民委员会", "某服务中心", "某某商行",
		"Zhang San", "张3", "张三丰之子王五"}
	for _, s := range yes {
		if !IsNaturalPerson(s) {
			t.Errorf("IsNaturalPerson(%q) = false, want true", s)
		}
	}
	for _, s := range no {
		if IsNaturalPerson(s) {
			t.Errorf("IsNaturalPerson(%q) = true, want false", s)
		}
	}
}

func name(line, col int, full, masked string) Finding {
	return Finding{Line: line, Col: col, Rule: RulePersonalName, Level: Warning, Match: full,
		Message: "本文已用「" + masked + "」这种方式隐去当事人姓名，这里却写了全名「" + full + "」，请改为「" + masked + "」"}
}

var maskedNamesCases = []struct {
	name    string
	text    string
	parties []string
	want    []Finding
}{
	{"full name next to masked form", "张某向李某借款。\n后来张三拒不还款，李四起诉张三。", []string{"张三", "李四"},
		[]Finding{name(2, 3, "张三", "张某"), name(2, 10, "李四", "李某"), name(2, 14, "张三", "张某")}},
	{"no masking: nothing reported", "张三向李四借款，后来张三拒不还款。", []string{"张三", "李四"}, nil},
	{"masked with 某某", "李某某与王五签订合同，王五未付款。", []string{"王五", "某某科技有限公司"},
		[]Finding{name(1, 5, "王五", "王某"), name(1, 12, "王五", "王某")}},
	{"masking detected via a listed party only", "尉迟某与尉迟恭相识。", []string{"尉迟恭"},
		[]Finding{name(1, 5, "尉迟恭", "尉迟某")}},
	{"organisation party is ignored", "张某起诉某某科技有限公司。", []string{"某某科技有限公司", "某区人民法院"}, nil},
	{"phrases with 某 are not masking", "于某日在某市某区，王五与某公司签约，和某一方协商，向某人借款。", []string{"王五"}, nil},
	{"longer name wins", "原告张某称，张三丰与张三均在场。", []string{"张三", "张三丰"},
		[]Finding{name(1, 7, "张三丰", "张某"), name(1, 11, "张三", "张某")}},
	{"no parties", "张某与李某。", nil, nil},
	{"already masked party", "张某与李某。", []string{"张某", "李某某"}, nil},
	{"compound surname", "欧阳某称，欧阳娜娜当日不在。", []string{"欧阳娜娜"}, []Finding{name(1, 6, "欧阳娜娜", "欧阳某")}},
}

func TestMaskedNames(t *testing.T) {
	for _, tc := range maskedNamesCases {
		t.Run(tc.name, func(t *testing.T) {
			got := MaskedNames(tc.text, tc.parties)
			if len(got) != len(tc.want) {
				t.Fatalf("MaskedNames = %d findings %+v, want %d %+v", len(got), got, len(tc.want), tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("finding %d\n got  %+v\n want %+v", i, got[i], tc.want[i])
				}
			}
		})
	}
}

func FuzzMaskedNames(f *testing.F) {
	for _, tc := range maskedNamesCases {
		p := ""
		if len(tc.parties) > 0 {
			p = tc.parties[0]
		}
		f.Add(tc.text, p)
	}
	f.Fuzz(func(t *testing.T, text, party string) {
		fs := MaskedNames(text, []string{party})
		checkPositions(t, text, fs)
	})
}
