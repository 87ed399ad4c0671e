package lint

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// compoundSurnames are two-character surnames; MaskName keeps both
// characters of them.
var compoundSurnames = []string{
	"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容",
	"长孙", "宇文", "司徒", "令狐", "夏侯", "轩辕", "端木", "独孤", "南宫",
	"西门", "呼延", "澹台", "公冶", "太史", "申屠", "钟离", "闻人", "赫连",
	"濮阳", "万俟", "司空", "第五", "拓跋", "百里", "东郭", "公羊", "左丘",
}

// MaskName returns the masked form of a natural person's name as used in
// published judgments and case studies: the surname followed by 某, for
// example 张三 → 张某, 欧阳娜娜 → 欧阳某. Compound surnames keep both
// characters when the name has at least three. For a name written with a
// middle dot (common for ethnic-minority names) the first character is
// kept: 阿依古丽·买买提 → 阿某. A name that already contains 某 is
// returned unchanged, and "" stays "". MaskName does not check that name
// is a person rather than an organisation.
func MaskName(name string) string {
	name = strings.TrimSpace(name)
	if name == "" || strings.Contains(name, "某") {
		return name
	}
	if utf8.RuneCountInString(name) >= 3 {
		for _, s := range compoundSurnames {
			if strings.HasPrefix(name, s) {
				return s + "某"
			}
		}
	}
	r, _ := utf8.DecodeRuneInString(name)
	return string(r) + "某"
}

// orgSuffixes end the names of organisations rather than people.
var orgSuffixes = []string{
	"公司", "集团", "有限", "合伙", "企业", "委员会", "中心", "政府", "银行",
	"分行", "支行", "商行", "医院", "学校", "大学", "学院", "幼儿园", "协会",
	"学会", "商会", "工会", "基金会", "合作社", "旅行社", "报社", "办公室",
	"办事处", "工作室", "经营部", "项目部", "部门", "超市", "小区", "物业",
	"街道", "村委会", "居委会", "研究所", "事务所", "派出所",
	// Single characters that practically never end a person's name.
	"局", "院", "委", "厂", "店", "所", "厅", "处", "馆", "队",
}

// IsNaturalPerson reports whether a party name looks like a natural
// person's full name that should be masked: two to four Chinese
// characters (or a longer name with a middle dot), not already masked
// with 某, *, × or X, and not ending like an organisation (公司, 局, 院,
// 委员会, 中心 …).
func IsNaturalPerson(name string) bool {
	name = strings.TrimSpace(name)
	n := utf8.RuneCountInString(name)
	dotted := strings.ContainsAny(name, "·•・")
	if n < 2 || (n > 4 && !dotted) || n > 20 {
		return false
	}
	for _, r := range name {
		if r == '某' || (!unicode.Is(unicode.Han, r) && !strings.ContainsRune("·•・", r)) {
			return false
		}
	}
	for _, s := range orgSuffixes {
		if strings.HasSuffix(name, s) {
			return false
		}
	}
	return true
}

// maskedMention matches the 某 form in a text: a Chinese character
// followed by 某. maskedNotAfter lists characters that, after 某, show a
// phrase like 某年, 某日 or 某市 rather than a masked name.
const maskedNotAfter = "年月日时天些种个项次处地方市县区省州镇乡村街路号单位公司部门机关人一事物件条期届位名家类段企"

// usesMasking reports whether text writes at least one person as
// surname + 某 (张某, 李某某, 欧阳某). A character counts as a surname
// when it begins one of the listed persons' names or is a frequent
// single-character surname.
func usesMasking(text string, persons []string) bool {
	surnames := commonSurnames
	for _, p := range persons {
		surnames += strings.TrimSuffix(MaskName(p), "某")
	}
	for i := 0; ; {
		j := strings.Index(text[i:], "某")
		if j < 0 {
			return false
		}
		at := i + j
		i = at + len("某")
		before, _ := utf8.DecodeLastRuneInString(text[:at])
		if before == utf8.RuneError || !strings.ContainsRune(surnames, before) {
			continue
		}
		rest := strings.TrimLeft(text[i:], "某")
		after, _ := utf8.DecodeRuneInString(rest)
		if !strings.ContainsRune(maskedNotAfter, after) {
			return true
		}
	}
}

// commonSurnames are frequent single-character surnames.
const commonSurnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"

// MaskedNames finds natural persons' full names left in a text that
// otherwise masks people with 某. It applies to 以案释法 case studies:
// when the text writes someone as 张某 or 李某某 and also contains, word
// for word, the full name of a natural person among parties, every
// occurrence of that full name is reported (rule personal-name, a
// warning) with the masked form to use. Parties that are organisations or
// already masked are ignored (see IsNaturalPerson). When a longer party
// name contains a shorter one, the longer match wins.
func MaskedNames(text string, parties []string) []Finding {
	var persons []string
	for _, p := range parties {
		p = strings.TrimSpace(p)
		if IsNaturalPerson(p) && !slices.Contains(persons, p) {
			persons = append(persons, p)
		}
	}
	if len(persons) == 0 || !usesMasking(text, persons) {
		return nil
	}
	// Longest names first, so that 张三丰 is not also reported as 张三.
	slices.SortStableFunc(persons, func(a, b string) int { return len(b) - len(a) })
	// taken marks the bytes of the names found so far: checking a new
	// one costs its own length, however many were found before.
	taken := make([]bool, len(text))
	type hit struct {
		span
		name string
	}
	var hits []hit
	for _, p := range persons {
		for i := 0; ; {
			j := strings.Index(text[i:], p)
			if j < 0 {
				break
			}
			s := span{i + j, i + j + len(p)}
			i = s.end
			if slices.Contains(taken[s.start:s.end], true) {
				continue
			}
			for k := s.start; k < s.end; k++ {
				taken[k] = true
			}
			hits = append(hits, hit{s, p})
		}
	}
	// positions are counted in one pass when asked in order
	slices.SortFunc(hits, func(a, b hit) int { return a.start - b.start })
	pos := newPositions(text)
	out := make([]Finding, 0, len(hits))
	for _, h := range hits {
		msg := "本文已用「" + MaskName(h.name) + "」这种方式隐去当事人姓名，这里却写了全名「" + h.name + "」，请改为「" + MaskName(h.name) + "」"
		out = append(out, pos.finding(h.start, h.end, RulePersonalName, Warning, msg))
	}
	sortFindings(out)
	return out
}
