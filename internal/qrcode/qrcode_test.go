package qrcode

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"rsc.io/qr"
)

func TestSVG(t *testing.T) {
	url := "https://fzb.example.gov.cn/zhengce/%E5%8A%9E%E6%B3%95/"
	svg, err := SVG(url)
	if err != nil {
		t.Fatal(err)
	}
	s := string(svg)
	if !strings.HasPrefix(s, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 `) || !strings.Contains(s, `aria-label="本页网址的二维码"`) {
		t.Fatalf("svg = %.200s", s)
	}
	// Redraw the modules from the path and compare with the encoder's.
	code, _ := qr.Encode(url, qr.M)
	drawn := map[[2]int]bool{}
	for _, m := range regexp.MustCompile(`M(\d+) (\d+)h(\d+)v1`).FindAllStringSubmatch(s, -1) {
		x, _ := strconv.Atoi(m[1])
		y, _ := strconv.Atoi(m[2])
		w, _ := strconv.Atoi(m[3])
		for i := 0; i < w; i++ {
			drawn[[2]int{x + i - 4, y - 4}] = true
		}
	}
	dark := 0
	for y := 0; y < code.Size; y++ {
		for x := 0; x < code.Size; x++ {
			if code.Black(x, y) != drawn[[2]int{x, y}] {
				t.Fatalf("module (%d,%d) differs", x, y)
			}
			if code.Black(x, y) {
				dark++
			}
		}
	}
	if dark == 0 || len(drawn) != dark {
		t.Errorf("drawn %d, dark %d", len(drawn), dark)
	}
}

func BenchmarkSVG(b *testing.B) {
	for i := 0; i < b.N; i++ {
		SVG("https://fzb.example.gov.cn/zhengce/2026-xingzheng-guifanxing-wenjian-guanli-banfa/")
	}
}
