package build_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"

	"github.com/fazhi-dev/fazhi/internal/fazhitest"
)

func TestMinifyAndPrecompress(t *testing.T) {
	plain := fazhitest.Build(t, basicSite+layouts)
	site := strings.Replace(basicSite, "paginate = 2\n", "paginate = 2\nminify = true\nprecompress = true\n", 1) +
		"-- layouts/_default/404.html --\n{{ define \"main\" }}\n\n    页面   未找到\n\n{{ end }}\n" + layouts
	r := fazhitest.Build(t, site)
	for _, name := range []string{"gongzuo/a/index.html", "feed.xml", "sitemap.xml"} {
		if len(r.Files[name]) > len(plain.Files[name]) {
			t.Errorf("%s: minified %d > plain %d", name, len(r.Files[name]), len(plain.Files[name]))
		}
	}
	r.AssertFileContent("gongzuo/a/index.html", `<h1>第一篇</h1>`)
	for _, name := range []string{"gongzuo/a/index.html", "sitemap.xml", "feed.xml"} {
		data := r.File(name)
		gz, err := gzip.NewReader(bytes.NewReader(r.Files[name+".gz"]))
		if err != nil {
			t.Fatalf("%s.gz: %v", name, err)
		}
		unz, _ := io.ReadAll(gz)
		unbr, _ := io.ReadAll(brotli.NewReader(bytes.NewReader(r.Files[name+".br"])))
		if string(unz) != data || string(unbr) != data {
			t.Errorf("%s: compressed siblings differ from the file", name)
		}
	}
	// Tiny and binary files get no siblings.
	r.AssertNoFile("pufa/bundle/tu.png.gz")
	r.AssertNoFile("robots.txt.gz")
}
