package lint

import (
	"strings"
	"testing"
	"unicode/utf8"
)

const (
	msgID18   = "公开文本中不得出现身份证号码，请删除，或只保留前 4 位和后 4 位（如 3301**********1236）"
	msgIDX    = "公开文本中不得出现身份证号码，请删除，或只保留前 4 位和后 4 位（如 1101**********002X）"
	msgPhone  = "公开文本中不得出现个人手机号码，请删除或改为单位办公电话；确需保留时只保留前 3 位和后 4 位（如 138****5678）"
	msgCard16 = "公开文本中不得出现银行卡号，请删除，或只保留后 4 位（如 **** **** **** 7894）"
	msgCard19 = "公开文本中不得出现银行卡号，请删除，或只保留后 4 位（如 **** **** **** 0122）"
)

type personalCase struct {
	name string
	text string
	want []Finding
}

func id(line, col int, match string) Finding {
	msg := "公开文本中不得出现身份证号码，请删除，或只保留前 4 位和后 4 位（如 " + match[:4] + "**********" + match[14:] + "）"
	return Finding{Line: line, Col: col, Rule: RulePersonalID, Level: Error, Message: msg, Match: match}
}

func phone(line, col int, match string) Finding {
	return Finding{Line: line, Col: col, Rule: RulePersonalPhone, Level: Error, Message: msgPhone, Match: match}
}

func card(line, col int, match, msg string) Finding {
	return Finding{Line: line, Col: col, Rule: RulePersonalBankCard, Level: Error, Message: msg, Match: match}
}

var personalCases = []personalCase{
	{"id in Chinese text", "当事人身份证号330106199003071236，住址略。",
		[]Finding{{Line: 1, Col: 8, Rule: RulePersonalID, Level: Error, Message: msgID18, Match: "330106199003071236"}}},
	{"id with X on line 3", "第一行\n第二行\n身份证：11010519491231002X。",
		[]Finding{{Line: 3, Col: 5, Rule: RulePersonalID, Level: Error, Message: msgIDX, Match: "11010519491231002X"}}},
	{"id with lower-case x", "号码 11010519491231002x", []Finding{id(1, 4, "11010519491231002x")}},
	{"id leap day", "440304200002290014", []Finding{id(1, 1, "440304200002290014")}},
	{"id wrong check digit", "备注：身份证号330106199003071237。", []Finding{{Line: 1, Col: 8, Rule: RulePersonalID, Level: Error,
		Message: "公开文本中不得出现疑似身份证号码（校验位不对，可能是写错的身份证号码），请删除，或只保留前 4 位和后 4 位（如 3301**********1237）", Match: "330106199003071237"}}},
	{"id wrong check X", "44030420000229001X", []Finding{{Line: 1, Col: 1, Rule: RulePersonalID, Level: Error,
		Message: "公开文本中不得出现疑似身份证号码（校验位不对，可能是写错的身份证号码），请删除，或只保留前 4 位和后 4 位（如 4403**********001X）", Match: "44030420000229001X"}}},
	{"id old form 15 digits", "身份证 330106900307123 住", []Finding{{Line: 1, Col: 5, Rule: RulePersonalID, Level: Error,
		Message: "公开文本中不得出现身份证号码，请删除，或只保留前 4 位和后 4 位（如 3301*******7123）", Match: "330106900307123"}}},
	{"id old form impossible date", "330106901307123", nil},
	{"id old form inside longer run", "3301069003071234", nil},
	{"id wrong check inside longer run", "33010619900307123799", nil},
	{"id region not a province", "190101199003070010", nil},
	{"id wrong check impossible date", "330106199002301237", nil},
	{"amount in yuan", "罚款人民币123456789012345.00元", nil},
	{"amount 18 digits", "合计330106199013071237元", nil},
	{"id impossible month", "110101199013070015", nil},
	{"id birth year 1800", "110101180003070011", nil},
	{"id region 9", "910101199003070010", nil},
	{"id inside longer run", "1330106199003071236", nil},
	{"id after letters", "ABC330106199003071236", nil},
	{"id followed by letter", "330106199003071236a", nil},
	{"id as index number issuer", "索引号：330106199003071236/2024-00012", nil},

	{"phone plain", "联系电话：13812345678。", []Finding{phone(1, 6, "13812345678")}},
	{"phone 3-4-4 spaces", "电话 138 1234 5678 转", []Finding{phone(1, 4, "138 1234 5678")}},
	{"phone 3-4-4 dashes", "电话138-1234-5678", []Finding{phone(1, 3, "138-1234-5678")}},
	{"phone +86", "Tel +8613812345678", []Finding{phone(1, 5, "+8613812345678")}},
	{"phone +86 space", "（+86 13812345678）", []Finding{phone(1, 2, "+86 13812345678")}},
	{"phone +86 grouped", "+86-138-1234-5678", []Finding{phone(1, 1, "+86-138-1234-5678")}},
	{"phone in tel link", "[拨打](tel:13812345678)", []Finding{phone(1, 10, "13812345678")}},
	{"phone column after CJK on line 2", "甲\n乙丙丁13812345678", []Finding{phone(2, 4, "13812345678")}},
	{"phone mixed separators", "138 1234-5678", nil},
	{"phone starting 12", "12812345678", nil},
	{"phone inside 12 digits", "138123456789", nil},
	{"phone grouped inside longer groups", "99 138 1234 5678", nil},
	{"phone grouped followed by group", "138 1234 5678 9", nil},
	{"phone in URL", "见 https://www.example.gov.cn/art/13812345678.html", nil},
	{"phone in www address", "www.example.gov.cn/13812345678", nil},
	{"phone after underscore", "t20240301_13812345678", nil},

	{"card 16", "账号6222021234567894。", []Finding{card(1, 3, "6222021234567894", msgCard16)}},
	{"card 19", "卡号：6217001234567890122", []Finding{card(1, 4, "6217001234567890122", msgCard19)}},
	{"card 18 that is not an id", "621700123456789011", []Finding{card(1, 1, "621700123456789011", "公开文本中不得出现银行卡号，请删除，或只保留后 4 位（如 **** **** **** 9011）")}},
	{"card grouped", "卡号 6222 0212 3456 7894 已冻结", []Finding{card(1, 4, "6222 0212 3456 7894", msgCard16)}},
	{"card grouped 19", "6217-0012-3456-7890-122", []Finding{card(1, 1, "6217-0012-3456-7890-122", msgCard19)}},
	{"card bad luhn", "6222021234567895", nil},
	{"card starting 2 (date-like)", "2024030112345678", nil},
	{"card grouped bad luhn", "6222 0212 3456 7895", nil},
	{"card grouped mixed separators", "6222 0212-3456 7894", nil},

	{"index number", "索引号：11330100002482XXXX/2024-00012", nil},
	{"index number all digits", "000014349/2017-00110", nil},
	{"date", "2024年3月1日（20240301）发布", nil},
	{"case number", "（2024）某0102民初1234号", nil},
	{"doc number", "国办发〔2017〕47号", nil},
	{"fixed line", "咨询电话：0571-12345678，传真 010-87654321", nil},
	{"hotline", "12345 热线、400-123-4567", nil},
	{"masked id", "3301**********1236", nil},
	{"masked phone", "138****5678", nil},

	{"several on separate lines", "甲 13812345678\n\n乙 330106199003071236 丙 6222021234567894",
		[]Finding{phone(1, 3, "13812345678"), id(3, 3, "330106199003071236"), card(3, 24, "6222021234567894", msgCard16)}},
	{"CRLF lines", "甲\r\n13812345678", []Finding{phone(2, 1, "13812345678")}},
}

