// Search by name (in either alphabet) and filters for the people index. Without JavaScript the form
// stays hidden and the pages per status, profession and case serve the same need.
(function () {
  var form = document.getElementById("finder");
  if (!form) return;
  var table = JSON.parse(form.getAttribute("data-fold"));
  function fold(s) {
    s = s.toLowerCase();
    for (var i = 0; i < table.length; i++) s = s.split(table[i][0]).join(table[i][1]);
    return s.trim();
  }
  var input = document.getElementById("find");
  var selects = form.querySelectorAll("select[data-filter]");
  var cards = document.querySelectorAll(".group .card");
  var groups = document.querySelectorAll(".group");
  var count = document.getElementById("find-count");
  function update() {
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    var shown = 0;
    for (var i = 0; i < cards.length; i++) {
      var c = cards[i];
      var ok = words.every(function (w) { return c.getAttribute("data-search").indexOf(w) >= 0; });
      for (var j = 0; ok && j < selects.length; j++) {
        var want = selects[j].value;
        if (want && c.getAttribute("data-" + selects[j].getAttribute("data-filter")) !== want) ok = false;
      }
      c.hidden = !ok;
      if (ok) shown++;
    }
    for (var g = 0; g < groups.length; g++) {
      groups[g].hidden = !groups[g].querySelector(".card:not([hidden])");
    }
    count.textContent = form.getAttribute("data-shown").replace("{n}", shown);
  }
  form.addEventListener("input", update);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.hidden = false;
})();
