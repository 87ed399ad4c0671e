// Package lint scans the raw Markdown text of a page for problems that a
// government legal-information portal must not publish: personal data
// (identity card, mobile and bank card numbers), party names left
// unmasked in a case study, and wording errors from a word list.
//
// Scanners are pure functions of their input. Each returns findings
// positioned by 1-based line and column; columns count characters (runes),
// not bytes. A caller that scans only the body of a file moves the
// findings down past the front matter with Finding.Shift.
package lint
