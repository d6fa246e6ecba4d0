/// The script served at `/_casebook/live.js` and named by one line added to each HTML page as it is
/// served (never to the files on disk). It listens to the event stream, reloads the page after a
/// rebuild, and shows the build's problems over the page while the site cannot be rebuilt. It uses
/// no inline script or style, so the site's Content-Security-Policy (`'self'` only) allows it.
enum LiveReloadScript {
    static let path = "/_casebook/live.js"
    static let eventsPath = "/_casebook/events"

    /// The line added before `</body>`; `build` lets the page notice a rebuild it missed.
    static func tag(build: String) -> String {
        "<script src=\"\(path)\" data-build=\"\(build)\" defer></script>"
    }

    static let source = #"""
    // Casebook preview: reload after each rebuild, show build problems over the page.
    (function () {
      "use strict";
      var me = document.currentScript;
      var shown = me ? me.getAttribute("data-build") : null;
      var overlay = null;

      function hide() {
        if (overlay) { overlay.remove(); overlay = null; }
      }

      function line(tag, text, styles) {
        var el = document.createElement(tag);
        el.textContent = text;
        if (styles) { Object.assign(el.style, styles); }
        return el;
      }

      // The line the problem is on, with a caret under its column (tabs kept so the caret lines up).
      function excerpt(p) {
        var number = String(p.location.line);
        var characters = Array.from(p.sourceLine);
        var padding = characters.slice(0, Math.max(0, p.location.column - 1))
          .map(function (c) { return c === "\t" ? "\t" : " "; }).join("");
        var gutter = " ".repeat(number.length);
        return line("pre", number + " | " + p.sourceLine + "\n" + gutter + " | " + padding + "^",
          { margin: "0.3rem 0", padding: "0.4rem 0.6rem", background: "rgba(255, 255, 255, 0.08)",
            overflowX: "auto", font: "inherit", tabSize: "4" });
      }

      function show(problems) {
        hide();
        overlay = document.createElement("div");
        overlay.id = "casebook-problems";
        overlay.setAttribute("role", "alertdialog");
        overlay.setAttribute("aria-labelledby", "casebook-problems-title");
        Object.assign(overlay.style, {
          position: "fixed", inset: "0", zIndex: "2147483647", overflow: "auto",
          background: "rgba(20, 20, 28, 0.94)", color: "#fff", padding: "2rem",
          font: "15px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace"
        });
        function count(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
        var listed = problems.filter(function (p) { return p.code !== "more-problems"; });
        var errors = listed.filter(function (p) { return p.severity === "error"; }).length;
        var heading = count(errors, "error");
        if (listed.length > errors) { heading += ", " + count(listed.length - errors, "warning"); }
        if (listed.length < problems.length) { heading += ", and more counted below"; }
        var title = line("h2", "The site could not be rebuilt: " + heading,
          { margin: "0 0 0.5rem", font: "bold 1.4rem/1.3 system-ui, sans-serif", color: "#ffb4b4" });
        title.id = "casebook-problems-title";
        overlay.appendChild(title);
        overlay.appendChild(line("p", "You are looking at the last version that built. Fix the file below and save: this page reloads by itself.",
          { margin: "0 0 1.5rem", font: "1rem/1.5 system-ui, sans-serif" }));
        var list = document.createElement("ol");
        Object.assign(list.style, { margin: "0", padding: "0 0 0 1.5rem" });
        problems.forEach(function (p) {
          var item = document.createElement("li");
          Object.assign(item.style, { marginBottom: "1rem" });
          var where = p.location.file + ":" + p.location.line + ":" + p.location.column;
          item.appendChild(line("div", where + ": " + p.severity,
            { color: p.severity === "error" ? "#ffb4b4" : "#ffe08a", fontWeight: "bold" }));
          item.appendChild(line("div", p.message + (p.code ? " [" + p.code + "]" : "")));
          if (p.sourceLine !== undefined) { item.appendChild(excerpt(p)); }
          if (p.hint) { item.appendChild(line("div", "hint: " + p.hint, { color: "#b8d8ff" })); }
          list.appendChild(item);
        });
        overlay.appendChild(list);
        var close = line("button", "Hide until the next rebuild", { marginTop: "1rem", font: "inherit", padding: "0.4rem 0.8rem" });
        close.type = "button";
        close.addEventListener("click", hide);
        overlay.appendChild(close);
        document.body.appendChild(overlay);
      }

      if (!window.EventSource) { return; }
      var events = new EventSource("/_casebook/events");
      events.addEventListener("site", function (e) {
        var data = JSON.parse(e.data);
        if (shown !== null && data.build !== shown) { location.reload(); return; }
        shown = data.build;
        hide();
      });
      events.addEventListener("problems", function (e) {
        var data = JSON.parse(e.data);
        if (shown === null) { shown = data.build; }
        show(data.diagnostics);
      });
    })();
    """#
}
