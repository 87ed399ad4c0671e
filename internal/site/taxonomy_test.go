package site

import (
	"reflect"
	"testing"
)

// TestTagTerms checks that a page's TagTerms are its tags' terms without
// blank or repeated tags, sorted by name, and that each term lists the
// page once.
func TestTagTerms(t *testing.T) {
	a := &Page{Title: "甲", Tags: []string{"行政复议", " ", "法治宣传", "行政复议"}}
	b := &Page{Title: "乙", Tags: []string{"法治宣传"}}
	s := &Site{Pages: []*Page{a, b}}
	s.buildTaxonomies()
	var names []string
	for _, term := range a.TagTerms {
		names = append(names, term.Name)
	}
	if want := []string{"法治宣传", "行政复议"}; !reflect.DeepEqual(names, want) {
		t.Errorf("TagTerms = %q, want %q", names, want)
	}
	if len(b.TagTerms) != 1 || b.TagTerms[0] != a.TagTerms[0] {
		t.Errorf("pages do not share the term: %v %v", a.TagTerms, b.TagTerms)
	}
	if n := len(a.TagTerms[1].Pages); n != 1 {
		t.Errorf("行政复议 lists %d pages, want 1", n)
	}
	if a.TagTerms[0].URL != TermURL("tags", "法治宣传") {
		t.Errorf("URL = %q", a.TagTerms[0].URL)
	}
}
