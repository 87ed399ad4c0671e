package legal

import (
	"strings"
	"unicode/utf8"
)

// DefaultNameMask replaces the given name of a natural person in
// published decisions: 张三 becomes 张某, following the way courts
// publish judgments (法释〔2016〕19号第九条). No national rule fixes the
// form for 行政处罚 (⚠), so sites may set [legal] nameMask.
const DefaultNameMask = "某"

// compoundSurnames are the two-character surnames kept whole when a name
// is masked (欧阳修 becomes 欧阳某, not 欧某).
var compoundSurnames = []string{
	"欧阳", "太史", "端木", "上官", "司马", "东方", "独孤", "南宫", "万俟", "闻人",
	"夏侯", "诸葛", "尉迟", "公羊", "赫连", "澹台", "皇甫", "宗政", "濮阳", "公冶",
	"太叔", "申屠", "公孙", "慕容", "仲孙", "钟离", "长孙", "宇文", "司徒", "鲜于",
	"司空", "闾丘", "子车", "亓官", "司寇", "巫马", "公西", "颛孙", "壤驷", "公良",
	"漆雕", "乐正", "宰父", "谷梁", "拓跋", "夹谷", "轩辕", "令狐", "段干", "百里",
	"呼延", "东郭", "南门", "羊舌", "微生", "公户", "公玉", "公仪", "梁丘", "公仲",
	"公上", "公门", "公山", "公坚", "左丘", "公伯", "西门", "公祖", "第五", "公乘",
	"贯丘", "公皙", "南荣", "东里", "东宫", "仲长", "子书", "子桑", "即墨", "达奚",
	"褚师",
}

// Surname returns the surname of a Chinese personal name: its first
// character, or its first two when they are a compound surname and a
// given name follows. For a name with a middle dot (a transliterated or
// minority name such as 阿依古丽·买买提) it is the part before the dot.
func Surname(name string) string {
	name = strings.TrimSpace(name)
	if i := strings.IndexAny(name, "·•・."); i > 0 {
		return name[:i]
	}
	for _, s := range compoundSurnames {
		if strings.HasPrefix(name, s) && utf8.RuneCountInString(name) > 2 {
			return s
		}
	}
	_, n := utf8.DecodeRuneInString(name)
	return name[:n]
}

// MaskName masks a natural person's name for publication: the surname
// followed by mask (DefaultNameMask when mask is empty), e.g. 张某, 欧阳某.
// An empty name stays empty; a name that is already masked (it ends with
// mask, or contains * or ＊) is returned unchanged.
func MaskName(name, mask string) string {
	if mask == "" {
		mask = DefaultNameMask
	}
	name = strings.TrimSpace(name)
	if name == "" || strings.ContainsAny(name, "*＊") || (strings.HasSuffix(name, mask) && utf8.RuneCountInString(name) <= utf8.RuneCountInString(mask)+2) {
		return name
	}
	return Surname(name) + mask
}
