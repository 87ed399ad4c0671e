package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestReadPagefind reads Pagefind's figures from a search:scale block in
// the format searchscale writes, and nothing from a file without one.
func TestReadPagefind(t *testing.T) {
	const block = "<!-- search:scale -->\n由 `go -C tools run ./search/cmd/searchscale` 生成，2026-12-03 13:37 UTC，负载 load 16.43 11.87 12.20。\n\n" +
		"| 1000 | fresh | 103.5 s | 25.6 s | 871 MiB | 1000 | 2 | 2 | 0 |\n" +
		"| 10000 | fresh | 286.2 s | 236.6 s | 1273 MiB | 10000 | 16 | 16 | 0 |\n" +
		"| 10000 | unchanged | 7.7 s | 6.8 s | 290 MiB | 10000 | 16 | 0 | 16 |\n\n" +
		"10000 页站点的索引 (index of the 10000-page site)：16 个 bundle，14087 个文件，199.0 MB。\n\n" +
		"首次查询 (first query)：……服务器发出 **1875 KB**（126 个请求，未压缩传输）。\n\n" +
		"| laws | 28 | 0.946 | 0.938 | 26 / 28 |\n| portal | 32 | 1.000 | 1.000 | 32 / 32 |\n<!-- /search:scale -->\n" +
		"| laws | 28 | 0.111 | 0.1 | 1 / 28 |\n"
	p := filepath.Join(t.TempDir(), "benchmarks.md")
	if err := os.WriteFile(p, []byte("# 基准\n\n"+block), 0o644); err != nil {
		t.Fatal(err)
	}
	got := readPagefind(p, 10000)
	want := pagefind{ok: true, when: "2026-12-03 13:37 UTC", bytes: "1875", reqs: "126", files: "14087", size: "199.0",
		wall: "286.2 s", cpu: "236.6 s", peak: "1273 MiB", lawsRec: "0.946", portalRec: "1.000"}
	if got != want {
		t.Errorf("readPagefind = %+v\nwant %+v", got, want)
	}
	if got := readPagefind(p, 50000); got.ok {
		t.Errorf("a size the block lacks was read: %+v", got)
	}
	os.WriteFile(p, []byte("# 基准\n"), 0o644)
	if got := readPagefind(p, 10000); got.ok {
		t.Errorf("read figures from a file without the block: %+v", got)
	}
}
