package legal

import (
	"errors"
	"strings"
	"testing"
)

// The valid codes below were computed by hand (outside this package) with
// the GB 32100-2015 weights 3^i mod 31 over the code set
// 0123456789ABCDEFGHJKLMNPQRTUWXY; region 99xxxx belongs to no real place.
var validCreditCodes = []string{
	"91990102MA0000001D",
	"91990101MA00000110", // check character 0: (31 - 0) mod 31
	"12990000MB0123456M",
	"93990105MA12345677",
	"51990200MJ7654321U",
	"92990103MA00KX2Y3X",
}

func TestCheckCreditCodeValid(t *testing.T) {
	for _, c := range append(validCreditCodes, ExampleCreditCode, " 91990102MA0000001D ") {
		if err := CheckCreditCode(c); err != nil {
			t.Errorf("CheckCreditCode(%q) = %v, want nil", c, err)
		}
	}
}

func TestCheckCreditCodeInvalid(t *testing.T) {
	tests := []struct {
		in, msg, want string
	}{
		{"91990102MA0000001E", "统一社会信用代码「91990102MA0000001E」的校验位（第 18 位）不对：按前 17 位计算应为「D」；请先对照营业执照或登记证书核对前 17 位，前 17 位无误时，应写成「91990102MA0000001D」", "91990102MA0000001D"},
		{"91990101MA00000111", "应为「0」", "91990101MA00000110"},
		{"92990103ma00kx2y3x", "统一社会信用代码「92990103ma00kx2y3x」中的字母应大写，应写成「92990103MA00KX2Y3X」", "92990103MA00KX2Y3X"},
		{"91990102MA000001D", "应为 18 位，现在是 17 位；请对照营业执照或登记证书核对，正确写法如「91990102MA0000001D」", ExampleCreditCode},
		{"91990102MA0000O01D", "第 15 位是字母「O」，代码中不使用 I、O、Z、S、V 五个字母", ExampleCreditCode},
		{"91990102MA0000-01D", "第 15 位「-」不是数字或大写字母", ExampleCreditCode},
		{"9199A102MA0000001D", "第 3 至 8 位是登记机关的行政区划码，应全为数字", ExampleCreditCode},
		{"91990102MA 000001D", "中间不应有空格", ExampleCreditCode},
		{"９1990102MA0000001D", "应使用半角数字", ExampleCreditCode},
		{"", "统一社会信用代码不能为空", ExampleCreditCode},
	}
	for _, tc := range tests {
		err := CheckCreditCode(tc.in)
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("CheckCreditCode(%q) = %v, want a *SyntaxError", tc.in, err)
			continue
		}
		if !strings.Contains(err.Error(), tc.msg) || se.Want != tc.want {
			t.Errorf("CheckCreditCode(%q) = %q (want %q)\nwant message with %q and Want %q", tc.in, err, se.Want, tc.msg, tc.want)
		}
	}
}

// TestCreditCodeEveryWrongCheck changes the check character of each valid
// code to every other character: exactly one is accepted.
func TestCreditCodeEveryWrongCheck(t *testing.T) {
	for _, c := range validCreditCodes {
		ok := 0
		for i := range len(creditCharset) {
			if CheckCreditCode(c[:17]+creditCharset[i:i+1]) == nil {
				ok++
			}
		}
		if ok != 1 {
			t.Errorf("%s: %d check characters accepted, want 1", c, ok)
		}
	}
}

func FuzzCheckCreditCode(f *testing.F) {
	for _, c := range validCreditCodes {
		f.Add(c)
	}
	f.Add("91990102ma0000001d")
	f.Fuzz(func(t *testing.T, s string) {
		err := CheckCreditCode(s)
		var se *SyntaxError
		if err != nil && !errors.As(err, &se) {
			t.Fatalf("error %T", err)
		}
		if se != nil && !se.Example {
			if CheckCreditCode(se.Want) != nil {
				t.Fatalf("suggested %q does not pass", se.Want)
			}
		}
	})
}
