import CCmark
import Foundation

/// The one place that touches cmark. Parses a body, rewrites root-relative links for the base path,
/// reports the links and images it found (with their file positions), and renders HTML with cmark's
/// safe defaults: raw HTML and `javascript:` links in content are never emitted.
enum Markdown {
    struct Reference: Sendable {
        var url: String
        var location: SourceLocation
        /// Alt text for images; nil for links.
        var alt: String?
    }

    struct Rendered: Sendable {
        var html: String
        var links: [Reference]
        var images: [Reference]
        var wordCount: Int
        /// The body's second-level headings, each with the `id` its `<h2>` carries, for a contents list.
        var headings: [Heading] = []
        /// Paragraphs written as pipe tables, which core CommonMark shows as raw `|` characters.
        var pipeTables: [SourceLocation] = []
    }

    struct Heading: Sendable {
        var id: String
        var text: String
    }

    static func render(_ source: MarkdownSource, basePath: String) -> Rendered {
        let options = CMARK_OPT_SMART
        let bytes = Array(source.text.utf8)
        guard let document = bytes.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parse_document($0, buffer.count, options) }
            } ?? cmark_parse_document("", 0, options)
        }) else {
            return Rendered(html: "", links: [], images: [], wordCount: 0)
        }
        defer { cmark_node_free(document) }

        var links: [Reference] = []
        var images: [Reference] = []
        var words = 0
        var headings: [Heading] = []
        var pipeTables: [SourceLocation] = []
        // Only a body with a `|` can hold a pipe table; only then are its lines needed.
        let lines = bytes.contains(0x7C) ? source.text.split(separator: "\n", omittingEmptySubsequences: false) : []
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HEADING, cmark_node_get_heading_level(node) == 2 {
                let text = plainText(of: node)
                var id = "section-" + Slug.make(from: text)
                if id == "section-" { id = "section" }
                let base = id
                var n = 2
                while headings.contains(where: { $0.id == id }) { id = "\(base)-\(n)"; n += 1 }
                headings.append(Heading(id: id, text: text))
            }
            if type == CMARK_NODE_PARAGRAPH, !lines.isEmpty {
                let line = Int(cmark_node_get_start_line(node))
                if line >= 1, line < lines.count, lines[line - 1].contains("|"), isTableDelimiterRow(lines[line]) {
                    pipeTables.append(SourceLocation(file: source.file, line: source.firstLine + line - 1,
                                                     column: max(1, Int(cmark_node_get_start_column(node)))))
                }
            }
            if type == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(node) {
                words += wordCount(literal)
            }
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let rawURL = cmark_node_get_url(node) else { continue }
            let url = String(cString: rawURL)
            let location = position(of: node, in: source)
            if type == CMARK_NODE_IMAGE {
                images.append(Reference(url: url, location: location, alt: plainText(of: node)))
            } else {
                links.append(Reference(url: url, location: location, alt: nil))
            }
            if url.hasPrefix("/"), !url.hasPrefix("//"), basePath != "/" {
                cmark_node_set_url(node, basePath + url.dropFirst())
            }
        }
        guard let rendered = cmark_render_html(document, options) else {
            return Rendered(html: "", links: links, images: images, wordCount: words)
        }
        defer { free(rendered) }
        return Rendered(html: withHeadingIDs(String(cString: rendered), headings), links: links, images: images,
                        wordCount: words, headings: headings, pipeTables: pipeTables)
    }

    /// A rendered body placed under a heading of its own (the report): every heading one level down,
    /// and the ids of its second-level headings prefixed, so bodies side by side repeat no id.
    static func demotingHeadings(_ html: String, idPrefix: String) -> String {
        var html = html
        for level in (3...5).reversed() {
            html = html.replacingOccurrences(of: "<h\(level)>", with: "<h\(level + 1)>")
                .replacingOccurrences(of: "</h\(level)>", with: "</h\(level + 1)>")
        }
        return html.replacingOccurrences(of: "<h2 id=\"", with: "<h3 id=\"\(idPrefix)")
            .replacingOccurrences(of: "<h2>", with: "<h3>").replacingOccurrences(of: "</h2>", with: "</h3>")
    }

    /// The second line of a GitHub-style table: `|---|:--:|` or `--- | ---`.
    static func isTableDelimiterRow(_ line: Substring) -> Bool {
        let cells = line.trimmingCharacters(in: .whitespaces).split(separator: "|", omittingEmptySubsequences: true)
        guard line.contains("-"), !cells.isEmpty, line.contains("|") || cells.count > 1 else { return false }
        return cells.allSatisfy { cell in
            let trimmed = cell.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return false }
            var inner = Substring(trimmed)
            if inner.first == ":" { inner = inner.dropFirst() }
            if inner.last == ":" { inner = inner.dropLast() }
            return !inner.isEmpty && inner.allSatisfy { $0 == "-" }
        }
    }

    /// Gives each `<h2>` its id, in order. Raw HTML is never emitted, so every `<h2>` in cmark's output
    /// is one of the headings found above (a literal "<h2>" in the text is escaped).
    private static func withHeadingIDs(_ html: String, _ headings: [Heading]) -> String {
        guard !headings.isEmpty else { return html }
        var parts = html.components(separatedBy: "<h2>")
        guard parts.count == headings.count + 1 else { return html }
        for index in headings.indices { parts[index + 1] = "<h2 id=\"\(headings[index].id)\">" + parts[index + 1] }
        return parts.joined()
    }

    /// Words in a text node: runs of characters between whitespace, counted on Unicode scalars
    /// (ASCII without a table lookup), without copying the text into a Swift string.
    private static func wordCount(_ literal: UnsafePointer<CChar>) -> Int {
        var count = 0, inWord = false
        for scalar in String(cString: literal).unicodeScalars {
            let space = scalar.isASCII
                ? (scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar.value == 0x0B || scalar.value == 0x0C)
                : scalar.properties.isWhitespace
            if space { inWord = false } else if !inWord { inWord = true; count += 1 }
        }
        return count
    }

    /// cmark tracks positions for blocks; an inline's position is that of the block holding it.
    private static func position(of node: OpaquePointer, in source: MarkdownSource) -> SourceLocation {
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 {
                let column = max(1, Int(cmark_node_get_start_column(candidate)))
                return SourceLocation(file: source.file, line: source.firstLine + line - 1, column: column)
            }
            current = cmark_node_parent(candidate)
        }
        return SourceLocation(file: source.file, line: source.firstLine, column: 1)
    }

    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            if let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
            text += plainText(of: current)
            child = cmark_node_next(current)
        }
        return text
    }
}
