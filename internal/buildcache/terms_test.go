package buildcache

import (
	"reflect"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/render"
	"github.com/fazhi-dev/fazhi/internal/tmpl"
)

// A list covers reads on terms only when no read can lead to a term but
// its own: the site's taxonomies, a page's tags and series, a taxonomy's
// terms, or any of those names on a value of unknown type, count.
func TestTermsOnly(t *testing.T) {
	own := func(rd tmpl.Read) bool { return rd.On == DataType && rd.Name == "Term" }
	siteData := reflect.TypeFor[*render.SiteData]()
	for _, c := range []struct {
		name  string
		reads []tmpl.Read
		want  bool
	}{
		{"own term's pages", []tmpl.Read{{On: DataType, Name: "Term"}, {On: termType, Name: "Pages"}, {On: DataType, Name: "Site"}, {On: siteData, Name: "Title"}}, true},
		{"unknown Pages", []tmpl.Read{{On: DataType, Name: "Term"}, {On: nil, Name: "Pages"}}, true},
		{"site's tags", []tmpl.Read{{On: DataType, Name: "Site"}, {On: siteData, Name: "Tags"}, {On: termType, Name: "Pages"}}, false},
		{"a page's tags", []tmpl.Read{{On: DataType, Name: "Pages"}, {On: pageType, Name: "TagTerms"}}, false},
		{"a page's series", []tmpl.Read{{On: DataType, Name: "Pages"}, {On: pageType, Name: "Series"}}, false},
		{"taxonomy terms", []tmpl.Read{{On: DataType, Name: "Terms"}}, false},
		{"browse groups", []tmpl.Read{{On: DataType, Name: "Browse"}, {On: BrowseType, Name: "Issuers"}}, false},
		{"unknown Tags", []tmpl.Read{{On: nil, Name: "Tags"}}, false},
	} {
		r := tmpl.Reads{Fields: map[tmpl.Read]bool{}}
		for _, rd := range c.reads {
			r.Fields[rd] = true
		}
		if got := TermsOnly(r, own); got != c.want {
			t.Errorf("%s: TermsOnly = %v, want %v", c.name, got, c.want)
		}
	}
	if TermsOnly(tmpl.Reads{All: true}, own) {
		t.Error("unknown reads cover terms")
	}
}

// The site graph is reached only through Graph: reading it, on any type,
// puts every page in scope even when columns and terms are covered, and a
// read on a value of unknown type counts unless columns (of the graph and
// of .Site.Sections) and terms are.
func TestScopeExceptCovered(t *testing.T) {
	covered := map[reflect.Type]bool{sectionType: true, termType: true, siteColumnType: true}
	one := func(rd tmpl.Read) tmpl.Reads { return tmpl.Reads{Fields: map[tmpl.Read]bool{rd: true}} }
	if !ScopeExcept(one(tmpl.Read{Name: "Graph"}), covered).Graph {
		t.Error("Graph on an unknown value is not in scope")
	}
	if ScopeExcept(one(tmpl.Read{Name: "Pages"}), covered).Graph {
		t.Error("Pages on an unknown value counted with columns and terms covered")
	}
	if !ScopeExcept(one(tmpl.Read{Name: "Pages"}), map[reflect.Type]bool{sectionType: true}).Graph {
		t.Error("Pages on an unknown value (a term?) not counted with only columns covered")
	}
	if !ScopeExcept(one(tmpl.Read{Name: "Pages"}), map[reflect.Type]bool{sectionType: true, termType: true}).Graph {
		t.Error("Pages on an unknown value (a column of .Site.Sections?) not counted with the graph's columns and terms covered")
	}
	if !ScopeExcept(one(tmpl.Read{On: siteColumnType, Name: "Pages"}), map[reflect.Type]bool{sectionType: true, termType: true}).Graph {
		t.Error("Pages of a column of .Site.Sections not counted")
	}
	if ScopeExcept(one(tmpl.Read{On: siteColumnType, Name: "Title"}), nil).Graph {
		t.Error("the title of a column of .Site.Sections counted as the site")
	}
}

// A column's own reads are covered unless the templates reach other
// columns in a way that is not a column's own: .Site.Sections yields
// columns of a type of their own, so reading them does not reach the
// graph's columns.
func TestSectionsOnly(t *testing.T) {
	own := func(rd tmpl.Read) bool { return rd.On == DataType && rd.Name == "Section" }
	one := func(rds ...tmpl.Read) tmpl.Reads {
		r := tmpl.Reads{Fields: map[tmpl.Read]bool{}}
		for _, rd := range rds {
			r.Fields[rd] = true
		}
		return r
	}
	siteData := reflect.TypeFor[*render.SiteData]()
	for _, c := range []struct {
		name string
		r    tmpl.Reads
		want bool
	}{
		{"own column", one(tmpl.Read{On: DataType, Name: "Section"}, tmpl.Read{On: sectionType, Name: "Pages"}), true},
		{"menu of columns", one(tmpl.Read{On: siteData, Name: "Sections"}, tmpl.Read{On: siteColumnType, Name: "Title"}), true},
		{"a page's column", one(tmpl.Read{On: pageType, Name: "Section"}), false},
		{"a site column's column", one(tmpl.Read{On: siteColumnType, Name: "Section"}), false},
		{"parent", one(tmpl.Read{On: sectionType, Name: "Parent"}), false},
		{"the graph's columns", one(tmpl.Read{On: siteType, Name: "Sections"}), false},
		{"unknown", one(tmpl.Read{Name: "Section"}), false},
	} {
		if got := SectionsOnly(c.r, own); got != c.want {
			t.Errorf("%s: SectionsOnly = %v, want %v", c.name, got, c.want)
		}
	}
}
