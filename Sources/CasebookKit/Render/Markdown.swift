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
                hint: "write brackets that are not links or images as \\[ and \\], or split long runs of them into paragraphs with blank lines", code: .storyTooComplex)])
        }
        if let (line, column, value) = controlReference(source.text) {
            let location = SourceLocation(file: source.file, line: source.firstLine + line - 1, column: column)
            return Rendered(html: "", links: [], images: [], wordCount: 0, problems: [.error(
                location, "this character reference stands for the control character U+\(String(format: "%04X", value)), which cannot be published",
                hint: "delete it; only tabs and line breaks are allowed (write `&amp;#\(value);` to show the reference itself)", code: .fileControlCharacter)])
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
        var headingIDs = UniqueIDs()
        var pipeTables: [SourceLocation] = []
        // Only a body with a `|` can hold a pipe table; only then are its lines needed.
        let textLines = bytes.contains(0x7C) ? source.text.split(separator: "\n", omittingEmptySubsequences: false) : []
        var lines = LineIndex(source.text)
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HEADING, cmark_node_get_heading_level(node) == 2 {
                let text = plainText(of: node)
                let slug = Slug.make(from: text)
                headings.append(Heading(id: headingIDs.claim(slug.isEmpty ? "section" : "section-" + slug), text: text))
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
            let location = position(of: node, in: source, lines: &lines)
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
        // One pass over the bytes: `<hN>` and `</hN>` become level N+1 for N from 2 to 5, and
        // `<h2 id="` becomes `<h3 id="prefix`. cmark writes heading tags exactly so.
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 256)
        let prefix = Array(idPrefix.utf8)
        let idAttribute = Array(" id=\"".utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<"), index + 3 < bytes.count {
                let closing = bytes[index + 1] == UInt8(ascii: "/")
                let h = index + (closing ? 2 : 1)
                if h + 2 < bytes.count, bytes[h] == UInt8(ascii: "h"), (UInt8(ascii: "2")...UInt8(ascii: "5")).contains(bytes[h + 1]) {
                    let level = bytes[h + 1]
                    if bytes[h + 2] == UInt8(ascii: ">") {
                        out.append(contentsOf: bytes[index..<h + 1])
                        out.append(level + 1)
                        out.append(UInt8(ascii: ">"))
                        index = h + 3
                        continue
                    }
                    if !closing, level == UInt8(ascii: "2"), h + 2 + idAttribute.count <= bytes.count,
                       bytes[(h + 2)..<(h + 2 + idAttribute.count)].elementsEqual(idAttribute) {
                        out.append(contentsOf: Array("<h3".utf8) + idAttribute + prefix)
                        index = h + 2 + idAttribute.count
                        continue
                    }
                }
            }
            out.append(byte)
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
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
        // One pass over the bytes, finding each `<h2>`.
        let tag = Array("<h2>".utf8)
        var html = html
        return html.withUTF8 { bytes -> String in
            var starts: [Int] = []
            var index = 0
            while index + tag.count <= bytes.count {
                if bytes[index] == tag[0], bytes[index + 1] == tag[1], bytes[index + 2] == tag[2], bytes[index + 3] == tag[3] {
                    starts.append(index)
                    index += tag.count
                } else {
                    index += 1
                }
            }
            guard starts.count == headings.count else { return String(decoding: bytes, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + headings.count * 48)
            var copied = 0
            for (start, heading) in zip(starts, headings) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<start]))
                out.append(contentsOf: "<h2 id=\"\(heading.id)\">".utf8)
                copied = start + tag.count
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<bytes.count]))
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The first `&#27;` or `&#x1B;` that cmark would turn into a control character (C0 other than tab
    /// and line breaks, DEL, C1), with its line, column (in characters) and value. The file itself may
    /// not hold such characters (see `SourceText`); this is the same rule for the references to them.
    static func controlReference(_ text: String) -> (line: Int, column: Int, value: UInt32)? {
        guard text.utf8.contains(0x26) else { return nil }
        let bytes = Array(text.utf8)
        var line = 1, lineStart = 0, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A { line += 1; lineStart = index + 1 }
            guard byte == 0x26, index + 3 < bytes.count, bytes[index + 1] == 0x23 else { index += 1; continue }
            var cursor = index + 2
            let hex = bytes[cursor] == UInt8(ascii: "x") || bytes[cursor] == UInt8(ascii: "X")
            if hex { cursor += 1 }
            var value: UInt32 = 0, digits = 0
            while cursor < bytes.count, digits < 8 {
                let c = bytes[cursor]
                let digit: UInt32? = switch c {
                case 0x30...0x39: UInt32(c - 0x30)
                case 0x61...0x66 where hex: UInt32(c - 0x61 + 10)
                case 0x41...0x46 where hex: UInt32(c - 0x41 + 10)
                default: nil
                }
                guard let digit else { break }
                value = value * (hex ? 16 : 10) + digit
                digits += 1
                cursor += 1
            }
            if digits > 0, cursor < bytes.count, bytes[cursor] == 0x3B,
               (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D && value != 0) || (0x7F...0x9F).contains(value) {
                let column = bytes[lineStart..<index].filter { $0 & 0xC0 != 0x80 }.count + 1
                return (line, column, value)
            }
            index += 1
        }
        return nil
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
    private static func position(of node: OpaquePointer, in source: MarkdownSource, lines: inout LineIndex) -> SourceLocation {
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 {
                let byteColumn = max(1, Int(cmark_node_get_start_column(candidate)))
                let offset: Int
                if candidate != node || lines.startsLink(line: line, at: byteColumn - 1) {
                    offset = byteColumn - 1
                } else {
                    offset = lines.nextAutolink(line: line, text: plainText(of: node)) ?? byteColumn - 1
                }
                return SourceLocation(file: source.file, line: source.firstLine + line - 1,
                                      column: lines.column(line: line, byte: offset))
            }
            current = cmark_node_parent(candidate)
        }
        return SourceLocation(file: source.file, line: source.firstLine, column: 1)
    }

    /// The body's lines as bytes, made on first use, with what the searches have passed: links are met
    /// in document order, so each line is searched and counted forward only once, however many links
    /// it holds (a line of 30,000 autolinks stays linear).
    struct LineIndex {
        let text: String
        private var lines: [ArraySlice<UInt8>]?
        /// Per line: where the next autolink search starts.
        private var autolinkCursor: [Int: Int] = [:]
        /// Per line: a byte offset and the number of characters before it.
        private var counted: [Int: (byte: Int, characters: Int)] = [:]

        init(_ text: String) { self.text = text }

        private mutating func bytes(_ line: Int) -> ArraySlice<UInt8> {
            if lines == nil { lines = Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false) }
            guard line >= 1, line <= lines!.count else { return [] }
            return lines![lines!.startIndex + line - 1]
        }

        /// Whether a `[` or `![` is at this byte offset of the line (a link or image whose column cmark got right).
        mutating func startsLink(line: Int, at offset: Int) -> Bool {
            let text = bytes(line)
            guard offset >= 0, offset < text.count else { return false }
            let rest = text.dropFirst(offset)
            return rest.first == UInt8(ascii: "[") || rest.starts(with: "![".utf8)
        }

        /// The byte offset of the next `<text>` on the line. An autolink whose text cmark changed
        /// (`&amp;` becomes `&`) is not found; after one such miss the line is not searched again,
        /// since each miss reads the rest of the line, and a line of them would take quadratic time.
        mutating func nextAutolink(line: Int, text: String) -> Int? {
            if autolinkCursor[line] == Self.exhausted { return nil }
            let line_ = bytes(line)
            let needle = Array(("<" + text + ">").utf8)
            var index = line_.startIndex + (autolinkCursor[line] ?? 0)
            while index + needle.count <= line_.endIndex {
                if line_[index] == needle[0], line_[index..<(index + needle.count)].elementsEqual(needle) {
                    autolinkCursor[line] = index - line_.startIndex + needle.count
                    return index - line_.startIndex
                }
                index += 1
            }
            autolinkCursor[line] = Self.exhausted
            return nil
        }

        /// The cursor of a line where a search for an autolink failed.
        private static let exhausted = -1

        /// The 1-based column, in Unicode characters, of a byte offset in the line.
        mutating func column(line: Int, byte offset: Int) -> Int {
            let text = bytes(line)
            let target = min(max(0, offset), text.count)
            var (byte, characters) = counted[line] ?? (0, 0)
            if byte > target { (byte, characters) = (0, 0) }
            var index = text.startIndex + byte
            while index < text.startIndex + target {
                if text[index] & 0xC0 != 0x80 { characters += 1 }
                index += 1
            }
            counted[line] = (target, characters)
            return characters + 1
        }
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
