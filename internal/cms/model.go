package cms

import (
	"reflect"
	"strings"

	"github.com/fazhi-dev/fazhi/internal/enforcement"
	"github.com/fazhi-dev/fazhi/internal/frontmatter"
	"github.com/fazhi-dev/fazhi/internal/legal"
	"github.com/fazhi-dev/fazhi/internal/site"
)

// spec says how the editor shows one front-matter key ("policy.docNumber"):
// its Chinese label and what the Go type alone does not tell.
type spec struct {
	label    string
	hint     string
	required bool
	text     bool           // several lines
	date     bool           // a day, without a time
	relation bool           // a content path of a policy document
	file     bool           // a file of the page bundle
	pattern  *legal.Pattern // the form of an identifier
}

// specs label the keys of frontmatter.Meta. A key the parser learns and
// this table lacks still gets a field, labelled with its name, so the
// editor never lacks a key fazhi accepts.
var specs = map[string]spec{
	"title":       {label: "标题", required: true},
	"date":        {label: "发布时间", required: true, hint: "按北京时间填写"},
	"lastmod":     {label: "更新时间"},
	"publishDate": {label: "定时发布时间", hint: "到这个时间才发布；不定时就留空"},
	"expiryDate":  {label: "下线时间", hint: "到这个时间后不再发布；一直发布就留空"},
	"draft":       {label: "草稿（不发布）"},
	"slug":        {label: "网址名", required: true, hint: "只用英文字母、数字和连字符「-」，如 xingzheng-fuyi；文件名为「日期-网址名.md」"},
	"url":         {label: "自定义网址", hint: "一般留空"},
	"aliases":     {label: "旧网址", hint: "改过网址时，把旧网址写在这里，访问旧网址会转到本页"},
	"weight":      {label: "排序权重", hint: "数字小的排在前面；一般留空"},
	"tags":        {label: "标签"},
	"summary":     {label: "摘要", text: true},
	"description": {label: "页面描述", text: true, hint: "搜索引擎显示的简介；留空则用摘要"},
	"kind":        {label: "页面类型", hint: "一般留空，按栏目的类型；清理结果页面选 cleanup"},
	"interprets":  {label: "解读的文件", relation: true, hint: "解读材料与被解读的文件相互关联"},
	"articles":    {label: "按「第X条」生成条文锚点"},
	"faq":         {label: "问答格式"},
	"columnType":  {label: "栏目类型", required: true},
	"keywords":    {label: "关键词"},

	"policy":              {label: "政策文件信息", required: true},
	"policy.indexNumber":  {label: "索引号", required: true, pattern: &legal.IndexNumberPattern},
	"policy.regNumber":    {label: "登记号"},
	"policy.issuer":       {label: "发文机关", required: true, hint: "联合发文时逐个添加"},
	"policy.docNumber":    {label: "发文字号", pattern: &legal.DocNumberPattern},
	"policy.written":      {label: "成文日期", date: true},
	"policy.topic":        {label: "主题分类"},
	"policy.genre":        {label: "体裁"},
	"policy.keywords":     {label: "主题词"},
	"policy.effective":    {label: "施行日期", date: true},
	"policy.expires":      {label: "有效期至", date: true},
	"policy.status":       {label: "有效性", hint: "仍然有效的文件不选，fazhi 按日期算出有效性"},
	"policy.supersededBy": {label: "被哪个文件替代", relation: true},
	"policy.amends":       {label: "修改的文件", relation: true},
	"policy.revises":      {label: "修订的文件", relation: true},
	"policy.attachments":  {label: "附件"},
	"policy.attachments.file": {label: "文件", required: true, file: true,
		hint: "附件放在文件所在的文件夹里"},
	"policy.attachments.name": {label: "附件名称", required: true, hint: "如「附件1：申请表」"},

	"notice":            {label: "公告信息", required: true},
	"notice.type":       {label: "公告类型", required: true},
	"notice.caseNumber": {label: "案号", pattern: &legal.CaseNumberPattern},
	"notice.court":      {label: "发布法院"},
	"notice.cause":      {label: "案由"},
	"notice.parties":    {label: "当事人"},
	"notice.hearing":    {label: "开庭时间"},
	"notice.place":      {label: "开庭地点"},
	"notice.periodDays": {label: "公告期（天）"},
	"notice.until":      {label: "公告期满日期", date: true},

	"article":          {label: "文章信息"},
	"article.series":   {label: "系列"},
	"article.source":   {label: "来源"},
	"article.author":   {label: "作者"},
	"article.audience": {label: "读者对象"},
	"article.speaker":  {label: "讲话人"},
	"article.occasion": {label: "讲话场合"},

	"cleanup":           {label: "清理结果"},
	"cleanup.decided":   {label: "决定日期", date: true, required: true},
	"cleanup.continued": {label: "继续有效", relation: true},
	"cleanup.revised":   {label: "修改后重新发布", relation: true},
	"cleanup.expired":   {label: "宣布失效", relation: true},
	"cleanup.repealed":  {label: "宣布废止", relation: true},

	"report":        {label: "年度报告"},
	"report.type":   {label: "报告类型", required: true},
	"report.year":   {label: "报告年度", required: true, hint: "报告的是哪一年，如 2025"},
	"report.table2": {label: "表二 主动公开政府信息情况"},
	"report.table3": {label: "表三 收到和处理政府信息公开申请情况"},
	"report.table4": {label: "表四 政府信息公开行政复议、行政诉讼情况"},

	"enforcement":       {label: "行政执法公示"},
	"enforcement.type":  {label: "公示类型", required: true},
	"enforcement.data":  {label: "数据文件", required: true, hint: "data 文件夹里的表格文件名，如 chufa.xlsx"},
	"enforcement.sheet": {label: "工作表", hint: "留空则用第一个工作表"},

	"consultation":         {label: "意见征集"},
	"consultation.from":    {label: "征集开始", required: true},
	"consultation.to":      {label: "征集截止", required: true},
	"consultation.channel": {label: "意见提交方式", required: true, hint: "电子邮箱、通信地址或网上表单的网址"},
	"consultation.result":  {label: "采纳情况页面", hint: "content 文件夹下的路径，如 zhengji/2026-caina.md"},
}

