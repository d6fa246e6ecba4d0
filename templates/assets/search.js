// Casebook search: loaded by the search page only. The index is written at build time and split
// (see SearchIndex.swift): a small manifest, term shards fetched for the words typed, and one small
// document per result shown. Everything comes from this site; results are built with DOM calls only.
(function () {
  "use strict";

  var form = document.getElementById("search-form");
  if (!form || !window.fetch) { return; }
  var input = document.getElementById("search-input");
  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var moreRow = document.getElementById("search-more-row");
  var more = document.getElementById("search-more");
  var manifestURL = form.getAttribute("data-index");
  var base = manifestURL.replace(/[^\/]*$/, "");
  var pageSize = 10;
  var maxShardsPerWord = 6;

  var manifest = null;
  var stop = {};
  var shards = {};   // shard number → promise of its terms
  var documents = {}; // document id → promise of the document
  var latest = 0;     // the newest query; answers to older ones are dropped
  var current = null; // { words, ranked, shown }

  // Folding and splitting, the same as SearchIndex.terms in the build.
  var fold = function (text) { return (text || "").toLowerCase().normalize("NFD").replace(/\p{Mn}/gu, ""); };
  var splitter = /[^\p{L}\p{N}]+/u;
  var queryWords = function (text) {
    var seen = {};
    return fold(text).split(splitter).filter(function (word) {
      if (word.length < 2 || stop[word] || seen[word]) { return false; }
      seen[word] = true;
      return true;
    });
  };

  var getJSON = function (url, options) {
    return fetch(url, options).then(function (response) {
      if (!response.ok) { throw new Error(url + ": " + response.status); }
      return response.json();
    });
  };
  var versioned = function (path) { return base + path + "?v=" + manifest.version; };
  var loadManifest = function () {
    if (manifest) { return Promise.resolve(manifest); }
    return getJSON(manifestURL, { cache: "no-cache" }).then(function (data) {
      manifest = data;
      data.stop_words.forEach(function (word) { stop[word] = true; });
      return data;
    });
  };
  var shard = function (n) {
    if (!shards[n]) { shards[n] = getJSON(versioned("terms/" + n + ".json")); }
    return shards[n];
  };
  // Documents come in shards of consecutive numbers; the manifest gives each shard's first number.
  var documentFor = function (id) {
    var first = manifest.document_shards, low = 0, high = first.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (first[middle] <= id) { low = middle; } else { high = middle - 1; }
    }
    if (!documents[low]) { documents[low] = getJSON(versioned("docs/" + low + ".json")); }
    return documents[low].then(function (shard) { return shard[id - first[low]]; });
  };

  // The last shard whose first term is at or before `term` (shards are in JavaScript's string order).
  var shardOf = function (term) {
    var first = manifest.shards, low = 0, high = first.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (first[middle] <= term) { low = middle; } else { high = middle - 1; }
    }
    return low;
  };

  // A word of four letters or more also finds the terms it starts ("tutor" finds "tutoring");
  // shorter ones (state codes such as "tx") only themselves.
  var isPrefix = function (word) { return word.length >= 4; };

  // Documents matching one word: id → { weight, field } (an exact term counts fully, a longer one a
  // little less; field is the best place it was found: 3 title, 2 details, 1 story).
  var match = function (word) {
    var from = shardOf(word);
    var to = isPrefix(word) ? Math.min(shardOf(word + "\uffff"), from + maxShardsPerWord - 1) : from;
    var wanted = [];
    for (var n = from; n <= to; n++) { wanted.push(shard(n)); }
    return Promise.all(wanted).then(function (loaded) {
      var found = {};
      loaded.forEach(function (terms) {
        Object.keys(terms).forEach(function (term) {
          var exact = term === word;
          if (!exact && !(isPrefix(word) && term.lastIndexOf(word, 0) === 0)) { return; }
          var id = 0;
          terms[term].forEach(function (posting) {
            id += Math.floor(posting / 4);
            var field = posting % 4, weight = field * (exact ? 2 : 1);
            if (!found[id]) { found[id] = { weight: 0, field: 0 }; }
            if (found[id].weight < weight) { found[id].weight = weight; }
            if (found[id].field < field) { found[id].field = field; }
          });
        });
      });
      return found;
    });
  };

  // Every word must match; the score adds up each word's weight (title, then details, then story).
  // Results come in tiers: a page or list whose title holds every word ("Texas", "Methodology");
  // then the case studies that hold every word in their title or details; then the cases that hold
  // a word only in their story; then the other pages and lists. So a case comes before a site page
  // for the same match, and a list is found by its name. The manifest says how many are cases.
  var rank = function (words) {
    return Promise.all(words.map(match)).then(function (perWord) {
      var ranked = [];
      var cases = typeof manifest.cases === "number" ? manifest.cases : manifest.documents;
      Object.keys(perWord[0]).forEach(function (key) {
        var score = 0, weakest = 3;
        for (var i = 0; i < perWord.length; i++) {
          if (!perWord[i][key]) { return; }
          score += perWord[i][key].weight;
          weakest = Math.min(weakest, perWord[i][key].field);
        }
        var id = Number(key);
        var tier = id < cases ? (weakest >= 2 ? 1 : 2) : (weakest === 3 ? 0 : 3);
        ranked.push({ id: id, score: score, tier: tier });
      });
      ranked.sort(function (a, b) { return a.tier - b.tier || b.score - a.score || a.id - b.id; });
      return ranked;
    });
  };

  // Does this word of the text match one of the query's words?
  var matches = function (token, words) {
    var folded = fold(token);
    return words.some(function (word) { return folded === word || (isPrefix(word) && folded.lastIndexOf(word, 0) === 0); });
  };
  var tokenPattern = /[\p{L}\p{N}\p{Mn}]+/gu;
  var countMatches = function (text, words) {
    var found = {};
    (text.match(tokenPattern) || []).forEach(function (token) {
      var folded = fold(token);
      words.forEach(function (word) {
        if (folded === word || (isPrefix(word) && folded.lastIndexOf(word, 0) === 0)) { found[word] = true; }
      });
    });
    return Object.keys(found).length;
  };

  // A snippet of about 200 characters from the field that matches most words, the words marked.
  var snippet = function (doc, words) {
    var fields = [doc.summary, doc.figures && "Figures: " + doc.figures,
      doc.organization && [doc.organization, doc.partners].filter(Boolean).join(", "), doc.body].filter(Boolean);
    var best = fields[0] || "", bestCount = -1;
    fields.forEach(function (text) {
      var count = countMatches(text, words);
      if (count > bestCount) { best = text; bestCount = count; }
    });
    // Start near the place where the most different words match close together ("cost per student").
    var hits = [], token;
    tokenPattern.lastIndex = 0;
    while ((token = tokenPattern.exec(best))) {
      var folded = fold(token[0]);
      for (var w = 0; w < words.length; w++) {
        if (folded === words[w] || (isPrefix(words[w]) && folded.lastIndexOf(words[w], 0) === 0)) {
          hits.push({ at: token.index, word: w });
          break;
        }
      }
    }
    var first = -1, bestNear = 0;
    hits.forEach(function (hit, i) {
      var near = {};
      for (var j = i; j < hits.length && hits[j].at - hit.at < 100; j++) { near[hits[j].word] = true; }
      var count = Object.keys(near).length;
      if (count > bestNear) { bestNear = count; first = hit.at; }
    });
    var start = 0;
    if (first > 60) {
      start = best.lastIndexOf(" ", first - 60) + 1;
    }
    var end = Math.min(best.length, start + 220);
    if (end < best.length) {
      var space = best.lastIndexOf(" ", end);
      if (space > first) { end = space; }
    }
    var p = document.createElement("p");
    p.className = "search-snippet";
    if (start > 0) { p.appendChild(document.createTextNode("… ")); }
    appendMarked(p, best.slice(start, end), words);
    if (end < best.length) { p.appendChild(document.createTextNode(" …")); }
    return p;
  };

  // Appends `text` to `parent`, each word that matches wrapped in <mark> (text nodes only, never HTML).
  var appendMarked = function (parent, text, words) {
    var last = 0, token;
    var pattern = new RegExp(tokenPattern.source, "gu");
    while ((token = pattern.exec(text))) {
      if (!matches(token[0], words)) { continue; }
      if (token.index > last) { parent.appendChild(document.createTextNode(text.slice(last, token.index))); }
      var mark = document.createElement("mark");
      mark.textContent = token[0];
      parent.appendChild(mark);
      last = token.index + token[0].length;
    }
    if (last < text.length) { parent.appendChild(document.createTextNode(text.slice(last))); }
  };

  // The words to mark in a result: the query's, and the state's name when the query names its code
  // ("tx" marks "Texas").
  var wordsToMark = function (doc, words) {
    if (!doc.state || words.indexOf(fold(doc.state)) === -1) { return words; }
    return words.concat(fold(doc.state_name).split(splitter).filter(function (word) { return word.length > 1; }));
  };

  var fact = function (list, name, label, value, words) {
    if (!value) { return; }
    var item = document.createElement("li");
    item.className = "search-fact";
    item.setAttribute("data-field", name);
    var term = document.createElement("span");
    term.className = "search-fact-label";
    term.textContent = label + ": ";
    item.appendChild(term);
    appendMarked(item, value, words);
    list.appendChild(item);
  };

  var resultItem = function (doc, queryWords) {
    var words = wordsToMark(doc, queryWords);
    var li = document.createElement("li");
    li.className = "search-result";
    var heading = document.createElement("h2");
    heading.className = "search-result-title";
    var link = document.createElement("a");
    link.href = doc.url;
    link.textContent = doc.title;
    heading.appendChild(link);
    li.appendChild(heading);
    if (doc.place || doc.strategy || doc.evidence) {
      var facts = document.createElement("ul");
      facts.className = "search-facts";
      fact(facts, "place", "Place", doc.place, words);
      fact(facts, "strategy", "Strategy", doc.strategy, words);
      fact(facts, "evidence", "Evidence", doc.evidence, words);
      li.appendChild(facts);
    } else {
      var kind = document.createElement("p");
      kind.className = "search-facts";
      kind.textContent = doc.kind === "listing" ? "List of case studies" : "Page";
      li.appendChild(kind);
    }
    li.appendChild(snippet(doc, words));
    return li;
  };

  // Shows the next page of results (their documents fetched now, in parallel); `replace` clears the
  // previous query's results once the new ones are ready, so the list does not flicker as you type.
  var showMore = function (query, replace) {
    var next = current.ranked.slice(current.shown, current.shown + pageSize);
    return Promise.all(next.map(function (item) { return documentFor(item.id); })).then(function (docs) {
      if (query !== latest) { return; }
      if (replace) { results.textContent = ""; }
      docs.forEach(function (doc) { results.appendChild(resultItem(doc, current.words)); });
      current.shown += docs.length;
      moreRow.hidden = current.shown >= current.ranked.length;
    });
  };

  var plural = function (n) { return n + (n === 1 ? " result" : " results"); };

  var search = function () {
    var query = ++latest;
    var text = input.value.trim();
    var url = window.location.pathname + (text ? "?q=" + encodeURIComponent(text) : "");
    window.history.replaceState(null, "", url);
    if (!text) {
      results.textContent = "";
      status.textContent = "";
      moreRow.hidden = true;
      return Promise.resolve();
    }
    return loadManifest().then(function () {
      var words = queryWords(text);
      if (!words.length) {
        if (query !== latest) { return; }
        results.textContent = "";
        moreRow.hidden = true;
        status.textContent = "Type a longer word to search.";
        return;
      }
      return rank(words).then(function (ranked) {
        if (query !== latest) { return; }
        current = { words: words, ranked: ranked, shown: 0 };
        return showMore(query, true).then(function () {
          if (query !== latest) { return; }
          status.textContent = ranked.length ? plural(ranked.length) + " for “" + text + "”"
            : "No results for “" + text + "”. Try fewer or shorter words, or browse every case study.";
        });
      });
    }).catch(function () {
      if (query === latest) { status.textContent = "Search is unavailable right now."; }
    });
  };

  var timer = null;
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(search, 120);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    search();
  });
  more.addEventListener("click", function () { showMore(latest, false); });

  // The address's query; otherwise what was typed before this script arrived, not left unanswered.
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) { input.value = initial; search(); } else if (input.value.trim()) { search(); }
})();
