// fazhi 站内搜索：用 Pagefind 的 pagefind.js 查询，本脚本只在 /search/ 页加载。
(function () {
  "use strict";
  // Pagefind 按 Intl.Segmenter 切分中文查询，单字（行政/复/议）常对不上索引里的词：
  // 把单字并入相邻的词再查，结果排在原查询前；文号等非纯汉字部分不变。
  var HAN = /^[\u3400-\u9fff]+$/;
  function term(q) {
    if (!window.Intl || !Intl.Segmenter) return q;
    var seg = new Intl.Segmenter("zh", { granularity: "word" });
    return q.trim().split(/\s+/).map(function (part) {
      if (!HAN.test(part)) return part;
      var out = [], run = "";
      function flush() { if (run) { out.length && run.length < 2 ? out[out.length - 1] += run : out.push(run); run = ""; } }
      Array.from(seg.segment(part)).forEach(function (s) {
        if (s.segment.length < 2) { run += s.segment; return; }
        flush();
        out.push(s.segment);
      });
      flush();
      return out.join(" ");
    }).join(" ");
  }
  // Pagefind 在一个索引里会忽略索引中没有的查询词；分批后每批各自忽略，某批没有的词
  // 会让该批返回只含其余词的页面。所以先逐词查一遍，只保留含有「任何一批认得的每个词」
  // 的批次（按 mergeFilter 给每批加的 fazhi-bundle 筛选），与整站一个索引的结果相同。
  var BUNDLE = "fazhi-bundle", bundlesOf = new WeakMap();
  // words splits q into the words Pagefind searches for (pagefind.js: the
  // browser's word segmenter, punctuation dropped, lower case).
  var PUNCT = /^[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]$/u;
  function words(q) {
    if (!window.Intl || !Intl.Segmenter) return q.trim().split(/\s+/);
    var lang = document.documentElement.lang || "zh", out = [],
      w = new Intl.Segmenter(lang, { granularity: "word" }), g = new Intl.Segmenter(lang, { granularity: "grapheme" });
    Array.from(w.segment(q)).forEach(function (x) {
      var p = Array.from(g.segment(x.segment)).map(function (c) { return c.segment; })
        .filter(function (c) { return !PUNCT.test(c); }).join("").toLocaleLowerCase();
      if (p.trim()) out.push(p.trim());
    });
    return out;
  }
  function within(m, q, o) {
    var all = bundlesOf.get(m);
    if (!q || !all || all.length < 2) return Promise.resolve(o);
    return Promise.all(words(q).map(function (w) { return m.search(w); })).then(function (rs) {
      var ok = all.filter(function (b) {
        return rs.every(function (r) { return !r.results.length || (r.filters[BUNDLE] || {})[b] > 0; });
      });
      if (!ok.length) return null;
      var f = {};
      Object.keys(o.filters || {}).forEach(function (k) { f[k] = o.filters[k]; });
      f[BUNDLE] = { any: ok };
      return { filters: f };
    });
  }
  // 条文：Pagefind 切分「第十二条之一」的方式在建索引和查询时不同，常常查不到。每条条文
  // 另以一个 ASCII 词编入索引（tiao12zhi1，见 markup/statute SearchToken），查询中的
  // 条文号换成这个词；结果链接到该条，摘要里的这个词换回条文号。
  var LABEL = /^第([〇零一二两三四五六七八九十百千]+|\d+)条(?:之([一二三四五六七八九十]+|\d+))?$/;
  var DIGIT = { "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9 };
  var UNIT = { "十": 10, "百": 100, "千": 1000 };
  function numeral(s) {
    if (/^\d+$/.test(s)) return parseInt(s, 10);
    var n = 0, d = 0;
    Array.from(s).forEach(function (c) {
      if (c in DIGIT) { d = DIGIT[c]; return; }
      n += (d || 1) * UNIT[c];
      d = 0;
    });
    return n + d;
  }
  function token(part) {
    var m = LABEL.exec(part);
    if (!m || !m[2]) return null; // 第十二条 is found as written; only 之一 articles carry a word
    return "tiao" + numeral(m[1]) + (m[2] ? "zhi" + numeral(m[2]) : "");
  }
  // articles rewrites the article labels of q; the map gives each token its label.
  function articles(q) {
    var labels = {};
    var out = q.trim().split(/\s+/).map(function (part) {
      var t = token(part);
      if (!t) return part;
      labels[t] = part;
      return t;
    }).join(" ");
    return { q: out, labels: labels };
  }
  var TOKEN = /\btiao\d+(?:zhi\d+)?\b\.?\s*/g;
  window.fazhiArticles = articles;
  window.fazhiSearch = function (m, q, o) {
    var a = q ? articles(q) : { q: q, labels: {} };
    if (Object.keys(a.labels).length) {
      return within(m, a.q, o).then(function (w) { return w ? m.search(a.q, w) : { results: [] }; }).then(function (r) {
        r.results.forEach(function (x) { x.fazhiLabels = a.labels; });
        return r.results;
      });
    }
    var t = q && term(q);
    function find(s) {
      return within(m, s, o).then(function (w) { return w ? m.search(s, w) : { results: [] }; });
    }
    return Promise.all([find(t || null), t && t !== q ? find(q) : null]).then(function (r) {
      var seen = {}, all = r[0].results.concat(r[1] ? r[1].results : []);
      return all.filter(function (x) { return !seen[x.id] && (seen[x.id] = 1); });
    });
  };
  // fazhi 把大站点分批建索引：第一批在 bundle 里（带 pagefind.js），其余批次列在
  // fazhi-bundles.json 中，用 Pagefind 的 mergeIndex 合并，查询和筛选覆盖全部批次。
  var loaded = {};
  window.fazhiPagefind = function (bundle, base) {
    if (loaded[bundle]) return loaded[bundle];
    var opts = { baseUrl: base, excerptLength: 40 };
    var list = fetch(bundle + "fazhi-bundles.json").then(function (r) { return r.ok ? r.json() : {}; }, function () { return {}; });
    loaded[bundle] = Promise.all([import(bundle + "pagefind.js"), list]).then(function (x) {
      var m = x[0], more = (x[1] && x[1].bundles) || [];
      return m.options(opts).then(function () {
        if (!more.length) return;
        var all = ["."].concat(more);
        bundlesOf.set(m, all);
        return Promise.all(all.map(function (b, i) {
          var f = {};
          f[BUNDLE] = b;
          return i ? m.mergeIndex(bundle + b, { baseUrl: base, excerptLength: 40, mergeFilter: f }) : m.options({ mergeFilter: f });
        }));
      }).then(function () { return m; });
    });
    loaded[bundle].catch(function () { delete loaded[bundle]; });
    return loaded[bundle];
  };
  var root = document.getElementById("search");
  if (!root) return;
  var $ = function (id) { return document.getElementById(id); };
  var form = $("search-form"), input = $("search-q"), box = $("search-filters"),
    status = $("search-status"), list = $("search-results"), more = $("search-more"), none = $("search-none");
  var KEYS = ["栏目", "发文机关", "年份", "公告类型", "有效性"], STEP = 10;
  var pf = null, results = [], shown = 0, seq = 0;

  function load() {
    if (!pf) {
      pf = window.fazhiPagefind(root.getAttribute("data-bundle"), root.getAttribute("data-base") || "/").then(function (m) {
        return m.filters().then(function (f) { filters(f); return m; });
      });
      pf.catch(function () { pf = null; say("搜索暂时无法使用，请稍后再试。"); });
    }
    return pf;
  }

  function say(t) { status.textContent = t; }

  function filters(all) {
    KEYS.forEach(function (k, i) {
      var vals = Object.keys(all[k] || {});
      if (!vals.length) return;
      vals.sort(function (a, b) { return k === "年份" ? b.localeCompare(a) : a.localeCompare(b, "zh-CN"); });
      var d = document.createElement("div"), l = document.createElement("label"), s = document.createElement("select");
      s.id = "search-f" + i;
      s.setAttribute("data-key", k);
      l.htmlFor = s.id;
      l.textContent = k;
      s.add(new Option("全部", ""));
      vals.forEach(function (v) { s.add(new Option(v, v)); });
      var want = new URLSearchParams(location.search).get(k);
      if (want && vals.indexOf(want) >= 0) s.value = want;
      s.addEventListener("change", run);
      d.className = "search-filter";
      d.appendChild(l);
      d.appendChild(s);
      box.appendChild(d);
    });
    box.hidden = !box.querySelector("select");
  }

  function chosen() {
    var f = {}, n = 0;
    box.querySelectorAll("select").forEach(function (s) {
      if (s.value) { f[s.getAttribute("data-key")] = s.value; n++; }
    });
    return n ? f : null;
  }

  function run(ev) {
    if (ev) ev.preventDefault();
    var q = input.value.trim(), id = ++seq;
    load().then(function (m) {
      var f = chosen(), url = new URLSearchParams();
      if (q) url.set("q", q);
      if (f) Object.keys(f).forEach(function (k) { url.set(k, f[k]); });
      history.replaceState(null, "", location.pathname + (url.toString() ? "?" + url : ""));
      if (!q && !f) { results = []; list.textContent = ""; more.hidden = true; none.hidden = true; say(""); return; }
      say("正在搜索……");
      return window.fazhiSearch(m, q, f ? { filters: f } : {}).then(function (r) {
        if (id !== seq) return;
        results = r;
        shown = 0;
        list.textContent = "";
        var what = q ? "与“" + q + "”相关的" : "符合条件的";
        say(results.length ? "找到 " + results.length + " 条" + what + "结果。" :
          "没有找到" + what + "结果。请检查错别字，或换用更短、更常用的关键词。");
        none.hidden = results.length > 0;
        page(false);
      });
    });
  }

  function page(focus) {
    var part = results.slice(shown, shown + STEP), start = shown;
    shown += part.length;
    return Promise.all(part.map(function (r) { return r.data(); })).then(function (ds) {
      ds.forEach(function (d, i) { list.appendChild(item(d, part[i].fazhiLabels)); });
      var left = results.length - shown;
      more.hidden = left <= 0;
      more.textContent = "加载更多结果（还有 " + left + " 条）";
      if (focus && list.children[start]) list.children[start].querySelector("a").focus();
    });
  }

  function item(d, labels) {
    var li = document.createElement("li"), a = document.createElement("a"), m = d.meta || {};
    li.className = "item search-item";
    a.className = "item-title";
    a.href = d.url;
    // A query for an article links to it: the anchor of the article whose
    // search word the query named.
    var tokens = Object.keys(labels || {});
    (d.anchors || []).some(function (x) {
      var t = x.id && "tiao" + x.id.replace(/^art-/, "").replace("-", "zhi");
      if (/^art-\d+(-\d+)?$/.test(x.id) && tokens.indexOf(t) >= 0) { a.href = d.url.replace(/#.*$/, "") + "#" + x.id; return true; }
      return false;
    });
    // m.mark is 【已失效】 or 【已废止】 for a policy without force; m.status
    // its status line (「已废止 · 自…起由《…》废止」).
    a.textContent = (m.mark || "") + (m.title || d.url);
    li.appendChild(a);
    if (m.column || m.date || m.status || m.docno) {
      var p = document.createElement("p");
      p.className = "search-meta";
      if (m.column) { var c = document.createElement("span"); c.textContent = m.column; p.appendChild(c); }
      if (m.docno) { var n = document.createElement("span"); n.className = "docno"; n.textContent = m.docno; p.appendChild(n); }
      if (m.status) { var s = document.createElement("span"); s.className = "search-state"; s.textContent = m.status; p.appendChild(s); }
      if (m.date) { var t = document.createElement("time"); t.dateTime = m.date; t.textContent = m.date; p.appendChild(t); }
      li.appendChild(p);
    }
    var e = document.createElement("p");
    e.className = "search-excerpt";
    // Pagefind escapes the text and adds only <mark>; labels are 第…条 words.
    e.innerHTML = joinCN(untoken(d.excerpt, labels || {}));
    trim(e, joinCN(d.content || "").replace(TOKEN, ""), m.title || "");
    li.appendChild(e);
    return li;
  }

  // untoken shows an article's search word in an excerpt as the label the
  // query named (once: the article's own label follows it) and drops the
  // search words of other articles, with the 「. 」 Pagefind put after them.
  function untoken(html, labels) {
    return html.replace(/<mark>(tiao\d+(?:zhi\d+)?)<\/mark>\.?\s*/g, function (all, t) {
      return labels[t] ? "<mark>" + labels[t] + "</mark>\u0000" : "";
    }).replace(/<mark>([^<]*)<\/mark>\u0000\s*(?:\1)?/g, "<mark>$1</mark>").replace(TOKEN, "");
  }

  // Pagefind joins the text of blocks that end without punctuation with an
  // English ". " (the title, then the first paragraph): join them with 。.
  function joinCN(s) { return s.replace(/([^\x00-\x7f]|<\/mark>)\.(?: |$)/g, "$1。"); }

  // trim makes an excerpt start at a word boundary, after the title (which
  // the result already shows), and marks a cut text with …: Pagefind cuts
  // excerpts at a fixed number of characters, often inside a word
  // (「局召开全市…」 from 「市司法局召开全市…」).
  function trim(e, content, title) {
    var text = e.textContent, pos = content.indexOf(text.slice(0, 12)), drop = 0;
    if (pos < 0) return;
    var head = title + "。";
    if (title && content.slice(0, head.length) === head && pos < head.length && text.length > head.length - pos) {
      drop = head.length - pos;
    } else if (pos > 0 && /[，。；：！？、]/.test(text.slice(0, markAt(e)))) {
      // Start after the last clause mark before the first match.
      var before = text.slice(0, markAt(e));
      drop = Math.max(before.lastIndexOf("，"), before.lastIndexOf("。"), before.lastIndexOf("；"), before.lastIndexOf("："),
        before.lastIndexOf("！"), before.lastIndexOf("？"), before.lastIndexOf("、")) + 1;
    } else if (pos > 0 && window.Intl && Intl.Segmenter) {
      var from = Math.max(0, pos - 16), seg = new Intl.Segmenter("zh", { granularity: "word" });
      Array.from(seg.segment(content.slice(from, pos + 16))).some(function (s) {
        var a = from + s.index, b = a + s.segment.length;
        if (a < pos && pos < b) { drop = b - pos; return true; }
        return a >= pos;
      });
    }
    var lead = text.slice(drop).match(/^[\s。，、；：！？.,;:]*/)[0].length;
    drop += lead;
    var start = pos + drop;
    var walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT), n, left = drop;
    while (left > 0 && (n = walker.nextNode())) {
      var k = Math.min(left, n.data.length);
      n.data = n.data.slice(k);
      left -= k;
    }
    each(e.querySelectorAll("mark"), function (m) { if (!m.textContent) m.parentNode.removeChild(m); });
    if (start > 0 && !/[。！？；\n]\s*$/.test(content.slice(0, start))) e.insertBefore(document.createTextNode("…"), e.firstChild);
    if (pos + text.length < content.length && !/[。！？；]$/.test(e.textContent)) e.appendChild(document.createTextNode("…"));
  }
  // markAt is the offset of the first match in the excerpt's text.
  function markAt(e) {
    var m = e.querySelector("mark"), n = 0, w = document.createTreeWalker(e, NodeFilter.SHOW_TEXT), t;
    if (!m) return e.textContent.length;
    while ((t = w.nextNode()) && !m.contains(t)) n += t.data.length;
    return n;
  }
  function each(nodes, fn) { Array.prototype.forEach.call(nodes, fn); }

  form.addEventListener("submit", run);
  more.addEventListener("click", function () { page(true); });
  input.addEventListener("focus", load, { once: true });
  var q0 = new URLSearchParams(location.search);
  input.value = q0.get("q") || "";
  if (input.value || KEYS.some(function (k) { return q0.get(k); })) run();
})();
