// Package legal parses and formats the identifiers that appear on Chinese
// rule-of-law portals: court case numbers (案号), government-information
// index numbers (索引号) and document numbers (发文字号). It also counts
// working days with the State Council's holiday calendar and holds the closed value lists (notice types, policy
// genres, column types) that front matter is checked against.
//
// Every parser returns a *SyntaxError whose message is plain Chinese: it
// says what is wrong and shows the form the author should write instead.
// The functions are pure; callers add the file name and line.
package legal
