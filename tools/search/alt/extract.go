package alt

import (
	"io"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Doc is the indexed part of one page.
type Doc struct {
	URL   string
	Title string
	// Text is the text Pagefind indexes: the data-pagefind-body region
	// without data-pagefind-ignore parts, with the values of the
	// attributes named by data-pagefind-index-attrs.
	Text string
}

// Extract reads a built page and returns its indexed part; ok is false
// when the page has no data-pagefind-body region (Pagefind skips it too).
func Extract(r io.Reader, url string) (d Doc, ok bool, err error) {
	root, err := html.Parse(r)
	if err != nil {
		return Doc{}, false, err
	}
	body := find(root, func(n *html.Node) bool { return hasAttr(n, "data-pagefind-body") })
	if body == nil {
		return Doc{}, false, nil
	}
	var text, title strings.Builder
	var walk func(n *html.Node, inTitle bool)
	walk = func(n *html.Node, inTitle bool) {
		switch n.Type {
		case html.TextNode:
			text.WriteString(n.Data)
			if inTitle {
				title.WriteString(n.Data)
			}
			return
		case html.ElementNode:
			if hasAttr(n, "data-pagefind-ignore") || n.DataAtom == atom.Script || n.DataAtom == atom.Style || n.DataAtom == atom.Template {
				return
			}
			if strings.HasPrefix(attr(n, "data-pagefind-meta"), "title") {
				inTitle = true
			}
			for _, a := range strings.Split(attr(n, "data-pagefind-index-attrs"), ",") {
				if v := attr(n, strings.TrimSpace(a)); v != "" {
					text.WriteString(" " + v + " ")
				}
			}
		}
		block := n.Type == html.ElementNode && isBlock(n.DataAtom)
		if block {
			text.WriteString("\n")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inTitle)
		}
		if block {
			text.WriteString("\n")
		}
	}
	walk(body, false)
	return Doc{URL: url, Title: strings.TrimSpace(title.String()), Text: text.String()}, true, nil
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Ul, atom.Ol,
		atom.Td, atom.Th, atom.Tr, atom.Table, atom.Br, atom.Section, atom.Article, atom.Header, atom.Footer,
		atom.Nav, atom.Dl, atom.Dt, atom.Dd, atom.Blockquote, atom.Pre, atom.Figure, atom.Figcaption,
		atom.Details, atom.Summary, atom.Aside, atom.Caption, atom.Hr:
		return true
	}
	return false
}

func find(n *html.Node, ok func(*html.Node) bool) *html.Node {
	if n.Type == html.ElementNode && ok(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, ok); f != nil {
			return f
		}
	}
	return nil
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
