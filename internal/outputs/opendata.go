package outputs

import (
	"time"

	"github.com/fazhi-dev/fazhi/internal/enforcement"
	"github.com/fazhi-dev/fazhi/internal/site"
)

// OpenData returns the data.csv and data.json of an enforcement column
// (nil when sec is not one): the decisions listed at the build, as the
// pages show them (enforcement.CSV, enforcement.JSON). Only published
// records reach it, so it holds no identity number and no minor's row.
// The JSON's asOf is the day the list last changed (enforcement.AsOf),
// not the build time, so an unchanged column writes the same bytes.
func OpenData(sec *site.Section, now time.Time, loc *time.Location) (csv, json []byte) {
	e := sec.Enforcement
	if e == nil {
		return nil, nil
	}
	all := make([]*enforcement.Published, 0, len(e.Pages))
	for _, p := range e.Pages {
		all = append(all, p.Published)
	}
	listed := enforcement.Listed(all)
	asOf := enforcement.AsOf(all, now.In(loc).Format(time.DateOnly))
	return enforcement.CSV(e.Type, listed), enforcement.JSON(e.Type, sec.Title(), sec.URL(), asOf, listed)
}
