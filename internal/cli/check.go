package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/fazhi-dev/fazhi"
	"github.com/fazhi-dev/fazhi/internal/check"
	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/source"
)

// jsonFinding is one finding in --format json output, for CI annotations.
type jsonFinding struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Level   string `json:"level"`
	Rule    string `json:"rule"`
	Message string `json:"message"`
}

func runCheck(env *Env, args []string) int {
	var f buildFlags
	var format string
	fl := newFlags(env, "check", "check [-s 站点] [--now 时间] [--format text|json] [--drafts] [--future]")
	f.register(fl, false)
	fl.StringVar(&format, "format", "text", "输出格式：text（每行一个问题）或 json（供持续集成使用） (output format)")
	if code, ok := parse(fl, args); !ok {
		return code
	}
	if format != "text" && format != "json" {
		fmt.Fprintf(env.Stderr, "fazhi check: --format 应为 text 或 json，而不是「%s」 (unknown format)\n", format)
		return ExitUsage
	}
	now, err := parseNow(f.now)
	if err != nil {
		fmt.Fprintln(env.Stderr, "fazhi check:", err)
		return ExitUsage
	}
	if st, err := os.Stat(f.source); err != nil || !st.IsDir() {
		fmt.Fprintf(env.Stderr, "fazhi check: 站点文件夹「%s」不存在 (site folder not found)\n", f.source)
		return ExitUsage
	}
	rep, err := check.Run(env.Ctx, check.Options{
		Source: source.NewDir(f.source), Theme: fazhi.Theme, Now: now,
		Drafts: f.drafts, Future: f.future, Expired: f.expired,
	})
	if err != nil {
		fmt.Fprintln(env.Stderr, "fazhi check:", err)
		return ExitContent
	}
	if format == "json" {
		if err := writeJSON(env.Stdout, rep.Findings); err != nil {
			fmt.Fprintln(env.Stderr, "fazhi check:", err)
			return ExitContent
		}
		fmt.Fprint(env.Stderr, rep.Summary())
	} else {
		for _, e := range rep.Findings {
			fmt.Fprintln(env.Stdout, check.Line(e))
		}
		fmt.Fprint(env.Stdout, rep.Summary())
	}
	if rep.Failed() {
		return ExitContent
	}
	return ExitOK
}

func writeJSON(w io.Writer, findings []diag.Error) error {
	out := make([]jsonFinding, len(findings))
	for i, e := range findings {
		out[i] = jsonFinding{File: e.File, Line: e.Line, Col: e.Col, Level: e.Level.String(), Rule: e.Rule, Message: e.Msg}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
