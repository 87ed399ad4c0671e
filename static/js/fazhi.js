/* fazhi 默认主题脚本：无障碍工具条（字号、长者模式、高对比度）、语音朗读、
   条文链接复制、打印。页面在不运行本脚本时仍可完整阅读和操作。 */
(function () {
  "use strict";
  var KEY = "fazhi-a11y";
  var root = document.documentElement;
  var live = document.getElementById("fz-live");

  function load() {
    try { return JSON.parse(localStorage.getItem(KEY) || "{}") || {}; } catch (e) { return {}; }
  }
  function save(s) {
    try { localStorage.setItem(KEY, JSON.stringify(s)); } catch (e) { /* private mode */ }
  }
  function say(msg) {
    if (!live) return;
    live.textContent = "";
    setTimeout(function () { live.textContent = msg; }, 50);
  }
  function each(sel, fn, ctx) {
    Array.prototype.forEach.call((ctx || document).querySelectorAll(sel), fn);
  }

  /* 日期行：今天是 2026年3月2日 星期一，按读者的时钟写出（页面本身不带构建日期） */
  var dateLine = document.getElementById("fz-date");
  if (dateLine) {
    var now = new Date(), t = document.createElement("time");
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    t.dateTime = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
    t.textContent = now.getFullYear() + "年" + (now.getMonth() + 1) + "月" + now.getDate() + "日";
    dateLine.textContent = "今天是 ";
    dateLine.append(t, " 星期" + "日一二三四五六".charAt(now.getDay()));
    dateLine.hidden = false;
  }

  /* 无障碍工具条 */
  var state = load();
  var modes = { elder: "elder", "high-contrast": "hc" };
  function apply() {
    root.classList.remove("fs-large", "fs-xlarge");
    if (state.fs === "fs-large" || state.fs === "fs-xlarge") root.classList.add(state.fs);
    each("[data-fs]", function (b) {
      b.setAttribute("aria-pressed", String((b.getAttribute("data-fs") || "") === (state.fs || "")));
    });
    Object.keys(modes).forEach(function (cls) {
      var on = !!state[modes[cls]];
      root.classList.toggle(cls, on);
      each('[data-mode="' + cls + '"]', function (b) { b.setAttribute("aria-pressed", String(on)); });
    });
  }
  var bar = document.getElementById("a11y-toolbar");
  if (bar) {
    bar.hidden = false;
    bar.addEventListener("click", function (e) {
      var b = e.target.closest("button");
      if (!b) return;
      if (b.hasAttribute("data-fs")) {
        state.fs = b.getAttribute("data-fs");
      } else if (b.hasAttribute("data-mode")) {
        var k = modes[b.getAttribute("data-mode")];
        state[k] = !state[k];
      } else {
        return;
      }
      save(state);
      apply();
      say(b.textContent + (b.getAttribute("aria-pressed") === "true" ? "已开启" : "已关闭"));
    });
    apply();
  }

  /* 手机上「无障碍」按钮展开或收起工具条 */
  var toggle = document.querySelector(".a11y-toggle");
  if (toggle && bar) {
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      bar.classList.toggle("open", open);
    });
  }

  /* 手机上导航是一行横向滚动的链接：把当前栏目滚到可见处 */
  var navList = document.querySelector(".main-nav ul");
  var navCur = navList && navList.querySelector("[aria-current]");
  if (navCur && navList.scrollWidth > navList.clientWidth) {
    navList.scrollLeft = navCur.parentNode.offsetLeft - (navList.clientWidth - navCur.offsetWidth) / 2;
  }

  /* 打印时展开折叠的「文件信息」 */
  var opened = [];
  window.addEventListener("beforeprint", function () {
    each("details:not([open])", function (d) { d.open = true; opened.push(d); });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });

  /* 打印 */
  each('[data-action="print"]', function (b) {
    b.hidden = false;
    b.addEventListener("click", function () { window.print(); });
  });

  /* 条文链接复制 */
  function fallbackCopy(text) {
    var t = document.createElement("textarea"), ok = false;
    t.value = text;
    t.setAttribute("readonly", "");
    t.style.position = "fixed";
    t.style.opacity = "0";
    document.body.appendChild(t);
    t.select();
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(t);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy"));
  }
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return fallbackCopy(text); });
    }
    return fallbackCopy(text);
  }
  var coarse = window.matchMedia("(pointer: coarse)");
  each("a.art-label", function (a) {
    var p = a.closest("[id]");
    if (!p) return;
    var b = document.createElement("button");
    b.type = "button";
    b.className = "copy-link";
    var hint = document.createElement("span");
    hint.className = "vh";
    hint.textContent = "：" + a.textContent;
    b.append("复制链接", hint);
    var copyOwn = function () {
      var url = location.origin + location.pathname + "#" + p.id;
      copy(url).then(function () { say("已复制" + a.textContent + "的链接"); },
        function () { say("复制失败，请手动复制：" + url); });
    };
    b.addEventListener("click", copyOwn);
    a.insertAdjacentElement("afterend", b);
    // On a touch screen and in 长者模式 the chips are hidden (too small to
    // hit, and they break up the text): tapping the label itself goes to
    // the article and copies its link.
    a.addEventListener("click", function () {
      if (coarse.matches || root.classList.contains("elder")) copyOwn();
    });
  });

  /* 语音朗读 */
  var tts = document.querySelector(".tts");
  var article = document.querySelector("main article");
  var synth = window.speechSynthesis;
  if (tts && article && synth && window.SpeechSynthesisUtterance) {
    tts.hidden = false;
    var bStart = tts.querySelector('[data-tts="start"]');
    var bPause = tts.querySelector('[data-tts="pause"]');
    var bStop = tts.querySelector('[data-tts="stop"]');
    var voice = null;
    var pickVoice = function () {
      var vs = synth.getVoices();
      for (var i = 0; i < vs.length; i++) if (/^zh(-|_)?CN/i.test(vs[i].lang)) { voice = vs[i]; return; }
      for (i = 0; i < vs.length; i++) if (/^zh/i.test(vs[i].lang)) { voice = vs[i]; return; }
    };
    pickVoice();
    if ("onvoiceschanged" in synth) synth.onvoiceschanged = pickVoice;
    var textOf = function () {
      var c = article.cloneNode(true);
      each(".page-tools, .tts, .copy-link, .statute-toc, .page-toc, .print-url, script, svg", function (n) {
        n.parentNode.removeChild(n);
      }, c);
      each("p, li, h1, h2, h3, h4, tr, caption, dd", function (n) { n.appendChild(document.createTextNode("。")); }, c);
      return c.textContent.replace(/\s+/g, " ").replace(/([。！？；])\s*。/g, "$1").trim();
    };
    var ui = function (speaking, paused) {
      bStart.disabled = speaking && !paused;
      bStart.querySelector(".tts-verb").textContent = paused ? "继续" : "开始";
      bPause.disabled = !speaking || paused;
      bStop.disabled = !speaking;
    };
    var gen = 0, left = 0;
    var stop = function () { gen++; left = 0; synth.cancel(); ui(false, false); };
    bStart.addEventListener("click", function () {
      if (synth.paused && left > 0) { synth.resume(); ui(true, false); return; }
      stop();
      var g = gen, parts = textOf().match(/[^。！？；]+[。！？；]?/g) || [];
      left = parts.length;
      parts.forEach(function (s) {
        var u = new SpeechSynthesisUtterance(s);
        u.lang = "zh-CN";
        if (voice) u.voice = voice;
        u.onend = u.onerror = function () { if (g === gen && --left <= 0) ui(false, false); };
        synth.speak(u);
      });
      ui(left > 0, false);
    });
    bPause.addEventListener("click", function () { synth.pause(); ui(true, true); bStart.focus(); });
    bStop.addEventListener("click", function () { stop(); bStart.focus(); });
    window.addEventListener("pagehide", function () { synth.cancel(); });
  }
})();
