package serve

// reloadScript listens for rebuilds: it reloads the page after a good
// build and shows the build error over the page after a bad one.
const reloadScript = `(function () {
  var gen = null, box = null;
  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]; }); }
  function show(list) {
    if (!box) {
      box = document.createElement("div");
      box.id = "fazhi-error-overlay";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.92);color:#fff;font:16px/1.6 system-ui,sans-serif;padding:2em";
      document.body.appendChild(box);
    }
    var html = "<h2 style='color:#ffb4b4;margin-top:0'>构建出错，正在显示上一次成功的版本</h2><p>修改下面的文件并保存，本页会自动刷新。</p><ul>";
    list.forEach(function (p) {
      var where = p.file ? p.file + (p.line ? "：第 " + p.line + " 行" : "") + (p.col ? "第 " + p.col + " 列" : "") : "";
      html += "<li style='margin:.8em 0'><strong>" + esc(where) + "</strong><br>" + esc(p.message) + "</li>";
    });
    box.innerHTML = html + "</ul>";
  }
  // The 发布前检查 box stays open across the reloads that follow each save
  // once the author has opened it (until the tab is closed).
  var KEY = "fazhi-check-open";
  function keep(box) {
    var d = box && box.querySelector("details");
    if (!d) { return; }
    try { if (sessionStorage.getItem(KEY) === "1") { d.open = true; } } catch (e) {}
    d.addEventListener("toggle", function () { try { sessionStorage.setItem(KEY, d.open ? "1" : "0"); } catch (e) {} });
  }
  keep(document.getElementById("fazhi-check"));
  // panel replaces the 发布前检查 box by the server's newer one, keeping it
  // open or closed and keeping the keyboard focus on its summary.
  function panel(g) {
    var old = document.getElementById("fazhi-check");
    if (!old || old.getAttribute("data-gen") === g) { return; }
    fetch("` + Prefix + `panel", {cache: "no-store"}).then(function (r) { return r.text(); }).then(function (html) {
      var cur = document.getElementById("fazhi-check");
      if (!cur) { return; }
      var t = document.createElement("template");
      t.innerHTML = html;
      var box = t.content.querySelector("#fazhi-check");
      if (!box) { return; }
      var was = cur.querySelector("details"), now = box.querySelector("details");
      if (was && now) { now.open = was.open; }
      var focused = cur.contains(document.activeElement);
      cur.replaceWith(box);
      keep(box);
      if (focused) { box.querySelector("summary").focus(); }
    });
  }
  function connect() {
    var es = new EventSource("` + Prefix + `events");
    es.addEventListener("hello", function (e) {
      if (gen !== null && e.data !== gen) { location.reload(); }
      gen = e.data;
    });
    es.addEventListener("reload", function (e) { location.reload(); });
    es.addEventListener("problem", function (e) { show(JSON.parse(e.data)); });
    es.addEventListener("check", function (e) { panel(e.data); });
    es.onerror = function () { es.close(); setTimeout(connect, 1000); };
  }
  connect();
})();
`
