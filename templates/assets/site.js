// Casebook: progressive enhancement only. Without JavaScript every filter is a link to a pre-built page.
(function () {
  "use strict";

  // Case index: instant filters, with the filter state in the URL.
  var form = document.getElementById("filters");
  var list = document.getElementById("case-list");
  if (form && list) {
    var cards = Array.prototype.slice.call(list.querySelectorAll(".card"));
    var number = document.getElementById("result-number");
    var empty = document.getElementById("empty-state");
    var fields = ["strategy", "state", "funding", "year"];
    var attribute = { strategy: "strategy", state: "state", funding: "funding", year: "years" };
    var params = new URLSearchParams(window.location.search);
    fields.forEach(function (name) {
      var select = form.elements[name];
      if (select && params.get(name)) { select.value = params.get(name); }
    });
    var apply = function () {
      var query = new URLSearchParams();
      var shown = 0;
      fields.forEach(function (name) {
        if (form.elements[name] && form.elements[name].value) { query.set(name, form.elements[name].value); }
      });
      cards.forEach(function (card) {
        var match = fields.every(function (name) {
          var wanted = query.get(name);
          if (!wanted) { return true; }
          return (card.getAttribute("data-" + attribute[name]) || "").split(" ").indexOf(wanted) !== -1;
        });
        card.hidden = !match;
        if (match) { shown += 1; }
      });
      number.textContent = String(shown);
      empty.hidden = shown !== 0;
      var search = query.toString();
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
    };
    form.hidden = false;
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    apply();
  }

  // Search: a small index written at build time, fetched from this site only.
  var searchForm = document.getElementById("search-form");
  if (searchForm) {
    var input = document.getElementById("search-input");
    var results = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    var entries = null;
    var fold = function (text) { return (text || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, ""); };
    var render = function () {
      var terms = fold(input.value).split(/\s+/).filter(Boolean);
      results.textContent = "";
      if (!terms.length) { status.textContent = ""; return; }
      var scored = entries.map(function (entry) {
        var title = fold(entry.title);
        var rest = fold([entry.summary, entry.organization, entry.partners, entry.place, entry.strategy, entry.tags].join(" "));
        var score = 0;
        for (var i = 0; i < terms.length; i++) {
          if (title.indexOf(terms[i]) !== -1) { score += 3; }
          else if (rest.indexOf(terms[i]) !== -1) { score += 1; }
          else { return null; }
        }
        return { entry: entry, score: score };
      }).filter(Boolean).sort(function (a, b) { return b.score - a.score || a.entry.title.localeCompare(b.entry.title); });
      status.textContent = scored.length + (scored.length === 1 ? " result" : " results") + " for “" + input.value + "”";
      scored.forEach(function (item) {
        var li = document.createElement("li");
        var link = document.createElement("a");
        link.href = item.entry.url;
        link.textContent = item.entry.title;
        var summary = document.createElement("p");
        summary.textContent = item.entry.summary;
        li.appendChild(link);
        li.appendChild(summary);
        results.appendChild(li);
      });
    };
    var load = function () {
      if (entries) { render(); return; }
      fetch(searchForm.getAttribute("data-index")).then(function (response) { return response.json(); })
        .then(function (data) { entries = data; render(); })
        .catch(function () { status.textContent = "Search is unavailable right now."; });
    };
    var initial = new URLSearchParams(window.location.search).get("q");
    if (initial) { input.value = initial; load(); }
    input.addEventListener("input", load);
    searchForm.addEventListener("submit", function (event) {
      event.preventDefault();
      window.history.replaceState(null, "", window.location.pathname + "?q=" + encodeURIComponent(input.value));
      load();
    });
  }
})();
