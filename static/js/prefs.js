// 在页面显示之前恢复读者的无障碍设置（字号、长者模式、高对比度），避免闪烁。
// 它放在 <head> 里同步加载（不加 defer），不写成内嵌脚本，以符合内容安全策略（CSP）。
// Restores the reader's accessibility settings before the page is painted;
// a file rather than an inline script, so that the CSP needs no exception.
(function () {
  try {
    var s = JSON.parse(localStorage.getItem("fazhi-a11y") || "{}"), c = document.documentElement.classList;
    if (s.fs === "fs-large" || s.fs === "fs-xlarge") c.add(s.fs);
    if (s.elder) c.add("elder");
    if (s.hc) c.add("high-contrast");
  } catch (e) {}
})();
