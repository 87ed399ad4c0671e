package frontmatter

import (
	"errors"
	"fmt"
	"time"

	"github.com/fazhi-dev/fazhi/internal/legal"
)

// Meta is a page's decoded front matter.
type Meta struct {
	Title       string   `toml:"title"`
	Date        Time     `toml:"date"`
	Lastmod     Time     `toml:"lastmod"`
	PublishDate Time     `toml:"publishDate"`
	ExpiryDate  Time     `toml:"expiryDate"`
	Draft       bool     `toml:"draft"`
	Slug        string   `toml:"slug"`
	URL         string   `toml:"url"`
	Aliases     []string `toml:"aliases"`
	Weight      int      `toml:"weight"`
	Tags        []string `toml:"tags"`
	Summary     string   `toml:"summary"`
	Description string   `toml:"description"`
	Kind        string   `toml:"kind"`
	Interprets  []string `toml:"interprets"`
	Articles    bool     `toml:"articles"`
	FAQ         bool     `toml:"faq"`

	// Column (_index.md) keys.
	ColumnType string   `toml:"columnType"`
	Keywords   []string `toml:"keywords"`

	Policy  *Policy  `toml:"policy"`
	Notice  *Notice  `toml:"notice"`
	Article *Article `toml:"article"`
	Cleanup *Cleanup `toml:"cleanup"`
	Report  *Report  `toml:"report"`
	// Consultation makes the page a draft put out for public comment
	// (意见征集), whatever its type.
	Consultation *Consultation `toml:"consultation"`
	// Enforcement makes a column (_index.md with kind = "enforcement") a
	// 行政执法公示 column whose decisions come from a data file.
	Enforcement *Enforcement `toml:"enforcement"`

	// Lines maps a front-matter key ("title", "policy.docNumber") to its
	// line in the file, for error messages of later stages.
	Lines func(key string) int `toml:"-"`
	// Cols maps a key to the column (in characters) where its value starts
	// on its line, or 0.
	Cols func(key string) int `toml:"-"`
}

// Policy is the [policy] table of a 政策文件.
type Policy struct {
	IndexNumber  string             `toml:"indexNumber"`
	RegNumber    string             `toml:"regNumber"`
	Issuer       StringList         `toml:"issuer"`
	DocNumber    string             `toml:"docNumber"`
	Written      Time               `toml:"written"`
	Topic        string             `toml:"topic"`
	Genre        legal.PolicyGenre  `toml:"genre"`
	Keywords     []string           `toml:"keywords"`
	Effective    Time               `toml:"effective"`
	Expires      Time               `toml:"expires"`
	Status       legal.PolicyStatus `toml:"status"`
	SupersededBy string             `toml:"supersededBy"`
	// Amends names the documents a 修改决定 amends: one content path or
	// a list of them.
	Amends StringList `toml:"amends"`
	// Revises is the content path of the previous version of a document
	// that this page is a new text of (修订, or 修正后重新公布); a chain
	// of revises is one work.
	Revises     string       `toml:"revises"`
	Attachments []Attachment `toml:"attachments"`
}

// Cleanup is the [cleanup] table of a 清理结果 page (kind = "cleanup"):
// the decision date and the content paths of the documents under each
// outcome.
type Cleanup struct {
	Decided   Time     `toml:"decided"`   // 决定日期: the outcomes apply from this day
	Continued []string `toml:"continued"` // 继续有效
	Revised   []string `toml:"revised"`   // 修改后重新发布
	Expired   []string `toml:"expired"`   // 宣布失效
	Repealed  []string `toml:"repealed"`  // 宣布废止
}

// Attachment is a file of a page bundle with the name shown to readers.
type Attachment struct {
	File string `toml:"file"`
	Name string `toml:"name"`
}

// Notice is the [notice] table of a 司法公开 notice.
type Notice struct {
	Type       legal.NoticeType `toml:"type"`
	CaseNumber string           `toml:"caseNumber"`
	Court      string           `toml:"court"`
	Cause      string           `toml:"cause"`
	Parties    []string         `toml:"parties"`
	Hearing    Time             `toml:"hearing"`
	Place      string           `toml:"place"`
	PeriodDays int              `toml:"periodDays"`
	Until      Time             `toml:"until"`
}

// Consultation is the [consultation] table of a draft put out for public
// comment (意见征集).
type Consultation struct {
	From Time `toml:"from"`
	// To is the last day (a date: through 24:00) or the closing instant
	// (a date-time) of the comment period.
	To Time `toml:"to"`
	// Channel says how to comment: e-mail addresses, postal addresses or
	// the web address of a form.
	Channel StringList `toml:"channel"`
	// Result is the content path of the 采纳情况 page, once published.
	Result string `toml:"result"`
}

// Enforcement is the [enforcement] table of a 行政执法公示 column: the
// type of its decisions and the spreadsheet they are read from.
type Enforcement struct {
	// Type is "行政处罚" or "行政许可".
	Type string `toml:"type"`
	// Data is the file under the site's data/ folder (CSV or XLSX).
	Data string `toml:"data"`
	// Sheet names the worksheet of an XLSX workbook (default: the first).
	Sheet string `toml:"sheet"`
}

// Article is the [article] table of 普法, news and speech pages.
type Article struct {
	Series   string   `toml:"series"`
	Source   string   `toml:"source"`
	Author   string   `toml:"author"`
	Audience []string `toml:"audience"`
	Speaker  string   `toml:"speaker"`
	Occasion string   `toml:"occasion"`
}

// Time is a date or date-time. A value without a zone is in the site's
// time zone once Decode has run.
type Time struct{ time.Time }

// UnmarshalTOML accepts a TOML date or date-time, or a string such as
// "2024-03-01" or "2024-03-01 09:30".
func (t *Time) UnmarshalTOML(v any) error {
	switch x := v.(type) {
	case time.Time:
		t.Time = x
		return nil
	case string:
		for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02"} {
			if p, err := time.ParseInLocation(layout, x, localZone); err == nil {
				t.Time = p
				return nil
			}
		}
		return fmt.Errorf("日期「%s」无法识别，应写成 2024-03-01 或 2024-03-01T09:30:00", x)
	}
	return errors.New("应为日期，如 2024-03-01，不加引号 (expected a date)")
}

// localZone marks a string-parsed time as having no zone, like TOML local
// dates, so that Decode moves it into the site's zone.
var localZone = time.FixedZone("datetime-local", 0)

// StringList is a string or a list of strings.
type StringList []string

// UnmarshalTOML accepts "a" or ["a", "b"].
func (s *StringList) UnmarshalTOML(v any) error {
	switch x := v.(type) {
	case string:
		*s = StringList{x}
		return nil
	case []any:
		out := make(StringList, 0, len(x))
		for _, e := range x {
			str, ok := e.(string)
			if !ok {
				return errors.New("应为文字或文字列表，如 \"某市司法局\" 或 [\"某市司法局\", \"某市财政局\"]")
			}
			out = append(out, str)
		}
		*s = out
		return nil
	}
	return errors.New("应为文字或文字列表，如 \"某市司法局\" 或 [\"某市司法局\", \"某市财政局\"]")
}
