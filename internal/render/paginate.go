package render

import (
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
	// Pages lists the numbered links to show: the first and last pages and
	// those near the current one, with gaps between.
	Pages []PagerLink
}

// PagerLink is one numbered link of a pager, or a gap (…) between
// numbers that are not shown.
type PagerLink struct {
	Number  int
	URL     string
	Current bool
	Gap     bool
}

// pagerWindow is how many numbered links a pager shows on each side of
// the current page; the first and last pages are always shown, gaps are
// marked. A fixed window keeps every pager page small, whatever the
// length of the list.
const pagerWindow = 2

// pagerLinks returns the numbered links of pager page n of total.
func pagerLinks(base string, n, total int) []PagerLink {
	nums := []int{1}
	for i := max(2, n-pagerWindow); i <= min(total-1, n+pagerWindow); i++ {
		nums = append(nums, i)
	}
	if total > 1 {
		nums = append(nums, total)
	}
	out := make([]PagerLink, 0, len(nums)+2)
	for k, i := range nums {
		if k > 0 && i > nums[k-1]+1 {
			out = append(out, PagerLink{Gap: true})
		}
		out = append(out, PagerLink{Number: i, URL: site.PagerURL(base, i), Current: i == n})
	}
	return out
}

// paginate splits pages (content pages, or the decisions of an
// enforcement column) into chunks of size per and calls emit for each;
// only, when not nil, skips chunks it rejects.
func paginate[T any](base string, pages []T, per int, only func([]T) bool, emit func(url string, chunk []T, p *Paginator) error) error {
	total := (len(pages) + per - 1) / per
	if total == 0 {
		total = 1
	}
	for n := 1; n <= total; n++ {
		lo, hi := (n-1)*per, n*per
		if hi > len(pages) {
			hi = len(pages)
		}
		if only != nil && !only(pages[lo:hi]) {
			continue
		}
		p := &Paginator{Number: n, Total: total, TotalItems: len(pages), First: base, Last: site.PagerURL(base, total),
			Pages: pagerLinks(base, n, total)}
		if n > 1 {
			p.Prev = site.PagerURL(base, n-1)
		}
		if n < total {
			p.Next = site.PagerURL(base, n+1)
		}
		if err := emit(site.PagerURL(base, n), pages[lo:hi], p); err != nil {
			return err
		}
	}
	return nil
}
