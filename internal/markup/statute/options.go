package statute

import "github.com/yuin/goldmark/parser"

// Resolver maps the title of another document, as written between 《 and
// 》, to the URL of its page. Short forms are passed unchanged; the
// resolver decides whether it knows them.
type Resolver interface {
	// ResolveTitle returns the URL of the page for title, or ok false when
	// the title is unknown.
	ResolveTitle(title string) (url string, ok bool)
}

// ResolverKey is the parser.Context key of a Resolver for one document:
// set, it is asked instead of the one given by WithResolver, so that a
// build can note which titles each document looked up (and what they
// resolved to) as it renders it.
var ResolverKey = parser.NewContextKey()

// ResolverFunc adapts an ordinary function to the Resolver interface.
type ResolverFunc func(title string) (url string, ok bool)

// ResolveTitle calls f(title).
func (f ResolverFunc) ResolveTitle(title string) (string, bool) {
	return f(title)
}

// config holds the settings of one extension instance.
type config struct {
	toc       bool
	crossRefs bool
	resolver  Resolver
	selfTitle string
}

// Option configures the extension returned by New.
type Option func(*config)

// WithTOC turns the chapter table of contents on or off (default on). The
// table is only inserted when the document has a 编, 分编, 章 or 节 heading.
func WithTOC(on bool) Option {
	return func(c *config) { c.toc = on }
}

// WithCrossRefs turns the linking of cross-references on or off (default
// on). Article anchors and label links are made either way.
func WithCrossRefs(on bool) Option {
	return func(c *config) { c.crossRefs = on }
}

// WithResolver sets the resolver used for 《Title》 references. Without a
// resolver only the document's own title (see WithSelfTitle) is linked.
func WithResolver(r Resolver) Option {
	return func(c *config) { c.resolver = r }
}

// WithSelfTitle sets the document's own title, so that 《Title》第X条
// links to the article in this document.
func WithSelfTitle(title string) Option {
	return func(c *config) { c.selfTitle = title }
}

// newConfig applies opts over the defaults.
func newConfig(opts []Option) config {
	c := config{toc: true, crossRefs: true}
	for _, o := range opts {
		o(&c)
	}
	return c
}
