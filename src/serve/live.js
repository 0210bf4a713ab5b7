// vigil serve: reloads the page after each good build, and shows the problems of a failed one
// over the page until the next good save. Served by `vigil serve` only, never published.
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script.src.replace(/__vigil\/live\.js(\?.*)?$/, "");
  var overlay = null;

  function text(tag, content, style) {
    var el = document.createElement(tag);
    el.textContent = content;
    for (var k in style || {}) el.style[k] = style[k];
    return el;
  }

  function hide() {
    if (overlay) overlay.remove();
    overlay = null;
  }

  function show(report) {
    hide();
    var problems = report.diagnostics.filter(function (d) { return d.severity === "error"; });
    if (problems.length === 0) return;
    overlay = document.createElement("div");
    overlay.setAttribute("role", "alert");
    var s = overlay.style;
    s.position = "fixed"; s.inset = "0"; s.zIndex = "2147483647"; s.overflow = "auto";
    s.background = "rgba(20, 20, 20, 0.96)"; s.color = "#f5f5f5"; s.padding = "1.5rem";
    s.font = "15px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace";
    overlay.appendChild(text("h2", problems.length === 1
      ? "The site could not be rebuilt: 1 error"
      : "The site could not be rebuilt: " + problems.length + " errors",
      { margin: "0 0 0.5rem", font: "bold 1.2rem/1.3 system-ui, sans-serif", color: "#ff8a80" }));
    overlay.appendChild(text("p", "This page is the last good build. Fix the file and save: the page reloads by itself.",
      { margin: "0 0 1rem", fontFamily: "system-ui, sans-serif" }));
    problems.forEach(function (d) {
      var where = d.file + (d.line ? ":" + d.line + ":" + d.col : "");
      var box = document.createElement("section");
      box.style.margin = "0 0 1.25rem";
      box.appendChild(text("div", where, { color: "#80d8ff" }));
      box.appendChild(text("div", d.message, { fontWeight: "bold" }));
      if (d.source_line !== null && d.source_line !== undefined) {
        var caret = d.source_line.slice(0, Math.max(0, d.col - 1)).replace(/[^\t]/g, " ") + "^";
        box.appendChild(text("pre", d.line + " | " + d.source_line + "\n" +
          " ".repeat(String(d.line).length) + " | " + caret,
          { margin: "0.25rem 0", color: "#ffe082", whiteSpace: "pre-wrap" }));
      }
      if (d.hint) box.appendChild(text("div", "help: " + d.hint, { color: "#b9f6ca" }));
      overlay.appendChild(box);
    });
    document.body.appendChild(overlay);
  }

  function check() {
    fetch(base + "__vigil/problems.json", { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(show)
      .catch(function () {});
  }

  var events = new EventSource(base + "__vigil/events");
  events.addEventListener("reload", function () { location.reload(); });
  events.addEventListener("problems", check);
  check();
})();
