// Package outputs writes the machine-readable files of a site from its
// graph: Atom feeds, sitemap.xml, robots.txt, the policy catalogue
// (/zhengce/index.json) and the hearing calendar (/sifa/hearings.ics).
// Each output is a pure function of the site that returns bytes.
package outputs
