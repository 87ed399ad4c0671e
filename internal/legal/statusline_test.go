package legal

import (
	"testing"
	"time"
)

func cday(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02", s, time.FixedZone("CST", 8*3600))
	if err != nil {
		panic(err)
	}
	return t
}

func TestStatusLineSentences(t *testing.T) {
	banfa := Ref{Title: "某市行政复议办法", DocNumber: "某府令〔2026〕27号"}
	decision := Ref{Title: "某市人民政府关于修改《某市行政规范性文件管理办法》的决定", DocNumber: "某政规〔2026〕5号"}
	cleanup := Ref{Title: "某市人民政府关于公布规范性文件清理结果的决定"}
	for _, c := range []struct {
		line StatusLine
		want string
	}{
		{StatusLine{Validity: InForce, Since: cday("2026-05-01")}, "现行有效 · 2026年5月1日起施行"},
		{StatusLine{Validity: InForce}, "现行有效"},
		{StatusLine{Validity: InForce, Since: cday("2026-05-01"), By: cleanup, Cleanup: true}, "现行有效 · 经《某市人民政府关于公布规范性文件清理结果的决定》确认继续有效"},
		{StatusLine{Validity: NotYetInForce, Since: cday("2026-07-01")}, "尚未施行 · 将于2026年7月1日起施行"},
		{StatusLine{Validity: Amended, By: decision}, "已修改 · 根据《某市人民政府关于修改〈某市行政规范性文件管理办法〉的决定》（某政规〔2026〕5号）修改"},
		{StatusLine{Validity: Amended}, "已修改"},
		{StatusLine{Validity: Amended, Since: cday("2026-05-01"), By: cleanup, Cleanup: true}, "已修改 · 自2026年5月1日起由《某市人民政府关于公布规范性文件清理结果的决定》决定修改后重新发布"},
		{StatusLine{Validity: Expired, Until: cday("2025-06-30")}, "已失效 · 有效期至2025年6月30日"},
		{StatusLine{Validity: Expired}, "已失效"},
		{StatusLine{Validity: Expired, Since: cday("2026-05-01"), By: cleanup, Cleanup: true}, "已失效 · 自2026年5月1日起由《某市人民政府关于公布规范性文件清理结果的决定》宣布失效"},
		{StatusLine{Validity: Repealed, Since: cday("2026-05-01"), By: banfa}, "已废止 · 自2026年5月1日起由《某市行政复议办法》（某府令〔2026〕27号）废止"},
		{StatusLine{Validity: Repealed, By: banfa}, "已废止 · 由《某市行政复议办法》（某府令〔2026〕27号）废止"},
		{StatusLine{Validity: Repealed}, "已废止"},
		{StatusLine{Validity: Repealed, Since: cday("2026-05-01"), By: cleanup, Cleanup: true}, "已废止 · 自2026年5月1日起由《某市人民政府关于公布规范性文件清理结果的决定》宣布废止"},
	} {
		if got := c.line.String(); got != c.want {
			t.Errorf("%+v:\n got %s\nwant %s", c.line, got, c.want)
		}
	}
}

func TestListMark(t *testing.T) {
	for v, want := range map[Validity]string{InForce: "", NotYetInForce: "", Amended: "", Expired: "【已失效】", Repealed: "【已废止】"} {
		if got := v.ListMark(); got != want {
			t.Errorf("%s.ListMark() = %q, want %q", v, got, want)
		}
	}
}

func TestDefaultExpiry(t *testing.T) {
	if got := DefaultExpiry(cday("2021-05-01"), 5); !got.Equal(cday("2026-04-30")) {
		t.Errorf("5 years from 2021-05-01 end %s, want 2026-04-30", got)
	}
	if got := DefaultExpiry(cday("2024-03-01"), 2); !got.Equal(cday("2026-02-28")) {
		t.Errorf("2 years from 2024-03-01 end %s, want 2026-02-28", got)
	}
	if !DefaultExpiry(cday("2021-05-01"), 0).IsZero() {
		t.Error("0 years gives an expiry")
	}
	if !IsProvisional("某市网络预约出租汽车管理暂行办法") || !IsProvisional("某市河长制工作规则（试行）") || IsProvisional("某市行政复议办法") {
		t.Error("IsProvisional")
	}
}

func TestVersionNotes(t *testing.T) {
	ref := Ref{Title: "某市机动车停放管理办法", DocNumber: "某府令〔2026〕31号"}
	day := time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		n    VersionNote
		want string
	}{
		{VersionNote{Kind: NoteRevised, Ref: ref, Since: day}, "本文件已被修订，现行版本：《某市机动车停放管理办法》（某府令〔2026〕31号）（2026年7月1日起施行）"},
		{VersionNote{Kind: NotePending, Ref: ref, Since: day}, "已公布修订文本《某市机动车停放管理办法》（某府令〔2026〕31号），将于2026年7月1日起施行"},
		{VersionNote{Kind: NoteNotYet, Ref: ref, Since: day}, "本文本尚未施行，在此之前适用现行版本：《某市机动车停放管理办法》（某府令〔2026〕31号）（2026年7月1日起施行）"},
		{VersionNote{}, ""},
	} {
		if got := c.n.String(); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
	l := StatusLine{Validity: Amended, By: ref, Revised: true}
	if got, want := l.String(), "已修改 · 已被《某市机动车停放管理办法》（某府令〔2026〕31号）修订"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
