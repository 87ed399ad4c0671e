// Package docscheck holds tests that keep the documentation for authors
// and the example CI pipelines in docs/ true to the program: every fazhi
// command and flag a pipeline runs exists, and the author's guide names
// every front-matter key, every check rule and every closed list of values.
package docscheck
