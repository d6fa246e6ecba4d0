// Casebook: progressive enhancement only. Without JavaScript every filter is a link to a pre-built page.
(function () {
  "use strict";

  // Case index: instant filters and sorting, with the state in the URL. The option counts follow the
  // other filters, so no choice silently leads to an empty list. With JavaScript this replaces the
  // browse links, so there is one filter system, not two.
  var form = document.getElementById("filters");
  var list = document.getElementById("case-list");
  if (form && list) {
    var cards = Array.prototype.slice.call(list.querySelectorAll(".card"));
    var number = document.getElementById("result-number");
    var noun = document.getElementById("result-noun");
    var empty = document.getElementById("empty-state");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select:not([name=sort])"));
    var sortSelect = form.elements.sort;
    var attribute = { year: "years" };
    var values = function (card, name) { return (card.getAttribute("data-" + (attribute[name] || name)) || "").split(" "); };
    var matches = function (card, query, skip) {
      return selects.every(function (select) {
        var wanted = query[select.name];
        return select.name === skip || !wanted || values(card, select.name).indexOf(wanted) !== -1;
      });
    };
    var params = new URLSearchParams(window.location.search);
    selects.concat([sortSelect]).forEach(function (select) {
      var wanted = params.get(select.name);
      if (wanted && select.querySelector('option[value="' + (window.CSS && CSS.escape ? CSS.escape(wanted) : wanted) + '"]')) { select.value = wanted; }
    });
    var sorters = {
      date: function (card) { return card.getAttribute("data-date"); },
      students: function (card) { var v = card.getAttribute("data-students"); return v ? parseFloat(v) : -1; },
      evidence: function (card) { return -parseInt(card.getAttribute("data-evidence-rank"), 10); }
    };
    var apply = function () {
      var query = {};
      selects.forEach(function (select) { if (select.value) { query[select.name] = select.value; } });
      var shown = 0;
      cards.forEach(function (card) {
        var match = matches(card, query, null);
        card.hidden = !match;
        if (match) { shown += 1; }
      });
      // Each option's count: the cases it would show together with the other filters.
      selects.forEach(function (select) {
        Array.prototype.forEach.call(select.options, function (option) {
          if (!option.value) { return; }
          var count = cards.filter(function (card) {
            return matches(card, query, select.name) && values(card, select.name).indexOf(option.value) !== -1;
          }).length;
          option.textContent = option.getAttribute("data-label") + " (" + count + ")";
          option.disabled = count === 0 && option.value !== select.value;
        });
      });
      var key = sorters[sortSelect.value];
      var ordered = cards.slice();
      if (key) {
        ordered = cards.map(function (card, i) { return { card: card, key: key(card), i: i }; })
          .sort(function (a, b) { return a.key > b.key ? -1 : a.key < b.key ? 1 : a.i - b.i; })
          .map(function (item) { return item.card; });
      }
      ordered.forEach(function (card) { list.appendChild(card); });
      number.textContent = String(shown);
      noun.textContent = shown === 1 ? "case study" : "case studies";
      empty.hidden = shown !== 0;
      var search = new URLSearchParams(query);
      if (sortSelect.value) { search.set("sort", sortSelect.value); }
      var text = search.toString();
      window.history.replaceState(null, "", window.location.pathname + (text ? "?" + text : ""));
    };
    form.hidden = false;
    document.getElementById("browse").hidden = true;
    document.getElementById("static-count").hidden = true;
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    apply();
  }

  // Compare: choose two to four cases and see them side by side, one column each (built from the
  // full table's own cells, so every figure keeps its link). The choice lives in the URL (?cases=a,b).
  var chooser = document.getElementById("compare-chooser");
  var compareTable = document.getElementById("compare-table");
  if (chooser && compareTable) {
    var boxes = Array.prototype.slice.call(chooser.querySelectorAll("input[name=cases]"));
    var rows = Array.prototype.slice.call(compareTable.tBodies[0].rows);
    var fieldNames = Array.prototype.map.call(compareTable.tHead.rows[0].cells, function (th) { return th.textContent; });
    var fullView = document.getElementById("compare-all");
    var sideView = document.getElementById("compare-side");
    var compareStatus = document.getElementById("compare-status");
    var limit = 4;
    var wanted = (new URLSearchParams(window.location.search).get("cases") || "").split(",").filter(Boolean);
    boxes.forEach(function (box) { box.checked = wanted.indexOf(box.value) !== -1 && wanted.indexOf(box.value) < limit; });
    var sideBySide = function (chosen) {
      var picked = chosen.map(function (slug) {
        return rows.filter(function (row) { return row.getAttribute("data-case") === slug; })[0];
      }).filter(Boolean);
      var table = document.createElement("table");
      table.className = "compare-table compare-side-table";
      var caption = table.createCaption();
      caption.textContent = "Comparing " + picked.length + " case studies";
      var head = table.createTHead().insertRow();
      var corner = document.createElement("td");
      head.appendChild(corner);
      picked.forEach(function (row) {
        var th = document.createElement("th");
        th.scope = "col";
        th.appendChild(row.cells[0].cloneNode(true).firstElementChild || document.createTextNode(row.cells[0].textContent));
        head.appendChild(th);
      });
      var body = table.createTBody();
      for (var field = 1; field < fieldNames.length; field++) {
        var tr = body.insertRow();
        var th = document.createElement("th");
        th.scope = "row";
        th.textContent = fieldNames[field];
        tr.appendChild(th);
        picked.forEach(function (row) {
          var td = document.createElement("td");
          Array.prototype.forEach.call(row.cells[field].childNodes, function (node) { td.appendChild(node.cloneNode(true)); });
          tr.appendChild(td);
        });
      }
      sideView.textContent = "";
      sideView.appendChild(table);
    };
    var update = function () {
      var chosen = boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
      var active = chosen.length >= 2;
      boxes.forEach(function (box) { box.disabled = !box.checked && chosen.length >= limit; });
      compareStatus.textContent = active ? "Comparing " + chosen.length + " case studies, side by side below."
        : chosen.length === 1 ? "Choose at least one more case study." : "Showing every case study.";
      if (active) { sideBySide(chosen); }
      sideView.hidden = !active;
      fullView.hidden = active;
      var url = window.location.pathname + (chosen.length ? "?cases=" + chosen.map(encodeURIComponent).join(",") : "");
      window.history.replaceState(null, "", url);
    };
    chooser.hidden = false;
    chooser.addEventListener("change", update);
    chooser.addEventListener("reset", function () { window.setTimeout(update, 0); });
    update();
  }

  // Tables marked data-sortable: headers become sort buttons. The figure table also filters.
  Array.prototype.forEach.call(document.querySelectorAll("table[data-sortable]"), function (table) {
    var body = table.tBodies[0];
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    headers.forEach(function (th, column) {
      var kind = th.getAttribute("data-sort");
      if (!kind) { return; }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var key = function (row) {
          var cell = row.cells[column];
          var raw = cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent.trim();
          return kind === "number" ? parseFloat(raw) : raw.toLowerCase();
        };
        var sorted = Array.prototype.slice.call(body.rows).map(function (row, i) { return { row: row, key: key(row), i: i }; });
        sorted.sort(function (a, b) {
          var order = a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i;
          return ascending ? order : -order;
        });
        sorted.forEach(function (item) { body.appendChild(item.row); });
      });
    });
  });
  var figureTools = document.getElementById("figure-tools");
  var figureTable = document.getElementById("figure-table");
  if (figureTools && figureTable) {
    var figureRows = Array.prototype.slice.call(figureTable.tBodies[0].rows);
    var figureCount = document.getElementById("figure-count");
    var filterRows = function () {
      var words = figureTools.elements.q.value.toLowerCase().split(/\s+/).filter(Boolean);
      var level = figureTools.elements.certainty.value;
      var shown = 0;
      figureRows.forEach(function (row) {
        var text = row.textContent.toLowerCase();
        var match = words.every(function (word) { return text.indexOf(word) !== -1; }) &&
          (!level || row.getAttribute("data-certainty") === level);
        row.hidden = !match;
        if (match) { shown += 1; }
      });
      figureCount.textContent = shown + (shown === 1 ? " figure" : " figures") + " shown";
    };
    figureTools.hidden = false;
    figureTools.addEventListener("input", filterRows);
    figureTools.addEventListener("change", filterRows);
    figureTools.addEventListener("submit", function (event) { event.preventDefault(); });
    filterRows();
  }

  // Printing: the date a page was printed goes in its print header (a built page carries no date, so
  // two builds stay identical); print buttons open the print dialog.
  var printDate = document.querySelector(".print-date");
  if (printDate) {
    var stamp = function () {
      printDate.textContent = " · printed " + new Date().toLocaleDateString(document.documentElement.lang || "en",
        { year: "numeric", month: "long", day: "numeric" });
    };
    stamp();
    window.addEventListener("beforeprint", stamp);
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  // Copy buttons (the suggested citation): shown only where the clipboard can be used.
  Array.prototype.forEach.call(document.querySelectorAll("[data-copy]"), function (button) {
    if (!navigator.clipboard || !window.isSecureContext) { return; }
    var source = document.getElementById(button.getAttribute("data-copy"));
    var status = button.parentNode.querySelector("[data-copy-status]");
    button.parentNode.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        status.textContent = "Copied.";
      }, function () {
        status.textContent = "Could not copy; select the text and copy it instead.";
      });
    });
  });

})();
