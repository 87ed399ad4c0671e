package legal

import (
	"fmt"
	"slices"
	"time"
)

// ReportType is a kind of statutory annual report, as written in front
// matter ([report] type = "政府信息公开工作年度报告").
type ReportType string

// The kinds of annual report.
const (
	// ReportXxgk is the 政府信息公开工作年度报告 (《政府信息公开条例》第四十九、
	// 五十条; format of 国办公开办函〔2021〕30号).
	ReportXxgk ReportType = "政府信息公开工作年度报告"
	// ReportFazhi is the 法治政府建设年度报告 (《法治政府建设与责任落实督察工作
	// 规定》: published by 4月1日).
	ReportFazhi ReportType = "法治政府建设年度报告"
)

// ReportTypes are the kinds of annual report.
var ReportTypes = []string{string(ReportXxgk), string(ReportFazhi)}

// IsReportType reports whether s is one of ReportTypes.
func IsReportType(s string) bool { return slices.Contains(ReportTypes, s) }

// ReportLevel says which deadline of the 政府信息公开工作年度报告 applies
// to a site ([legal] reportLevel).
type ReportLevel string

// The report levels.
const (
	// LevelDepartment: a government department publishes its report by
	// 1月31日 (条例第四十九条第一款).
	LevelDepartment ReportLevel = "department"
	// LevelGovernment: a government at county level or above publishes
	// its report by 3月31日 (条例第四十九条第二款).
	LevelGovernment ReportLevel = "government"
)

// ReportLevels are the values of [legal] reportLevel.
var ReportLevels = []string{string(LevelDepartment), string(LevelGovernment)}

// IsReportLevel reports whether s is one of ReportLevels.
func IsReportLevel(s string) bool { return slices.Contains(ReportLevels, s) }

// ReportDue returns the last day (00:00 of it, in loc) on which the
// report of kind t on year reportYear may first be published: the report
// is late from the start of the following day. For 政府信息公开 it is
// 1月31日 (department) or 3月31日 (government) of reportYear+1; for 法治政府
// 建设 it is 4月1日 of reportYear+1 ("每年4月1日之前" read as on or before).
func ReportDue(t ReportType, level ReportLevel, reportYear int, loc *time.Location) time.Time {
	y := reportYear + 1
	switch {
	case t == ReportFazhi:
		return time.Date(y, time.April, 1, 0, 0, 0, 0, loc)
	case level == LevelGovernment:
		return time.Date(y, time.March, 31, 0, 0, 0, 0, loc)
	default:
		return time.Date(y, time.January, 31, 0, 0, 0, 0, loc)
	}
}

// FazhiReportedDue is the day by which departments report the 法治政府建设
// 年度报告 to the 党委政府 (3月1日); check warns from the day after it
// while the report is not yet online.
func FazhiReportedDue(reportYear int, loc *time.Location) time.Time {
	return time.Date(reportYear+1, time.March, 1, 0, 0, 0, 0, loc)
}

// Overdue reports whether now is after the whole of the due day.
func Overdue(now, due time.Time) bool { return !now.Before(due.AddDate(0, 0, 1)) }

// ReportSection is a section an annual report must have: its full
// heading and the words by which check recognises it in a heading.
type ReportSection struct {
	Heading string
	Words   string
}

// FazhiSections are the five sections of the 法治政府建设年度报告.
var FazhiSections = []ReportSection{
	{"上一年度推进法治政府建设的主要举措和成效", "主要举措和成效"},
	{"存在的不足和原因", "存在的不足和原因"},
	{"党政主要负责人履行推进法治建设第一责任人职责情况", "第一责任人职责"},
	{"下一年度推进法治政府建设的主要安排", "主要安排"},
	{"其他需要报告的情况", "其他需要报告的情况"},
}

// XxgkSections are the six sections of the 政府信息公开工作年度报告
// (国办公开办函〔2021〕30号).
var XxgkSections = []ReportSection{
	{"一、总体情况", "总体情况"},
	{"二、主动公开政府信息情况", "主动公开政府信息情况"},
	{"三、收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请情况"},
	{"四、政府信息公开行政复议、行政诉讼情况", "行政复议、行政诉讼情况"},
	{"五、存在的主要问题及改进情况", "存在的主要问题及改进情况"},
	{"六、其他需要报告的事项", "其他需要报告的事项"},
}

// Sections returns the required sections of a report kind.
func (t ReportType) Sections() []ReportSection {
	if t == ReportFazhi {
		return FazhiSections
	}
	return XxgkSections
}

// UnmarshalText accepts "department" or "government" (also written 部门 or
// 政府).
func (l *ReportLevel) UnmarshalText(b []byte) error {
	switch s := string(b); s {
	case string(LevelDepartment), "部门":
		*l = LevelDepartment
	case string(LevelGovernment), "政府":
		*l = LevelGovernment
	default:
		return fmt.Errorf("reportLevel = \"%s\" 无效：政府部门写 \"department\"（年报1月31日前公布），县级以上人民政府写 \"government\"（3月31日前公布）", s)
	}
	return nil
}
