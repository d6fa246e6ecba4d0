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
        /// A body refused before cmark saw it (see `bracketBudget`); it renders as nothing.
        var problems: [Diagnostic] = []
    }

    struct Heading: Sendable {
        var id: String
        var text: String
    }

    /// Debian's libcmark 0.30.2 has CVE-2023-22486: each link closed in a paragraph walks back over
    /// every `![` still open before it, so `![[]()` repeated takes quadratic time (over 100 s for 1 MB).
    /// The walk is at most (open `![`) × (`]`) per paragraph; a body whose paragraphs add up to more
    /// than this many steps (about 50 ms of work) is refused before cmark sees it. Real stories are
    /// thousands of times below it; documented in docs/troubleshooting.md.
    static let bracketBudget = 20_000_000

    static func render(_ source: MarkdownSource, basePath: String) -> Rendered {
        if let line = lineOverBracketBudget(source.text) {
            let location = SourceLocation(file: source.file, line: source.firstLine + line - 1, column: 1)
            return Rendered(html: "", links: [], images: [], wordCount: 0, problems: [.error(
                location, "from this paragraph on, the story has too many `![` and `]` brackets for the Markdown reader to finish in time",
                hint: "write brackets that are not links or images as \\[ and \\], or split long runs of them into paragraphs with blank lines")])
        }
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
        let textLines = bytes.contains(0x7C) ? source.text.split(separator: "\n", omittingEmptySubsequences: false) : []
        var lines: [ArraySlice<UInt8>]? = nil
        var autolinksSeen: [String: Int] = [:]
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
            if type == CMARK_NODE_PARAGRAPH, !textLines.isEmpty {
                let line = Int(cmark_node_get_start_line(node))
                if line >= 1, line < textLines.count, textLines[line - 1].contains("|"), isTableDelimiterRow(textLines[line]) {
                    pipeTables.append(SourceLocation(file: source.file, line: source.firstLine + line - 1,
                                                     column: max(1, Int(cmark_node_get_start_column(node)))))
                }
            }
            if type == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(node) {
                words += wordCount(literal)
            }
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let rawURL = cmark_node_get_url(node) else { continue }
            let url = String(cString: rawURL)
            let location = position(of: node, in: source, lines: &lines, autolinksSeen: &autolinksSeen)
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

    /// The first line of the paragraph where the brackets' worst-case work passes `bracketBudget`, if
    /// any. Paragraphs are counted as runs of non-blank lines, and backslash-escaped brackets do not count.
    static func lineOverBracketBudget(_ text: String) -> Int? {
        var total = 0, images = 0, closers = 0
        var line = 1, paragraphStart = 1, blank = true, escaped = false, bang = false
        for byte in text.utf8 {
            if byte == 0x0A {
                if blank {
                    total += images * closers
                    if total > bracketBudget { return paragraphStart }
                    images = 0; closers = 0
                    paragraphStart = line + 1
                }
                line += 1; blank = true; escaped = false; bang = false
                continue
            }
            if byte != 0x20 && byte != 0x09 { blank = false }
            if escaped { escaped = false; bang = false; continue }
            switch byte {
            case 0x5C: escaped = true
            case 0x5B where bang: images += 1
            case 0x5D: closers += 1
            default: break
            }
            bang = byte == 0x21
        }
        total += images * closers
        return total > bracketBudget ? paragraphStart : nil
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

    /// Where a link or image starts, in characters. cmark 0.30.2 gives inlines a line and a byte
    /// column; the column of an autolink (`<https://…>`) leaves out the indentation of lists and quotes
    /// and counts on from earlier lines of the paragraph, so autolinks are found in the line itself.
    private static func position(of node: OpaquePointer, in source: MarkdownSource, lines: inout [ArraySlice<UInt8>]?,
                                 autolinksSeen: inout [String: Int]) -> SourceLocation {
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 {
                let byteColumn = max(1, Int(cmark_node_get_start_column(candidate)))
                if lines == nil { lines = Array(source.text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false) }
                guard line <= lines!.count else { break }
                let text = lines![lines!.startIndex + line - 1]
                func column(atByte offset: Int) -> SourceLocation {
                    let prefix = text.prefix(offset)
                    return SourceLocation(file: source.file, line: source.firstLine + line - 1,
                                          column: String(decoding: prefix, as: UTF8.self).count + 1)
                }
                let start = text.index(text.startIndex, offsetBy: min(byteColumn - 1, text.count))
                if candidate != node || text[start...].first == UInt8(ascii: "[") || text[start...].starts(with: "![".utf8) {
                    return column(atByte: byteColumn - 1)
                }
                // An autolink: the n-th `<text>` on its line, n counting the same autolink met before.
                let needle = Array(("<" + plainText(of: node) + ">").utf8)
                let key = "\(line):" + String(decoding: needle, as: UTF8.self)
                let wanted = autolinksSeen[key, default: 0]
                autolinksSeen[key] = wanted + 1
                var seen = 0
                var index = text.startIndex
                while index < text.endIndex, text.endIndex - index >= needle.count {
                    if text[index] == needle[0], text[index..<(index + needle.count)].elementsEqual(needle) {
                        if seen == wanted { return column(atByte: index - text.startIndex) }
                        seen += 1
                    }
                    index += 1
                }
                return column(atByte: byteColumn - 1)
            }
            current = cmark_node_parent(candidate)
        }
        return SourceLocation(file: source.file, line: source.firstLine, column: 1)
    }

    /// The text inside a node (an image's alt text), walked with cmark's iterator rather than by
    /// recursion: emphasis can nest thousands deep, and the build's worker threads have small stacks.
    private static func plainText(of node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator), current != node,
                  let literal = cmark_node_get_literal(current) else { continue }
            text += String(cString: literal)
        }
        return text
    }
}
