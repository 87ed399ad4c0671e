package serve

import (
	"bytes"
	"html/template"
	"strconv"

	"github.com/fazhi-dev/fazhi/internal/check"
	"github.com/fazhi-dev/fazhi/internal/diag"
)

// The panel is the preview's 「发布前检查」 box: a <details> whose summary
// gives the counts and opens (by mouse or keyboard) on the list of
// findings. The server adds it to every HTML page it serves, with a link
// to its stylesheet; the reload script replaces it when a check finishes.
// Like the reload script, it exists only in the server: `fazhi build`
// never writes it. It has no inline script or style, so it keeps to the
// site's Content-Security-Policy.

// MaxPanelItems is the most findings the panel lists; the rest are
// counted.
const MaxPanelItems = 200

type panelItem struct {
	Level, Class string // 错误 / 提醒 and the level's class
	Where        string // "content/a.md:3"
	Msg, Rule    string
	Title        string // the rule in Chinese
	URL          string // the page concerned; "" when there is none
}

type panelGroup struct {
	Name  string
	Items []panelItem
}

type panelData struct {
	Gen     int
	Summary string
	Errors  bool
	Running bool
	Done    bool // a check has finished
	Vetoes  []check.Veto
	Groups  []panelGroup
	More    int
}

var panelTmpl = template.Must(template.New("panel").Parse(`<link rel="stylesheet" href="` + Prefix + `panel.css">` +
	`<aside id="fazhi-check" class="fazhi-check{{ if .Errors }} fazhi-check-failed{{ end }}" aria-label="发布前检查" data-gen="{{ .Gen }}">
<details>
<summary>{{ .Summary }}{{ if and .Running .Done }}（正在重新检查）{{ end }}</summary>
<div class="fazhi-check-body" role="region" aria-label="发布前检查的结果" tabindex="0">
<p class="fazhi-check-note">预览时自动运行 fazhi check，发布前请改正错误。本框只在预览中出现，不会发布。</p>
{{- if .Vetoes }}
<p class="fazhi-check-group">单项否决</p>
<ul>{{ range .Vetoes }}
<li class="fazhi-check-error">{{ .Message }} <span class="fazhi-check-rule">[{{ .Rule }}]</span></li>{{ end }}
</ul>
{{- end }}
{{- range .Groups }}
<p class="fazhi-check-group">{{ .Name }}</p>
<ul>{{ range .Items }}
<li class="{{ .Class }}"><span class="fazhi-check-level">{{ .Level }}</span> {{ if .Where }}<code>{{ .Where }}</code> {{ end }}{{ .Msg }} <span class="fazhi-check-rule">[{{ if .Title }}{{ .Title }} {{ end }}{{ .Rule }}]</span>{{ if .URL }} <a href="{{ .URL }}">打开页面 {{ .URL }}</a>{{ end }}</li>{{ end }}
</ul>
{{- end }}
{{- if .More }}
<p>另有 {{ .More }} 条没有列出：运行 fazhi check 查看全部。</p>
{{- end }}
{{- if and .Done (not .Groups) (not .Vetoes) }}
<p>没有发现错误或提醒。</p>
{{- end }}
</div>
</details>
</aside>`))

// panel returns the panel's HTML for the current state of the checks.
func (s *Server) panel() []byte {
	s.mu.Lock()
	ck := s.ck
	d := panelData{Gen: ck.gen, Running: ck.running, Done: ck.rep != nil}
	rep := ck.rep
	s.mu.Unlock()
	if rep == nil {
		d.Summary = "发布前检查：正在检查…"
	} else {
		d.Summary = summaryLine(rep)
		d.Errors = rep.Errors > 0 || len(rep.Vetoes) > 0
		d.Vetoes = rep.Vetoes
		d.Groups, d.More = groups(rep)
	}
	var b bytes.Buffer
	if err := panelTmpl.Execute(&b, d); err != nil {
		panic(err) // the template and its data are the server's own
	}
	return b.Bytes()
}

// groups sorts the findings into 期限 (the deadline rules, whatever their
// level), 错误 and 提醒, at most MaxPanelItems in all.
func groups(rep *check.Report) ([]panelGroup, int) {
	g := []panelGroup{{Name: "期限"}, {Name: "错误"}, {Name: "提醒"}}
	n, more := 0, 0
	for _, e := range rep.Findings {
		if n == MaxPanelItems {
			more++
			continue
		}
		n++
		it := panelItem{Level: "错误", Class: "fazhi-check-error", Msg: e.Msg, Rule: e.Rule,
			Title: check.Rules[e.Rule].Title, URL: rep.URLs[e.File], Where: e.File}
		if e.Line > 0 {
			it.Where += ":" + strconv.Itoa(e.Line)
		}
		i := 1
		if e.Level == diag.LevelWarning {
			it.Level, it.Class, i = "提醒", "fazhi-check-warning", 2
		}
		if check.Deadlines[e.Rule] {
			i = 0
		}
		g[i].Items = append(g[i].Items, it)
	}
	out := g[:0]
	for _, x := range g {
		if len(x.Items) > 0 {
			out = append(out, x)
		}
	}
	return out, more
}

// panelCSS styles the panel: a box in the corner of the window, closed by
// default, large enough to read, in the colours of an error when there is
// one; never printed.
const panelCSS = `.fazhi-check{position:fixed;right:.75rem;bottom:.75rem;z-index:2147483646;max-width:min(42rem,calc(100vw - 1.5rem));
font:16px/1.6 system-ui,"Microsoft YaHei","PingFang SC",sans-serif;color:#1a1a1a;background:#fff;border:2px solid #1a1a1a;
border-radius:4px;box-shadow:0 2px 10px rgba(0,0,0,.35);text-align:left}
.fazhi-check summary{cursor:pointer;padding:.4rem .8rem;font-weight:bold}
.fazhi-check-failed summary{background:#a4001d;color:#fff}
.fazhi-check summary:focus-visible,.fazhi-check-body:focus-visible,.fazhi-check a:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
.fazhi-check-body{max-height:60vh;overflow:auto;padding:0 .8rem .6rem}
.fazhi-check ul{margin:0 0 .6rem;padding-left:1.2rem}
.fazhi-check li{margin:.3rem 0}
.fazhi-check p{margin:.5rem 0}
.fazhi-check-group{font-weight:bold}
.fazhi-check-note,.fazhi-check-rule{color:#4a4a4a}
.fazhi-check-level{font-weight:bold}
.fazhi-check-error .fazhi-check-level{color:#a4001d}
.fazhi-check-warning .fazhi-check-level{color:#6b4300}
.fazhi-check code{font-family:ui-monospace,Consolas,monospace;background:#f0f0f0;color:#1a1a1a;padding:0 .2em;word-break:break-all}
.fazhi-check a{color:#0b4fa8;text-decoration:underline}
@media print{.fazhi-check{display:none}}
`