// enums are the closed lists of the typed front-matter values: the lists
// the parser and fazhi check test a value against.
var enums = map[reflect.Type][]string{
	reflect.TypeFor[legal.PolicyGenre]():  legal.PolicyGenres,
	reflect.TypeFor[legal.PolicyStatus](): legal.PolicyStatuses,
	reflect.TypeFor[legal.NoticeType]():   legal.NoticeTypes,
	reflect.TypeFor[legal.ReportType]():   legal.ReportTypes,
}

// stringEnums are closed lists of keys whose Go type is a plain string.
var stringEnums = map[string][]string{
	"columnType":       legal.ColumnTypes,
	"kind":             site.ContentTypes,
	"enforcement.type": {enforcement.Penalty, enforcement.Permit},
}

// mapKeys are the keys of the front-matter tables that are maps: the rows
// of the annual report's statistical tables.
var mapKeys = map[string][]string{
	"report.table2": legal.Table2Rows,
	"report.table3": func() []string {
		var out []string
		for _, r := range legal.Table3Rows {
			out = append(out, r.Name())
		}
		return out
	}(),
	"report.table4": legal.Table4Groups,
}

// Keys lists every key of frontmatter.Meta, dotted ("policy.docNumber"),
// with its Go type: the keys the parser accepts.
func Keys() map[string]reflect.Type {
	out := map[string]reflect.Type{}
	var walk func(prefix string, t reflect.Type)
	walk = func(prefix string, t reflect.Type) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
			if name == "" || name == "-" {
				continue
			}
			key := prefix + name
			out[key] = f.Type
			if st := structOf(f.Type); st != nil {
				walk(key+".", st)
			}
		}
	}
	walk("", reflect.TypeFor[frontmatter.Meta]())
	return out
}

// structOf returns the struct a table or an array of tables decodes into,
// or nil. frontmatter.Time is a value, not a table.
func structOf(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || t == reflect.TypeFor[frontmatter.Time]() {
		return nil
	}
	return t
}

// relationTarget is the collection relation widgets search, and the
// template of the value they store: the content path as authors write it.
type relationTarget struct{ collection string }

