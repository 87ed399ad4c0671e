package serve_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fazhi-dev/fazhi"
	"github.com/fazhi-dev/fazhi/internal/build"
	"github.com/fazhi-dev/fazhi/internal/fazhitest"
	"github.com/fazhi-dev/fazhi/internal/scss"
	"github.com/fazhi-dev/fazhi/internal/serve"
)

// genSite writes a site of n pages over four columns with the default
// theme's features in use: statute bodies with cross-references, tags and
// interpretations.
func genSite(tb testing.TB, dir string, n int) {
	var b strings.Builder
	b.WriteString("-- site.toml --\ntitle = \"某市法治政府网\"\nbaseURL = \"https://fzb.example.gov.cn/\"\nsearch = false\n[identity]\nsponsor = \"某市人民政府办公室\"\nsiteCode = \"9900000001\"\n")
	cols := []string{"zhengce", "jiedu", "gongzuo", "pufa"}
	for _, c := range cols {
		kind := "article"
		if c == "zhengce" {
			kind = "policy"
		}
		fmt.Fprintf(&b, "-- content/%s/_index.md --\n+++\ntitle = \"%s\"\nkind = \"%s\"\n+++\n", c, c, kind)
	}
	writeSite(tb, dir, b.String())
	for i := 0; i < n; i++ {
		c := cols[i%len(cols)]
		var p strings.Builder
		fmt.Fprintf(&p, "+++\ntitle = \"某市第%d号文件\"\ndate = 2026-%02d-%02dT%02d:00:00\ntags = [\"标签%d\", \"法治\"]\n", i, 1+i%11, 1+i%28, i%24, i%50)
		if c == "zhengce" {
			fmt.Fprintf(&p, "[policy]\nissuer = \"某市人民政府\"\ndocNumber = \"某政规〔2026〕%d号\"\n", i+1)
		}
		p.WriteString("+++\n## 第一章　总则\n\n")
		for a := 1; a <= 20; a++ {
			fmt.Fprintf(&p, "第%s条　为了规范行政执法行为，保护公民、法人和其他组织的合法权益，根据《某市第%d号文件》第二条和本办法第一条，结合本市实际，制定本条。\n\n", cn(a), (i+4)%n)
		}
		os.WriteFile(filepath.Join(dir, "content", c, fmt.Sprintf("p%05d.md", i)), []byte(p.String()), 0o644)
	}
}

func cn(n int) string {
	d := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return d[n]
	case n == 10:
		return "十"
	case n < 20:
		return "十" + d[n-10]
	}
	return d[n/10] + "十" + d[n%10]
}

// BenchmarkEditToReload measures the time from saving one page of a
// generated site to the browser's reload event, through the file watcher,
// the incremental rebuild and the event stream, with the default theme.
func BenchmarkEditToReload(b *testing.B) {
	bin, err := scss.Program.InRepo(fazhitest.RepoRoot(b))
	if err != nil {
		b.Skip("needs Dart Sass (make tools)")
	}
	sass, err := scss.Start(bin)
	if err != nil {
		b.Fatal(err)
	}
	defer sass.Close()
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("pages=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			genSite(b, dir, n)
			session := build.NewSession(build.Options{Source: os.DirFS(dir), Theme: fazhi.Theme, Now: fazhitest.Now, Sass: sass})
			t0 := time.Now()
			if _, err := session.Build(context.Background()); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(time.Since(t0).Milliseconds()), "ms-first-build")
			h := &harness{t: &testing.T{}, dir: dir, events: make(chan string, 64)}
			srv := serve.New(session, nil)
			h.srv = srv
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			rebuilt := make(chan *build.Update, 1)
			go serve.Watch(ctx, dir, serve.DefaultDebounce, func(changed []string) {
				u, err := session.Rebuild(ctx, changed)
				srv.Rebuilt(u, err)
				if err != nil {
					b.Error(err)
				}
				rebuilt <- u
			}, nil)
			time.Sleep(300 * time.Millisecond)
			target := filepath.Join(dir, "content", "gongzuo", "p00002.md")
			orig, _ := os.ReadFile(target)
			b.ResetTimer()
			var total time.Duration
			for i := 0; i < b.N; i++ {
				data := strings.Replace(string(orig), "制定本条。", fmt.Sprintf("制定本条（第%d次修改）。", i), 1)
				t := time.Now()
				os.WriteFile(target, []byte(data), 0o644)
				u := <-rebuilt
				total += time.Since(t)
				if u == nil || u.Pages > 3 {
					b.Fatalf("rebuild touched too much: %+v", u)
				}
			}
			b.ReportMetric(float64(total.Microseconds())/float64(b.N)/1000, "ms/reload")
		})
	}
}
