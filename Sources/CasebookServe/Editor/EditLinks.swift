import Foundation

/// The editor's links on the preview's pages: "Edit this case study" on each case page and "New case
/// study" on every page, added to the served copy as the page goes out (like the live-reload script),
/// never to the files on disk, so the built site has none. Styled by a file, for the CSP.
enum EditLinks {
    static let stylePath = EditorRoutes.apiPrefix + "edit-bar.css"

    /// The bar for the page at `relative` (a file in the output folder: `case-studies/x/index.html`).
    static func bar(forPage relative: String) -> String {
        var links = ""
        if let slug = caseSlug(relative) {
            links += "<a class=\"casebook-edit-link\" href=\"\(EditorRoutes.pagePrefix)\(slug)\" target=\"_top\">Edit this case study</a> "
        }
        links += "<a class=\"casebook-edit-link\" href=\"\(EditorRoutes.newPage)\" target=\"_top\">New case study</a>"
        return "<link rel=\"stylesheet\" href=\"\(stylePath)\">"
            + "<nav class=\"casebook-edit-bar\" aria-label=\"Editor (preview only)\">\(links)</nav>"
    }

    /// The case's address when the page is a case page: `case-studies/<slug>/index.html`.
    static func caseSlug(_ relative: String) -> String? {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "case-studies", parts[2] == "index.html", parts[1] != "page",
              CaseFiles.isPlainName(String(parts[1])) else { return nil }
        return String(parts[1])
    }

    /// The bar goes at the start of `<main>` (first in reading order after the skip link), or at the
    /// end of the body on a page without one.
    static func inject(_ bar: String, into page: Data) -> Data {
        var copy = page
        if let open = page.range(of: Data("<main".utf8)),
           let close = page[open.upperBound...].firstIndex(of: UInt8(ascii: ">")) {
            copy.insert(contentsOf: Data(bar.utf8), at: close + 1)
        } else if let end = page.range(of: Data("</body>".utf8), options: .backwards) {
            copy.insert(contentsOf: Data(bar.utf8), at: end.lowerBound)
        } else {
            copy.append(Data(bar.utf8))
        }
        return copy
    }

    static let style = """
    /* Casebook preview only: the editor's links. */
    .casebook-edit-bar {
      display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; justify-content: flex-end;
      max-width: 72rem; margin: 0.75rem auto 0; padding: 0 1rem;
      font: 0.95rem/1.4 system-ui, sans-serif;
    }
    .casebook-edit-link {
      display: inline-block; padding: 0.35rem 0.8rem; border-radius: 999px;
      border: 1px solid var(--primary, #0b4a66); color: var(--primary, #0b4a66);
      background: var(--card, #fff); text-decoration: none; font-weight: 600;
    }
    .casebook-edit-link:hover { background: var(--primary-soft, #e3eef3); }
    .casebook-edit-link:focus-visible { outline: 3px solid var(--focus, #c2410c); outline-offset: 2px; }
    @media print { .casebook-edit-bar { display: none; } }
    """
}