// fieldFor builds the field of key, whose Go type is t.
func fieldFor(key string, t reflect.Type, rel relationTarget) Field {
	name := key[strings.LastIndexByte(key, '.')+1:]
	s, ok := specs[key]
	if !ok {
		s.label = name
	}
	f := Field{Label: s.label, Name: name, Required: s.required, Hint: s.hint}
	if s.pattern != nil {
		f.Pattern = []string{s.pattern.Regexp, s.pattern.Hint}
	}
	if name == "slug" && key == "slug" {
		f.Pattern = []string{SlugPattern, "网址名只能用英文字母、数字和连字符「-」，如 xingzheng-fuyi"}
	}
	relation := func(multiple bool) {
		f.Widget = "relation"
		f.Collection = rel.collection
		f.SearchFields = []string{"title", "policy.docNumber", "policy.indexNumber"}
		f.DisplayFields = []string{"title"}
		f.ValueField = "{{dirname}}/{{filename}}.{{extension}}"
		f.Multiple = multiple
	}
	if list, ok := enums[t]; ok {
		f.Widget, f.Options = "select", list
		return f
	}
	if list, ok := stringEnums[key]; ok {
		f.Widget, f.Options = "select", list
		return f
	}
	if keys, ok := mapKeys[key]; ok {
		f.Widget, f.Collapsed = "object", true
		vt := "int"
		if t.Elem().Elem().Kind() == reflect.Float64 {
			vt = "float"
		}
		for _, k := range keys {
			f.Fields = append(f.Fields, Field{Label: k, Name: k, Widget: "list", Required: false,
				Field: &Field{Label: "数字", Name: "n", Widget: "number", Required: true, ValueType: vt}})
		}
		return f
	}
	switch {
	case t == reflect.TypeFor[frontmatter.Time]():
		f.Widget = "datetime"
		if s.date {
			f.Format, f.DateFormat, f.TimeFormat = "YYYY-MM-DD", "YYYY-MM-DD", false
		} else {
			// No offset: fazhi reads the time in the site's zone
			// (Asia/Shanghai), whatever the author's computer says.
			f.Format, f.DateFormat, f.TimeFormat = "YYYY-MM-DDTHH:mm:ss", "YYYY-MM-DD", "HH:mm"
		}
	case t.Kind() == reflect.Bool:
		// No default: an untouched switch writes nothing, and fazhi
		// keeps its own default.
		f.Widget = "boolean"
	case t.Kind() == reflect.Int:
		f.Widget, f.ValueType = "number", "int"
	case t.Kind() == reflect.String && s.relation && rel.collection != "":
		relation(false)
	case t.Kind() == reflect.String && s.file:
		f.Widget = "file"
	case t.Kind() == reflect.String && s.text:
		f.Widget = "text"
	case t.Kind() == reflect.String:
		f.Widget = "string"
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.String && s.relation && rel.collection != "":
		relation(true)
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.String:
		f.Widget = "list"
	case structOf(t) != nil:
		st := structOf(t)
		f.Widget = "object"
		if t.Kind() == reflect.Slice {
			f.Widget = "list"
		}
		f.Collapsed = !s.required
		for i := 0; i < st.NumField(); i++ {
			sf := st.Field(i)
			n, _, _ := strings.Cut(sf.Tag.Get("toml"), ",")
			if n == "" || n == "-" {
				continue
			}
			sub := fieldFor(key+"."+n, sf.Type, rel)
			if !f.Required && f.Widget == "object" {
				// Decap checks the fields of a table the author left
				// empty too: what a table needs once it is filled in
				// is said by the hint and by fazhi's own checks.
				optional(&sub)
			}
			f.Fields = append(f.Fields, sub)
		}
	default:
		f.Widget = "string"
	}
	return f
}

// optional makes f and the fields inside it optional.
func optional(f *Field) {
	if f.Required {
		f.Required = false
		if f.Hint == "" {
			f.Hint = "填写这一部分时必填"
		} else {
			f.Hint = "填写这一部分时必填。" + f.Hint
		}
	}
	for i := range f.Fields {
		optional(&f.Fields[i])
	}
}

// SlugPattern is the form of the slug field: ASCII letters, digits and
// hyphens, as the bundled portal's file names.
const SlugPattern = `^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$`
