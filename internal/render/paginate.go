package render

import (
	"strconv"

	"github.com/fazhi-dev/fazhi/internal/site"
)

// Paginator describes one page of a paginated list.
type Paginator struct {
	// Number is 1-based; Total is the number of pager pages.
	Number, Total int
	// TotalItems counts all items of the list.
	TotalItems int
	// Prev and Next are the neighbouring pager URLs ("" at the ends).
	Prev, Next string
	// First and Last are the first and last pager URLs.
	First, Last string
	// Pages lists every pager page's number and URL.
	Pages []PagerLink
}

// PagerLink is one numbered link of a pager.
type PagerLink struct {
	Number  int
	URL     string
	Current bool
}

// pagerURL returns the URL of pager page n of a list at base: page 1 is
// base itself, the others base + "page/N/".
func pagerURL(base string, n int) string {
	if n <= 1 {
		return base
	}
	return base + "page/" + strconv.Itoa(n) + "/"
}

// paginate splits pages into chunks of size per and calls emit for each.
func paginate(base string, pages []*site.Page, per int, only Only, emit func(url string, chunk []*site.Page, p *Paginator) error) error {
	total := (len(pages) + per - 1) / per
	if total == 0 {
		total = 1
	}
	links := make([]PagerLink, total)
	for i := range links {
		links[i] = PagerLink{Number: i + 1, URL: pagerURL(base, i+1)}
	}
	for n := 1; n <= total; n++ {
		lo, hi := (n-1)*per, n*per
		if hi > len(pages) {
			hi = len(pages)
		}
		pl := make([]PagerLink, len(links))
		copy(pl, links)
		pl[n-1].Current = true
		if only != nil && !only(pages[lo:hi]) {
			continue
		}
		p := &Paginator{Number: n, Total: total, TotalItems: len(pages), First: base, Last: pagerURL(base, total), Pages: pl}
		if n > 1 {
			p.Prev = pagerURL(base, n-1)
		}
		if n < total {
			p.Next = pagerURL(base, n+1)
		}
		if err := emit(pagerURL(base, n), pages[lo:hi], p); err != nil {
			return err
		}
	}
	return nil
}