func TestPersonalData(t *testing.T) {
	for _, tc := range personalCases {
		t.Run(tc.name, func(t *testing.T) {
			got := PersonalData(tc.text)
			if len(got) != len(tc.want) {
				t.Fatalf("PersonalData(%q) = %d findings %+v, want %d %+v", tc.text, len(got), got, len(tc.want), tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("finding %d\n got  %+v\n want %+v", i, got[i], tc.want[i])
				}
			}
		})
	}
}

// checkPositions verifies that every finding points at its Match.
func checkPositions(t *testing.T, text string, fs []Finding) {
	t.Helper()
	lines := strings.Split(text, "\n")
	for _, f := range fs {
		if f.Line < 1 || f.Line > len(lines) {
			t.Fatalf("finding %+v: line out of range 1..%d", f, len(lines))
		}
		line := lines[f.Line-1]
		if f.Col < 1 || f.Col > utf8.RuneCountInString(line)+1 {
			t.Fatalf("finding %+v: column out of range for line %q", f, line)
		}
		off := 0
		for range f.Col - 1 {
			_, size := utf8.DecodeRuneInString(line[off:])
			off += size
		}
		if !strings.HasPrefix(line[off:], f.Match) {
			t.Fatalf("finding %+v: line %q does not have Match at the column", f, line)
		}
		if f.Message == "" || f.Rule == "" {
			t.Fatalf("finding %+v: empty message or rule", f)
		}
	}
}

func FuzzPersonalData(f *testing.F) {
	for _, tc := range personalCases {
		f.Add(tc.text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		fs := PersonalData(text)
		checkPositions(t, text, fs)
		for _, x := range fs {
			if d := digitsOf(x.Match); len(d) < 11 {
				t.Fatalf("finding %+v has fewer than 11 digits", x)
			}
		}
	})
}
