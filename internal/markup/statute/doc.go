// Package statute is a goldmark extension for Chinese statute text (法条).
//
// It gives the headings of a statute (编, 分编, 章, 节) and its articles (条)
// stable ids, turns the leading label of every article into a link to its
// own anchor, marks a 题注 under the title class="head-note", inserts a
// nested table of contents after the title and the 题注 (else before the
// first block) and turns cross-references such as 「本法第十二条第二款」 or
// 「《中华人民共和国民法典》第一千一百六十五条」 into links.
//
// All ids use Arabic digits:
//
//	第二编            part-2
//	第一分编          part-2-sub-1
//	第三章            chap-3
//	第一节            chap-3-sec-1 (sec-1 before the first chapter)
//	第十二条          art-12
//	第十二条之一      art-12-1
//
// An id that is already taken in the same document gets the first free
// suffix -2, -3, … (a quoted second 第十二条 becomes art-12-2). A chapter
// number that repeats under a new 编 (as in a code whose 分则 restarts at
// 第一章) becomes part-P-chap-N instead.
//
// Use it like any other goldmark extension:
//
//	md := goldmark.New(goldmark.WithExtensions(
//		extension.GFM, extension.CJK,
//		statute.New(statute.WithSelfTitle("某市物业管理条例")),
//	))
package statute
