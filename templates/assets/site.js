// Casebook: progressive enhancement only. Without JavaScript every filter is a link to a pre-built page.
(function () {
  "use strict";

  // The main menu: on a phone, a Menu button shows or hides the whole list (CSS decides when the
  // button shows). Without JavaScript the list is always there, every entry visible.
  var siteNav = document.getElementById("site-nav");
  if (siteNav) {
    var menuButton = siteNav.querySelector(".menu-button");
    var menuList = document.getElementById("site-menu");
    siteNav.classList.add("menu-ready");
    menuButton.addEventListener("click", function () {
      var open = menuButton.getAttribute("aria-expanded") !== "true";
      menuButton.setAttribute("aria-expanded", open ? "true" : "false");
      menuList.classList.toggle("open", open);
    });
  }

  // The facet index (data/facets/): a manifest with the vocabularies and shards of compact case
  // records, loaded once. Each record: [slug, title, strategy, state, funding, start, end, evidence,
  // date, students], vocabulary entries as numbers into the manifest's lists.
  var loadFacets = function (manifestURL) {
    var base = manifestURL.replace(/manifest\.json$/, "");
    var getJSON = function (url) {
      return fetch(url).then(function (response) {
        if (!response.ok) { throw new Error(url + ": " + response.status); }
        return response.json();
      });
    };
    return getJSON(manifestURL).then(function (manifest) {
      var shards = [];
      for (var n = 0; n < manifest.shards; n++) { shards.push(getJSON(base + n + ".json")); }
      return Promise.all(shards).then(function (parts) {
        var records = [].concat.apply([], parts).map(function (r, i) {
          return { slug: r[0], title: r[1], strategy: r[2], state: r[3], funding: r[4], start: r[5],
                   end: r[6] === null ? manifest.latest_year : r[6], evidence: r[7], date: r[8], students: r[9], order: i };
        });
        return { manifest: manifest, records: records, root: manifestURL.replace(/data\/facets\/manifest\.json$/, "") };
      });
    });
  };

  // Case index: filters and sorting over the facet index, the state in the URL, one page of results
  // at a time. The option counts follow the other filters, so no choice silently leads to an empty
  // list. Without JavaScript the browse links and the paginated listings are the way in.
  var form = document.getElementById("filters");
  var list = document.getElementById("case-list");
  if (form && list && window.fetch && window.Promise) {
    var serverCards = Array.prototype.slice.call(list.querySelectorAll(".card"));
    var pageSize = Math.max(serverCards.length, 24);
    var number = document.getElementById("result-number");
    var noun = document.getElementById("result-noun");
    var empty = document.getElementById("empty-state");
    var moreRow = document.getElementById("case-list-more-row");
    var moreButton = document.getElementById("case-list-more");
    var serverPages = document.getElementById("case-pages");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select:not([name=sort])"));
    var sortSelect = form.elements.sort;
    var params = new URLSearchParams(window.location.search);
    var visible = pageSize;
    // A shared link with filters: the list waits for the facet index rather than showing every case first.
    var filtered = selects.concat([sortSelect]).some(function (select) { return params.get(select.name); });
    if (filtered) { list.hidden = true; list.setAttribute("aria-busy", "true"); }
    // The filters show from the first paint, before the index has arrived. A choice made in that
    // time is kept: the list is marked as waiting, and the choice is applied (and wins over the
    // address) once the index is here. data-ready says the filters act at once.
    var touched = {};
    var early = function (event) {
      if (event.target && event.target.name) { touched[event.target.name] = true; }
      list.setAttribute("aria-busy", "true");
    };
    form.setAttribute("aria-busy", "true");
    form.addEventListener("change", early);
    var reveal = function () {
      form.removeEventListener("change", early);
      form.removeAttribute("aria-busy");
      list.hidden = false;
      list.removeAttribute("aria-busy");
    };
    loadFacets(form.getAttribute("data-facets")).then(function (facets) {
      var manifest = facets.manifest, records = facets.records;
      var cardFor = {};
      serverCards.forEach(function (card) {
        var link = card.querySelector(".card-title a");
        if (link) { cardFor[link.getAttribute("href")] = card; }
      });
      var caseURL = function (record) { return facets.root + "case-studies/" + record.slug + "/"; };
      var allOnPage = records.every(function (r) { return cardFor[caseURL(r)]; });
      // A record's values for one filter, as the select's option values write them.
      var valuesOf = {
        strategy: function (r) { return r.strategy < 0 ? [] : [manifest.strategies[r.strategy][0]]; },
        state: function (r) { return r.state < 0 ? [] : [manifest.states[r.state][0]]; },
        funding: function (r) { return r.funding.map(function (i) { return manifest.funding[i][0]; }); },
        year: function (r) { var years = []; for (var y = r.start; y <= r.end; y++) { years.push(String(y)); } return years; },
        evidence: function (r) { return r.evidence < 0 ? [] : [manifest.evidence[r.evidence][0]]; }
      };
      var sorters = {
        date: function (a, b) { return a.date > b.date ? -1 : a.date < b.date ? 1 : a.order - b.order; },
        students: function (a, b) {
          var x = a.students === null ? -1 : a.students, y = b.students === null ? -1 : b.students;
          return y - x || a.order - b.order;
        },
        evidence: function (a, b) {
          var x = a.evidence < 0 ? 1e9 : a.evidence, y = b.evidence < 0 ? 1e9 : b.evidence;
          return x - y || a.order - b.order;
        }
      };
      // A card for a case whose full card is not on this page: its title, strategy, place and years.
      var compactCard = function (r) {
        var card = document.createElement("article");
        card.className = "card card-compact";
        var kicker = document.createElement("p");
        kicker.className = "card-kicker";
        var tag = document.createElement("span");
        tag.className = "tag";
        tag.textContent = r.strategy < 0 ? "" : manifest.strategies[r.strategy][1];
        var place = document.createElement("span");
        place.className = "card-place";
        place.textContent = r.state < 0 ? "" : manifest.states[r.state][1];
        kicker.appendChild(tag); kicker.appendChild(document.createTextNode(" ")); kicker.appendChild(place);
        var title = document.createElement("h3");
        title.className = "card-title";
        var link = document.createElement("a");
        link.href = caseURL(r);
        link.textContent = r.title;
        title.appendChild(link);
        card.appendChild(kicker);
        card.appendChild(title);
        // No evidence rating here: a rating is never shown without its caveat, which the case page has.
        var years = document.createElement("p");
        years.className = "card-years";
        years.textContent = r.start + (r.end === r.start ? "" : "–" + r.end);
        card.appendChild(years);
        return card;
      };
      selects.concat([sortSelect]).forEach(function (select) {
        var wanted = params.get(select.name);
        if (wanted && !touched[select.name] && select.querySelector('option[value="' + (window.CSS && CSS.escape ? CSS.escape(wanted) : wanted) + '"]')) { select.value = wanted; }
      });
      var render = function () {
        var query = {};
        selects.forEach(function (select) { if (select.value) { query[select.name] = select.value; } });
        var active = Object.keys(query).length > 0 || sortSelect.value !== "";
        var counts = {};
        selects.forEach(function (select) { counts[select.name] = {}; });
        var matching = records.filter(function (r) {
          var failed = [];
          selects.forEach(function (select) {
            var wanted = query[select.name];
            if (wanted && valuesOf[select.name](r).indexOf(wanted) === -1) { failed.push(select.name); }
          });
          // An option's count: the cases it would show together with the other filters.
          selects.forEach(function (select) {
            if (failed.length === 0 || (failed.length === 1 && failed[0] === select.name)) {
              valuesOf[select.name](r).forEach(function (v) { counts[select.name][v] = (counts[select.name][v] || 0) + 1; });
            }
          });
          return failed.length === 0;
        });
        selects.forEach(function (select) {
          Array.prototype.forEach.call(select.options, function (option) {
            if (!option.value) { return; }
            var count = counts[select.name][option.value] || 0;
            option.textContent = option.getAttribute("data-label") + " (" + count + ")";
            option.disabled = count === 0 && option.value !== select.value;
          });
        });
        if (sorters[sortSelect.value]) { matching.sort(sorters[sortSelect.value]); }
        if (!active) {
          // The page as built: its own cards and page links.
          list.textContent = "";
          serverCards.forEach(function (card) { list.appendChild(card); });
          moreRow.hidden = true;
          if (serverPages) { serverPages.hidden = false; }
        } else {
          list.textContent = "";
          // Every result drawn the same way: the full cards while the whole site is on this page,
          // otherwise compact ones for all (not a mix of the two).
          matching.slice(0, visible).forEach(function (r) { list.appendChild(allOnPage ? cardFor[caseURL(r)] : compactCard(r)); });
          moreRow.hidden = matching.length <= visible;
          if (serverPages) { serverPages.hidden = true; }
        }
        number.textContent = String(matching.length);
        noun.textContent = matching.length === 1 ? "case study" : "case studies";
        empty.hidden = matching.length !== 0;
        var search = new URLSearchParams(query);
        if (sortSelect.value) { search.set("sort", sortSelect.value); }
        var text = search.toString();
        window.history.replaceState(null, "", window.location.pathname + (text ? "?" + text : ""));
      };
      var apply = function () { visible = pageSize; render(); };
      form.hidden = false;
      document.getElementById("browse").hidden = true;
      document.getElementById("static-count").hidden = true;
      form.addEventListener("change", apply);
      form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
      form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
      moreButton.addEventListener("click", function () { visible += pageSize; render(); });
      apply();
      reveal();
      form.setAttribute("data-ready", "");
    }, function () {
      // Without the index, the page is as built: browse links and page links, no filters.
      form.hidden = true;
      ["browse", "static-count"].forEach(function (id) { document.getElementById(id).classList.remove("script-hidden"); });
      reveal();
    });
  }

  // Compare: find cases by name in the facet index and see two to four side by side, one column
  // each; each chosen case's row is fetched from its shard of data/compare/ (so the page never holds
  // every case). The choice lives in the URL (?cases=a,b).
  var chooser = document.getElementById("compare-chooser");
  if (chooser && window.fetch && window.Promise) {
    var fullView = document.getElementById("compare-all");
    var sideView = document.getElementById("compare-side");
    var compareStatus = document.getElementById("compare-status");
    var optionList = document.getElementById("compare-options");
    var searchBox = document.getElementById("compare-search");
    var rowsBase = chooser.getAttribute("data-rows");
    var limit = 4, shown = parseInt(chooser.getAttribute("data-options"), 10) || 20;
    var chosen = (new URLSearchParams(window.location.search).get("cases") || "").split(",").filter(Boolean);
    var rowShards = {};
    // A shared comparison was laid out before the first paint (compare-choice.js); once it is in
    // place, or cannot be, the rest of the page comes back.
    var settle = function () { document.documentElement.classList.remove("compare-from-address"); };
    // The chooser shows its first cases from the first paint; boxes ticked before the index is
    // here count too. data-ready says the chooser acts at once.
    chooser.setAttribute("aria-busy", "true");
    loadFacets(chooser.getAttribute("data-facets")).then(function (facets) {
      var manifest = facets.manifest;
      var bySlug = {};
      facets.records.forEach(function (r) { bySlug[r.slug] = r; });
      Array.prototype.forEach.call(optionList.querySelectorAll("input[name=cases]:checked"), function (box) {
        if (chosen.indexOf(box.value) === -1) { chosen.push(box.value); }
      });
      chosen = chosen.filter(function (slug) { return bySlug[slug]; }).slice(0, limit);
      var rowFor = function (record) {
        var n = Math.floor(record.order / 100);
        if (!rowShards[n]) {
          rowShards[n] = fetch(rowsBase + n + ".json").then(function (response) {
            if (!response.ok) { throw new Error(response.status); }
            return response.json();
          });
        }
        return rowShards[n].then(function (rows) { return rows[record.order - n * 100]; });
      };
      var words = function (text) { return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").split(/[^a-z0-9]+/).filter(Boolean); };
      var haystack = function (r) {
        return words([r.title, r.state < 0 ? "" : manifest.states[r.state][1], r.strategy < 0 ? "" : manifest.strategies[r.strategy][1]].join(" ")).join(" ");
      };
      var link = function (href, text) { var a = document.createElement("a"); a.href = href; a.textContent = text; return a; };
      var figureCell = function (td, figures, none) {
        if (!figures || figures.length === 0) {
          var span = document.createElement("span"); span.className = "not-published"; span.textContent = none; td.appendChild(span); return;
        }
        figures.forEach(function (f) {
          var p = document.createElement("p");
          var value = link(f.url, f.phrase);
          value.className = "figure-value";
          p.appendChild(value);
          p.appendChild(document.createElement("br"));
          var meta = document.createElement("span");
          meta.className = "muted small";
          meta.textContent = f.label + ", " + f.as_of + " · " + f.certainty_label + " · ";
          meta.appendChild(link(f.source_url, f.source));
          p.appendChild(meta);
          td.appendChild(p);
        });
      };
      var fields = [
        ["Strategy", function (td, row) { td.textContent = row.strategy; }],
        ["Place", function (td, row) { td.textContent = row.place; }],
        ["Years", function (td, row) { td.textContent = row.years; }],
        ["Funding", function (td, row) {
          if (row.funding) { td.textContent = row.funding; return; }
          var span = document.createElement("span"); span.className = "not-published"; span.textContent = "Not published"; td.appendChild(span);
        }],
        ["Evidence of results", function (td, row) {
          if (row.evidence) {
            td.appendChild(link(row.evidence.url, row.evidence.label + (row.evidence.study_by ? " · " + row.evidence.study_by : "")));
            var caveat = document.createElement("p");
            caveat.className = "muted small";
            caveat.textContent = "What it cannot show: " + row.evidence.caveat;
            td.appendChild(caveat);
          }
          else { td.textContent = "Not rated"; }
        }],
        ["Students reached", function (td, row) { figureCell(td, row.students ? [row.students] : [], "Not published"); }],
        ["Cost per student", function (td, row) { figureCell(td, row.costs, "Not published"); }],
        ["Money", function (td, row) { figureCell(td, row.money, "Not published"); }],
        ["Headline results", function (td, row) { figureCell(td, row.outcomes, "Not published"); }]
      ];
      var sideBySide = function () {
        var token = chosen.join(",");
        Promise.all(chosen.map(function (slug) { return rowFor(bySlug[slug]); })).then(function (rows) {
          if (token !== chosen.join(",")) { return; }
          var table = document.createElement("table");
          table.className = "compare-table compare-side-table stack-table";
          table.createCaption().textContent = "Comparing " + rows.length + " case studies";
          var head = table.createTHead().insertRow();
          head.appendChild(document.createElement("td"));
          rows.forEach(function (row) {
            var th = document.createElement("th");
            th.scope = "col";
            th.appendChild(link(row.url, row.title));
            head.appendChild(th);
          });
          var body = table.createTBody();
          fields.forEach(function (field) {
            var tr = body.insertRow();
            var th = document.createElement("th");
            th.scope = "row";
            th.textContent = field[0];
            tr.appendChild(th);
            // On a phone each field stacks its cases, each cell labelled with its case.
            rows.forEach(function (row) { var td = tr.insertCell(); td.setAttribute("data-label", row.title); field[1](td, row); });
          });
          sideView.textContent = "";
          sideView.appendChild(table);
          settle();
        }, function () {
          compareStatus.textContent = "The chosen case studies could not be loaded; try again.";
          sideView.hidden = true;
          fullView.hidden = false;
          settle();
        });
      };
      var renderOptions = function () {
        var query = words(searchBox.value);
        var matches = facets.records.filter(function (r) {
          if (chosen.indexOf(r.slug) !== -1) { return false; }
          var text = haystack(r);
          return query.every(function (w) { return text.indexOf(w) !== -1; });
        });
        var items = chosen.map(function (slug) { return bySlug[slug]; }).concat(matches.slice(0, shown));
        optionList.textContent = "";
        items.forEach(function (r) {
          var li = document.createElement("li");
          var label = document.createElement("label");
          var box = document.createElement("input");
          box.type = "checkbox"; box.name = "cases"; box.value = r.slug;
          box.checked = chosen.indexOf(r.slug) !== -1;
          box.disabled = !box.checked && chosen.length >= limit;
          label.appendChild(box);
          label.appendChild(document.createTextNode(" " + r.title));
          li.appendChild(label);
          optionList.appendChild(li);
        });
        if (matches.length > shown) {
          var more = document.createElement("li");
          more.className = "muted small";
          more.textContent = (matches.length - shown) + " more match; type more of a name to narrow the list.";
          optionList.appendChild(more);
        }
      };
      var update = function () {
        var active = chosen.length >= 2;
        compareStatus.textContent = active ? "Comparing " + chosen.length + " case studies, side by side above."
          : chosen.length === 1 ? "Choose at least one more case study." : (document.querySelector(".pagination") ? "Showing one page of the table; choose two to four case studies to see them side by side." : "Showing every case study.");
        if (active) { sideBySide(); } else { settle(); }
        sideView.hidden = !active;
        fullView.hidden = active;
        renderOptions();
        var url = window.location.pathname + (chosen.length ? "?cases=" + chosen.map(encodeURIComponent).join(",") : "");
        window.history.replaceState(null, "", url);
      };
      chooser.addEventListener("change", function (event) {
        var box = event.target;
        if (box.name !== "cases") { return; }
        chosen = chosen.filter(function (slug) { return slug !== box.value; });
        if (box.checked && chosen.length < limit) { chosen.push(box.value); }
        update();
      });
      searchBox.addEventListener("input", renderOptions);
      chooser.addEventListener("submit", function (event) { event.preventDefault(); });
      chooser.addEventListener("reset", function () { chosen = []; window.setTimeout(update, 0); });
      update();
      chooser.removeAttribute("aria-busy");
      chooser.setAttribute("data-ready", "");
    }, function () {
      // Without the index, the table stays as built, with no chooser.
      chooser.hidden = true;
      chooser.removeAttribute("aria-busy");
      settle();
    });
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
  // The report's cover says when it was printed (shown only where a script can say it).
  Array.prototype.forEach.call(document.querySelectorAll("[data-printed-date]"), function (field) {
    field.textContent = new Date().toLocaleDateString(document.documentElement.lang || "en", { year: "numeric", month: "long", day: "numeric" });
    field.parentNode.hidden = false;
  });
  // The print button shows from the first paint wherever scripts run (script-only), so the text
  // around it does not move when this script arrives.
  Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
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
