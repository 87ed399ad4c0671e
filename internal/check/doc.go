// Package check implements `fazhi check`: the checks a site should pass
// before it is published, modelled on the inspection of government
// websites (《政府网站与政务新媒体检查指标》, 国办秘函〔2019〕19号) and on
// the rules for policy documents, judicial notices and personal data.
//
// Run builds the site in memory, collecting each page's links and element
// ids, and then runs the rules below. Every finding names the file, line
// and column (when known) and says in plain Chinese what to write instead.
//
// Rules, with their default level. Any rule can be set to "off",
// "warning" or "error" in the [check] table of site.toml, e.g.
//
//	[check]
//	column-empty = "off"
//	jiedu-late = "error"
//
//	rule id              level    what it finds
//	-------------------  -------  ------------------------------------------------
//	build                error    the site does not build (duplicate 发文字号 or
//	                              索引号, malformed 案号, missing attachments
//	                              (link-attachment) …); build warnings are warnings
//	check-config         warning  a rule id in [check] that does not exist
//	link-broken          error    an internal link or image (/x/y/, ../a/, b.md,
//	                              #art-12) whose page, file or anchor is not
//	                              written; also [[menu.main]] links
//	image-alt            error    an image without alternative text
//	link-unpublished     error    a link from a live page to a draft, future or
//	                              expired page
//	home-stale           veto     the newest content page is older than 14 days
//	                              (单项否决「首页不更新」)
//	column-stale         warning  a column's newest item is older than the limit
//	                              of its columnType
//	column-stale-veto    veto     5 or more stale columns (单项否决「栏目不更新」)
//	column-empty         warning  a column with no item (空白栏目)
//	column-empty-veto    veto     5 or more empty columns (单项否决「空白栏目」)
//	menu-empty           error    a [[menu.main]] entry leading to an empty column
//	date-future          error    a published page dated after --now
//	                              (伪造发布日期)
//	identity             error    [identity] lacks siteCode, icp, police or sponsor, or its emblem was not published
//	jiedu-missing        warning  a 行政规范性文件 without any 解读
//	normative-review     warning  a 行政规范性文件 in force whose 有效期 (expires, or
//	                              the default of [legal] normativeValidityYears)
//	                              ends within 6 months: its 评估 is due
//	effective-before-date error   a 行政规范性文件 whose 施行日期 is before its
//	                              发布日期
//	jiedu-late           warning  its first 解读 came more than 3 working days later
//	                              (working days follow the State Council's
//	                              holiday notices: built in, and data/holidays.toml)
//	holidays             warning  a working-day count needed a year that has no
//	                              holiday notice (counted Monday to Friday);
//	                              error for a malformed data/holidays.toml
//	hearing-notice-late  error    a 开庭公告 published less than 3 days before the
//	                              hearing
//	personal-id          error    an identity card number
//	personal-phone       error    a mobile number
//	personal-bankcard    error    a bank card number
//	personal-name        warning  a 以案释法 page masks people (张某) but writes the
//	                              full name of a person listed as a party of a
//	                              notice
//	wording              per entry a wrong wording from the word list
//	static-script        warning  a file of the site's static/ that runs script as
//	                              the site: .js, or HTML/SVG/XML with <script>,
//	                              on…= handlers, javascript: (files identical to
//	                              the default theme's are not reported). Files of
//	                              content/ that could do so fail the build.
//	csp-inline           warning  with [security] contentSecurityPolicy = true, an
//	                              inline script, onclick= style attribute or
//	                              javascript: address in the built pages (the
//	                              browser would refuse it); once per distinct piece
//	report-arithmetic    error    a number of 表三/表四 of a 政府信息公开工作年度报告
//	                              that disagrees with its parts (row total, 三（七）,
//	                              一+二 = 三（七）+四), named by row and column
//	report-sections      warning  an annual report without one of its required
//	                              section headings
//	report-late          error    the report on last year is not online after its
//	                              deadline (1月31日 / 3月31日 by [legal]
//	                              reportLevel; 法治政府建设 4月1日 inclusive)
//	report-due           warning  the 法治政府建设年度报告 on last year is not online
//	                              after 3月1日
//	report-catalogue     warning  表二's 本年制发件数 of 行政规范性文件 differs from
//	                              the count of 行政规范性文件 pages dated in the
//	                              report year (when the site has any)
//	consultation-feedback warning a 意见征集 ended more than [legal]
//	                              consultationFeedbackDays (default 30) days ago
//	                              and has no result (采纳情况) page
//	enforcement-*        error    the data file of a 行政执法公示 column (kind =
//	                              "enforcement"), by Excel row and column:
//	                              -column (a missing or doubled column; an
//	                              unknown one is a warning), -required, -date,
//	                              -code (统一社会信用代码), -number (文号 without
//	                              〔〕), -amount, -value (closed lists),
//	                              -duplicate (文号), -late (公示日期 more than 7
//	                              working days after the decision)
//	enforcement-minor    warning  a row marked 未成年人 (not published)
//	enforcement-personal warning  an ID, phone or card number in a cell
//	enforcement-id-data  warning  the data file holds identity numbers at all:
//	                              the site's repository must stay private
//
// A veto rule at level "error" (its default) adds a 单项否决 item to the
// report; at "warning" it is reported as a warning finding instead, and
// "off" drops it. home-stale is reported both as an error finding, at the
// newest page, and as a veto.
//
// Column freshness limits, by columnType, in days; [check.freshness] in
// site.toml overrides them or adds others (0 switches a type off):
//
//	工作动态                                     14
//	通知公告, 政策文件, 政策解读, 司法公开        180
//	负责人信息, 机构职能, 概况信息, 信息公开年报   365
//
// A column is a folder with an _index.md. It is empty when it holds no
// content page and its _index.md has no text either: a column written as
// one page (机构职能 in the _index.md body) is not blank.
//
// Personal data (personal-id, personal-phone, personal-bankcard) is looked
// for in the whole file of every published page, front matter included,
// because notices and 以案释法 material are not the only places where it
// slips in. personal-name applies to 以案释法 pages (tags or [article]
// series containing 以案释法): the natural-person parties of every notice of
// the site ([notice] parties) are the names looked for, and only in a page
// that already writes someone as 张某 (see lint.MaskedNames).
//
// Wording uses the built-in word list merged with the site's
// data/wordlist.toml when there is one; each entry's level applies unless
// [check] sets wording to another level. Mistakes in data/wordlist.toml are
// reported at their line with rule wording.
//
// Links: a link to a page's .md file is followed to that page, but the
// link itself is reported as broken because browsers cannot follow it; the
// message gives the address to write. The address an excluded page would
// have is computed as the site does: url, or /<folder>/<slug or file
// name>/. External links (with a scheme such as https: or mailto:) are not
// checked.
//
// Bounded work: at most MaxFindingsPerFile findings are listed for one
// file, followed by one line of rule more-findings that says how many
// were left out (the error and warning counts include them); every loop
// over pages stops when the context is cancelled (Ctrl-C); and a page
// over one of markup's limits (body size, nesting, brackets, unclosed
// links) is a build error naming the limit, so no rule reads it.
package check
