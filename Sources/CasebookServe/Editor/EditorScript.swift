/// The editor's script, served at `/_casebook/editor/editor.js` (a file, so the site's
/// Content-Security-Policy, `script-src 'self'`, holds). Plain JavaScript, no framework, nothing
/// fetched from elsewhere: it asks the server for the schema and the case study, builds the form,
/// asks for a check ~400 ms after each change and shows each problem at its field, previews the
/// story, saves, and follows the live-reload events to show the rebuilt page.
enum EditorScript {
    static let source = #"""
    // Casebook editor: builds the form from the schema (site.yml's vocabularies), checks it as the person
    // types with the same code as `casebook check`, shows each problem at its field, previews the story,
    // saves, and shows the rebuilt page. Served by `casebook serve` only. No inline script or style.
    (function () {
      "use strict";
      var API = "/_casebook/editor/";
      var main = document.getElementById("main");
      var tokenMeta = document.querySelector('meta[name="casebook-token"]');
      var token = tokenMeta ? tokenMeta.getAttribute("content") : "";
      var slug = main.getAttribute("data-slug") || null;
      var siteRoot = main.getAttribute("data-site-root") || "/";
      var showsDrafts = main.getAttribute("data-drafts") === "true";

      var schema = null;          // from GET schema
      var model = null;           // the CaseForm being edited (JSON, snake_case keys)
      var doc = { path: null, digest: null, pageUrl: null };
      var problems = [];          // the last check's problems
      var fieldInfo = {};         // schema.fields by key path (indices as *)
      var nextId = 0;
      var checkTimer = null, previewTimer = null, checkSeq = 0, previewSeq = 0;
      var lastBuild = null, awaitingRebuild = null;
      // On a new case study, problems show for the parts the person has filled in (not a wall of "is empty"
      // at the start); all of them once they try to save.
      var touched = {}, showAll = false;
      var ui = {};

      // ---------------------------------------------------------------- small helpers

      function el(tag, attrs, children) {
        var node = document.createElement(tag);
        Object.keys(attrs || {}).forEach(function (name) {
          var value = attrs[name];
          if (value === null || value === undefined || value === false) { return; }
          if (name === "text") { node.textContent = value; }
          else if (name === "class") { node.className = value; }
          else if (name === "on") { Object.keys(value).forEach(function (e) { node.addEventListener(e, value[e]); }); }
          else { node.setAttribute(name, value === true ? "" : value); }
        });
        (children || []).forEach(function (child) {
          if (child === null || child === undefined) { return; }
          node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
        });
        return node;
      }

      function idFor(path) { return "f-" + path.replace(/[^A-Za-z0-9_]+/g, "-"); }

      function get(path) {
        return path.split(".").reduce(function (value, key) {
          return value === null || value === undefined ? undefined : value[key];
        }, model);
      }

      // Sets a value at a key path, making the objects on the way (a first evidence field makes `evidence`).
      function set(path, value) {
        var keys = path.split(".");
        var target = model;
        for (var i = 0; i < keys.length - 1; i++) {
          if (target[keys[i]] === null || target[keys[i]] === undefined) {
            target[keys[i]] = keys[i] === "evidence" ? blankEvidence() : (keys[i] === "image" ? { src: "", alt: "" } : {});
          }
          target = target[keys[i]];
        }
        target[keys[keys.length - 1]] = value;
      }

      function blankEvidence() { return { design: "", finding: "", caveat: "", sources: [] }; }
      function blankFigure() {
        return { key: "", label: "", value: "", as_of: "", source: "", url: "", certainty: "", highlight: false, quote: "" };
      }
      function blankForm() {
        var today = new Date().toISOString().slice(0, 10);
        return { title: "", summary: "", organization: "", partners: [], state: "", place: null, strategy: "",
                 funding: [], funding_note: null, years: { start: "", end: null }, tags: [], date: today,
                 featured: false, draft: true, image: null, metrics: [], evidence: null, sources: [], story: "" };
      }

      function request(method, action, body) {
        var options = { method: method, credentials: "same-origin", headers: {} };
        if (body !== undefined) {
          options.headers["Content-Type"] = "application/json";
          options.headers["X-Casebook-Token"] = token;
          options.body = JSON.stringify(body);
        }
        return fetch(API + action, options).then(function (response) {
          return response.text().then(function (text) {
            var data = null;
            try { data = JSON.parse(text); } catch (e) { data = { kind: "text", message: text.trim() }; }
            return { status: response.status, ok: response.ok, data: data };
          });
        }, function () {
          return { status: 0, ok: false, data: { kind: "offline", message: "The preview server does not answer.",
                                                  hint: "is `casebook serve` still running? Start it again, then reload this page" } };
        });
      }

      function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

      // The schema's words for a field: its label, help text and whether it is required.
      function info(path) {
        var general = path.replace(/\.\d+(\.|$)/g, ".*$1");
        return fieldInfo[path] || fieldInfo[general] || fieldInfo[general.replace(/\.\*/g, "")] || {};
      }

      function say(text) {
        ui.status.textContent = "";
        window.setTimeout(function () { ui.status.textContent = text; }, 30);
      }

      // ---------------------------------------------------------------- fields

      // A labelled control with its help and a place for its problems. `kind`: text, area, select, url.
      function field(path, kind, options) {
        options = options || {};
        var meta = info(path);
        var id = idFor(path);
        var labelText = options.label || meta.label || path;
        var required = options.required !== undefined ? options.required : !!meta.required;
        var helpText = options.help !== undefined ? options.help : (meta.help || "");
        var label = el("label", { "for": id }, [labelText, required ? el("span", { "class": "ed-required", text: " (required)" }) : null]);
        var help = el("p", { "class": "ed-help", id: "h-" + id, text: helpText });
        var control;
        var value = get(path);
        if (kind === "select") {
          control = el("select", { id: id, name: path });
          var choices = (options.choices || []).slice();
          var known = choices.some(function (c) { return c.value === (value || ""); });
          if (!value || !required) { control.appendChild(el("option", { value: "", text: options.empty || "Choose…" })); }
          if (value && !known) { choices.unshift({ value: value, label: value + " (not in the site’s list)" }); }
          choices.forEach(function (c) { control.appendChild(el("option", { value: c.value, text: c.label })); });
          control.value = value || "";
        } else if (kind === "area") {
          control = el("textarea", { id: id, name: path, rows: options.rows || 3 });
          control.value = value || "";
        } else {
          control = el("input", { id: id, name: path, type: kind === "url" ? "url" : "text",
                                  inputmode: options.inputmode, autocomplete: "off", placeholder: options.placeholder });
          control.value = value === null || value === undefined ? "" : value;
        }
        if (required) { control.setAttribute("aria-required", "true"); }
        // What the chosen item means (a strategy's or a rating's description), under the list.
        var description = options.describe ? el("p", { "class": "ed-help ed-description", id: "d-" + id }) : null;
        control.setAttribute("aria-describedby", [helpText ? help.id : "", description ? description.id : ""].filter(Boolean).join(" "));
        var update = function () {
          var next = control.value;
          if (next === "" && options.optional) { next = null; }
          if (options.list) { next = control.value.split("\n").map(function (s) { return s.trim(); }).filter(Boolean); }
          set(path, next);
          if (description) { description.textContent = options.describe(control.value); }
          if (options.onChange) { options.onChange(control.value); }
          changed(path);
        };
        control.addEventListener(kind === "select" ? "change" : "input", update);
        if (description) { description.textContent = options.describe(control.value); }
        if (options.list) { control.value = (value || []).join("\n"); }
        var wrapper = el("div", { "class": "ed-field" + (options.wide ? " ed-wide" : ""), "data-field": path },
                         [label, helpText ? help : null, control, description, el("div", { "class": "ed-problems", id: "p-" + id })]);
        return wrapper;
      }

      function checkbox(path, labelText, helpText) {
        var id = idFor(path);
        var box = el("input", { type: "checkbox", id: id, name: path });
        box.checked = !!get(path);
        box.addEventListener("change", function () { set(path, box.checked); changed(path); });
        var help = helpText ? el("span", { "class": "ed-help", id: "h-" + id, text: helpText }) : null;
        if (help) { box.setAttribute("aria-describedby", help.id); }
        return el("div", { "class": "ed-field", "data-field": path }, [
          el("div", { "class": "ed-check" }, [box, el("label", { "for": id }, [labelText, help ? el("br") : null, help])]),
          el("div", { "class": "ed-problems", id: "p-" + id })
        ]);
      }

      // Checkboxes for a list of keys (funding, tags): one per item of the vocabulary, plus any the file
      // has that the vocabulary does not.
      function checkGroup(path, legend, items, helpText) {
        var id = idFor(path);
        var chosen = get(path) || [];
        var all = items.slice();
        chosen.forEach(function (key) {
          if (!all.some(function (i) { return i.key === key; })) { all.push({ key: key, label: key + " (not in the site’s list)" }); }
        });
        var group = el("fieldset", { "class": "ed-checks", id: id, "data-field": path },
                       [el("legend", { text: legend })]);
        if (helpText) {
          var help = el("p", { "class": "ed-help ed-wide", id: "h-" + id, text: helpText });
          group.setAttribute("aria-describedby", help.id);
          group.appendChild(help);
        }
        all.forEach(function (item, index) { group.appendChild(checkItem(path, item, index)); });
        group.appendChild(el("div", { "class": "ed-problems ed-wide", id: "p-" + id }));
        return group;
      }

      function checkItem(path, item, index) {
        var boxId = idFor(path) + "-" + index + "-" + item.key;
        var box = el("input", { type: "checkbox", id: boxId, value: item.key });
        box.checked = (get(path) || []).indexOf(item.key) >= 0;
        box.addEventListener("change", function () {
          var list = (get(path) || []).slice();
          var at = list.indexOf(item.key);
          if (box.checked && at < 0) { list.push(item.key); }
          if (!box.checked && at >= 0) { list.splice(at, 1); }
          set(path, list);
          changed(path);
        });
        var help = item.description ? el("span", { "class": "ed-help", id: "h-" + boxId, text: item.description }) : null;
        if (help) { box.setAttribute("aria-describedby", help.id); }
        return el("div", { "class": "ed-check" }, [box, el("label", { "for": boxId }, [item.label, help ? el("br") : null, help])]);
      }

      function section(title, intro, children, id) {
        return el("fieldset", { "class": "ed-section", id: id }, [el("legend", {}, [el("h2", { text: title })]),
          intro ? el("p", { "class": "ed-section-intro", text: intro }) : null].concat(children));
      }

      function choices(list, labelOf) {
        return (list || []).map(function (item) {
          return { value: item.key || item.code, label: labelOf ? labelOf(item) : capital(item.label || item.name || item.key) };
        });
      }

      function describer(list) {
        return function (key) {
          var item = (list || []).filter(function (i) { return (i.key || i.code) === key; })[0];
          return item && item.description ? item.description : "";
        };
      }

      // ---------------------------------------------------------------- the form

      function render() {
        var form = el("form", { id: "ed-form", "class": "ed-form", novalidate: true, "aria-labelledby": "ed-heading" });
        form.addEventListener("submit", function (e) { e.preventDefault(); });

        var yearsHelp = "The school years the program ran, e.g. 2021; add the end year once it has ended.";
        form.appendChild(section("About the program", "Who ran it, where, and what kind of program it was.", [
          el("div", { "class": "ed-grid" }, [
            field("title", "text", { wide: true, required: true }),
            field("summary", "area", { wide: true, required: true, rows: 3 }),
            field("organization", "text", { required: true }),
            field("partners", "area", { list: true, rows: 3, help: "Other organizations that ran it with them, one per line." }),
            field("state", "select", { required: true, empty: "Choose a state…",
              choices: choices(schema.states, function (s) { return s.name + " (" + s.code + ")"; }) }),
            field("place", "text", { optional: true }),
            field("strategy", "select", { required: true, empty: "Choose a strategy…", choices: choices(schema.strategies),
              describe: describer(schema.strategies) }),
            field("years.start", "text", { inputmode: "numeric", help: info("years.start").help || yearsHelp }),
            field("years.end", "text", { inputmode: "numeric", optional: true }),
            field("date", "text", { placeholder: "YYYY-MM-DD" }),
            checkbox("featured", info("featured").label || "Featured on the home page", info("featured").help)
          ])
        ], "ed-about"));

        form.appendChild(section("Funding", null, [
          checkGroup("funding", "What paid for the program", schema.funding, info("funding").help),
          el("div", { "class": "ed-grid" }, [field("funding_note", "area", { wide: true, optional: true, rows: 4 })])
        ], "ed-funding"));

        form.appendChild(section("Topics", null, [tagsBlock()], "ed-topics"));
        form.appendChild(section("Figures", "Each figure needs its source, the address of that source, the source’s own sentence (quote), the date it describes (as of) and how sure we are (certainty).",
          [figuresBlock()], "ed-figures"));
        form.appendChild(section("Evidence of results", "How strong the proof is that the program worked, and where it comes from.", [evidenceBlock()], "ed-evidence"));
        form.appendChild(section("Further reading", "Sources beyond the figures’ own, listed at the end of the page.",
          [sourcesBlock("sources", "ed-further")], "ed-sources"));
        form.appendChild(section("Picture", null, [pictureBlock()], "ed-picture"));
        form.appendChild(section("Story", "The case study’s text, in Markdown: a blank line between paragraphs, ## for a heading, *stars* for emphasis, [words](address) for a link.",
          [storyBlock()], "ed-story-section"));

        ui.form = form;
        main.replaceChild(form, ui.formSlot);
        ui.formSlot = form;
      }

      function tagsBlock() {
        var known = (schema.tags || []).map(function (t) { return typeof t === "string" ? { key: t, label: t } : t; });
        var group = checkGroup("tags", info("tags").label || "Topic tags", known, info("tags").help);
        var input = el("input", { type: "text", id: "ed-new-tag", autocomplete: "off", "aria-describedby": "h-ed-new-tag" });
        var add = el("button", { type: "button", "class": "ed-button", text: "Add tag" });
        function addTag() {
          var key = input.value.trim().toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
          if (!key) { say("Type the new tag first."); input.focus(); return; }
          var list = (get("tags") || []).slice();
          var existing = document.querySelector('#' + idFor("tags") + ' input[value="' + key + '"]');
          if (list.indexOf(key) < 0) { list.push(key); set("tags", list); }
          if (!existing) {
            existing = checkItem("tags", { key: key, label: key + " (new)" }, group.querySelectorAll(".ed-check").length).querySelector("input");
            group.insertBefore(existing.parentNode, group.querySelector(".ed-problems"));
          }
          existing.checked = true;
          input.value = "";
          changed("tags");
          say("Tag " + key + " added and ticked.");
          existing.focus();
        }
        add.addEventListener("click", addTag);
        input.addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); addTag(); } });
        return el("div", {}, [group, el("div", { "class": "ed-inline" }, [
          el("div", { "class": "ed-field" }, [el("label", { "for": "ed-new-tag", text: "A new tag" }),
            el("p", { "class": "ed-help", id: "h-ed-new-tag", text: "Lower-case words joined by hyphens, e.g. after-school. A tag the site does not list yet is a warning until an editor adds it to site.yml." }),
            input]), add])]);
      }

      // ------------------------------------------------ lists of rows (figures, sources)

      // A list whose rows can be added, removed and moved; `renderRow(path, index, count)` makes one row.
      function rowList(path, options) {
        var list = el("ol", { "class": "ed-rows", id: idFor(path), "data-field": path });
        var addButton = el("button", { type: "button", "class": "ed-button", text: options.addLabel });
        var empty = el("p", { "class": "ed-empty", text: options.emptyText });
        var problemsBox = el("div", { "class": "ed-problems", id: "p-" + idFor(path) });

        function items() { return get(path) || []; }

        function draw(focus) {
          list.textContent = "";
          var rows = items();
          empty.hidden = rows.length > 0;
          rows.forEach(function (_, index) {
            var rowPath = path + "." + index;
            var row = options.renderRow(rowPath, index, rows.length);
            var tools = el("div", { "class": "ed-row-tools" }, [
              el("button", { type: "button", "class": "ed-button ed-button-small", "data-action": "up", disabled: index === 0,
                             text: "Move up", "aria-label": "Move " + options.noun + " " + (index + 1) + " up" }),
              el("button", { type: "button", "class": "ed-button ed-button-small", "data-action": "down", disabled: index === rows.length - 1,
                             text: "Move down", "aria-label": "Move " + options.noun + " " + (index + 1) + " down" }),
              el("button", { type: "button", "class": "ed-button ed-button-small ed-button-danger", "data-action": "remove",
                             text: "Remove", "aria-label": "Remove " + options.noun + " " + (index + 1) })
            ]);
            tools.addEventListener("click", function (e) {
              var action = e.target.getAttribute && e.target.getAttribute("data-action");
              if (action) { act(action, index); }
            });
            row.appendChild(tools);
            list.appendChild(el("li", {}, [row]));
          });
          if (focus) { focus(); }
        }

        function act(action, index) {
          var rows = items().slice();
          if (action === "remove") {
            rows.splice(index, 1);
            setList(rows);
            draw(function () {
              var next = list.children[Math.min(index, rows.length - 1)];
              (next ? next.querySelector("input, select, textarea") : addButton).focus();
            });
            say(capital(options.noun) + " " + (index + 1) + " removed.");
          } else {
            var to = action === "up" ? index - 1 : index + 1;
            if (to < 0 || to >= rows.length) { return; }
            var moved = rows.splice(index, 1)[0];
            rows.splice(to, 0, moved);
            setList(rows);
            draw(function () {
              var button = list.children[to].querySelector('[data-action="' + action + '"]');
              if (!button || button.disabled) { button = list.children[to].querySelector('[data-action="' + (action === "up" ? "down" : "up") + '"]'); }
              if (button) { button.focus(); }
            });
            say(capital(options.noun) + " moved to position " + (to + 1) + " of " + rows.length + ".");
          }
          changed(path);
        }

        function setList(rows) { set(path, rows); }

        addButton.addEventListener("click", function () {
          var rows = items().slice();
          rows.push(options.blank());
          setList(rows);
          draw(function () { list.lastChild.querySelector("input, select, textarea").focus(); });
          say(capital(options.noun) + " " + rows.length + " added.");
          changed(path);
        });
        draw();
        return el("div", {}, [empty, list, problemsBox, el("div", { "class": "ed-inline" }, [addButton])]);
      }

      function capital(text) { return text.charAt(0).toUpperCase() + text.slice(1); }

      function figuresBlock() {
        var metricChoices = choices(schema.metrics, function (m) { return m.label + (m.unit ? " (" + m.unit + ")" : ""); });
        var certainty = choices(schema.certainty);
        return rowList("metrics", {
          noun: "figure", addLabel: "Add a figure", emptyText: "No figures yet.", blank: blankFigure,
          renderRow: function (p, index) {
            var legend = el("legend", { text: figureTitle(index) });
            var row = el("fieldset", { "class": "ed-row", "data-field": p }, [legend,
              el("div", { "class": "ed-grid" }, [
                field(p + ".key", "select", { required: true, empty: "Choose what is counted…", choices: metricChoices,
                  describe: describer(schema.metrics) }),
                field(p + ".label", "text", { required: true, onChange: function () { legend.textContent = figureTitle(index); } }),
                field(p + ".value", "text", { required: true, inputmode: "decimal" }),
                field(p + ".as_of", "text", { required: true }),
                field(p + ".certainty", "select", { required: true, empty: "Choose…", choices: certainty, describe: describer(schema.certainty) }),
                field(p + ".source", "text", { required: true }),
                field(p + ".url", "url", { required: true, wide: true }),
                field(p + ".quote", "area", { wide: true, optional: true, rows: 2 }),
                field(p + ".note", "area", { wide: true, optional: true, rows: 2 }),
                checkbox(p + ".highlight", info(p + ".highlight").label || "A key finding (highlight)", info(p + ".highlight").help)
              ]),
              el("details", { "class": "ed-more" }, [el("summary", { text: "More about this figure (ranges, baselines, quotes that cannot be given)" }),
                el("div", { "class": "ed-grid" }, [
                  field(p + ".qualifier", "select", { optional: true, empty: "None", choices: qualifierChoices() }),
                  field(p + ".upper", "text", { optional: true, inputmode: "decimal" }),
                  field(p + ".baseline", "text", { optional: true, inputmode: "decimal" }),
                  field(p + ".scope", "text", { optional: true }),
                  field(p + ".via", "select", { optional: true, empty: "Not said", choices: choices(schema.via) }),
                  field(p + ".derived", "area", { wide: true, optional: true, rows: 2 }),
                  field(p + ".quote_unavailable", "area", { wide: true, optional: true, rows: 2 })
                ])])
            ]);
            return row;
          }
        });
      }

      function figureTitle(index) {
        var label = get("metrics." + index + ".label");
        return "Figure " + (index + 1) + (label ? ": " + (label.length > 70 ? label.slice(0, 70) + "…" : label) : "");
      }

      function qualifierChoices() {
        return (schema.qualifiers || []).map(function (q) {
          return typeof q === "string" ? { value: q, label: q } : { value: q.key, label: q.label || q.key };
        });
      }

      function sourcesBlock(path, idPrefix) {
        return rowList(path, {
          noun: path === "sources" ? "source" : "study", addLabel: path === "sources" ? "Add a source" : "Add a study",
          emptyText: "None yet.", blank: function () { return { title: "", url: "" }; },
          renderRow: function (p, index) {
            return el("fieldset", { "class": "ed-row", "data-field": p }, [
              el("legend", { text: (path === "sources" ? "Source " : "Study ") + (index + 1) }),
              el("div", { "class": "ed-grid" }, [
                field(p + ".title", "text", { required: true }),
                field(p + ".url", "url", { required: true })
              ])]);
          }
        });
      }

      function evidenceBlock() {
        return el("div", { "data-field": "evidence", id: "f-evidence" }, [
          el("div", { "class": "ed-grid" }, [
            field("evidence.design", "select", { required: true, empty: "Choose how strong the proof is…",
              choices: choices(schema.evidence_designs), describe: describer(schema.evidence_designs) }),
            field("evidence.study_by", "select", { optional: true, empty: "Not said", choices: choices(schema.study_by) }),
            field("evidence.finding", "area", { wide: true, rows: 4 }),
            field("evidence.caveat", "area", { wide: true, rows: 3 }),
            field("evidence.note", "area", { wide: true, optional: true, rows: 3 })
          ]),
          el("h3", { "class": "h3", id: "ed-studies-heading", text: "The studies or reports behind this rating" }),
          sourcesBlock("evidence.sources"),
          el("div", { "class": "ed-problems", id: "p-f-evidence" })
        ]);
      }

      function pictureBlock() {
        var file = el("input", { type: "file", id: "ed-upload-file", accept: "image/png,image/jpeg,image/gif,image/webp,image/avif,image/svg+xml" });
        var alt = el("input", { type: "text", id: "ed-upload-alt", autocomplete: "off", "aria-describedby": "h-ed-upload-alt" });
        var button = el("button", { type: "button", "class": "ed-button", text: "Upload picture" });
        var result = el("div", { "class": "ed-notice", id: "ed-upload-result", tabindex: "-1", hidden: true });
        button.addEventListener("click", function () { upload(file, alt, result); });
        return el("div", {}, [
          el("div", { "class": "ed-grid" }, [
            field("image.src", "text", { help: "The picture shown at the top of the case study: its address, such as /images/tutors.jpg. Upload one below." }),
            field("image.alt", "text", { help: "What the picture shows, for people who cannot see it." })
          ]),
          el("h3", { "class": "h3", text: "Upload a picture" }),
          el("div", { "class": "ed-grid" }, [
            el("div", { "class": "ed-field" }, [el("label", { "for": "ed-upload-file", text: "Picture file (JPEG, PNG, GIF, WebP)" }), file]),
            el("div", { "class": "ed-field" }, [el("label", { "for": "ed-upload-alt" }, ["Describe the picture (alt text)", el("span", { "class": "ed-required", text: " (required)" })]),
              el("p", { "class": "ed-help", id: "h-ed-upload-alt", text: "One sentence saying what it shows, for people who use a screen reader, e.g. “A tutor and two students at a library table”." }),
              alt])
          ]),
          el("div", { "class": "ed-inline" }, [button]),
          result
        ]);
      }

      function upload(file, alt, result) {
        result.hidden = true;
        if (!file.files || !file.files[0]) { say("Choose a picture file first."); file.focus(); return; }
        if (!alt.value.trim()) { say("Describe the picture first: the alt text is required."); alt.focus(); return; }
        var chosen = file.files[0];
        var reader = new FileReader();
        reader.onload = function () {
          var data = String(reader.result).replace(/^data:[^,]*,/, "");
          say("Uploading " + chosen.name + "…");
          request("POST", "upload", { file_name: chosen.name, alt: alt.value.trim(), data: data }).then(function (r) {
            result.textContent = "";
            result.hidden = false;
            if (!r.ok) {
              result.className = "ed-alert";
              result.appendChild(el("p", { text: "The picture was not saved: " + r.data.message }));
              if (r.data.hint) { result.appendChild(el("p", { text: "What to do: " + r.data.hint })); }
              result.focus();
              return;
            }
            var src = r.data.src, text = r.data.alt;
            result.className = "ed-notice";
            var use = el("button", { type: "button", "class": "ed-button", text: "Use as the case study’s picture" });
            var insert = el("button", { type: "button", "class": "ed-button", text: "Insert into the story" });
            use.addEventListener("click", function () {
              set("image", { src: src, alt: text });
              document.getElementById(idFor("image.src")).value = src;
              document.getElementById(idFor("image.alt")).value = text;
              changed("image");
              say("The picture is now the case study’s picture.");
            });
            insert.addEventListener("click", function () {
              var story = document.getElementById(idFor("story"));
              var snippet = "\n\n![" + text.replace(/[\[\]]/g, "") + "](" + src + ")\n\n";
              var at = story.selectionEnd || story.value.length;
              story.value = story.value.slice(0, at) + snippet + story.value.slice(at);
              set("story", story.value);
              changed("story");
              story.focus();
              say("The picture was added to the story.");
            });
            result.appendChild(el("p", { text: "The picture is saved in content/images/ as " + src.split("/").pop() + "." }));
            result.appendChild(el("div", { "class": "ed-row-tools" }, [use, insert]));
            file.value = "";
            alt.value = "";
            result.focus();
          });
        };
        reader.readAsDataURL(chosen);
      }

      function storyBlock() {
        var preview = el("div", { "class": "ed-story-preview", id: "ed-story-preview", "aria-labelledby": "ed-preview-title", role: "region" });
        ui.storyPreview = preview;
        return el("div", { "class": "ed-story" }, [
          field("story", "area", { rows: 18, help: info("story").help || "Saved exactly as you type it." }),
          el("div", {}, [el("p", { "class": "ed-preview-title", id: "ed-preview-title", text: "Preview of the story" }), preview])
        ]);
      }

      // ---------------------------------------------------------------- checking

      function changed(path) {
        touched[path] = true;
        window.clearTimeout(checkTimer);
        checkTimer = window.setTimeout(check, 400);
        if (path === "story") {
          window.clearTimeout(previewTimer);
          previewTimer = window.setTimeout(renderStory, 400);
        }
        ui.dirty = true;
      }

      function check() {
        var seq = ++checkSeq;
        return request("POST", "check", { path: doc.path, form: model }).then(function (r) {
          if (seq !== checkSeq) { return problems; }
          if (!r.ok) { showRefusal(r); return problems; }
          problems = r.data.problems || [];
          showProblems(problems);
          return problems;
        });
      }

      function renderStory() {
        var seq = ++previewSeq;
        request("POST", "preview", { markdown: model.story || "" }).then(function (r) {
          if (seq !== previewSeq || !r.ok) { return; }
          // The same cmark output as the site's pages; the page's CSP keeps any script in it from running.
          ui.storyPreview.innerHTML = r.data.html;
        });
      }

      // The element a problem belongs to: its field, or the nearest enclosing one (a row, a list).
      function fieldFor(path) {
        var parts = (path || "").split(".");
        while (parts.length) {
          var found = ui.form.querySelector('[data-field="' + parts.join(".") + '"]');
          if (found) { return found; }
          parts.pop();
        }
        return null;
      }

      function controlIn(target) {
        if (!target) { return null; }
        if (/^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) { return target; }
        return target.querySelector(":scope > input, :scope > select, :scope > textarea, :scope > .ed-check > input")
          || target.querySelector("input, select, textarea");
      }

      function problemBox(target) {
        if (!target) { return null; }
        var id = "p-" + (target.id || idFor(target.getAttribute("data-field")));
        var box = document.getElementById(id);
        if (!box) {
          box = el("div", { "class": "ed-problems", id: id });
          target.appendChild(box);
        }
        return box;
      }

      function visible(p) {
        if (doc.path || showAll) { return true; }
        if (!p.field) { return false; }
        var group = /\.\d+(\.|$)/.test(p.field) ? p.field.replace(/^(.*\.\d+)(\..*)?$/, "$1") : p.field;
        return Object.keys(touched).some(function (t) { return t === p.field || t === group || t.indexOf(group + ".") === 0; });
      }

      function showProblems(all) {
        var list = all.filter(visible);
        Array.prototype.forEach.call(ui.form.querySelectorAll(".ed-problems"), function (box) { box.textContent = ""; });
        ui.generalProblems.textContent = "";
        Array.prototype.forEach.call(ui.form.querySelectorAll("[aria-invalid], .ed-warned, .ed-checks"), function (c) {
          c.removeAttribute("aria-invalid");
          c.classList.remove("ed-warned");
          var ids = (c.getAttribute("aria-describedby") || "").split(" ").filter(function (id) { return id && id.indexOf("p-") !== 0; });
          c.setAttribute("aria-describedby", ids.join(" "));
        });
        ui.summaryList.textContent = "";
        var errors = 0, warnings = 0;
        list.forEach(function (p, index) {
          if (p.severity === "error") { errors++; } else { warnings++; }
          var target = fieldFor(p.field);
          var control = controlIn(target);
          var box = problemBox(target) || ui.generalProblems;
          // A list of checkboxes (funding, tags) is described as a whole; no one box in it is wrong.
          var group = target && target.classList.contains("ed-checks") ? target : null;
          var node = problemNode(p, group ? null : control, index);
          box.appendChild(node);
          if (group) {
            var groupIds = (group.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
            if (groupIds.indexOf(box.id) < 0) { groupIds.push(box.id); }
            group.setAttribute("aria-describedby", groupIds.join(" "));
          } else if (control) {
            if (p.severity === "error") { control.setAttribute("aria-invalid", "true"); } else { control.classList.add("ed-warned"); }
            var described = (control.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
            if (described.indexOf(box.id) < 0) { described.push(box.id); }
            control.setAttribute("aria-describedby", described.join(" "));
          }
          var where = group ? group.querySelector("legend").textContent : (control ? labelOf(control) : "The whole case study");
          var link = el("a", { href: "#" + (control ? control.id : "ed-general-problems"), text: where + ": " + p.message });
          link.addEventListener("click", function (e) {
            e.preventDefault();
            var details = control && control.closest("details");
            if (details) { details.open = true; }
            (control || ui.generalProblems).focus();
          });
          ui.summaryList.appendChild(el("li", {}, [(p.severity === "error" ? "Error — " : "Warning — "), link]));
        });
        ui.summary.hidden = list.length === 0;
        ui.summary.classList.toggle("ed-only-warnings", errors === 0);
        ui.summaryTitle.textContent = errors
          ? plural(errors, "problem") + " to fix before saving" + (warnings ? " (and " + plural(warnings, "warning") + ")" : "")
          : plural(warnings, "warning") + ": the case study can be saved, but read " + (warnings === 1 ? "it" : "them");
        var waiting = all.length - list.length;
        ui.checkState.textContent = (list.length === 0 ? "Checked: no problems" : "Checked: " + plural(errors, "error") + ", " + plural(warnings, "warning"))
          + (waiting ? " so far (" + waiting + " more in parts not filled in yet: all are listed when you save)." : ".");
      }

      function labelOf(control) {
        var label = control.id ? document.querySelector('label[for="' + control.id + '"]') : null;
        var text = label ? label.childNodes[0].textContent.trim() : (control.name || "This field");
        var row = control.closest(".ed-row");
        return row ? row.querySelector("legend").textContent.split(":")[0] + ", " + text.toLowerCase() : text;
      }

      function problemNode(p, control, index) {
        var node = el("div", { "class": "ed-problem" + (p.severity === "error" ? "" : " ed-warning") }, [
          el("p", {}, [el("strong", { text: p.severity === "error" ? "Error: " : "Warning: " }), p.message])
        ]);
        if (p.hint) { node.appendChild(el("p", { "class": "ed-hint", text: "Hint: " + p.hint })); }
        var suggestion = p.hint && /did you mean `([^`]+)`/.exec(p.hint);
        // Only where the suggestion is the whole value (a list, a key, an address), never a story or a note.
        if (suggestion && control && control.type !== "checkbox" && control.tagName !== "TEXTAREA") {
          var value = suggestion[1];
          var fits = control.tagName !== "SELECT" || Array.prototype.some.call(control.options, function (o) { return o.value === value; });
          if (fits) {
            var shown = control.tagName === "SELECT" ? control.querySelector('option[value="' + value.replace(/"/g, "") + '"]').textContent : value;
            node.appendChild(el("button", { type: "button", "class": "ed-button ed-button-small", text: "Use “" + shown + "”",
              on: { click: function () {
                control.value = value;
                control.dispatchEvent(new Event(control.tagName === "SELECT" ? "change" : "input"));
                control.focus();
                say("Changed to " + shown + ".");
              } } }));
          }
        }
        return node;
      }

      function showRefusal(r) {
        var d = r.data || {};
        ui.alert.textContent = "";
        ui.alert.hidden = false;
        ui.alert.appendChild(el("p", { text: d.message || ("The server answered " + r.status + ".") }));
        if (d.hint) { ui.alert.appendChild(el("p", { text: "What to do: " + d.hint })); }
      }

      // ---------------------------------------------------------------- saving

      function save(asDraft) {
        window.clearTimeout(checkTimer);
        ui.alert.hidden = true;
        model.draft = asDraft;
        var since = lastBuild;
        setBusy(true);
        showAll = true;
        return check().then(function (found) {
          var errors = found.filter(function (p) { return p.severity === "error"; });
          if (!asDraft && errors.length) {
            setBusy(false);
            ui.saveStatus.textContent = "Not saved: fix the problems or save as draft (" + plural(errors.length, "problem") + " listed at the top).";
            ui.summary.focus();
            return;
          }
          ui.saveStatus.textContent = "Saving…";
          return request("POST", "save", { path: doc.path, form: model, digest: doc.digest }).then(function (r) {
            setBusy(false);
            if (r.ok) { return saved(r.data, since); }
            if (r.data.kind === "changed_on_disk") { return changedOnDisk(r.data); }
            if (r.data.kind === "has_errors") {
              if (r.data.problems) { problems = r.data.problems; showProblems(problems); }
              ui.saveStatus.textContent = "Not saved: fix the problems or save as draft.";
              ui.summary.focus();
              return;
            }
            ui.saveStatus.textContent = "Not saved.";
            showRefusal(r);
            ui.alert.focus();
          });
        });
      }

      function setBusy(busy) {
        ui.saveButton.disabled = busy;
        ui.draftButton.disabled = busy;
      }

      function saved(data, since) {
        var wasNew = !doc.path;
        doc.path = data.path;
        doc.digest = data.digest;
        doc.pageUrl = data.page_url;
        ui.dirty = false;
        if (wasNew) {
          var newSlug = data.page_url.replace(/\/$/, "").split("/").pop();
          slug = newSlug;
          history.replaceState(null, "", "/_casebook/edit/" + newSlug);
          document.getElementById("ed-heading").textContent = "Edit case study";
          document.title = "Edit case study · Casebook editor";
        }
        showFile();
        var what = (data.draft ? "Saved as a draft: " : "Saved: ") + data.path + ".";
        if (data.draft && !showsDrafts) {
          ui.saveStatus.textContent = what + " Drafts are not shown on this preview (start it with casebook serve --drafts to see them).";
          return;
        }
        ui.saveStatus.textContent = what + " The page is being rebuilt…";
        awaitingRebuild = { since: since };
        if (lastBuild !== since) { rebuilt(); }
      }

      function rebuilt() {
        if (!awaitingRebuild) { return; }
        awaitingRebuild = null;
        ui.saveStatus.textContent = "Saved, and the page is rebuilt: it is shown below.";
        ui.pageLink.href = doc.pageUrl;
        ui.pageBox.hidden = false;
        ui.pageFrame.src = doc.pageUrl + "?saved=" + Date.now();
      }

      function changedOnDisk(data) {
        ui.saveStatus.textContent = "Not saved: the file changed on disk.";
        ui.conflict.textContent = "";
        ui.conflict.hidden = false;
        var reload = el("button", { type: "button", "class": "ed-button ed-button-main", text: "Reload the file (my changes here are lost)" });
        var keep = el("button", { type: "button", "class": "ed-button", text: "Keep my changes on screen" });
        reload.addEventListener("click", function () { ui.conflict.hidden = true; load(true); });
        keep.addEventListener("click", function () { ui.conflict.hidden = true; ui.saveButton.focus(); });
        ui.conflict.appendChild(el("h2", { id: "ed-conflict-title", text: "This file changed on disk since you opened it" }));
        ui.conflict.setAttribute("aria-labelledby", "ed-conflict-title");
        ui.conflict.appendChild(el("p", { text: "Someone (or another program) saved " + (doc.path || "the file") + " after you opened this form. Saving now would overwrite their change, so nothing was saved." }));
        ui.conflict.appendChild(el("p", { text: "Reload to see the file as it is now and make your change again, or keep your changes on screen and copy what you need first." }));
        ui.conflict.appendChild(el("div", { "class": "ed-row-tools" }, [reload, keep]));
        ui.conflict.focus();
      }

      function showFile() {
        ui.fileLine.textContent = doc.path ? "File: " + doc.path : "A new file in content/case-studies/, named after the title.";
        if (doc.pageUrl) {
          ui.openPage.hidden = false;
          ui.openPage.href = doc.pageUrl;
        }
      }

      function listenForRebuilds() {
        if (!window.EventSource) { return; }
        var events = new EventSource("/_casebook/events");
        events.addEventListener("site", function (e) {
          var data = JSON.parse(e.data);
          var previous = lastBuild;
          lastBuild = data.build;
          if (awaitingRebuild && previous !== null && data.build !== awaitingRebuild.since) { rebuilt(); }
        });
        events.addEventListener("problems", function (e) {
          var data = JSON.parse(e.data);
          lastBuild = data.build;
          if (awaitingRebuild) {
            awaitingRebuild = null;
            ui.saveStatus.textContent = "Saved, but the site could not be rebuilt: " +
              (data.diagnostics && data.diagnostics[0] ? data.diagnostics[0].location.file + ": " + data.diagnostics[0].message : "see the preview") + ".";
          }
        });
      }

      // ---------------------------------------------------------------- the page

      function frame() {
        ui.status = el("div", { "class": "visually-hidden", role: "status", "aria-live": "polite", id: "ed-status" });
        ui.alert = el("div", { "class": "ed-alert", role: "alert", tabindex: "-1", hidden: true });
        ui.conflict = el("div", { "class": "ed-alert", role: "alertdialog", tabindex: "-1", hidden: true, id: "ed-conflict" });
        ui.summaryTitle = el("h2", { id: "ed-summary-title" });
        ui.summaryList = el("ul");
        ui.generalProblems = el("div", { "class": "ed-problems", id: "ed-general-problems", tabindex: "-1" });
        ui.summary = el("div", { "class": "ed-summary", id: "ed-summary", role: "region", "aria-labelledby": "ed-summary-title", tabindex: "-1", hidden: true },
                        [ui.summaryTitle, ui.summaryList, ui.generalProblems]);
        ui.fileLine = el("p", { "class": "ed-help", id: "ed-file" });
        ui.openPage = el("a", { href: "#", hidden: true, text: "Open the case study’s page" });
        ui.checkState = el("span", { id: "ed-check-state" });
        ui.formSlot = el("div");
        ui.saveButton = el("button", { type: "button", "class": "ed-button ed-button-main", id: "ed-save", text: "Save" });
        ui.draftButton = el("button", { type: "button", "class": "ed-button", id: "ed-save-draft", text: "Save as draft" });
        ui.saveStatus = el("p", { "class": "ed-save-status", id: "ed-save-status", role: "status" });
        ui.saveButton.addEventListener("click", function () { save(false); });
        ui.draftButton.addEventListener("click", function () { save(true); });
        ui.pageLink = el("a", { href: "#", text: "Open the saved page in this window" });
        ui.pageFrame = el("iframe", { "class": "ed-page-frame", title: "The saved case study, as the preview shows it" });
        ui.pageBox = el("section", { "class": "ed-notice", "aria-labelledby": "ed-page-title", hidden: true, id: "ed-page" }, [
          el("h2", { id: "ed-page-title", text: "The saved page" }), el("p", {}, [ui.pageLink]), ui.pageFrame]);
        var saveBar = el("div", { "class": "ed-save", role: "group", "aria-label": "Save" }, [ui.saveButton, ui.draftButton, ui.saveStatus]);
        [el("div", {}, [ui.fileLine, ui.openPage]), el("p", { "class": "ed-help" }, [ui.checkState]),
         ui.status, ui.alert, ui.conflict, ui.summary, ui.formSlot, saveBar, ui.pageBox].forEach(function (node) { main.appendChild(node); });
      }

      function load(again) {
        var opened = slug
          ? request("GET", "case?slug=" + encodeURIComponent(slug))
          : Promise.resolve({ ok: true, data: { path: null, digest: null, form: blankForm(), page_url: null } });
        return opened.then(function (r) {
          if (!r.ok) { showRefusal(r); if (r.data.problems) { showUnreadable(r.data.problems); } return; }
          model = r.data.form;
          doc = { path: r.data.path, digest: r.data.digest, pageUrl: r.data.page_url };
          ["partners", "funding", "tags", "metrics", "sources"].forEach(function (k) { if (!model[k]) { model[k] = []; } });
          if (!model.years) { model.years = { start: "", end: null }; }
          render();
          showFile();
          renderStory();
          check();
          ui.dirty = false;
          if (again) { say("Reloaded from disk."); ui.form.querySelector("input, select, textarea").focus(); }
        });
      }

      function showUnreadable(list) {
        var items = el("ul");
        list.forEach(function (p) {
          items.appendChild(el("li", { text: "Line " + p.line + ", column " + p.column + ": " + p.message + (p.hint ? " — " + p.hint : "") }));
        });
        ui.alert.appendChild(items);
      }

      function start() {
        var loading = document.getElementById("ed-loading");
        frame();
        listenForRebuilds();
        window.addEventListener("beforeunload", function (e) { if (ui.dirty) { e.preventDefault(); e.returnValue = ""; } });
        request("GET", "schema").then(function (r) {
          if (loading) { loading.remove(); }
          if (!r.ok) { showRefusal(r); return; }
          schema = r.data;
          (schema.fields || []).forEach(function (f) {
            var key = f.key || f.path || f.name;
            if (key) { fieldInfo[key] = f; fieldInfo[key.replace(/\[\]|\.\d+/g, ".*")] = f; }
          });
          return load(false);
        });
      }

      start();
    })();
    """#
}
