// Package qrcode draws a QR code as inline SVG at build time, so that a
// page can offer 扫一扫在手机打开 without any script.
//
// It uses rsc.io/qr, which encodes with a fixed mask pattern instead of
// scoring all eight: any mask gives a valid code that phones read, and
// skipping the scoring makes a code about fifty times cheaper, which
// matters when every page of a 50,000-page site carries one.
package qrcode

import (
	"errors"
	"fmt"
	"html/template"
	"strconv"
	"sync"

	"rsc.io/qr/coding"
)

// plans caches the encoding plan of each QR version: building a plan is
// most of the cost of encoding a short URL.
var plans sync.Map // coding.Version → *coding.Plan

func encode(text string) (*coding.Code, error) {
	enc := coding.String(text)
	l := coding.M
	v := coding.Version(coding.MinVersion)
	for ; enc.Bits(v) > v.DataBytes(l)*8; v++ {
		if v >= coding.MaxVersion {
			return nil, errors.New("网址太长，无法生成二维码 (text too long for a QR code)")
		}
	}
	p, ok := plans.Load(v)
	if !ok {
		np, err := coding.NewPlan(v, l, 0)
		if err != nil {
			return nil, err
		}
		p, _ = plans.LoadOrStore(v, np)
	}
	return p.(*coding.Plan).Encode(enc)
}

// SVG returns an SVG QR code for text (medium error correction), drawn as
// runs of dark modules in one path, with a four-module quiet zone.
func SVG(text string) (template.HTML, error) {
	code, err := encode(text)
	if err != nil {
		return "", err
	}
	n := code.Size
	const quiet = 4
	size := n + 2*quiet
	path := make([]byte, 0, n*n)
	for y := 0; y < n; y++ {
		for x := 0; x < n; {
			if !code.Black(x, y) {
				x++
				continue
			}
			run := 1
			for x+run < n && code.Black(x+run, y) {
				run++
			}
			path = append(path, 'M')
			path = strconv.AppendInt(path, int64(x+quiet), 10)
			path = append(path, ' ')
			path = strconv.AppendInt(path, int64(y+quiet), 10)
			path = append(path, 'h')
			path = strconv.AppendInt(path, int64(run), 10)
			path = append(path, "v1h-"...)
			path = strconv.AppendInt(path, int64(run), 10)
			path = append(path, 'z')
			x += run
		}
	}
	svg := fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="132" height="132" role="img" aria-label="本页网址的二维码" shape-rendering="crispEdges"><rect width="%d" height="%d" fill="#fff"/><path d="%s" fill="#000"/></svg>`,
		size, size, size, size, path)
	return template.HTML(svg), nil
}
