package qrcode

import (
	"strings"
	"testing"

	"github.com/boombuler/barcode/qr"
)

func TestSVG(t *testing.T) {
	svg, err := SVG("https://fzb.example.gov.cn/zhengce/a/")
	if err != nil {
		t.Fatal(err)
	}
	s := string(svg)
	if !strings.HasPrefix(s, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 `) || !strings.Contains(s, `aria-label="本页网址的二维码"`) {
		t.Fatalf("svg = %.200s", s)
	}
	// The number of dark modules drawn equals the encoder's.
	code, _ := qr.Encode("https://fzb.example.gov.cn/zhengce/a/", qr.M, qr.Auto)
	dark := 0
	for y := 0; y < code.Bounds().Dy(); y++ {
		for x := 0; x < code.Bounds().Dx(); x++ {
			if r, _, _, _ := code.At(x, y).RGBA(); r == 0 {
				dark++
			}
		}
	}
	if got := strings.Count(s, "h1v1h-1z"); got != dark || dark == 0 {
		t.Errorf("drew %d modules, encoder has %d", got, dark)
	}
}
