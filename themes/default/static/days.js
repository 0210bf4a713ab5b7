// Brings the "days held" counts written at build time up to the reader's own date.
// Without this script the page still shows the counts as of the build, which it states.
(function () {
  var me = document.currentScript;
  if (!me) return;
  var built = Date.parse(me.getAttribute("data-built") + "T00:00:00Z");
  var now = new Date();
  var today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  if (!(today > built)) return;
  var sep = me.getAttribute("data-sep");
  function group(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  }
  var items = document.querySelectorAll("[data-held-since]");
  for (var i = 0; i < items.length; i++) {
    var since = Date.parse(items[i].getAttribute("data-held-since") + "T00:00:00Z");
    if (isNaN(since)) continue;
    var days = Math.round((today - since) / 86400000);
    var pattern = me.getAttribute(days === 1 ? "data-one" : "data-other");
    items[i].textContent = pattern.replace("{n}", group(days));
  }
})();
