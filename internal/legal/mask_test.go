package legal

import "testing"

func TestMaskName(t *testing.T) {
	tests := []struct{ name, mask, want string }{
		{"张三", "", "张某"},
		{"张三丰", "", "张某"},
		{" 李四 ", "某", "李某"},
		{"欧阳修", "", "欧阳某"},
		{"欧阳", "", "欧某"}, // two characters: 欧 is the surname
		{"司马相如", "", "司马某"},
		{"王", "", "王某"},
		{"阿依古丽·买买提", "", "阿依古丽某"},
		{"张三", "*", "张*"},
		{"张三丰", "**", "张**"},
		{"张某", "", "张某"},
		{"张某某", "", "张某某"},
		{"张*", "", "张*"},
		{"", "", ""},
	}
	for _, tc := range tests {
		if got := MaskName(tc.name, tc.mask); got != tc.want {
			t.Errorf("MaskName(%q, %q) = %q, want %q", tc.name, tc.mask, got, tc.want)
		}
	}
}
