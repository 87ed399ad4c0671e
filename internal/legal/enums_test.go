package legal

import "testing"

func TestOneOf(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"废止"}, "「废止」"},
		{[]string{"a", "b", "c"}, "「a」「b」「c」之一"},
		{PolicyStatuses, "「废止」「失效」「已修改」之一"},
	}
	for _, tc := range tests {
		if got := OneOf(tc.in); got != tc.want {
			t.Errorf("OneOf(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestIsX(t *testing.T) {
	tests := []struct {
		name string
		is   func(string) bool
		yes  []string
		no   []string
		size int
	}{
		{"IsNoticeType", IsNoticeType, []string{"开庭公告", "送达公告", "执行公告", "拍卖公告", "其他公告"}, []string{"", "公告", "开庭公告 ", "判决书"}, 5},
		{"IsPolicyGenre", IsPolicyGenre, []string{"地方性法规", "政府规章", "行政规范性文件", "其他文件"}, []string{"规章", "规范性文件", "其他"}, 4},
		{"IsPolicyStatus", IsPolicyStatus, []string{"废止", "失效", "已修改"}, []string{"有效", "修改", ""}, 3},
		{"IsColumnType", IsColumnType, []string{"首页", "数据开放", "司法公开", "普法宣传", "其他"}, []string{"数据开发", "新闻", "其它"}, 23},
	}
	lists := map[string][]string{"IsNoticeType": NoticeTypes, "IsPolicyGenre": PolicyGenres, "IsPolicyStatus": PolicyStatuses, "IsColumnType": ColumnTypes}
	for _, tc := range tests {
		for _, s := range tc.yes {
			if !tc.is(s) {
				t.Errorf("%s(%q) = false, want true", tc.name, s)
			}
		}
		for _, s := range tc.no {
			if tc.is(s) {
				t.Errorf("%s(%q) = true, want false", tc.name, s)
			}
		}
		if n := len(lists[tc.name]); n != tc.size {
			t.Errorf("%s list has %d values, want %d", tc.name, n, tc.size)
		}
		for _, s := range lists[tc.name] {
			if !tc.is(s) {
				t.Errorf("%s(%q) = false for a listed value", tc.name, s)
			}
		}
	}
}
