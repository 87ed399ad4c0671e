package frontmatter

import (
	"strings"
	"testing"
	"time"
)

var shanghai, _ = time.LoadLocation("Asia/Shanghai")

func parse(t *testing.T, src string) (*Meta, error) {
	t.Helper()
	fm, _, fmLine, _, err := Split("content/a.md", []byte(src))
	if err != nil {
		return nil, err
	}
	return Decode("content/a.md", fm, fmLine, shanghai)
}

func TestSplit(t *testing.T) {
	src := "+++\ntitle = \"a\"\r\n+++\r\nbody\n"
	fm, body, fmLine, bodyLine, err := Split("x.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if string(fm) != "title = \"a\"\r\n" || string(body) != "body\n" || fmLine != 2 || bodyLine != 4 {
		t.Fatalf("got fm=%q body=%q fmLine=%d bodyLine=%d", fm, body, fmLine, bodyLine)
	}
}

func TestSplitErrors(t *testing.T) {
	cases := map[string]string{
		"---\ntitle: a\n---\n": "x.md:1: 前言（front matter）请用 TOML 格式，以 +++ 开始和结束",
		"# 标题\n":               "x.md:1: 文件开头缺少前言",
		"+++\ntitle = \"a\"\n": "x.md:1: 前言没有结束",
	}
	for src, want := range cases {
		_, _, _, _, err := Split("x.md", []byte(src))
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("Split(%q) = %v, want prefix %q", src, err, want)
		}
	}
}

func TestDecode(t *testing.T) {
	m, err := parse(t, `+++
title = "某市行政规范性文件管理办法"
date = 2026-03-01
lastmod = 2026-03-02T10:00:00
tags = ["行政复议"]
[policy]
issuer = ["某市人民政府", "某市司法局"]
docNumber = "某政规〔2026〕3号"
effective = "2026-04-01"
attachments = [{ file = "a.pdf", name = "附件1" }]
[notice]
hearing = 2026-12-08T09:30:00+08:00
+++
正文
`)
	if err != nil {
		t.Fatal(err)
	}
	if m.Date.Format(time.RFC3339) != "2026-03-01T00:00:00+08:00" {
		t.Errorf("date = %v", m.Date)
	}
	if m.Lastmod.Format(time.RFC3339) != "2026-03-02T10:00:00+08:00" {
		t.Errorf("lastmod = %v", m.Lastmod)
	}
	if m.Policy.Effective.Format(time.RFC3339) != "2026-04-01T00:00:00+08:00" {
		t.Errorf("effective = %v", m.Policy.Effective)
	}
	if len(m.Policy.Issuer) != 2 || m.Policy.Attachments[0].Name != "附件1" {
		t.Errorf("policy = %+v", m.Policy)
	}
	if m.Lines("policy.docNumber") != 8 || m.Lines("title") != 2 {
		t.Errorf("lines: docNumber %d title %d", m.Lines("policy.docNumber"), m.Lines("title"))
	}
}

func TestDecodeErrors(t *testing.T) {
	cases := []struct{ src, want string }{
		{"+++\ntitle = \"a\"\nauthor = \"b\"\n+++\n", "content/a.md:3: 未知的前言键「author」：author 应写在 [article] 表中"},
		{"+++\ntitle = \"a\n+++\n", "content/a.md:2:"},
		{"+++\ntitle = \"a\"\ndate = \"三月一日\"\n+++\n", "content/a.md:3:"},
		{"+++\ntitle = \"a\"\n[policy]\nissuer = 3\n+++\n", "content/a.md:4:"},
		{"+++\ntitle = \"a\"\n[policy]\ndocNumbr = \"x\"\n+++\n", "content/a.md:4: 未知的前言键「policy.docNumbr」"},
	}
	for _, c := range cases {
		_, err := parse(t, c.src)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q: got %v, want prefix %q", c.src, err, c.want)
		}
	}
}

func FuzzSplitDecode(f *testing.F) {
	f.Add("+++\ntitle = \"a\"\ndate = 2024-01-01\n+++\nbody")
	f.Add("---\na: b\n---\n")
	f.Add("+++\n[policy]\nissuer = [\"a\", 1]\n+++\n")
	f.Add("+++\n[[policy.attachments]]\nfile = \"x\"\n+++\n")
	f.Fuzz(func(t *testing.T, src string) {
		fm, _, fmLine, _, err := Split("f.md", []byte(src))
		if err != nil {
			return
		}
		_, _ = Decode("f.md", fm, fmLine, shanghai)
	})
}
